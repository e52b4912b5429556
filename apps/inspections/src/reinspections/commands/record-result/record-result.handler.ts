import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@rectify/auth';
import type { CommandContext } from '../../../shared/command-context';
import { decideCompletion } from '../../domain/reinspection';
import { ReinspectionRepository } from '../../reinspection-repository';
import type { RecordResultDto } from './record-result.dto';

@Injectable()
export class RecordResultHandler {
  constructor(private readonly reinspections: ReinspectionRepository) {}

  async execute(id: string, dto: RecordResultDto, user: AuthUser, context: CommandContext, now: Date) {
    const { state, version } = await this.reinspections.load(id, context.tx);
    const events = decideCompletion({ reinspectionId: id, outcome: dto.outcome, note: dto.note, evidence: dto.evidence, inspector: { id: user.id, unitId: user.unitId } }, state);
    const next = await this.reinspections.append(id, events, version, context, now);
    return { id, status: 'completed', outcome: dto.outcome, version: next };
  }
}
