import { CaseCommandMessage } from '../case-command';
import type { RecordAccountabilityDto } from './record-accountability.dto';

export class RecordAccountabilityCommand extends CaseCommandMessage<RecordAccountabilityDto> {}
