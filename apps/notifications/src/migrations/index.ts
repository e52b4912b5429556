import { Notices1763960000000 } from './1763960000000-notices';
import { ChannelsAndDeliveries1763970000000 } from './1763970000000-channels-and-deliveries';
import { Reminders1763980000000 } from './1763980000000-reminders';
import { CaseUnits1763990000000 } from './1763990000000-case-units';
import { NoticeFollowUp1764010000000 } from './1764010000000-notice-follow-up';

export const NOTIFICATIONS_MIGRATIONS = [Notices1763960000000, ChannelsAndDeliveries1763970000000, Reminders1763980000000, CaseUnits1763990000000, NoticeFollowUp1764010000000];
