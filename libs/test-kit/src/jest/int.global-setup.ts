import './register-aliases';
import { ensureInfrastructure } from './infrastructure';

/** Integration tests need the real broker and database: start them (idempotently) if absent. */
export default async function intGlobalSetup(): Promise<void> {
  await ensureInfrastructure();
}
