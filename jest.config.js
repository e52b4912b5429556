// Three tiers (CONVENTIONS.md): *.unit.spec.ts (no I/O), *.int.spec.ts (real PostgreSQL and
// Kafka), *.e2e.spec.ts (the built services running as processes). Nest 12 ships ESM only, so
// its packages are compiled to CommonJS by swc for Jest; the services themselves run on Node.
const { pathsToModuleNameMapper } = require('./scripts/jest/paths.cjs');

const swcTs = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
}];
const swcJs = ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }];

const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swcTs, '^.+\\.m?js$': swcJs },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|uid)/)'],
  moduleNameMapper: pathsToModuleNameMapper(),
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/'],
};

module.exports = {
  // Jest reads testTimeout from the top level only; the projects' own values are not applied.
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/scripts/jest/summary-reporter.cjs'],
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test}/**/*.unit.spec.ts'] },
    {
      ...base,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.int.spec.ts'],
      globalSetup: '<rootDir>/libs/test-kit/src/jest/int.global-setup.ts',
      globalTeardown: '<rootDir>/libs/test-kit/src/jest/int.global-teardown.ts',
      testTimeout: 60_000,
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.e2e.spec.ts'],
      globalSetup: '<rootDir>/libs/test-kit/src/jest/e2e.global-setup.ts',
      globalTeardown: '<rootDir>/libs/test-kit/src/jest/e2e.global-teardown.ts',
      testTimeout: 120_000,
    },
  ],
};
