import { ServiceEnv } from '@rectify/config';

export class RectificationEnv extends ServiceEnv {
  override PORT = 3001;
}
