import { CaseCommandMessage } from '../case-command';
import type { ReportRectifiedDto } from './report-rectified.dto';

export class ReportRectifiedCommand extends CaseCommandMessage<ReportRectifiedDto> {}
