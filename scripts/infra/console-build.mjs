// The web console (apps/console): type-checked with its own tsconfig (DOM, JSX), bundled by Vite
// into dist/console, which the gateway serves at /.
import fs from 'node:fs';
import path from 'node:path';
import { InfraError, ROOT, formatDuration, log, run } from './processes.mjs';

export async function buildConsole() {
  const config = path.join(ROOT, 'apps', 'console', 'vite.config.mts');
  if (!fs.existsSync(config)) throw new InfraError('apps/console/vite.config.mts is missing; cannot build the web console');
  log('building the web console (tsc -p apps/console/tsconfig.json, vite build → dist/console)…', 'build');
  const started = Date.now();
  const checked = await run(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'apps', 'console', 'tsconfig.json')]);
  if (checked !== 0) throw new InfraError(`the web console does not type-check (tsc exit code ${checked}); see the errors above`);
  const bundled = await run(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', config, '--logLevel', 'warn']);
  if (bundled !== 0) throw new InfraError(`the web console build failed (vite exit code ${bundled}); see the errors above`);
  log(`web console built in ${formatDuration(Date.now() - started)}`, 'build');
}
