import { ServiceEnv } from '@rectify/config';

export class EvaluationsEnv extends ServiceEnv {
  override PORT = 3003;
}
