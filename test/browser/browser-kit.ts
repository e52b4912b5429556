import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { readStack } from '@rectify/test-kit';

const root = join(__dirname, '..', '..');
export const SCREENSHOT_DIR = join(root, 'test-output', 'screenshots');

/**
 * The console as the gateway serves it: built by `npm run build` (npm test sets RECTIFY_BUILT);
 * a direct Jest run builds it here, like the e2e global setup compiles the services. The gateway
 * looks for dist/console on every request, so building after it started is fine.
 */
export function ensureConsoleBuilt(): void {
  if (process.env.RECTIFY_BUILT === '1' && existsSync(join(root, 'dist', 'console', 'index.html'))) return;
  execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(root, 'apps', 'console', 'vite.config.mts'), '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}

/** Debian's chromium (CHROMIUM_PATH overrides), headless, without background traffic. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}: install Debian's chromium (apt-get install chromium; .ci/run does) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh browser profile (its own sessionStorage) on the stack's gateway. */
export function newVisitor(browser: Browser, width = 1280): Promise<BrowserContext> {
  return browser.newContext({ baseURL: readStack().gatewayUrl, viewport: { width, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
}

export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(process.env.DEMO_PASSWORD ?? 'rectify-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-as').filter({ hasText: username }).waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * Errors thrown in the page, and anything the gateway's Content-Security-Policy blocks, fail the
 * test: a console that breaks quietly is broken. (Refused API calls are logged too, and expected.)
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  return errors;
}
