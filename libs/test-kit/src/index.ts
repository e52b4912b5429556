export * from './test-database';
export * from './test-events';
export { ApiClient, eventually, type ApiResponse } from './stack/api-client';
export { readStack, E2E_SERVICES, type E2eStack } from './stack/e2e-stack';
export { KeepAliveConnection, type Answer } from './stack/keep-alive-connection';
export { freePort } from './stack/free-port';
export { readTopic, findMessage, envelopeOf } from './kafka/read-topic';
export { feedDirectory, DEMO_DIRECTORY_UNITS } from './kafka/feed-directory';
