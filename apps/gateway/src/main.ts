import { runService } from '@rectify/http';
import { AppModule } from './app.module';
import { GatewayEnv } from './gateway.env';
import { mountApiProxy } from './proxy/mount-api-proxy';

// Express: the proxy is Express middleware mounted before the body parser (ADR 010).
runService(AppModule, GatewayEnv, { name: 'gateway', platform: 'express', beforeBodyParser: mountApiProxy });
