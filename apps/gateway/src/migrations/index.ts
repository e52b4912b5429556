import { EventStoreSchema1763800000000 } from '@rectify/event-store';
import { MessagingMigrations } from '@rectify/messaging';
import { CreateDirectory1763900000000 } from './1763900000000-create-directory';
import { DirectoryLog1764200000000 } from './1764200000000-directory-log';

/** In order; each runs once, in its own transaction. The event log carries the directory feed. */
export const GATEWAY_MIGRATIONS = [EventStoreSchema1763800000000, ...MessagingMigrations, CreateDirectory1763900000000, DirectoryLog1764200000000];
