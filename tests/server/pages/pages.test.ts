/**
 * The web pages through the real HTTP server: every kind of page, the links the bot's buttons
 * carry, hostile questions, the headers, caching, the method and rate limits.
 */
import fs from 'node:fs';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/bot/create-bot.ts';
import { PAGE_SIZE } from '../../../src/bot/format.ts';
import { QueryStore } from '../../../src/bot/query-store.ts';
import { silentLogger } from '../../../src/logger.ts';
import type { NewsLibrary } from '../../../src/retrieval/index.ts';
import { type HttpServer, startHttpServer } from '../../../src/server/http-server.ts';
import { createMetrics } from '../../../src/server/metrics.ts';
import { createPages } from '../../../src/server/pages/router.ts';
import { OFFLINE_BOT_INFO, offlineFetch, type OutgoingCall } from '../../../src/telegram/offline-api.ts';
import { seedLibrary } from '../../support/seed-library.ts';

const PUBLIC = 'https://news.example.com';
let library: NewsLibrary;
let server: HttpServer;
let base: string;

beforeAll(async () => {
  library = seedLibrary();
  server = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    readiness: async () => [],
    registry: createMetrics({ library }).registry,
    log: silentLogger,
    pages: createPages({ library, searchLimit: { max: 3, windowMs: 60_000 } }),
  });
  base = `http://127.0.0.1:${server.port}`;
}, 30_000);
afterAll(() => server.close(100));

/** A GET from a distinct address (through the loopback "proxy"), so the search limit stays out of the way. */
let client = 0;
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  fetch(`${base}${path}`, {
    method,
    redirect: 'manual',
    headers: { 'x-forwarded-for': `10.0.0.${++client % 250}`, ...headers },
  });

/** A page's text as a reader sees it: tags dropped, entities decoded. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const questions = fs
  .readFileSync('eval/dev.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { q: string }).q);

function expectSecured(res: Response) {
  expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
}

describe('the pages', () => {
  it('serves the home page, an issue, an article and a search, each secured, in Chinese', async () => {
    const home = await get('/');
    const homeHtml = await home.text();
    expect(home.status).toBe(200);
    expect(homeHtml).toContain('<html lang="zh-CN">');
    const issueLink = homeHtml.match(/href="(\/i\/[^"]+)"/)![1]!;
    const issue = await get(issueLink);
    const issueHtml = await issue.text();
    expect(issue.status).toBe(200);
    const slug = decodeURIComponent(issueLink.slice(3));
    const source = library.issues.find((i) => i.source.startsWith(slug))!;
    // In page order: the issue's articles as the file prints them.
    const listed = [...issueHtml.matchAll(/href="\/a\/([0-9a-f]+)"/g)].map((m) => m[1]);
    expect(listed).toEqual(source.articles.map((a) => a.id));
    const article = source.articles[1]!;
    const page = await get(`/a/${article.id}`);
    const pageHtml = await page.text();
    expect(page.status).toBe(200);
    expect(textOf(pageHtml)).toContain(article.headline);
    for (const [k, p] of article.paragraphs.entries()) {
      expect(textOf(pageHtml)).toContain(p);
      expect(pageHtml).toContain(`id="p${k + 1}"`);
    }
    expect(pageHtml).toContain(`href="/a/${source.articles[0]!.id}" rel="prev"`);
    expect(pageHtml).toContain(`href="/a/${source.articles[2]!.id}" rel="next"`);
    expect(pageHtml).toContain(`href="${issueLink}"`);
    const search = await get(`/search?q=${encodeURIComponent('唐闸古镇规划面积多大')}`);
    const searchHtml = await search.text();
    expect(search.status).toBe(200);
    expect(searchHtml).toContain('答：<b>9.8平方公里</b>');
    for (const res of [home, issue, page, search]) {
      expectSecured(res);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    }
    expect(search.headers.get('cache-control')).toBe('no-store');
  });

  it('says nothing matches with the bot’s words, and pages results as the bot does', async () => {
    const none = await (await get(`/search?q=${encodeURIComponent('今天股市行情怎么样')}`)).text();
    expect(textOf(none)).toContain('没有在报道中找到与「今天股市行情怎么样」相关的内容。');
    const q = '老旧小区改造';
    const results = library.search(q, 15);
    const pages = Math.ceil(results.length / PAGE_SIZE);
    expect(pages).toBeGreaterThan(1);
    const second = await (await get(`/search?q=${encodeURIComponent(q)}&page=2`)).text();
    expect(textOf(second)).toContain(`🔎 「${q}」 第2/${pages}页`);
    expect(textOf(second)).toContain(`${PAGE_SIZE + 1}. `);
    expect(second).toContain('rel="prev"');
  });

  it('gives an unknown article, issue, file or path under the pages a real 404 page, secured', async () => {
    for (const path of [
      '/a/ffffffffffff',
      '/a/..%2f..%2fetc',
      '/i/no-such-issue',
      '/i/%E0%A4%A',
      '/static/x.js',
      '/a/',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expectSecured(res);
      expect(await res.text()).toContain('找不到这个页面');
    }
    // Paths that are no page stay the server's own plain 404.
    expect((await get('/nothing-here')).status).toBe(404);
  });

  it('takes GET and HEAD only; HEAD has the headers and no body', async () => {
    const post = await get('/search?q=x', {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expectSecured(post);
    const id = library.latest(1)[0]!.id;
    const head = await get(`/a/${id}`, {}, 'HEAD');
    const full = await get(`/a/${id}`);
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect(head.headers.get('content-length')).toBe(full.headers.get('content-length'));
    expect(head.headers.get('etag')).toBe(full.headers.get('etag'));
  });

  it('tags article and issue pages for caching: the same ETag until the archive changes, 304 when unchanged', async () => {
    const id = library.latest(1)[0]!.id;
    const first = await get(`/a/${id}`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const again = await get(`/a/${id}`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expectSecured(again);
    // Another question marks other passages: another page, another tag.
    const marked = await get(`/a/${id}?q=${encodeURIComponent(library.latest(1)[0]!.headline)}`);
    expect(marked.headers.get('etag')).not.toBe(etag);
    const css = await get('/static/site.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expectSecured(css);
  });

  it('limits searches per address (the proxy’s forwarded address from a loopback connection)', async () => {
    const from = (address: string) =>
      get(`/search?q=${encodeURIComponent('老旧小区')}`, { 'x-forwarded-for': `1.2.3.4, ${address}` });
    for (let k = 0; k < 3; k++) expect((await from('192.0.2.7')).status).toBe(200);
    const refused = await from('192.0.2.7');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expectSecured(refused);
    expect(textOf(await refused.text())).toContain('你发得太快了');
    expect((await from('192.0.2.8')).status).toBe(200);
    // Article pages are not searches: never limited.
    expect((await get(`/a/${library.latest(1)[0]!.id}`, { 'x-forwarded-for': '192.0.2.7' })).status).toBe(200);
  });
});

describe('hostile questions', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    // 10 kB: as long as an address can carry it (Node refuses request heads over 16 kB).
    `<b>崇川</b>${'a'.repeat(10_000)}`,
    '\u202e老旧小区\u2066改造\u202c',
    "'; DROP TABLE x; --&amp;",
  ];

  it('are shown escaped on the search and article pages, bidi controls dropped', async () => {
    const id = library.latest(1)[0]!.id;
    for (const q of hostile) {
      for (const path of [`/search?q=${encodeURIComponent(q)}`, `/a/${id}?q=${encodeURIComponent(q)}`]) {
        const res = await get(path);
        const body = await res.text();
        expect(res.status, path.slice(0, 40)).toBe(200);
        expectSecured(res);
        expect(body).not.toContain('<script>alert');
        expect(body).not.toContain('<img src=x');
        expect(body).not.toMatch(/<b>崇川/);
        expect(body).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
        expect(body.match(/<script/g)).toHaveLength(1); // the page's own, from /static/
      }
    }
    const echoed = await (await get(`/search?q=${encodeURIComponent(hostile[0]!)}`)).text();
    expect(echoed).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const long = textOf(await (await get(`/search?q=${encodeURIComponent(hostile[2]!)}`)).text());
    expect(long).toContain(`问题太长了（${hostile[2]!.length} 字）`);
  });
});

describe('links from the bot', () => {
  let bot: Bot;
  let calls: OutgoingCall[];
  let updateId = 0;
  const user = { id: 5, is_bot: false, first_name: 'U' };
  const chat = { id: 5, type: 'private' as const, first_name: 'U' };
  const urlButtons = (c: OutgoingCall) =>
    (
      (c.payload.reply_markup as { inline_keyboard: { text: string; url?: string }[][] } | undefined)
        ?.inline_keyboard ?? []
    )
      .flat()
      .filter((b) => b.url);

  beforeAll(() => {
    calls = [];
    bot = createBot({
      token: '1:test',
      library,
      botInfo: OFFLINE_BOT_INFO,
      store: new QueryStore(),
      fetch: offlineFetch((c) => calls.push(c)),
      publicUrl: PUBLIC,
      flood: { limit: 100_000, windowMs: 1000 },
    });
  });

  const ask = (text: string) =>
    bot.handleUpdate({
      update_id: ++updateId,
      message: { message_id: updateId, date: 0, chat, from: user, text },
    } as unknown as Update);
  const press = (data: string) =>
    bot.handleUpdate({
      update_id: ++updateId,
      callback_query: {
        id: `cb${updateId}`,
        from: user,
        chat_instance: '1',
        data,
        message: { message_id: 1, date: 0, chat, text: 'x' },
      },
    } as unknown as Update);

  it('every result of every page of every question links to a 200 page holding its passage, marked at the link', async () => {
    let checked = 0;
    const keyboardOf = (c: OutgoingCall) =>
      (c.payload.reply_markup as { inline_keyboard: { text: string; callback_data?: string; url?: string }[][] })
        .inline_keyboard;
    const pressed = (c: OutgoingCall, prefix: string) =>
      keyboardOf(c)
        .flat()
        .find((b) => b.callback_data?.startsWith(prefix));
    for (const q of questions) {
      const results = library.search(q, 15);
      if (results.length === 0) continue;
      calls = [];
      await ask(q);
      // The answer: one link, to the first result. 更多结果 sends the rest, paged by 上一页/下一页.
      const replies: { reply: OutgoingCall; shown: typeof results; labels: string[] }[] = [];
      const answer = calls.find((c) => c.method === 'sendMessage')!;
      replies.push({ reply: answer, shown: results.slice(0, 1), labels: ['🔗 原文'] });
      const rest = results.slice(1);
      const more = rest.length > 0 ? pressed(answer, 'm:') : undefined;
      if (rest.length > 0) expect(more, q).toBeDefined();
      if (more) {
        await press(more.callback_data!);
        let page = calls.filter((c) => c.method === 'sendMessage').at(-1)!;
        const pages = Math.ceil(rest.length / PAGE_SIZE);
        for (let p = 0; p < pages; p++) {
          if (p > 0) {
            const next = keyboardOf(page)
              .flat()
              .find((b) => b.callback_data?.startsWith('p:') && b.callback_data.endsWith(`:${p}`))!;
            await press(next.callback_data!);
            page = calls.filter((c) => c.method === 'editMessageText').at(-1)!;
          }
          const shown = rest.slice(p * PAGE_SIZE, p * PAGE_SIZE + PAGE_SIZE);
          replies.push({ reply: page, shown, labels: shown.map((_, k) => `🔗 原文 ${p * PAGE_SIZE + k + 2}`) });
        }
      }
      for (const { reply, shown, labels } of replies) {
        expect(reply.refused).toBeUndefined();
        const rows = keyboardOf(reply);
        expect(rows.every((row) => row.length > 0)).toBe(true);
        const buttons = urlButtons(reply);
        expect(buttons.map((b) => b.text)).toEqual(labels);
        for (const [k, button] of buttons.entries()) {
          const url = new URL(button.url!);
          expect(url.origin).toBe(PUBLIC);
          const res = await get(url.pathname + url.search);
          const body = await res.text();
          expect(res.status, button.url).toBe(200);
          expectSecured(res);
          // A passage may run from a section heading into its paragraph: the page prints them as two
          // paragraphs, so whitespace is not compared.
          const flat = (t: string) => t.replace(/\s+/g, '');
          expect(flat(textOf(body)), button.url).toContain(flat(shown[k]!.answer));
          // The anchor the link opens at exists and, on an article page, is marked.
          const anchor = decodeURIComponent(url.hash.slice(1));
          expect(anchor, button.url).not.toBe('');
          const tag = body.match(new RegExp(`<(?:p|figure) id="${anchor}"[^>]*>`))?.[0];
          expect(tag, button.url).toBeDefined();
          if (url.pathname.startsWith('/a/')) expect(tag, button.url).toContain('class="hit"');
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  }, 120_000);

  it('an article sent in full links to its page', async () => {
    const id = library.latest(1)[0]!.id;
    calls = [];
    await press(`a:${id}:0`);
    const sent = calls.find((c) => c.method === 'sendMessage')!;
    expect(sent.refused).toBeUndefined();
    expect(urlButtons(sent).map((b) => [b.text, b.url])).toEqual([['🔗 原文', `${PUBLIC}/a/${id}`]]);
    expect((await get(`/a/${id}`)).status).toBe(200);
  });

  it('inline results carry the link too; without PUBLIC_URL no reply has a link', async () => {
    calls = [];
    await bot.handleUpdate({
      update_id: ++updateId,
      inline_query: { id: 'iq', from: user, query: '老旧小区改造', offset: '' },
    } as unknown as Update);
    const inline = calls.find((c) => c.method === 'answerInlineQuery')!;
    const results = inline.payload.results as {
      url?: string;
      reply_markup?: { inline_keyboard: { url?: string }[][] };
    }[];
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.url).toMatch(/^https:\/\/news\.example\.com\/(a|i)\//);
      expect(r.reply_markup?.inline_keyboard.flat().map((b) => b.url)).toEqual([r.url]);
      const url = new URL(r.url!);
      expect((await get(url.pathname + url.search)).status).toBe(200);
    }

    const plainCalls: OutgoingCall[] = [];
    const plain = createBot({
      token: '1:test',
      library,
      botInfo: OFFLINE_BOT_INFO,
      fetch: offlineFetch((c) => plainCalls.push(c)),
    });
    await plain.handleUpdate({
      update_id: 1,
      message: { message_id: 1, date: 0, chat, from: user, text: '老旧小区改造' },
    } as unknown as Update);
    await plain.handleUpdate({
      update_id: 2,
      inline_query: { id: 'iq', from: user, query: '老旧小区改造', offset: '' },
    } as unknown as Update);
    await plain.handleUpdate({
      update_id: 3,
      callback_query: {
        id: 'cb',
        from: user,
        chat_instance: '1',
        data: `a:${library.latest(1)[0]!.id}:0`,
        message: { message_id: 1, date: 0, chat, text: 'x' },
      },
    } as unknown as Update);
    expect(plainCalls.map((c) => c.method)).toEqual([
      'sendMessage',
      'answerInlineQuery',
      'answerCallbackQuery',
      'sendMessage',
    ]);
    expect(JSON.stringify(plainCalls)).not.toMatch(/"url"|原文/);
  });
});
