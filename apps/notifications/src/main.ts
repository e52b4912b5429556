import { runService } from '@rectify/http';
import { AppModule } from './app.module';
import { NotificationsEnv } from './notifications.env';

runService(AppModule, NotificationsEnv, { name: 'notifications' });
