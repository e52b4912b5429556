import { CaseCommandMessage } from '../case-command';
import type { SubmitMeasuresDto } from './submit-measures.dto';

export class SubmitMeasuresCommand extends CaseCommandMessage<SubmitMeasuresDto> {}
