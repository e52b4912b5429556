import './register-aliases';
import { stopContainers } from '../infra/containers';

export default async function intGlobalTeardown(): Promise<void> {
  await stopContainers();
}
