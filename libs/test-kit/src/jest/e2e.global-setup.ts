import './register-aliases';
import { startStack } from '../stack/e2e-stack';
import { ensureInfrastructure } from './infrastructure';

/** e2e tests talk to the built services running as processes, like production. */
export default async function e2eGlobalSetup(): Promise<void> {
  await ensureInfrastructure();
  await startStack();
}
