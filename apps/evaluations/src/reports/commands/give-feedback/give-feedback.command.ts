import type { CommandContext } from '../../../shared/command-context';
import type { GiveFeedbackDto } from './give-feedback.dto';

export class GiveFeedbackCommand {
  constructor(
    readonly receiptCode: string,
    readonly input: GiveFeedbackDto,
    readonly now: Date,
    readonly context: CommandContext,
  ) {}
}
