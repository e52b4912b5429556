export * from './kafka.ports';
export { createKafka, parseBrokers, type KafkaConnectionOptions } from './create-kafka';
export { isRetriableKafkaError } from './kafka-errors';
