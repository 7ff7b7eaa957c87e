/**
 * `npm run bench [-- SIZE|FOLDER ...] [--out FILE]`: performance at archive scale.
 *
 * For each archive (default: synthetic archives of 5, 52 and 520 weekly issues, written by
 * ../shared/tools/make-archive.mjs), measures as whole processes:
 *   floor      reading and segmenting the corpus with nodejieba alone (`npm run -s bench:floor`)
 *   cold       `npm run -s search -- --json "老旧小区改造"` with no saved index (build + save)
 *   warm       the same command again (loads the saved index)
 *   batch      one search process answering the dev questions ×10 from standard input
 * and in this process: query latency p50/p99, and the bot's update-to-reply latency against the
 * loopback Bot API stand-in. Prints a table and writes the figures as JSON.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBot } from '../bot/create-bot.ts';
import { openIndex } from '../retrieval/index-store.ts';
import { NewsLibrary } from '../retrieval/news-library.ts';
import { search } from '../retrieval/rank.ts';
import { costliestMs } from './bench/costly.ts';
import { FakeBotApi } from '../../tests/support/fake-bot-api.ts';
import { runCli } from './run-cli.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SHARED = path.resolve(ROOT, '../shared');
const PROBE = path.join(import.meta.dirname, 'bench', 'rss-probe.mjs');
const WORK = path.join(os.tmpdir(), 'chongchuan-bench');

interface Row {
  archive: string;
  issues: number;
  passages: number;
  floorMs: number;
  coldMs: number;
  coldPeakMB: number;
  warmMs: number;
  warmPeakMB: number;
  batchQuestions: number;
  batchMsPerQuestion: number;
  batchPeakMB: number;
  queryP50Ms: number;
  queryP99Ms: number;
  indexMB: number;
  botP50Ms: number;
  botP99Ms: number;
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

/** Runs a command, returning its wall time and the peak RSS of any Node process in it. */
function measure(
  command: string,
  args: string[],
  env: Record<string, string>,
  input?: string,
): { ms: number; peakMB: number; stdout: string } {
  const rssFile = path.join(WORK, `rss-${process.pid}-${Date.now()}.txt`);
  const started = performance.now();
  const run = spawnSync(command, args, {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: {
      ...process.env,
      ...env,
      BOT_TOKEN: '',
      BENCH_RSS_FILE: rssFile,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${PROBE}`.trim(),
    },
  });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr.slice(-800)}`);
  const peaks = fs.existsSync(rssFile) ? fs.readFileSync(rssFile, 'utf8').split('\n').filter(Boolean).map(Number) : [0];
  fs.rmSync(rssFile, { force: true });
  return { ms, peakMB: Math.max(...peaks) / 1024, stdout: run.stdout };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;

async function botLatency(library: NewsLibrary, asks: string[]): Promise<{ p50: number; p99: number }> {
  const api = new FakeBotApi();
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

async function benchOne(spec: string): Promise<Row> {
  const { dir, label } = archiveFor(spec);
  const indexFile = path.join(WORK, `index-${path.basename(dir)}.json`);
  fs.rmSync(indexFile, { force: true });
  const env = { CORPUS_DIR: dir, INDEX_FILE: indexFile };
  const searchArgs = ['run', '-s', 'search', '--', '--json', '老旧小区改造'];
  process.stderr.write(`${label}: floor… `);
  // Run through npm like the search command, so both figures carry the same start-up cost.
  const floor = measure('npm', ['run', '-s', 'bench:floor', '--', dir], env);
  process.stderr.write('cold build… ');
  const cold = measure('npm', searchArgs, env);
  process.stderr.write('warm start… ');
  const warm = measure('npm', searchArgs, env);
  const asks = questions();
  process.stderr.write(`batch of ${asks.length}… `);
  const batch = measure('npm', ['run', '-s', 'search', '--', '--json'], env, `${asks.join('\n')}\n`);

  process.stderr.write('query latency… ');
  const opened = openIndex({ corpusDir: dir, indexFile });
  const times: number[] = [];
  for (const q of asks) {
    const started = performance.now();
    search(opened.index, q);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  process.stderr.write('costly questions… ');
  const costly = costliestMs(opened.index);
  process.stderr.write('bot…\n');
  const bot = await botLatency(NewsLibrary.fromOpened(opened), asks.slice(0, 300));
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    archive: label,
    issues: opened.issues.length,
    passages: opened.index.passages.length,
    floorMs: Math.round(floor.ms),
    coldMs: Math.round(cold.ms),
    coldPeakMB: Math.round(cold.peakMB),
    warmMs: Math.round(warm.ms),
    warmPeakMB: Math.round(warm.peakMB),
    batchQuestions: asks.length,
    batchMsPerQuestion: round(Math.max(0, batch.ms - warm.ms) / asks.length),
    batchPeakMB: Math.round(batch.peakMB),
    queryP50Ms: round(percentile(times, 0.5)),
    queryP99Ms: round(percentile(times, 0.99)),
    indexMB: round(fs.statSync(indexFile).size / 1024 / 1024),
    botP50Ms: round(bot.p50),
    botP99Ms: round(bot.p99),
    costlyMs: round(costly),
  };
}

function table(rows: Row[]): string {
  const cols: [keyof Row, string][] = [
    ['archive', 'archive'],
    ['passages', 'passages'],
    ['floorMs', 'floor ms'],
    ['coldMs', 'cold ms'],
    ['coldPeakMB', 'cold MB'],
    ['warmMs', 'warm ms'],
    ['warmPeakMB', 'warm MB'],
    ['batchMsPerQuestion', 'ms/q batch'],
    ['batchPeakMB', 'batch MB'],
    ['queryP50Ms', 'q p50'],
    ['queryP99Ms', 'q p99'],
    ['indexMB', 'index MB'],
    ['botP50Ms', 'bot p50'],
    ['botP99Ms', 'bot p99'],
    ['costlyMs', 'costly q ms'],
  ];
  const lines = [`| ${cols.map((c) => c[1]).join(' | ')} |`, `|${cols.map(() => ' --- ').join('|')}|`];
  for (const r of rows) lines.push(`| ${cols.map(([k]) => String(r[k])).join(' | ')} |`);
  return lines.join('\n');
}

function ratios(rows: Row[]): string {
  const a = rows.find((r) => r.issues === 52);
  const b = rows.find((r) => r.issues === 520);
  if (!a || !b) return '';
  const r = (k: keyof Row) => ((b[k] as number) / Math.max(1e-9, a[k] as number)).toFixed(1);
  return (
    `520 vs 52 issues (10× the data): floor ×${r('floorMs')}, cold ×${r('coldMs')}, warm ×${r('warmMs')}, ` +
    `ms/question ×${r('batchMsPerQuestion')}, index size ×${r('indexMB')}, batch RSS ×${r('batchPeakMB')}`
  );
}

runCli(async () => {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? path.resolve(args[outAt + 1] ?? 'bench.json') : path.join(ROOT, '.cache', 'bench.json');
  const specs = args.filter((_, k) => outAt < 0 || (k !== outAt && k !== outAt + 1));
  fs.mkdirSync(WORK, { recursive: true });
  const rows: Row[] = [];
  for (const spec of specs.length > 0 ? specs : ['5', '52', '520']) rows.push(await benchOne(spec));
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  console.log(`\nmachine: ${machine}\n`);
  console.log(table(rows));
  const ratio = ratios(rows);
  if (ratio) console.log(`\n${ratio}`);
  for (const r of rows)
    console.log(
      `${r.archive}: costliest 300-character question ${r.costlyMs} ms = ×${(r.costlyMs / Math.max(0.01, r.queryP50Ms)).toFixed(1)} the median question`,
    );
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ machine, rows, ratio }, null, 2)}\n`);
  console.log(`\nfigures written to ${out}`);
});
