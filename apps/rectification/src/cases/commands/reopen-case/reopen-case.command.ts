import { CaseCommandMessage } from '../case-command';
import type { ReopenCaseDto } from './reopen-case.dto';

export class ReopenCaseCommand extends CaseCommandMessage<ReopenCaseDto> {}
