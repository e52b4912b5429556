import { randomUUID } from 'node:crypto';
import { ApiClient, E2E_SERVICES, eventually, readStack } from '@rectify/test-kit';

/**
 * Every HTTP endpoint × every role, and unit scope where a resource belongs to a unit.
 *
 * The endpoints are not listed by hand: they are read from each running service's OpenAPI
 * document, so an endpoint added without a rule below fails the first test, and a rule for an
 * endpoint that no longer exists fails it too. Each rule says who may call the endpoint; the
 * second test calls every endpoint as every identity and checks the guard agrees (401 without a
 * token, 403 for a role not allowed, neither for a role allowed: such calls carry an empty body
 * or an unknown id, so they end in 400/404, never in a change).
 */

type Role = 'admin' | 'inspector' | 'department' | 'analyst';
type Rule = 'public' | 'signed-in' | readonly Role[];

const STAFF: readonly Role[] = ['inspector', 'admin'];
const READERS: readonly Role[] = ['inspector', 'admin', 'analyst'];
const UNIT_ACTORS: readonly Role[] = ['department', 'inspector', 'admin'];
const ADMIN: readonly Role[] = ['admin'];

const RULES: Record<string, Rule> = {
  // gateway: login, directory, settings, console
  'gateway GET /': 'public',
  'gateway GET /health': 'public',
  'gateway POST /api/auth/login': 'public',
  'gateway GET /api/taxonomy': 'public',
  'gateway PUT /api/taxonomy/:code': ADMIN,
  'gateway GET /api/units': 'signed-in',
  'gateway GET /api/units/:id': 'signed-in',
  'gateway POST /api/units': ADMIN,
  'gateway PATCH /api/units/:id': ADMIN,
  'gateway GET /api/users': ADMIN,
  'gateway GET /api/users/:id': ADMIN,
  'gateway POST /api/users': ADMIN,
  'gateway PATCH /api/users/:id': ADMIN,
  'gateway POST /api/users/:id/reset-password': ADMIN,
  'gateway GET /api/settings/thresholds': READERS,
  'gateway PUT /api/settings/thresholds': ADMIN,
  // analytics: everyone signed in; a department's figures are its own unit's only
  'gateway GET /api/analytics/overview': 'signed-in',
  'rectification GET /api/cases/analytics': 'signed-in',
  'inspections GET /api/inspections/analytics': 'signed-in',
  'evaluations GET /api/evaluations/analytics': 'signed-in',
  // rectification: departments act on their own unit's cases (scope checked below)
  'rectification GET /health': 'public',
  'rectification POST /api/cases/_clock/tick': ADMIN,
  'rectification POST /api/cases': STAFF,
  'rectification GET /api/cases': 'signed-in',
  'rectification GET /api/cases/:id': 'signed-in',
  'rectification POST /api/cases/:id/assign': STAFF,
  'rectification POST /api/cases/:id/acknowledge': UNIT_ACTORS,
  'rectification POST /api/cases/:id/measures': UNIT_ACTORS,
  'rectification POST /api/cases/:id/progress': UNIT_ACTORS,
  'rectification POST /api/cases/:id/report-rectified': UNIT_ACTORS,
  // A department passes the role check but never its own case's independence rule (below).
  'rectification POST /api/cases/:id/verify': UNIT_ACTORS,
  'rectification POST /api/cases/:id/extend-deadline': STAFF,
  'rectification POST /api/cases/:id/accountability': STAFF,
  'rectification POST /api/cases/:id/bulletin': STAFF,
  'rectification POST /api/cases/:id/close': STAFF,
  'rectification POST /api/cases/:id/reopen': STAFF,
  'rectification POST /api/cases/:id/dismiss': STAFF,
  'rectification POST /api/cases/:id/merge': STAFF,
  'rectification GET /api/cases/:id/timeline': 'signed-in',
  'rectification GET /api/cases/:id/state': 'signed-in',
  'rectification GET /api/cases/:id/cross-check': 'signed-in',
  'rectification GET /api/cases/:id/integrity': 'signed-in',
  // inspections: plans are sealed from departments by content, not by route (checked below)
  'inspections GET /health': 'public',
  'inspections POST /api/inspections/findings': STAFF,
  'inspections GET /api/inspections/findings/:id': READERS,
  'inspections POST /api/inspections/plans': STAFF,
  'inspections GET /api/inspections/plans': 'signed-in',
  'inspections GET /api/inspections/plans/:id': 'signed-in',
  'inspections POST /api/inspections/plans/:id/visits': STAFF,
  'inspections GET /api/inspections/sealed-plan-reads': ADMIN,
  'inspections POST /api/inspections/spot-checks': STAFF,
  'inspections GET /api/inspections/spot-checks/:id': READERS,
  'inspections GET /api/inspections/spot-checks/:id/verify': 'signed-in',
  'inspections GET /api/inspections/reinspections': READERS,
  'inspections POST /api/inspections/reinspections/:id/result': STAFF,
  // evaluations and the public pages
  'evaluations GET /health': 'public',
  'evaluations GET /api/evaluations/campaigns': READERS,
  'evaluations POST /api/evaluations/campaigns': STAFF,
  'evaluations GET /api/evaluations/campaigns/:id': READERS,
  'evaluations POST /api/evaluations/campaigns/:id/tokens': STAFF,
  'evaluations POST /api/evaluations/campaigns/:id/close': STAFF,
  'evaluations GET /api/evaluations/campaigns/:id/results': READERS,
  'evaluations GET /api/evaluations/reports': READERS,
  'evaluations GET /api/evaluations/reports/:id': STAFF,
  'evaluations POST /api/evaluations/reports/:id/triage': STAFF,
  'evaluations POST /api/public/ballots': 'public',
  'evaluations POST /api/public/reports': 'public',
  'evaluations GET /api/public/reports/:receiptCode': 'public',
  'evaluations POST /api/public/reports/:receiptCode/feedback': 'public',
  // notifications
  'notifications GET /health': 'public',
  'notifications GET /api/notices': 'signed-in',
  'notifications POST /api/notices/:id/acknowledge': UNIT_ACTORS,
  'notifications PUT /api/units/:id/channels': ADMIN,
  'notifications GET /api/notices/deliveries': ADMIN,
  'notifications POST /api/notices/deliveries/:id/resend': ADMIN,
};

const IDENTITIES = { admin: 'admin', inspector: 'inspector', department: 'dept-a', analyst: 'analyst' } as const;

interface Route {
  key: string;
  service: string;
  method: string;
  path: string;
}

async function discoverRoutes(): Promise<Route[]> {
  const { serviceUrls } = readStack();
  const routes: Route[] = [];
  for (const { name } of E2E_SERVICES) {
    const res = await fetch(`${serviceUrls[name]}/docs-json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    for (const [openApiPath, operations] of Object.entries(doc.paths)) {
      const path = openApiPath.replace(/\{(\w+)\}/g, ':$1');
      for (const method of Object.keys(operations)) {
        routes.push({ key: `${name} ${method.toUpperCase()} ${path}`, service: name, method: method.toUpperCase(), path });
      }
    }
  }
  return routes;
}

// Values that pass the guard and its parameter pipes but name nothing that exists (so nothing changes),
// except unit ids: the department's own unit, so that unit scope does not hide the role check.
function concretePath(path: string): string {
  return path
    .replace(':code', 'FORMALISM')
    .replace(':receiptCode', '00000000000000000000')
    .replace(/\/api\/units\/:id/, '/api/units/unit-a')
    .replace(/:\w+/g, () => randomUUID());
}

describe('authorization matrix (every endpoint × role, from the running services)', () => {
  let routes: Route[];
  const tokens: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    routes = await discoverRoutes();
    for (const [role, username] of Object.entries(IDENTITIES)) {
      const login = await new ApiClient().post<{ accessToken: string }>('/api/auth/login', { username, password: process.env.DEMO_PASSWORD ?? 'rectify-demo' });
      tokens[role as Role] = login.body.accessToken;
    }
  });

  it('has a rule for every endpoint the services serve, and no rule for an endpoint that is gone', () => {
    const served = new Set(routes.map((r) => r.key));
    expect(routes.map((r) => r.key).filter((key) => !(key in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((key) => !served.has(key))).toEqual([]);
  });

  it('lets exactly the allowed roles past the guard on every endpoint', async () => {
    const { serviceUrls } = readStack();
    const mismatches: string[] = [];
    for (const route of routes) {
      const rule = RULES[route.key];
      if (!rule) continue;
      const url = `${serviceUrls[route.service]}${concretePath(route.path)}`;
      const body = route.method === 'GET' ? undefined : '{}';
      const call = (token?: string) =>
        fetch(url, { method: route.method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body }).then((r) => r.status);

      const anonymous = await call();
      if (rule === 'public' ? anonymous === 401 || anonymous === 403 : anonymous !== 401) mismatches.push(`${route.key} anonymous → ${anonymous}`);
      for (const role of Object.keys(IDENTITIES) as Role[]) {
        const status = await call(tokens[role]);
        const allowed = rule === 'public' || rule === 'signed-in' || rule.includes(role);
        if (allowed ? status === 401 || status === 403 : status !== 403) mismatches.push(`${route.key} as ${role} → ${status} (${allowed ? 'allowed' : 'denied'})`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  describe('unit scope', () => {
    let inspector: ApiClient;
    let deptA: ApiClient;
    let deptB: ApiClient;
    let caseId: string;

    beforeAll(async () => {
      [inspector, deptA, deptB] = await Promise.all([ApiClient.login('inspector'), ApiClient.login('dept-a'), ApiClient.login('dept-b')]);
      const opened = await inspector.post('/api/cases', { unitId: 'unit-a', category: 'SERVICE_ATTITUDE', title: 'Applicant shouted at', description: 'Window 2', source: { kind: 'manual' } });
      caseId = opened.body.id;
      await inspector.post(`/api/cases/${caseId}/assign`, { responsibleUnitId: 'unit-a', responsiblePerson: 'Director Wang' });
    });

    it("keeps another unit's case out of a department's sight and reach", async () => {
      expect((await deptA.get(`/api/cases/${caseId}`)).status).toBe(200);
      for (const path of ['', '/timeline', '/state?version=1', '/cross-check', '/integrity']) {
        expect([403, 404]).toContain((await deptB.get(`/api/cases/${caseId}${path}`)).status);
      }
      expect([403, 404]).toContain((await deptB.post(`/api/cases/${caseId}/acknowledge`, {})).status);
      const listed = await deptB.get('/api/cases?pageSize=200');
      expect((listed.body.items as { unitId: string }[]).every((c) => c.unitId === 'unit-b')).toBe(true);
      expect((await deptB.get('/api/cases?unitId=unit-a')).body.items).toEqual([]);
    });

    it('refuses a department verifying its own case', async () => {
      expect((await deptA.post(`/api/cases/${caseId}/verify`, { outcome: 'passed', basis: 'on_site_check', note: 'we looked ourselves' })).status).toBe(403);
    });

    it("keeps another unit's notices out of a department's inbox and hands", async () => {
      const notice = await eventually(async () => {
        const res = await deptA.get('/api/notices?type=rectification_notice&pageSize=200');
        return (res.body.items as { id: string; caseId: string }[]).find((n) => n.caseId === caseId);
      }, 30_000, "unit-a's notice");
      const inboxB = await deptB.get('/api/notices?pageSize=200');
      expect((inboxB.body.items as { unitId: string }[]).every((n) => n.unitId === 'unit-b')).toBe(true);
      expect([403, 404]).toContain((await deptB.post(`/api/notices/${notice.id}/acknowledge`, {})).status);
    });

    it('keeps a sealed plan from the inspected department', async () => {
      const planned = await inspector.post('/api/inspections/plans', {
        title: 'Unannounced: window discipline', mode: 'unannounced', scope: 'spot', targetUnitIds: ['unit-a'],
        window: { from: new Date(Date.now() + 86_400_000).toISOString(), to: new Date(Date.now() + 3 * 86_400_000).toISOString() },
        team: ['inspector'], checklist: ['DISCIPLINE_LAXITY'],
      });
      expect(planned.status).toBe(201);
      expect((await deptA.get(`/api/inspections/plans/${planned.body.id}`)).status).toBe(404);
      const list = await deptA.get('/api/inspections/plans?pageSize=200');
      expect((list.body.items as { id: string }[]).some((p) => p.id === planned.body.id)).toBe(false);
    });
  });
});
