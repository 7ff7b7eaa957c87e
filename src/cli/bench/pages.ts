/**
 * Web page latency: an article page as the bot's 「🔗 原文」 button opens it (its question searched
 * again to mark the passage) and a search page, each fetched over loopback HTTP from the bot's
 * server, p50 and p99 of wall time per request. Part of `npm run bench`; on its own:
 * `npm run bench:pages [-- FOLDER]` (default: the seeds) measures one archive.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resultLink } from '../../bot/article-links.ts';
import { silentLogger } from '../../logger.ts';
import { NewsLibrary, openIndex } from '../../retrieval/index.ts';
import { startHttpServer } from '../../server/http-server.ts';
import { createMetrics } from '../../server/metrics.ts';
import { createPages } from '../../server/pages/router.ts';
import { runCli } from '../run-cli.ts';

export interface PageLatency {
  articleP50Ms: number;
  articleP99Ms: number;
  searchP50Ms: number;
  searchP99Ms: number;
  /** CPU time of this process per request (server and client both), which other work on the machine disturbs less. */
  articleCpuP99Ms: number;
  searchCpuP99Ms: number;
  /** Requests of each kind measured. */
  requests: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? Number.NaN;
const round = (x: number) => Math.round(x * 100) / 100;

export async function pageLatency(library: NewsLibrary, asks: string[]): Promise<PageLatency> {
  const server = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    readiness: async () => [],
    registry: createMetrics({ library }).registry,
    log: silentLogger,
    pages: createPages({ library, searchLimit: { max: Number.MAX_SAFE_INTEGER, windowMs: 60_000 } }),
  });
  const base = `http://127.0.0.1:${server.port}`;
  const cpu: Record<'article' | 'search', number[]> = { article: [], search: [] };
  const timed = async (address: string, kind?: 'article' | 'search') => {
    const started = performance.now();
    const used = process.cpuUsage();
    const res = await fetch(`${base}${address}`);
    await res.text();
    if (res.status !== 200) throw new Error(`${address}: HTTP ${res.status}`);
    const { user, system } = process.cpuUsage(used);
    if (kind) cpu[kind].push((user + system) / 1000);
    return performance.now() - started;
  };
  const articles: number[] = [];
  const searches: number[] = [];
  try {
    const links = asks.flatMap((q) => {
      const top = library.search(q, 1)[0];
      return top ? [{ q, link: resultLink('', q, top, (id) => library.article(id)).replace(/#.*$/, '') }] : [];
    });
    // Warm up: the first requests compile the templates' code paths.
    for (const { q, link } of links.slice(0, 10)) {
      await timed(link);
      await timed(`/search?q=${encodeURIComponent(q)}`);
    }
    for (const { q, link } of links) {
      articles.push(await timed(link, 'article'));
      searches.push(await timed(`/search?q=${encodeURIComponent(q)}`, 'search'));
    }
  } finally {
    await server.close(100);
  }
  for (const xs of [articles, searches, cpu.article, cpu.search]) xs.sort((a, b) => a - b);
  return {
    articleP50Ms: round(percentile(articles, 0.5)),
    articleP99Ms: round(percentile(articles, 0.99)),
    searchP50Ms: round(percentile(searches, 0.5)),
    searchP99Ms: round(percentile(searches, 0.99)),
    articleCpuP99Ms: round(percentile(cpu.article, 0.99)),
    searchCpuP99Ms: round(percentile(cpu.search, 0.99)),
    requests: articles.length,
  };
}

/** The eval's dev questions (the repository's copy), each asked `times` times. */
export function devQuestions(times = 1): string[] {
  const file = path.resolve(import.meta.dirname, '../../../eval/dev.jsonl');
  const base = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { q: string }).q);
  return Array.from({ length: times }, () => base).flat();
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  runCli(async () => {
    const corpusDir = path.resolve(process.argv[2] ?? 'seeds');
    const indexFile = path.join(os.tmpdir(), 'chongchuan-bench', `pages-${path.basename(corpusDir)}.bin`);
    const opened = openIndex({ corpusDir, indexFile });
    const library = NewsLibrary.fromOpened(opened);
    const figures = await pageLatency(library, devQuestions(5));
    console.log(
      `${corpusDir}: ${opened.issues.length} issues, ${figures.requests} requests of each kind; ` +
        `article page p50/p99 ${figures.articleP50Ms}/${figures.articleP99Ms} ms, ` +
        `search page p50/p99 ${figures.searchP50Ms}/${figures.searchP99Ms} ms ` +
        `(CPU p99: article ${figures.articleCpuP99Ms} ms, search ${figures.searchCpuP99Ms} ms)`,
    );
  });
}
