/**
 * The web pages' one door for the HTTP server: which paths are pages (`/`, `/a/…`, `/i/…`,
 * `/search`, `/static/…`) and serving them — GET and HEAD only, every response with the security
 * headers, article and issue pages with an ETag (they change only when the archive does), searches
 * limited per address, an unknown article or issue a real 404 page.
 */
import { createHash } from 'node:crypto';
import type http from 'node:http';
import { MAX_QUESTION, RESULTS_KEPT } from '../../bot/features/search.ts';
import { messages } from '../../bot/messages.ts';
import type { Issue } from '../../corpus/types.ts';
import type { LibraryStats, NewsLibrary } from '../../retrieval/index.ts';
import { archiveView } from './archive-view.ts';
import { articlePage } from './article-page.ts';
import { ICON, SCRIPT, STYLE } from './assets.ts';
import { SECURITY_HEADERS } from './headers.ts';
import { type Html, html } from './html.ts';
import { homePage } from './home-page.ts';
import { issuePage } from './issue-page.ts';
import { layout } from './layout.ts';
import { type RateLimit, RateLimiter } from './rate-limit.ts';
import { searchPage } from './search-page.ts';

export interface PagesOptions {
  library: NewsLibrary;
  /** Searches allowed per address (default: SEARCH_LIMIT). */
  searchLimit?: RateLimit;
}

export interface Pages {
  /** Whether the path is one of the pages' (the server hands those requests over). */
  handles(pathname: string): boolean;
  serve(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void;
}

/** Longest request address served; a longer one gets 414 (a question is cut far sooner). */
export const MAX_URL = 16_384;
const ARTICLE_ID = /^[0-9a-f]{6,32}$/;
const PAGE_PATH = /^\/(?:a\/|i\/|static\/|search$|$)/;
const HTML_TYPE = 'text/html; charset=utf-8';
const STATIC: Record<string, { type: string; body: string }> = {
  'site.css': { type: 'text/css; charset=utf-8', body: STYLE },
  'icon.svg': { type: 'image/svg+xml', body: ICON },
  'page.js': { type: 'text/javascript; charset=utf-8', body: SCRIPT },
};
const CACHE = {
  /** Article and issue pages: fresh for five minutes, then revalidated by ETag. */
  archive: 'public, max-age=300',
  home: 'public, max-age=60',
  /** A search's address holds the question: kept by no one. */
  search: 'no-store',
  static: 'public, max-age=86400',
};

const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;

/**
 * The address a request comes from: the connection's, or — from a reverse proxy on this machine
 * (a loopback connection) — the last address it appended to X-Forwarded-For.
 */
export function clientAddress(req: http.IncomingMessage): string {
  const peer = req.socket.remoteAddress ?? '';
  const loopback = peer === '::1' || peer.startsWith('127.') || peer.startsWith('::ffff:127.');
  const forwarded = req.headers['x-forwarded-for'];
  if (!loopback || typeof forwarded !== 'string') return peer;
  return forwarded.split(',').at(-1)!.trim() || peer;
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export function createPages(options: PagesOptions): Pages {
  const { library } = options;
  const limiter = new RateLimiter(options.searchLimit);
  let statsFor: readonly Issue[] | undefined;
  let stats: LibraryStats;
  const currentStats = () => {
    if (statsFor !== library.issues) {
      statsFor = library.issues;
      stats = library.stats();
    }
    return stats;
  };

  const send = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    status: number,
    type: string,
    body: string,
    headers: Record<string, string> = {},
  ) => {
    const etag = headers.etag;
    if (etag && status === 200 && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ...SECURITY_HEADERS, ...headers });
      res.end();
      return;
    }
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'content-type': type,
      'content-length': String(Buffer.byteLength(body)),
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const page = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    status: number,
    title: string,
    main: Html,
    cache: string,
    extra: { etag?: boolean; query?: string; headers?: Record<string, string> } = {},
  ) => {
    const body = layout({ title, main, stats: currentStats(), query: extra.query });
    send(req, res, status, HTML_TYPE, body, {
      'cache-control': cache,
      ...(extra.etag ? { etag: etagOf(body) } : {}),
      ...extra.headers,
    });
  };

  const notFound = (req: http.IncomingMessage, res: http.ServerResponse) =>
    page(
      req,
      res,
      404,
      messages.notFoundTitle,
      html`<h1>${messages.notFoundTitle}</h1><p>${messages.notFound}</p><p><a href="/">${messages.backHome}</a></p>`,
      'no-cache',
    );

  return {
    handles: (pathname) => PAGE_PATH.test(pathname),

    serve(req, res, url) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(req, res, 405, 'text/plain; charset=utf-8', `${messages.methodNotAllowed}\n`, {
          allow: 'GET, HEAD',
        });
      }
      if ((req.url ?? '').length > MAX_URL) return send(req, res, 414, 'text/plain; charset=utf-8', 'URI too long\n');
      const path = url.pathname;
      const q = (url.searchParams.get('q') ?? '').trim();

      if (path === '/')
        return page(
          req,
          res,
          200,
          messages.siteName,
          homePage(archiveView(library.issues).newest, currentStats()),
          CACHE.home,
        );

      if (path.startsWith('/static/')) {
        const file = STATIC[path.slice('/static/'.length)];
        if (!file) return notFound(req, res);
        return send(req, res, 200, file.type, file.body, { 'cache-control': CACHE.static, etag: etagOf(file.body) });
      }

      if (path.startsWith('/a/')) {
        const id = path.slice(3);
        const article = ARTICLE_ID.test(id) ? library.article(id) : undefined;
        if (!article) return notFound(req, res);
        // The passages that answered the question, from the same search the bot ran.
        const results = q && q.length <= MAX_QUESTION ? library.search(q, RESULTS_KEPT) : [];
        const main = articlePage(article, archiveView(library.issues), results);
        return page(req, res, 200, article.headline, main, CACHE.archive, { etag: true, query: q });
      }

      if (path.startsWith('/i/')) {
        const slug = decoded(path.slice(3));
        const issue = slug === undefined ? undefined : archiveView(library.issues).issue(slug);
        if (!issue) return notFound(req, res);
        return page(req, res, 200, messages.issueTitle(issue.date), issuePage(issue), CACHE.archive, { etag: true });
      }

      if (path === '/search') {
        if (!q) {
          res.writeHead(303, { ...SECURITY_HEADERS, location: '/', 'cache-control': CACHE.search });
          res.end();
          return;
        }
        const wait = limiter.hit(clientAddress(req));
        if (wait > 0) {
          return page(
            req,
            res,
            429,
            messages.searchLabel,
            html`<p class="notice">${messages.sendingTooFast}</p>`,
            CACHE.search,
            {
              query: q,
              headers: { 'retry-after': String(wait) },
            },
          );
        }
        const n = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
        const { title, main } = searchPage(library, q, Number.isFinite(n) ? n - 1 : 0);
        return page(req, res, 200, title, main, CACHE.search, { query: q });
      }
      return notFound(req, res);
    },
  };
}
