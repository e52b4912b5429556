import { CaseCommandMessage } from '../case-command';
import type { ExtendDeadlineDto } from './extend-deadline.dto';

export class ExtendDeadlineCommand extends CaseCommandMessage<ExtendDeadlineDto> {}
