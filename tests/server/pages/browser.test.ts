/**
 * The pages in a real browser: headless Chromium from Debian's `chromium` package, driven by
 * playwright-core. Each kind of page at a phone's width (375 px) and at a desktop's: no console
 * errors, no horizontal scrolling, body text of at least 16 px, lang="zh-CN", a visible keyboard
 * focus, and on an article opened from a result the answering passage marked and in view.
 * Screenshots go to test-output/. Without /usr/bin/chromium these tests fail and say so.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerParagraph, resultLink } from '../../../src/bot/article-links.ts';
import { silentLogger } from '../../../src/logger.ts';
import type { NewsLibrary } from '../../../src/retrieval/index.ts';
import { type HttpServer, startHttpServer } from '../../../src/server/http-server.ts';
import { createMetrics } from '../../../src/server/metrics.ts';
import { createPages } from '../../../src/server/pages/router.ts';
import { seedLibrary } from '../../support/seed-library.ts';

const CHROMIUM = '/usr/bin/chromium';
const OUT = path.resolve('test-output');
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const WIDTHS = { phone: { width: 375, height: 740 }, desktop: { width: 1280, height: 900 } };
const QUESTION = '唐闸古镇规划面积多大';

let library: NewsLibrary;
let server: HttpServer;
let base: string;
let context: BrowserContext;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: the browser tests need Debian's chromium (apt-get install -y chromium)`);
  library = seedLibrary();
  server = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    readiness: async () => [],
    registry: createMetrics({ library }).registry,
    log: silentLogger,
    pages: createPages({ library }),
  });
  base = `http://127.0.0.1:${server.port}`;
  context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
  });
  fs.mkdirSync(OUT, { recursive: true });
}, 60_000);
afterAll(async () => {
  await context?.close();
  await server?.close(100);
});

/** The kinds of page, each with the address that shows it. */
function pageKinds(): Record<string, string> {
  const result = library.search(QUESTION, 1)[0]!;
  const issue = library.issues.find((i) => i.photos.length > 0) ?? library.issues[0]!;
  return {
    home: '/',
    issue: `/i/${encodeURIComponent(issue.source.replace(/\.txt$/, ''))}`,
    article: resultLink('', QUESTION, result, (id) => library.article(id)),
    search: `/search?q=${encodeURIComponent('老旧小区改造')}`,
    'not-found': '/a/ffffffffffff',
  };
}

/** The link of the dev questions' result whose answer stands deepest in its article. */
function deepestAnswer(): string {
  const questions = fs
    .readFileSync('eval/dev.jsonl', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { q: string }).q);
  let best = { depth: -1, link: '' };
  for (const q of questions)
    for (const r of library.search(q, 3)) {
      if (r.kind !== 'article') continue;
      const depth = answerParagraph(library.article(r.articleId)!.paragraphs, r);
      if (depth > best.depth) best = { depth, link: resultLink('', q, r, (id) => library.article(id)) };
    }
  return best.link;
}

interface Checked {
  errors: string[];
  page: Page;
}

async function open(address: string, viewport: { width: number; height: number }): Promise<Checked> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}${address}`, { waitUntil: 'load' });
  return { errors, page };
}

describe('the pages in Chromium', () => {
  for (const [width, viewport] of Object.entries(WIDTHS)) {
    it(`read well at ${width} width: no errors, no sideways scrolling, text ≥ 16 px, zh-CN, focus visible`, async () => {
      for (const [kind, address] of Object.entries(pageKinds())) {
        const { errors, page } = await open(address, viewport);
        // A 404 page is logged by the browser as a failed load, and nothing else is.
        const expected = kind === 'not-found' ? [expect.stringMatching(/404/)] : [];
        expect(errors, kind).toEqual(expected);
        expect(await page.getAttribute('html', 'lang'), kind).toBe('zh-CN');
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(sideways, kind).toBeLessThanOrEqual(0);
        const smallest = await page.evaluate(() => {
          let min = Number.POSITIVE_INFINITY;
          for (const el of document.body.querySelectorAll('*')) {
            const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
            if (own) min = Math.min(min, Number.parseFloat(getComputedStyle(el).fontSize));
          }
          return min;
        });
        expect(smallest, kind).toBeGreaterThanOrEqual(16);
        for (let k = 0; k < 3; k++) {
          await page.keyboard.press('Tab');
          const outline = await page.evaluate(() => {
            const s = getComputedStyle(document.activeElement!);
            return {
              style: s.outlineStyle,
              width: Number.parseFloat(s.outlineWidth),
              tag: document.activeElement!.tagName,
            };
          });
          expect(outline.tag, kind).not.toBe('BODY');
          expect(outline.style, `${kind} ${outline.tag}`).not.toBe('none');
          expect(outline.width, `${kind} ${outline.tag}`).toBeGreaterThanOrEqual(2);
        }
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Shift+Tab');
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.screenshot({ path: path.join(OUT, `${kind}-${width}.png`), fullPage: kind !== 'article' });
        await page.close();
      }
    }, 120_000);

    it(`opens an answer at ${width} width with its passage marked and in view, with or without the #anchor`, async () => {
      const link = deepestAnswer();
      for (const address of [link, link.replace(/#.*$/, '')]) {
        const { errors, page } = await open(address, viewport);
        expect(errors).toEqual([]);
        // The passage stands below the first screen: it is in view because the page brought it there.
        const below = await page.evaluate(() => (document.querySelector('.hit') as HTMLElement).offsetTop);
        expect(below).toBeGreaterThan(viewport.height);
        const hit = page.locator('.hit').first();
        await expect.poll(() => hit.isVisible()).toBe(true);
        await expect
          .poll(() =>
            page.evaluate(() => {
              const target = document.querySelector(location.hash ? location.hash : '.hit')!;
              const box = target.getBoundingClientRect();
              return box.top >= 0 && box.top < window.innerHeight && target.classList.contains('hit');
            }),
          )
          .toBe(true);
        expect(await page.locator('.hit mark').count()).toBeGreaterThan(0);
        await page.close();
      }
    }, 60_000);
  }

  it('shows hostile questions as text: nothing runs, nothing breaks the layout', async () => {
    const hostile = `"><img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script>\u202e${'长'.repeat(400)}`;
    for (const address of [
      `/search?q=${encodeURIComponent(hostile)}`,
      `${pageKinds().article!.replace(/\?.*$/, '')}?q=${encodeURIComponent(hostile)}`,
    ]) {
      const { errors, page } = await open(address, WIDTHS.phone);
      expect(errors).toEqual([]);
      expect(await page.title()).not.toBe('pwned');
      expect(await page.locator('main img, main script').count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      await page.close();
    }
  }, 60_000);
});
