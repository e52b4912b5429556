import { CaseCommandMessage } from '../case-command';
import type { AssignCaseDto } from './assign-case.dto';

export class AssignCaseCommand extends CaseCommandMessage<AssignCaseDto> {}
