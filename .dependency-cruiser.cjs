/**
 * Layer rules (CONVENTIONS.md "Style"), checked by `npm run lint:deps`, which `npm test` runs.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'decide/evolve and domain types import nothing from Nest, TypeORM, pg or Kafka',
      severity: 'error',
      from: { path: '^apps/[^/]+/src/.+/domain/' },
      to: { path: 'node_modules/(@nestjs|typeorm|pg|kafkajs)/' },
    },
    {
      name: 'no-cross-service-imports',
      comment: 'one service never imports another service\'s code; share through libs/contracts',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'kafkajs-behind-messaging',
      comment: 'kafkajs is unmaintained: only libs/messaging/src/kafka may import it',
      severity: 'error',
      from: { pathNot: '^libs/messaging/src/kafka/' },
      to: { path: 'node_modules/kafkajs/' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.spec\\.ts$)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
