import { runService } from '@rectify/http';
import { AppModule } from './app.module';
import { RectificationEnv } from './rectification.env';

runService(AppModule, RectificationEnv, { name: 'rectification' });
