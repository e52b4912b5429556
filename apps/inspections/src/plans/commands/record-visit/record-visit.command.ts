import type { CommandContext } from '../../../shared/command-context';
import type { RecordVisitDto } from './record-visit.dto';

export class RecordVisitCommand {
  constructor(
    readonly planId: string,
    readonly input: RecordVisitDto,
    readonly recordedBy: string,
    readonly now: Date,
    readonly context: CommandContext,
  ) {}
}

export interface RecordedVisit {
  id: string;
  findings: { id: string; category: string }[];
}
