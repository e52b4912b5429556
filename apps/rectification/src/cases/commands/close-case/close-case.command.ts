import { CaseCommandMessage } from '../case-command';
import type { CloseCaseDto } from './close-case.dto';

export class CloseCaseCommand extends CaseCommandMessage<CloseCaseDto> {}
