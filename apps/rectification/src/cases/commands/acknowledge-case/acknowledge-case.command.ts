import { CaseCommandMessage } from '../case-command';
import type { AcknowledgeCaseDto } from './acknowledge-case.dto';

export class AcknowledgeCaseCommand extends CaseCommandMessage<AcknowledgeCaseDto> {}
