import './register-aliases';
import { stopContainers } from '../infra/containers';
import { stopStack } from '../stack/e2e-stack';

export default async function e2eGlobalTeardown(): Promise<void> {
  stopStack();
  await stopContainers();
}
