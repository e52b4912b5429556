import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ApiClient, eventually, readStack } from '@rectify/test-kit';

const run = promisify(execFile);
const SCRIPT = join(__dirname, '..', 'scripts', 'infra', 'demo-cases.mjs');

interface Seeded {
  worked: number;
  unchanged: number;
  cases: { ref: string; id: string; status: string; expected: string }[];
}

/** The seeder `npm start` runs, as a command against the stack's gateway; its last line is JSON. */
async function seed(): Promise<Seeded> {
  const { stdout } = await run(process.execPath, [SCRIPT, readStack().gatewayUrl], { timeout: 120_000 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '') as Seeded;
}

/**
 * `npm start`'s demo cases: opened and worked through the gateway by the demo users, each left
 * in the state it is there to show, with the notices and timelines that follow; a second run
 * writes nothing.
 */
describe('demo cases (npm start)', () => {
  let inspector: ApiClient;
  let deptA: ApiClient;
  let deptB: ApiClient;
  let first: Seeded;
  const byRef = (ref: string) => {
    const found = first.cases.find((c) => c.ref === ref);
    if (!found) throw new Error(`no demo case ${ref}`);
    return found;
  };

  beforeAll(async () => {
    [inspector, deptA, deptB] = await Promise.all([ApiClient.login('inspector'), ApiClient.login('dept-a'), ApiClient.login('dept-b')]);
    first = await seed();
  });

  it('opens six cases and works five of them through the lifecycle, each to the state it shows', async () => {
    expect(first).toMatchObject({ worked: 5, unchanged: 1 });
    expect(first.cases).toHaveLength(6);
    for (const demo of first.cases) {
      const res = await inspector.get(`/api/cases/${demo.id}`);
      expect(res.status).toBe(200);
      expect({ ref: demo.ref, status: res.body.status }).toEqual({ ref: demo.ref, status: demo.expected });
    }
    expect(new Set(first.cases.map((c) => c.expected))).toEqual(new Set(['registered', 'assigned', 'rectifying', 'verifying', 'resolved']));
    const returned = await inspector.get(`/api/cases/${byRef('demo-meetings').id}`);
    expect(returned.body.returnCount).toBe(1);
  });

  it('gives the departments their notices and shows each of them only its own unit', async () => {
    const teaMoney = byRef('demo-tea-money').id;
    const meetings = byRef('demo-meetings').id;
    await eventually(async () => {
      const res = await deptA.get('/api/notices?type=rectification_notice&pageSize=200');
      return (res.body.items as { caseId?: string }[]).some((n) => n.caseId === teaMoney);
    }, 30_000, "unit-a's rectification notice");
    await eventually(async () => {
      const res = await deptB.get('/api/notices?type=returned&pageSize=200');
      return (res.body.items as { caseId?: string }[]).some((n) => n.caseId === meetings);
    }, 30_000, "unit-b's returned notice");
    expect((await deptB.get(`/api/cases/${teaMoney}`)).status).toBe(404);
    // Filtered by the demo's source, so the page stays short however many cases other specs opened.
    const listed = await eventually(async () => {
      const res = await deptA.get('/api/cases?source=manual&pageSize=200');
      const ids = (res.body.items as { id: string }[]).map((c) => c.id);
      return ids.includes(teaMoney) && ids;
    }, 30_000, "unit-a's case list");
    const unitB = ['demo-licence-stalled', 'demo-meetings', 'demo-queue'].map((ref) => byRef(ref).id);
    expect(listed.filter((id) => unitB.includes(id))).toEqual([]);
  });

  it('records the resolved case step by step in its timeline', async () => {
    const res = await inspector.get(`/api/cases/${byRef('demo-queue').id}/timeline`);
    expect(res.status).toBe(200);
    const own = (res.body.events as { type: string; service: string }[]).filter((e) => e.service === 'rectification').map((e) => e.type);
    expect(own.slice(0, 4)).toEqual(['CaseOpened', 'CaseAssigned', 'CaseAcknowledged', 'MeasuresSubmitted']);
    expect(own.slice(4)).toEqual(['RectificationReported', 'VerificationRequested', 'VerificationPassed', 'CaseResolved', 'LookBackScheduled']);
  });

  it('writes nothing when run again', async () => {
    const versions = async () => Promise.all(first.cases.map(async (c) => (await inspector.get(`/api/cases/${c.id}`)).body.version as number));
    const before = await versions();
    const again = await seed();
    expect(again).toMatchObject({ worked: 0, unchanged: 6 });
    expect(again.cases.map((c) => c.id)).toEqual(first.cases.map((c) => c.id));
    expect(await versions()).toEqual(before);
  });
});
