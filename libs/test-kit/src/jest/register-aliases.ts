import { join } from 'node:path';
import { register } from 'tsconfig-paths';

// Jest's moduleNameMapper does not apply to global setup/teardown files: resolve @rectify/* here.
const root = join(__dirname, '..', '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compilerOptions } = require(join(root, 'tsconfig.json')) as { compilerOptions: { paths: Record<string, string[]> } };
register({ baseUrl: root, paths: compilerOptions.paths });
