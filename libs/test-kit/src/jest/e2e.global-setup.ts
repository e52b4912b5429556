import { ensureInfrastructure } from './infrastructure';

export default async function e2eGlobalSetup(): Promise<void> {
  ensureInfrastructure();
}
