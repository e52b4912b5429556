export { EventSourcedServiceModule, type EventSourcedServiceOptions } from './event-sourced-service.module';
