import { Module } from '@nestjs/common';
import { EventSourcedServiceModule } from '@rectify/service-kit';
import { NOTIFICATIONS_MIGRATIONS } from './migrations';
import { NoticesModule } from './notices/notices.module';
import { NotificationsEnv } from './notifications.env';

@Module({
  imports: [
    EventSourcedServiceModule.forService({ service: 'notifications', env: NotificationsEnv, migrations: NOTIFICATIONS_MIGRATIONS }),
    NoticesModule,
  ],
})
export class AppModule {}
