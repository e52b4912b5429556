import { CaseCommandMessage } from '../case-command';
import type { MergeCaseDto } from './merge-case.dto';

export class MergeCaseCommand extends CaseCommandMessage<MergeCaseDto> {}
