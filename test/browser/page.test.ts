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
const SEED_HTML = join(ROOT, 'corpus', 'seed-1-paris-peace-talks.cms.html');
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 414, height: 896 };
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

  async function openPage(viewport: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
    const page = await (browser as Browser).newPage({ viewport });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${(server as Server).origin}/`);
    return { page, errors };
  }

  /** Pastes as a CMS's copy does: the clipboard holds the HTML and its plain text. */
  function pasteRich(page: Page, html: string, plain: string): Promise<void> {
    return page.evaluate(
      ([h, p]) => {
        const area = document.getElementById('article') as HTMLTextAreaElement;
        area.focus();
        const data = new DataTransfer();
        data.setData('text/html', h ?? '');
        data.setData('text/plain', p ?? '');
        area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      [html, plain],
    );
  }

  /** The element is inside the viewport and is what a click at its centre reaches. */
  function fullyVisible(page: Page, selector: string): Promise<boolean> {
    return page
      .locator(selector)
      .first()
      .evaluate((element) => {
        const r = element.getBoundingClientRect();
        const inside = r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return inside && r.height > 0 && (hit === element || element.contains(hit));
      });
  }

  it('HTML paste: a CMS page pasted keeps its HTML, reads its date, and the Scholz error is found in it', async () => {
    const { page, errors } = await openPage(WIDE);
    const html = readFileSync(SEED_HTML, 'utf8');
    await pasteRich(page, html, 'German Chancellor Friedrich Merz ... Scholz said.');
    expect(await page.inputValue('#article')).toBe(html);
    expect(await page.inputValue('#format')).toBe('html');
    expect(await page.isVisible('#paste-note')).toBe(true);
    expect(await page.inputValue('#date')).toBe('2026-01-07'); // from <meta property="article:published_time">
    await page.click('#check');
    await waitForCheck(page, 1);
    expect(await page.textContent('#sum-errors')).toBe('1');
    expect(await page.textContent('#sum-date-source')).toBe('(from the HTML’s publication date)');
    const scholz = page.locator('#article-view [data-finding].is-first', { hasText: /^Scholz$/ });
    expect(await scholz.count()).toBe(1);
    const offset = await page.evaluate(() => {
      const view = document.getElementById('article-view') as HTMLElement;
      const target = view.querySelector('[data-finding].severity-error') as HTMLElement;
      const range = document.createRange();
      range.setStart(view, 0);
      range.setEndBefore(target);
      return range.toString().length;
    });
    expect(html.slice(offset, offset + 6)).toBe('Scholz');
    await page.screenshot({ path: join(ARTIFACTS, 'page-html-paste.png') });

    // Undo: the clipboard's plain text instead.
    await page.click('#paste-as-text');
    expect(await page.inputValue('#article')).toBe('German Chancellor Friedrich Merz ... Scholz said.');
    expect(await page.inputValue('#format')).not.toBe('html');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('Apply keeps the case of what it replaces: "Former Prime Minister" at a sentence start, "former prime minister" within one', async () => {
    const { page } = await openPage(WIDE);
    await page.fill(
      '#article',
      'Prime Minister Boris Johnson visited Paris.\n\nLater he met prime minister Gordon Brown.\n',
    );
    await page.fill('#date', '2026-06-01');
    await page.click('#check');
    await waitForCheck(page, 1);
    const apply = async (name: string, checks: number) => {
      await page.locator('#article-view [data-finding].is-first', { hasText: name }).click();
      await page
        .locator('#details')
        .getByRole('button', { name: /^Apply: Replace “(Prime Minister|prime minister)”/ })
        .click();
      await waitForCheck(page, checks);
    };
    await apply('Boris Johnson', 2);
    await apply('Gordon Brown', 3);
    expect(await page.inputValue('#article')).toBe(
      'Former Prime Minister Boris Johnson visited Paris.\n\nLater he met former prime minister Gordon Brown.\n',
    );
    await page.close();
  }, 60_000);

  for (const [name, viewport] of [
    ['1366x768', LAPTOP],
    ['414 px wide', PHONE],
  ] as const) {
    it(`the details panel keeps Apply in view at ${name}`, async () => {
      const { page } = await openPage(viewport);
      await page.fill('#article', readFileSync(SEED, 'utf8'));
      await page.click('#check');
      await waitForCheck(page, 1);
      const scholz = page.locator('#article-view [data-finding].is-first', { hasText: /^Scholz$/ });
      await scholz.scrollIntoViewIfNeeded();
      await scholz.click();
      await page.locator('#details .who li', { hasText: 'Friedrich Merz' }).waitFor();
      const panel = await page.locator('#details').boundingBox();
      expect(panel && panel.y + panel.height).toBeLessThanOrEqual(viewport.height + 1);
      expect(await fullyVisible(page, '#details .suggestion .button')).toBe(true);
      expect(await hasHorizontalScroll(page)).toBe(false);
      await page.screenshot({ path: join(ARTIFACTS, `page-details-${viewport.width}.png`) });
      await page.close();
    }, 60_000);
  }

  it('a draft with no date is checked as of today and says so; no message on the page speaks of --date', async () => {
    const { page } = await openPage(PHONE);
    await page.fill('#article', 'Chancellor Olaf Scholz spoke in Berlin on Monday.\n');
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    expect(await page.inputValue('#date')).toBe(today);
    expect(await page.textContent('#date-note')).toContain(`checked as of today, ${today}`);
    await page.click('#check');
    await waitForCheck(page, 1);
    expect(await page.textContent('#sum-date')).toBe(today);
    expect(await page.textContent('#sum-date-source')).toBe('(from the date field: today, as the article gives none)');

    // Cleared on purpose: the date-dependent checks are skipped, and the page names its own field.
    await page.fill('#date', '');
    await page.click('#check');
    await waitForCheck(page, 2);
    const shown = await page.textContent('#findings-list');
    expect(shown).toContain('fill in the Article date field');
    expect(await page.locator('body').textContent()).not.toContain('--date');
    await page.close();
  }, 60_000);

  it('says a front-matter mistake in plain words with its line', async () => {
    const { page } = await openPage(PHONE);
    await page.fill('#article', '---\ndate: 2026-01-07\nheadline: Merz: the chancellor speaks\n---\nBody.\n');
    await page.click('#check');
    await page.waitForSelector('body[data-check-state="failed"]');
    const alert = (await page.textContent('#alert')) ?? '';
    expect(alert).toContain('front matter, line 3');
    expect(alert).toContain('headline: "Merz: the chancellor speaks"');
    expect(alert).not.toMatch(/YAML|mapping|article:\d/);
    await page.screenshot({ path: join(ARTIFACTS, 'page-front-matter-error.png') });
    await page.close();
  }, 60_000);

  it("the alert's Dismiss button stays on one line beside a long message at 414 px", async () => {
    const { page } = await openPage(PHONE);
    await page.fill('#article', 'Body.');
    await page.fill('#date', 'the seventh of January, two thousand and twenty-six');
    await page.click('#check');
    await page.locator('#alert button').waitFor();
    const lines = await page.locator('#alert button').evaluate((button) => {
      const range = document.createRange();
      range.selectNodeContents(button);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.close();
  }, 60_000);
});
