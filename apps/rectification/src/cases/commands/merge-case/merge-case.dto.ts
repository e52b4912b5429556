import { IsUUID } from 'class-validator';

/** POST /api/cases/:id/merge (DESIGN §6). */
export class MergeCaseDto {
  @IsUUID()
  intoCaseId: string;
}
