import { CaseCommandMessage } from '../case-command';
import type { DismissCaseDto } from './dismiss-case.dto';

export class DismissCaseCommand extends CaseCommandMessage<DismissCaseDto> {}
