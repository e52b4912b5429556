import { createKafka, dlqTopic, eventsTopic, parseBrokers } from '@rectify/messaging';

export const DOMAIN_SERVICES = ['gateway', 'rectification', 'inspections', 'evaluations', 'notifications'] as const;

/** Creates `<prefix><service>.events` and their `.dlq` topics (broker auto-creation is off). */
export async function createDomainTopics(brokers: string, prefix: string, partitions = Number(process.env.KAFKA_PARTITIONS ?? 3)): Promise<void> {
  const admin = createKafka({ brokers: parseBrokers(brokers), clientId: 'test-kit' }).admin();
  await admin.connect();
  try {
    const topics = DOMAIN_SERVICES.flatMap((service) => [eventsTopic(service, prefix), dlqTopic(eventsTopic(service, prefix))]);
    await admin.createTopics(topics.map((topic) => ({ topic, partitions })));
  } finally {
    await admin.disconnect();
  }
}
