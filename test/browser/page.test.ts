/**
 * The page served by `factlint serve`, in a real browser: Debian's Chromium driven by
 * playwright-core. Checks the seed article, opens the Scholz finding, applies its
 * suggestion and checks that the page never left its origin or broke its CSP; shows the
 * claims the table could not check in a quiet style, apart from the findings.
 * Screenshots go to test/artifacts/ (gitignored).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const SEED = join(ROOT, 'corpus', 'seed-1-paris-peace-talks.md');
const SERVING_LINE = /factlint: serving on (http:\/\/127\.0\.0\.1:\d+)/;
const WIDE = { width: 1280, height: 800 };
const NARROW = { width: 375, height: 800 };

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `test/browser: skipped: ${CHROMIUM} not found (install Debian's "chromium" package to run the page test)`,
  );
}
const suite = describe.skipIf(!hasChromium);

interface Server {
  process: ChildProcess;
  origin: string;
}

/** Starts `factlint serve --port 0` and reads the chosen port from its stderr. */
function startServer(): Promise<Server> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(
      () => fail(new Error(`factlint serve did not print its address within 20 s:\n${stderr}`)),
      20_000,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill();
      reject(error);
    };
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
      const match = SERVING_LINE.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve({ process: child, origin: match[1] ?? '' });
      }
    });
    child.on('error', fail);
    child.on('exit', (code) => fail(new Error(`factlint serve exited with code ${code} before serving:\n${stderr}`)));
  });
}

function stopServer(server: Server | undefined): Promise<void> {
  const child = server?.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Waits until the page has finished its n-th check (app.js counts them on <body>). */
async function waitForCheck(page: Page, n: number): Promise<void> {
  await page.waitForSelector(`body[data-checks="${n}"][data-check-state="done"]`, { timeout: 15_000 });
}

function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

suite('the page, in Chromium', () => {
  let server: Server | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // Started side by side; each is kept as soon as it is up, so afterAll stops it even if the other failed.
    const started = await Promise.allSettled([
      startServer().then((s) => (server = s)),
      chromium
        .launch({
          executablePath: CHROMIUM,
          headless: true,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        })
        .then((b) => (browser = b)),
    ]);
    const failure = started.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
  }, 15_000);

  it('checks the seed article, explains the Scholz error and applies its fix', async () => {
    const origin = (server as Server).origin;
    const page = await (browser as Browser).newPage({ viewport: WIDE });
    const requests: string[] = [];
    const consoleErrors: string[] = [];
    const pageErrors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));

    const response = await page.goto(`${origin}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

    // Paste the article and check it.
    const seed = readFileSync(SEED, 'utf8');
    await page.fill('#article', seed);
    expect(await page.inputValue('#date')).toBe('2026-01-07'); // from the front matter
    await page.click('#check');
    await waitForCheck(page, 1);
    await page.waitForFunction(() =>
      document.getElementById('announcer')?.textContent?.startsWith('Check complete: 1 error, 1 warning'),
    );
    expect(await page.textContent('#sum-errors')).toBe('1');
    expect(await page.textContent('#sum-date')).toBe('2026-01-07');

    // The Scholz attribution is highlighted as an error and is a keyboard-reachable button.
    const scholz = page.locator('#article-view [data-finding].is-first', { hasText: /^Scholz$/ });
    expect(await scholz.count()).toBe(1);
    expect(await scholz.getAttribute('class')).toMatch(/\bseverity-error\b/);
    expect(await scholz.getAttribute('tabindex')).toBe('0');
    expect(await scholz.getAttribute('role')).toBe('button');
    expect(await scholz.getAttribute('aria-label')).toContain('quote-attribution');

    // Its details: the message, the evidence rows and who held the office on the date.
    await scholz.click();
    const details = page.locator('#details');
    await details.waitFor({ state: 'visible' });
    expect(await details.textContent()).toContain('introduces Friedrich Merz');
    expect(await details.locator('table.evidence tbody tr', { hasText: 'Olaf Scholz' }).count()).toBe(1);
    await details.locator('.who li', { hasText: 'Friedrich Merz' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'page-seed-1.png') });
    expect(await hasHorizontalScroll(page)).toBe(false);

    // Escape closes the details and gives the focus back; Enter opens them again.
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'hidden' });
    expect(await scholz.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await details.waitFor({ state: 'visible' });

    // Apply the suggestion: the textarea is edited in place and checked again.
    await details.getByRole('button', { name: /^Apply/ }).click();
    await waitForCheck(page, 2);
    const text = await page.inputValue('#article');
    expect(text).toContain('militarily,” Merz said.');
    expect(text).not.toContain('Scholz said');
    expect(await page.textContent('#article-view')).toContain('Merz said');
    expect(await page.locator('#article-view .severity-error').count()).toBe(0);
    expect(await page.locator('#article-view [data-finding]', { hasText: /^Merz$/ }).count()).toBe(0);
    expect(await page.textContent('#sum-errors')).toBe('0');

    // The quote now resolves to Merz.
    await page.locator('#article-view [data-quote].is-first', { hasText: 'Germany will continue to engage' }).hover();
    await page.locator('#tooltip', { hasText: 'Merz → Friedrich Merz' }).waitFor();

    // Narrow screen: stacked, no horizontal scrolling.
    await page.setViewportSize(NARROW);
    await page
      .locator('#article-view [data-quote].is-first', { hasText: 'Germany will continue to engage' })
      .scrollIntoViewIfNeeded();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'page-seed-1-narrow.png') });

    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
    expect(consoleErrors.filter((message) => /Content.Security.Policy/i.test(message))).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows the claims the table could not check quietly, not as findings', async () => {
    const origin = (server as Server).origin;
    const page = await (browser as Browser).newPage({ viewport: WIDE });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${origin}/`);
    await page.fill(
      '#article',
      'German Chancellor Friedrich Merz met Deputy Secretary of State Christopher Landau in Berlin on Monday.\n\n' +
        'Secretary of State Jane Nelson also attended.\n',
    );
    await page.fill('#date', '2026-01-07');
    await page.click('#check');
    await waitForCheck(page, 1);

    // Nothing here is a finding: the summary says how many claims were and were not checked.
    expect(await page.textContent('#sum-errors')).toBe('0');
    expect(await page.textContent('#sum-warnings')).toBe('0');
    expect(await page.locator('#findings').isHidden()).toBe(true);
    expect(await page.locator('#article-view [data-finding]').count()).toBe(0);
    expect(await page.textContent('#sum-claims')).toBe('1 claim checked, 2 not checked');

    // Each unchecked claim is marked, in a quiet style: a muted dotted underline, no tint.
    const unchecked = page.locator('#article-view .claim-unchecked.is-first');
    expect(await unchecked.allTextContents()).toEqual([
      'Deputy Secretary of State Christopher Landau',
      'Secretary of State Jane Nelson',
    ]);
    const style = await unchecked.first().evaluate((element) => {
      const css = getComputedStyle(element);
      return {
        line: css.textDecorationLine,
        style: css.textDecorationStyle,
        color: css.textDecorationColor,
        background: css.backgroundColor,
      };
    });
    expect(style).toEqual({
      line: 'underline',
      style: 'dotted',
      color: 'rgb(80, 86, 94)', // --muted
      background: 'rgba(0, 0, 0, 0)',
    });
    // The checked claim is not marked.
    expect(await page.locator('#article-view .claim-unchecked', { hasText: 'Merz' }).count()).toBe(0);

    // Hover: "not checked: why"; click: the details, which say it is not a finding.
    await unchecked.nth(1).hover();
    await page.locator('#tooltip', { hasText: 'not checked: the table does not know this name' }).waitFor();
    await unchecked.first().click();
    const details = page.locator('#details');
    await details.waitFor({ state: 'visible' });
    expect(await page.textContent('#details-heading')).toBe('Not checked');
    expect(await details.textContent()).toContain('not checked: “Deputy Secretary” is another office');
    expect(await details.textContent()).toContain('Not a finding');
    await page.screenshot({ path: join(ARTIFACTS, 'page-unchecked-claims.png') });
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 60_000);
});
