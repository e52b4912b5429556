import { CaseCommandMessage } from '../case-command';
import type { VerifyCaseDto } from './verify-case.dto';

export class VerifyCaseCommand extends CaseCommandMessage<VerifyCaseDto> {}
