#!/usr/bin/env node
// Demo cases for `npm start`: six cases at different points of their lifecycle, made through the
// gateway's public API by the demo users (the inspector opens, assigns and verifies; the
// department acknowledges, submits measures and reports), so the case list, the department's
// inbox, the timelines and the overview show real data on first sign-in.
//
// Idempotent: each case is opened from a fixed source reference, and the same reference always
// names the same case (DESIGN §3.2). Its steps run only while it is still as just opened
// (version 1); a case that has moved on — an earlier run, or someone working it in the console —
// is left as it is.
//
//   node scripts/infra/demo-cases.mjs [gatewayUrl]    (default http://127.0.0.1:8080)
//
// Prints a line per case and, last, one JSON line {worked, unchanged, cases:[{ref, id, status, expected}]}:
// `worked` counts the cases whose steps this run took, `unchanged` those it wrote nothing to.
import { pathToFileURL } from 'node:url';

const DAY_MS = 86_400_000;
const isoDay = (days) => new Date(Date.now() + days * DAY_MS).toISOString();

/** Who acts for each unit's department (the demo directory's users). */
const DEPARTMENT_OF = { 'unit-a': 'dept-a', 'unit-b': 'dept-b' };

const STEPS = {
  assign: (c) => ({ as: 'inspector', command: 'assign', body: { responsibleUnitId: c.unitId, responsiblePerson: c.person } }),
  acknowledge: (c) => ({ as: c.unitId, command: 'acknowledge', body: {} }),
  measures: (c) => ({ as: c.unitId, command: 'measures', body: { measures: c.measures.map((description, i) => ({ description, owner: c.person, dueDate: isoDay(5 + 5 * i) })) } }),
  progress: (c) => ({ as: c.unitId, command: 'progress', body: { note: c.progress } }),
  report: (c) => ({ as: c.unitId, command: 'report-rectified', body: { summary: c.summary } }),
  verifyFailed: () => ({ as: 'inspector', command: 'verify', body: { outcome: 'failed', basis: 'on_site_check', note: 'Unannounced visit: the posted rule is there, the practice is not.' } }),
  verifyPassed: () => ({ as: 'inspector', command: 'verify', body: { outcome: 'passed', basis: 'on_site_check', note: 'Unannounced visit at opening time: every window staffed, queue under 10 minutes.' } }),
};

export const DEMO_CASES = [
  {
    ref: 'demo-window-3', kind: 'manual', unitId: 'unit-a', category: 'DISCIPLINE_LAXITY', expected: 'registered',
    title: 'Service window 3 unstaffed at 09:10',
    description: 'Unannounced visit: window 3 closed during opening hours, two staff in the back office on their phones.',
    steps: [],
  },
  {
    ref: 'demo-licence-stalled', kind: 'manual', unitId: 'unit-b', category: 'PROCRASTINATION', expected: 'assigned', person: 'Deputy Head Zhao',
    title: 'Business licence application stalled for 40 days',
    description: 'Complaint from a shop owner: the application was "being studied" for 40 days without a written reason.',
    steps: ['assign'],
  },
  {
    ref: 'demo-tea-money', kind: 'manual', unitId: 'unit-a', category: 'FAVOR_SEEKING', expected: 'rectifying', person: 'Section Chief Li',
    title: 'Applicants asked for "tea money" before their permits were stamped',
    description: 'Three applicants for transport permits report being asked for gifts before the stamp.',
    measures: ['Publish the fee schedule and the complaint hotline at every window', 'Rotate the permit desk staff monthly'],
    progress: 'Fee schedule and hotline posted at all six windows; staff briefed on the rules on gifts.',
    steps: ['assign', 'acknowledge', 'measures', 'progress'],
  },
  {
    ref: 'demo-cold-front-desk', kind: 'self_inspection', unitId: 'unit-a', category: 'SERVICE_ATTITUDE', expected: 'verifying', person: 'Office Director Wang',
    title: 'Front desk dismissive to elderly visitors',
    description: 'Own inspection: visitors without a smartphone were sent away to "book online" without help.',
    measures: ['Keep one staffed desk for visitors without a smartphone'],
    summary: 'A staffed assistance desk opens daily 9:00–17:00; the booking rule was withdrawn.',
    steps: ['assign', 'acknowledge', 'measures', 'report'],
  },
  {
    ref: 'demo-meetings', kind: 'manual', unitId: 'unit-b', category: 'FORMALISM', expected: 'rectifying', person: 'Township Head Sun',
    title: 'Three coordination meetings a week, no decisions recorded',
    description: 'Village cadres spend two afternoons a week in meetings whose minutes record no decision.',
    measures: ['One coordination meeting a week at most, with decisions and owners minuted'],
    summary: 'Meetings cut to one a week; minutes now list decisions and owners.',
    steps: ['assign', 'acknowledge', 'measures', 'report', 'verifyFailed'],
  },
  {
    ref: 'demo-queue', kind: 'manual', unitId: 'unit-b', category: 'BUREAUCRATISM', expected: 'resolved', person: 'Township Head Sun',
    title: 'Residents sent between four offices for one household certificate',
    description: 'Public report: one certificate needed stamps from four offices on different days.',
    measures: ['One window issues the certificate and collects the stamps internally'],
    summary: 'A single window now issues the certificate the same day.',
    steps: ['assign', 'acknowledge', 'measures', 'report', 'verifyPassed'],
  },
];

class DemoError extends Error {}

async function call(gatewayUrl, method, path, { token, body } = {}) {
  const res = await fetch(`${gatewayUrl}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed };
}

const describe = (res) => `${res.status} ${res.body && typeof res.body === 'object' ? res.body.detail ?? res.body.title ?? JSON.stringify(res.body) : res.body ?? ''}`;

async function login(gatewayUrl, username, password) {
  const res = await call(gatewayUrl, 'POST', '/api/auth/login', { body: { username, password } });
  if (res.status !== 200 && res.status !== 201) throw new DemoError(`cannot sign in as ${username} (${describe(res)}): the demo users are made only in an empty directory`);
  return res.body.accessToken;
}

/**
 * Opens the case, retrying while rectification does not know the unit yet: its copy of the
 * directory arrives over Kafka from the gateway, moments after the services answer /health.
 */
async function open(gatewayUrl, token, demo, waitMs) {
  const body = { unitId: demo.unitId, category: demo.category, title: demo.title, description: demo.description, source: { kind: demo.kind, ref: demo.ref } };
  for (const deadline = Date.now() + waitMs; ; ) {
    const res = await call(gatewayUrl, 'POST', '/api/cases', { token, body });
    if (res.status === 201) return res.body;
    const unitNotKnownYet = res.status === 400 && res.body?.code === 'CASE.UNKNOWN_UNIT';
    if (!unitNotKnownYet || Date.now() > deadline) throw new DemoError(`could not open demo case ${demo.ref}: ${describe(res)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Seeds the demo cases through the gateway; returns what it did. Throws DemoError when it cannot. */
export async function seedDemoCases({ gatewayUrl = 'http://127.0.0.1:8080', password = process.env.DEMO_PASSWORD ?? 'rectify-demo', unitWaitMs = 60_000, log = () => {} } = {}) {
  const usernames = ['inspector', ...new Set(DEMO_CASES.map((c) => DEPARTMENT_OF[c.unitId]))];
  const tokens = Object.fromEntries(await Promise.all(usernames.map(async (u) => [u, await login(gatewayUrl, u, password)])));
  const tokenFor = (as) => (as === 'inspector' ? tokens.inspector : tokens[DEPARTMENT_OF[as]]);
  const result = { worked: 0, unchanged: 0, cases: [] };
  for (const demo of DEMO_CASES) {
    const { id, version } = await open(gatewayUrl, tokens.inspector, demo, unitWaitMs);
    const work = version === 1 && demo.steps.length > 0;
    if (work) {
      for (const name of demo.steps) {
        const step = STEPS[name](demo);
        const res = await call(gatewayUrl, 'POST', `/api/cases/${id}/${step.command}`, { token: tokenFor(step.as), body: step.body });
        if (res.status !== 200) throw new DemoError(`demo case ${demo.ref}: ${step.command} answered ${describe(res)}`);
      }
    }
    result[work ? 'worked' : 'unchanged'] += 1;
    const now = await call(gatewayUrl, 'GET', `/api/cases/${id}`, { token: tokens.inspector });
    if (now.status !== 200) throw new DemoError(`demo case ${demo.ref}: GET answered ${describe(now)}`);
    result.cases.push({ ref: demo.ref, id, status: now.body.status, expected: demo.expected });
    log(`${demo.ref.padEnd(22)} ${now.body.status.padEnd(11)} ${work ? 'worked through the API' : version === 1 ? 'as opened' : 'moved on already: left as it is'}`);
  }
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  seedDemoCases({ gatewayUrl: process.argv[2], log: (line) => console.log(line) }).then(
    (result) => console.log(JSON.stringify(result)),
    (error) => {
      console.error(error instanceof DemoError ? `demo cases: ${error.message}` : error);
      process.exit(1);
    },
  );
}
