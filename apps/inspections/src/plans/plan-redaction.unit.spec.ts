import type { RecordedEvent } from '@rectify/event-store';
import { RedactingEventLog } from './plan-redaction';

const stored = (type: string, data: unknown): RecordedEvent => ({
  eventId: 'e', type, schemaVersion: 1, data, metadata: { correlationId: 'c', causationId: null, actor: { id: 'a', role: 'inspector' } },
  occurredAt: new Date(0), streamId: 's', streamVersion: 1, position: '1', txid: '1', recordedAt: new Date(0),
});
const plan = { planId: 'p', title: 'Windows at unit-a', mode: 'unannounced', scope: 'spot', targetUnitIds: ['unit-a'], window: { from: 'x', to: 'y' }, team: ['i'], checklist: ['FORMALISM'] };

describe('what the relay publishes of the plan log', () => {
  const log = (events: RecordedEvent[]) => new RedactingEventLog({ readAll: async () => events });

  it('publishes a sealed plan without title, targets, window, team or checklist', async () => {
    const [published] = await log([stored('InspectionPlanned', plan)]).readAll({ txid: '0', position: '0' });
    expect(published.data).toEqual({ planId: 'p', mode: 'unannounced', scope: 'spot', sealed: true });
  });

  it('publishes an announced plan with its targets and window but not its team', async () => {
    const [published] = await log([stored('InspectionPlanned', { ...plan, mode: 'announced' })]).readAll({ txid: '0', position: '0' });
    expect(published.data).toMatchObject({ sealed: false, targetUnitIds: ['unit-a'], window: { from: 'x', to: 'y' } });
    expect(published.data).not.toHaveProperty('team');
  });

  it('passes every other event through unchanged', async () => {
    const finding = stored('FindingRecorded', { findingId: 'f' });
    expect(await log([finding]).readAll({ txid: '0', position: '0' })).toEqual([finding]);
  });
});
