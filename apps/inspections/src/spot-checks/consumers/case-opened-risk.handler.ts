import { Injectable } from '@nestjs/common';
import { CaseOpenedV1, type IntegrationEnvelope, RectificationEventTypes } from '@rectify/contracts';
import { HandlesEvent } from '@rectify/messaging';
import type { PoolClient } from 'pg';

/**
 * The risk signal spot checks may weight by: cases opened per unit, counted from rectification's
 * CaseOpened (exactly once per event, as the consumer dedupes in this transaction).
 */
@Injectable()
export class CaseOpenedRiskHandler {
  @HandlesEvent('rectification', RectificationEventTypes.CaseOpened, CaseOpenedV1)
  async onCaseOpened(event: IntegrationEnvelope<CaseOpenedV1>, tx: PoolClient): Promise<void> {
    await tx.query(
      `INSERT INTO unit_risk (unit_id, cases_opened) VALUES ($1, 1)
       ON CONFLICT (unit_id) DO UPDATE SET cases_opened = unit_risk.cases_opened + 1`,
      [event.data.unitId],
    );
  }
}
