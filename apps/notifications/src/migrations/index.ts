import { Notices1763960000000 } from './1763960000000-notices';
import { ChannelsAndDeliveries1763970000000 } from './1763970000000-channels-and-deliveries';

export const NOTIFICATIONS_MIGRATIONS = [Notices1763960000000, ChannelsAndDeliveries1763970000000];
