/**
 * `npm run bench [-- SIZE|FOLDER ...] [--runs N] [--out FILE]`: performance at archive scale,
 * against a peer measured beside it in the same run.
 *
 * The peer (bench/fts5-peer.mjs) is what a Node developer would otherwise build: SQLite FTS5 over
 * jieba-segmented paragraphs. For each archive (default: synthetic archives of 52, 520 and 1040
 * weekly issues, written by ../shared/tools/make-archive.mjs), both are measured as whole
 * processes, each figure the median of N runs (default 3), the project's and the peer's runs
 * interleaved. Times are CPU time (user + system, all threads, of the command's Node processes),
 * which a machine shared with other work disturbs far less than wall time (also recorded):
 *   cold   project: the search command with no saved index (parse, build, save, answer one);
 *          peer: parsing the issues (the project's own parser, `articles --json`) plus its build
 *   warm   one question with the index saved
 *   batch  one process answering the dev questions ×10 from standard input, and one answering
 *          them once: per question is the difference of the two over the difference in
 *          questions (start-up cancels out); peak RSS is the larger batch's. Every question of
 *          the difference is asked again, as readers ask again what others asked; so besides:
 *   new    the same over distinct questions never asked before in the process (the project's
 *          own eval sets, less the dev questions): what a question nobody asked yet costs
 * The project runs as its npm script runs it (`node --expose-gc scripts/dev.mjs cli/search`: the
 * current build, made first when src/ changed), without npm's own start-up, as the peer runs
 * without it. In this process besides: query latency p50/p99 and
 * the bot's update-to-reply latency against the loopback Bot API stand-in, and the p99 of an
 * article page and a search page over loopback HTTP (bench/pages.ts). Prints a table with
 * the ratios (project ÷ peer) and writes the figures as JSON.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBot } from '../bot/create-bot.ts';
import { openIndex, NewsLibrary, searchAfresh } from '../retrieval/index.ts';
import { LoopbackBotApi } from '../telegram/loopback-api.ts';
import { costliestMs } from './bench/costly.ts';
import { pageLatency } from './bench/pages.ts';
import { runCli } from './run-cli.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
// The shared tools and questions beside the project (BENCH_SHARED names them when they are elsewhere).
const SHARED = path.resolve(process.env.BENCH_SHARED || path.join(ROOT, '../shared'));
const PROBE = path.join(import.meta.dirname, 'bench', 'rss-probe.mjs');
const PEER = path.join(import.meta.dirname, 'bench', 'fts5-peer.mjs');
const WORK = path.join(os.tmpdir(), 'chongchuan-bench');

interface Side {
  /** CPU milliseconds, medians. */
  coldMs: number;
  warmMs: number;
  /** Wall-clock milliseconds, medians (as loaded as the machine was). */
  coldWallMs: number;
  warmWallMs: number;
  warmPeakMB: number;
  msPerQuestion: number;
  /** Per question over distinct questions (no repeats). */
  msPerNewQuestion: number;
  batchPeakMB: number;
  indexMB: number;
}

interface Row {
  archive: string;
  issues: number;
  passages: number;
  textMB: number;
  project: Side;
  peer: Side;
  queryP50Ms: number;
  queryP99Ms: number;
  botP50Ms: number;
  botP99Ms: number;
  /** Web pages over loopback HTTP: an article page as a result's link opens it, and a search page. */
  pageArticleP99Ms: number;
  pageSearchP99Ms: number;
  /** The slowest 300-character question of the archive's most frequent characters. */
  costlyMs: number;
}

function questions(): string[] {
  const file = path.join(SHARED, 'eval', 'dev.jsonl');
  const base = fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { q: string }).q)
    : ['老旧小区改造', '唐闸古镇规划面积多大', '红色直播间', '今天股市行情怎么样'];
  return Array.from({ length: 10 }, () => base).flat();
}

/** Distinct questions of the project's own eval sets, none of the dev questions, in file order. */
function newQuestions(asked: string[]): string[] {
  const seen = new Set(asked);
  const found: string[] = [];
  for (const set of ['own', 'fresh-a', 'fresh-b', 'fresh-c', 'fresh-d', 'fresh-e']) {
    const file = path.join(ROOT, 'eval', set, 'questions.jsonl');
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const q = ((JSON.parse(line) as { q?: string }).q ?? '').replace(/\s+/g, ' ').trim();
      if (q && !seen.has(q)) {
        seen.add(q);
        found.push(q);
      }
    }
  }
  return found;
}

/** The command an npm script runs, with `node` as this Node: `node … scripts/dev.mjs cli/x`. */
function scriptCommand(name: string): string[] {
  const scripts = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;
  const words = scripts[name]!.split(/\s+/);
  if (words[0] !== 'node') throw new Error(`npm script ${name} does not start with node`);
  return [process.execPath, ...words.slice(1)];
}

interface Measured {
  /** CPU time (user + system) of the command's Node processes: what a busy machine changes least. */
  ms: number;
  wallMs: number;
  peakMB: number;
  stdout: string;
}

/**
 * Runs a command, returning the CPU time of its Node processes, its wall time, and the peak RSS
 * of any Node process in it.
 */
function measure(command: string[], env: Record<string, string>, input?: string): Measured {
  const rssFile = path.join(WORK, `rss-${process.pid}-${Date.now()}.txt`);
  const started = performance.now();
  const run = spawnSync(command[0]!, command.slice(1), {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: {
      ...process.env,
      ...env,
      BOT_TOKEN: '',
      BENCH_RSS_FILE: rssFile,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${PROBE}`.trim(),
    },
  });
  const wallMs = performance.now() - started;
  if (run.status !== 0) throw new Error(`${command.join(' ')} failed: ${run.stderr.slice(-800)}`);
  const lines = fs.existsSync(rssFile) ? fs.readFileSync(rssFile, 'utf8').split('\n').filter(Boolean) : ['0 0'];
  fs.rmSync(rssFile, { force: true });
  const figures = lines.map((l) => l.split(' ').map(Number) as [number, number]);
  return {
    ms: figures.reduce((sum, [, cpu]) => sum + cpu, 0) / 1000,
    wallMs,
    peakMB: Math.max(...figures.map(([rss]) => rss)) / 1024,
    stdout: run.stdout,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;

async function botLatency(library: NewsLibrary, asks: string[]): Promise<{ p50: number; p99: number }> {
  const api = new LoopbackBotApi();
  const apiRoot = await api.start();
  const bot = createBot({
    token: '1:bench-token-xxxxxxxxxxxxxxxxxxxx',
    library,
    apiRoot,
    flood: { limit: 1000, windowMs: 1000 },
  });
  void bot.start({ drop_pending_updates: false });
  await new Promise((r) => setTimeout(r, 300));
  const times: number[] = [];
  for (let k = 0; k < asks.length; k++) {
    const chatId = 1000 + k;
    const started = performance.now();
    api.pushText(asks[k]!, chatId);
    await api.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === chatId, 10_000);
    times.push(performance.now() - started);
  }
  await bot.stop();
  await api.stop();
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

function archiveFor(spec: string): { dir: string; label: string } {
  if (!/^\d+$/.test(spec)) return { dir: path.resolve(spec), label: spec };
  const dir = path.join(WORK, `archive-${spec}`);
  if (!fs.existsSync(dir) || fs.readdirSync(dir).length !== Number(spec)) {
    const tool = path.join(SHARED, 'tools', 'make-archive.mjs');
    if (!fs.existsSync(tool))
      throw new Error(`cannot make a synthetic archive: ${tool} is missing; pass a folder instead`);
    fs.rmSync(dir, { recursive: true, force: true });
    const made = spawnSync(process.execPath, [tool, path.join(ROOT, 'seeds'), dir, spec], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`make-archive failed: ${made.stderr}`);
  }
  return { dir, label: `${spec} issues` };
}

const folderMB = (dir: string) =>
  fs.readdirSync(dir).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0) / 2 ** 20;

async function benchOne(spec: string, runs: number): Promise<Row> {
  const { dir, label } = archiveFor(spec);
  const indexFile = path.join(WORK, `index-${path.basename(dir)}.bin`);
  const articlesFile = path.join(WORK, `articles-${path.basename(dir)}.json`);
  const peerDb = path.join(WORK, `peer-${path.basename(dir)}.db`);
  const env = { CORPUS_DIR: dir, INDEX_FILE: indexFile };
  const searchCommand = scriptCommand('search');
  const asks = questions();
  const batchInput = `${asks.join('\n')}\n`;
  const small = asks.slice(0, asks.length / 10);
  const smallInput = `${small.join('\n')}\n`;
  const one = '老旧小区改造';
  const fresh = newQuestions(asks);
  const freshInput = `${fresh.join('\n')}\n`;
  const freshSmall = fresh.slice(0, Math.floor(fresh.length / 10));
  const freshSmallInput = `${freshSmall.join('\n')}\n`;
  type Runs = Record<'cold' | 'warm' | 'batch' | 'small' | 'fresh' | 'freshSmall', Measured[]>;
  const project: Runs = { cold: [], warm: [], batch: [], small: [], fresh: [], freshSmall: [] };
  const peer: Runs = { cold: [], warm: [], batch: [], small: [], fresh: [], freshSmall: [] };

  for (let run = 1; run <= runs; run++) {
    process.stderr.write(`${label}, run ${run}/${runs}: cold… `);
    fs.rmSync(indexFile, { force: true });
    project.cold.push(measure([...searchCommand, '--json', one], env));
    const parsed = measure(scriptCommand('articles').concat('--json'), env);
    fs.writeFileSync(articlesFile, parsed.stdout);
    const built = measure([process.execPath, PEER, 'build', articlesFile, peerDb], env);
    peer.cold.push({
      ms: parsed.ms + built.ms,
      wallMs: parsed.wallMs + built.wallMs,
      peakMB: Math.max(parsed.peakMB, built.peakMB),
      stdout: '',
    });
    process.stderr.write('warm… ');
    project.warm.push(measure([...searchCommand, '--json', one], env));
    peer.warm.push(measure([process.execPath, PEER, 'query', peerDb, one], env));
    process.stderr.write(`batches of ${asks.length} and ${small.length}…\n`);
    project.batch.push(measure([...searchCommand, '--json'], env, batchInput));
    peer.batch.push(measure([process.execPath, PEER, 'query', peerDb], env, batchInput));
    project.small.push(measure([...searchCommand, '--json'], env, smallInput));
    peer.small.push(measure([process.execPath, PEER, 'query', peerDb], env, smallInput));
    process.stderr.write(`${label}, run ${run}/${runs}: ${fresh.length} and ${freshSmall.length} new questions…\n`);
    project.fresh.push(measure([...searchCommand, '--json'], env, freshInput));
    peer.fresh.push(measure([process.execPath, PEER, 'query', peerDb], env, freshInput));
    project.freshSmall.push(measure([...searchCommand, '--json'], env, freshSmallInput));
    peer.freshSmall.push(measure([process.execPath, PEER, 'query', peerDb], env, freshSmallInput));
  }
  const side = (m: Runs, indexBytes: number): Side => {
    const ms = (runs: Measured[]) => median(runs.map((x) => x.ms));
    return {
      coldMs: Math.round(ms(m.cold)),
      warmMs: Math.round(ms(m.warm)),
      coldWallMs: Math.round(median(m.cold.map((x) => x.wallMs))),
      warmWallMs: Math.round(median(m.warm.map((x) => x.wallMs))),
      warmPeakMB: Math.round(median(m.warm.map((x) => x.peakMB))),
      msPerQuestion: round((ms(m.batch) - ms(m.small)) / (asks.length - small.length)),
      msPerNewQuestion: round((ms(m.fresh) - ms(m.freshSmall)) / Math.max(1, fresh.length - freshSmall.length)),
      batchPeakMB: Math.round(median(m.batch.map((x) => x.peakMB))),
      indexMB: round(indexBytes / 2 ** 20),
    };
  };

  process.stderr.write(`${label}: query latency… `);
  const opened = openIndex({ corpusDir: dir, indexFile });
  const times: number[] = [];
  // A search computed (not a kept result), as the costly question's below.
  for (const q of asks) {
    const started = performance.now();
    searchAfresh(opened.index, q);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  process.stderr.write('costly questions… ');
  const costly = costliestMs(opened.index);
  process.stderr.write('bot…\n');
  const bot = await botLatency(NewsLibrary.fromOpened(opened), asks.slice(0, 300));
  process.stderr.write(`${label}: web pages…\n`);
  const pages = await pageLatency(NewsLibrary.fromOpened(opened), asks.slice(0, 300));
  return {
    archive: label,
    issues: opened.issues.length,
    passages: opened.index.passages.length,
    textMB: round(folderMB(dir)),
    project: side(project, fs.statSync(indexFile).size),
    peer: side(peer, fs.statSync(peerDb).size),
    queryP50Ms: round(percentile(times, 0.5)),
    queryP99Ms: round(percentile(times, 0.99)),
    botP50Ms: round(bot.p50),
    botP99Ms: round(bot.p99),
    pageArticleP99Ms: pages.articleP99Ms,
    pageSearchP99Ms: pages.searchP99Ms,
    costlyMs: round(costly),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
const ratio = (a: number, b: number) => (a / Math.max(1e-9, b)).toFixed(2);

function table(rows: Row[]): string {
  const cols: [string, (r: Row) => string | number][] = [
    ['archive', (r) => `${r.archive} (${r.textMB} MB)`],
    ['passages', (r) => r.passages],
    ['warm ms (peer)', (r) => `${r.project.warmMs} (${r.peer.warmMs})`],
    ['warm ×', (r) => ratio(r.project.warmMs, r.peer.warmMs)],
    ['warm wall ×', (r) => ratio(r.project.warmWallMs, r.peer.warmWallMs)],
    ['ms/q (peer)', (r) => `${r.project.msPerQuestion} (${r.peer.msPerQuestion})`],
    ['ms/q ×', (r) => ratio(r.project.msPerQuestion, r.peer.msPerQuestion)],
    ['new ms/q (peer)', (r) => `${r.project.msPerNewQuestion} (${r.peer.msPerNewQuestion})`],
    ['new ×', (r) => ratio(r.project.msPerNewQuestion, r.peer.msPerNewQuestion)],
    ['peak MB (peer)', (r) => `${r.project.batchPeakMB} (${r.peer.batchPeakMB})`],
    ['peak ×', (r) => ratio(r.project.batchPeakMB, r.peer.batchPeakMB)],
    ['cold ms (peer)', (r) => `${r.project.coldMs} (${r.peer.coldMs})`],
    ['cold ×', (r) => ratio(r.project.coldMs, r.peer.coldMs)],
    ['cold wall ×', (r) => ratio(r.project.coldWallMs, r.peer.coldWallMs)],
    ['index MB (peer)', (r) => `${r.project.indexMB} (${r.peer.indexMB})`],
    ['q p50/p99', (r) => `${r.queryP50Ms}/${r.queryP99Ms}`],
    ['bot p50/p99', (r) => `${r.botP50Ms}/${r.botP99Ms}`],
    ['page a/s p99', (r) => `${r.pageArticleP99Ms}/${r.pageSearchP99Ms}`],
    ['costly q ms', (r) => r.costlyMs],
  ];
  const lines = [`| ${cols.map((c) => c[0]).join(' | ')} |`, `|${cols.map(() => ' --- ').join('|')}|`];
  for (const r of rows) lines.push(`| ${cols.map(([, f]) => String(f(r))).join(' | ')} |`);
  return lines.join('\n');
}

/** How each figure grows from one archive to the next, against the text's own growth. */
function growth(rows: Row[]): string {
  const out: string[] = [];
  for (let k = 1; k < rows.length; k++) {
    const a = rows[k - 1]!;
    const b = rows[k]!;
    const g = (f: (r: Row) => number) => (f(b) / Math.max(1e-9, f(a))).toFixed(1);
    out.push(
      `${a.archive} → ${b.archive} (text ×${g((r) => r.textMB)}): peak RSS ×${g((r) => r.project.batchPeakMB)}, ` +
        `warm ×${g((r) => r.project.warmMs)}, ms/question ×${g((r) => r.project.msPerQuestion)}, ` +
        `cold ×${g((r) => r.project.coldMs)}, index ×${g((r) => r.project.indexMB)}`,
    );
  }
  return out.join('\n');
}

runCli(async () => {
  const { values, positionals: specs } = parseArgs({
    options: {
      out: { type: 'string', default: path.join(ROOT, '.cache', 'bench.json') },
      runs: { type: 'string', default: '3' },
    },
    allowPositionals: true,
  });
  const out = path.resolve(values.out);
  // The build is made once here, so that no measured run makes it.
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--if-stale'], {
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('the build failed');
  const runs = Math.max(1, Number(values.runs) || 3);
  fs.mkdirSync(WORK, { recursive: true });
  const rows: Row[] = [];
  for (const spec of specs.length > 0 ? specs : ['52', '520', '1040']) rows.push(await benchOne(spec, runs));
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  console.log(
    `\nmachine: ${machine}; medians of ${runs} runs; times are CPU ms (wall × is the wall-clock ratio); ` +
      `× is project ÷ peer (FTS5 + jieba)\n`,
  );
  console.log(table(rows));
  const grew = growth(rows);
  if (grew) console.log(`\n${grew}`);
  for (const r of rows)
    console.log(
      `${r.archive}: costliest 300-character question ${r.costlyMs} ms = ×${(r.costlyMs / Math.max(0.01, r.queryP50Ms)).toFixed(1)} the median question`,
    );
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ machine, runs, rows }, null, 2)}\n`);
  console.log(`\nfigures written to ${out}`);
});
