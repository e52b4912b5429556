import { Injectable } from '@nestjs/common';
import { CaseOpenedV1, type IntegrationEnvelope, RectificationEventTypes } from '@rectify/contracts';
import { HandlesEventBatch } from '@rectify/messaging';
import type { PoolClient } from 'pg';

/**
 * The risk signal spot checks may weight by: cases opened per unit, counted from rectification's
 * CaseOpened (exactly once per event, as the consumer dedupes in this transaction). A batch adds
 * its count per unit in one statement, units in a fixed order so two instances' batches never
 * lock the same counters in opposite orders.
 */
@Injectable()
export class CaseOpenedRiskHandler {
  @HandlesEventBatch('rectification', RectificationEventTypes.CaseOpened, CaseOpenedV1)
  async onCasesOpened(events: IntegrationEnvelope<CaseOpenedV1>[], tx: PoolClient): Promise<void> {
    const counts = new Map<string, number>();
    for (const { data } of events) counts.set(data.unitId, (counts.get(data.unitId) ?? 0) + 1);
    const units = [...counts.keys()].sort();
    await tx.query(
      `INSERT INTO unit_risk (unit_id, cases_opened) SELECT * FROM unnest($1::text[], $2::int[])
       ON CONFLICT (unit_id) DO UPDATE SET cases_opened = unit_risk.cases_opened + EXCLUDED.cases_opened`,
      [units, units.map((unit) => counts.get(unit))],
    );
  }
}
