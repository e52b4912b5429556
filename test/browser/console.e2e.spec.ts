import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '@rectify/test-kit';
import { collectPageErrors, ensureConsoleBuilt, launchChromium, newVisitor, screenshot, signIn } from './browser-kit';

// Cases move through Kafka between services: the pages refresh themselves, the test waits on
// what they show (never on a clock).
const ACROSS_SERVICES = 45_000;

/**
 * The web console in a real browser against the running stack: an inspector's finding becomes a
 * case, the department works it, the analyst replays it, and a member of the public votes once.
 * The steps share one case, so they run in order; screenshots go to test-output/screenshots.
 */
describe('web console in a real browser', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[][] = [];
  const marker = `Window 3 unstaffed at 09:10, staff at cards (${Date.now().toString(36)})`;
  let caseId = '';

  beforeAll(async () => {
    ensureConsoleBuilt();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
  });

  afterEach(() => {
    expect(pageErrors.flat()).toEqual([]);
  });

  const open = async (width?: number): Promise<Page> => {
    const context = await newVisitor(browser, width);
    contexts.push(context);
    const page = await context.newPage();
    pageErrors.push(collectPageErrors(page));
    return page;
  };

  const caseStatus = (page: Page) => page.getByTestId('case-summary').getByTestId('case-status');

  it('serves the console at / with the login page and the public links', async () => {
    const page = await open();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Rectify' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    for (const link of ['Rate a department', 'Report a problem', 'Follow your report']) {
      expect(await page.getByRole('link', { name: new RegExp(link) }).count()).toBe(1);
    }
    await screenshot(page, '01-login');
  });

  it('tells a person with a wrong password so in words, at the top of the form', async () => {
    const page = await open();
    await page.goto('/login');
    await page.getByLabel('User name').fill('inspector');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('form-error').filter({ hasText: 'Unknown user name or wrong password.' }).waitFor();
  });

  it('lets an inspector plan a sealed inspection, record a finding on the visit and see the case appear', async () => {
    const page = await open();
    await signIn(page, 'inspector');
    await page.getByRole('link', { name: 'Inspections' }).click();
    await page.getByRole('button', { name: 'Plan an inspection' }).click();
    const form = page.getByRole('form', { name: 'Plan an inspection' });
    await form.getByLabel('Title').fill('Service windows, unannounced');
    expect(await form.getByLabel(/Unannounced/).isChecked()).toBe(true);
    await form.getByTestId('plan-targets').getByLabel('County Transport Bureau').check();
    await form.getByTestId('plan-checklist').getByLabel('Lax work discipline').check();
    await form.getByRole('button', { name: 'Create plan' }).click();

    await page.getByRole('heading', { name: 'Service windows, unannounced' }).waitFor();
    expect(await page.getByText('Sealed', { exact: true }).count()).toBeGreaterThan(0);
    const observation = page.getByTestId('observation-DISCIPLINE_LAXITY');
    await observation.getByLabel('Finding').check();
    await observation.getByLabel('What was found').fill(marker);
    await page.getByLabel('Staff at their posts on arrival').fill('2');
    await page.getByLabel('Staff absent').fill('3');
    await page.getByRole('button', { name: 'Record visit' }).click();
    await page.getByTestId('visit-recorded').filter({ hasText: '1 finding' }).waitFor();
    await screenshot(page, '02-inspector-visit-recorded');

    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    const row = page.getByTestId('case-row').filter({ hasText: marker });
    await row.waitFor({ timeout: ACROSS_SERVICES });
    caseId = (await row.getAttribute('data-case-id')) ?? '';
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await row.getByTestId('case-status').textContent()).toBe('Assigned');
    await screenshot(page, '03-inspector-cases');
  });

  it('lets the department see the notice, acknowledge it, submit measures and report completion', async () => {
    expect(caseId).not.toBe('');
    const page = await open();
    await signIn(page, 'dept-a');
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    const notice = page.locator(`[data-testid=notice][data-case-id="${caseId}"]`);
    await notice.waitFor({ timeout: ACROSS_SERVICES });
    await notice.getByRole('button', { name: 'Acknowledge' }).click();
    await notice.getByTestId('acknowledged').waitFor();
    await screenshot(page, '04-department-inbox');

    await notice.getByRole('link', { name: 'Open the case' }).click();
    // The acknowledged notice acknowledges the case in rectification, over Kafka.
    await caseStatus(page).filter({ hasText: 'Acknowledged' }).waitFor({ timeout: ACROSS_SERVICES });

    await page.getByRole('button', { name: 'Submit measures' }).click();
    await page.getByLabel('Measure', { exact: true }).fill('Duty roster for every service window, checked daily by the deputy director');
    await page.getByLabel('Owner').fill('Deputy Director Wang');
    await page.getByRole('button', { name: 'Submit measures' }).click();
    await caseStatus(page).filter({ hasText: 'Rectifying' }).waitFor();
    await page.getByTestId('measures').filter({ hasText: 'Deputy Director Wang' }).waitFor();

    await page.getByRole('button', { name: 'Report completion' }).click();
    await page.getByLabel('Summary of the rectification').fill('Roster in force since Monday; window 3 staffed 08:30–17:30');
    await page.getByRole('button', { name: 'Report completion' }).click();
    await caseStatus(page).filter({ hasText: /Reported done|Verifying/ }).waitFor();
    await screenshot(page, '05-department-case');
  });

  it('shows a department only its own unit, at a phone width without sideways scrolling', async () => {
    const page = await open(360);
    await signIn(page, 'dept-a');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Our cases' }).click();
    await page.getByTestId('case-row').filter({ hasText: marker }).waitFor();
    expect(await page.getByLabel('Unit', { exact: true }).count()).toBe(0);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await screenshot(page, '06-department-cases-360px');
  });

  it('lets the analyst scrub the case back through its history and see the earlier state', async () => {
    const page = await open();
    await signIn(page, 'analyst');
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await page.getByRole('link', { name: new RegExp(escapeRegExp(marker)) }).click();
    await page.getByRole('link', { name: 'Replay history' }).click();

    const scrubber = page.getByRole('slider');
    await scrubber.waitFor();
    const latest = Number(await scrubber.getAttribute('max'));
    expect(latest).toBeGreaterThanOrEqual(5);
    await caseStatus(page).filter({ hasText: /Reported done|Verifying/ }).waitFor();
    await page.getByTestId('integrity').getByText('Intact').waitFor();
    await page.getByTestId('cross-check').getByText(/Insufficient evidence|Consistent/i).first().waitFor();
    await screenshot(page, '07-analyst-replay-latest');

    await scrubber.focus();
    await page.keyboard.press('Home');
    await page.getByTestId('scrubber-version').filter({ hasText: /^1$/ }).waitFor();
    await page.getByRole('heading', { name: 'The case at version 1' }).waitFor();
    await caseStatus(page).filter({ hasText: 'Registered' }).waitFor();
    expect(await page.getByTestId('no-measures').count()).toBe(1);

    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { name: 'The case at version 2' }).waitFor();
    await caseStatus(page).filter({ hasText: 'Assigned' }).waitFor();
    await screenshot(page, '08-analyst-replay-version-2');
  });

  it('shows the analyst the overview with charts', async () => {
    const page = await open();
    await signIn(page, 'analyst');
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.getByTestId('overview').waitFor({ timeout: 15_000 });
    await page.getByRole('img', { name: 'Cases by status' }).waitFor();
    await screenshot(page, '09-analyst-overview');
  });

  it('lets a member of the public cast a ballot once, and refuses the used token in words', async () => {
    const inspector = await ApiClient.login('inspector');
    const now = Date.now();
    const campaign = await inspector.post('/api/evaluations/campaigns', {
      title: 'Service windows, browser test',
      targets: [{ kind: 'unit', id: 'unit-a' }],
      groups: [{ name: 'public', weight: 1 }],
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + 86_400_000).toISOString(),
    });
    expect(campaign.status).toBe(201);
    const issued = await inspector.post(`/api/evaluations/campaigns/${campaign.body.id}/tokens`, { group: 'public', count: 1 });
    expect(issued.status).toBe(201);
    const [token] = issued.body.tokens as string[];

    // Members of the public vote from their phones.
    const page = await open(390);
    await page.goto('/login');
    await page.getByRole('link', { name: /Rate a department/ }).click();
    const cast = async () => {
      await page.getByLabel('Ballot code').fill(token);
      await page.getByLabel('Unit or official to rate').fill('unit-a');
      await page.getByLabel('Your rating').selectOption('satisfied');
      await page.getByRole('button', { name: 'Cast ballot' }).click();
    };
    await cast();
    await page.getByTestId('ballot-accepted').waitFor();
    await screenshot(page, '10-public-ballot-accepted');

    await page.getByRole('button', { name: 'Cast another ballot' }).click();
    await cast();
    await page.getByTestId('form-error').filter({ hasText: 'This code has already been used' }).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, '11-public-ballot-refused');
  });

  it('gives a member of the public a receipt code for a report and its status with that code', async () => {
    const page = await open();
    await page.goto('/public/report');
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByText('This is required.').waitFor();
    await page.getByLabel('What happened?').fill('At the licence window the clerk asked for a "thank-you" before stamping the form.');
    await page.getByLabel('Kind of problem (optional)').selectOption('FAVOR_SEEKING');
    await page.getByRole('button', { name: 'Send report' }).click();
    const receipt = (await page.getByTestId('receipt-code').textContent())?.trim() ?? '';
    expect(receipt.length).toBeGreaterThan(6);
    await screenshot(page, '12-public-report-receipt');

    await page.getByRole('link', { name: 'Follow this report' }).click();
    await page.getByRole('button', { name: 'Check status' }).click();
    await page.getByTestId('report-status').getByText(/Received/).waitFor();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
