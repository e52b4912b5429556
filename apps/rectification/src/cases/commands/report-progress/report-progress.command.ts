import { CaseCommandMessage } from '../case-command';
import type { ReportProgressDto } from './report-progress.dto';

export class ReportProgressCommand extends CaseCommandMessage<ReportProgressDto> {}
