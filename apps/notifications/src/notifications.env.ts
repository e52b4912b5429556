import { ServiceEnv } from '@rectify/config';

export class NotificationsEnv extends ServiceEnv {
  override PORT = 3004;
}
