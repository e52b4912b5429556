import { ServiceEnv } from '@rectify/config';

export class InspectionsEnv extends ServiceEnv {
  override PORT = 3002;
}
