import { CaseCommandMessage } from '../case-command';
import type { PublishBulletinDto } from './publish-bulletin.dto';

export class PublishBulletinCommand extends CaseCommandMessage<PublishBulletinDto> {}
