import { runService } from '@rectify/http';
import { AppModule } from './app.module';
import { GatewayEnv } from './gateway.env';
import { mountApiProxy } from './proxy/mount-api-proxy';

runService(AppModule, GatewayEnv, { name: 'gateway', beforeBodyParser: mountApiProxy });
