/**
 * `npm run search -- [--json] [--limit N] [question]`, `npm run search -- --verify`
 *
 * With a question: prints its results. Without one: reads questions from standard input, one per
 * line, and prints exactly one line per question as it goes (with --json, one JSON array per line,
 * [] for no match), so a long batch runs in one process. A block of the index file found damaged
 * while a question reads it (blocks are checked when first read) rebuilds the index, and the
 * question is answered from the new one.
 *
 * With --verify: checks every block of the saved index file (INDEX_FILE) and says whether it is
 * whole (exit status 1 when not), without opening the corpus or answering anything: the full
 * check a start no longer makes.
 */
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { createCliLogger } from '../logger.ts';
import fs from 'node:fs';
import { IndexFileError, openIndex, openIndexFile, search, type SearchResult } from '../retrieval/index.ts';
import { collectOnHeapGrowth } from './heap-growth.ts';
import { CliError, runCli } from './run-cli.ts';

/** Results per question, within 1..50. */
function limitOf(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`--limit must be a whole number from 1 to 50; got "${text}"`);
  return Math.min(n, 50);
}

/** The passage with the matched terms marked 【like this】. */
export function markHighlights(r: SearchResult, text = r.passage, offset = 0): string {
  let out = '';
  let at = 0;
  for (const [s0, e0] of r.highlights) {
    const s = s0 - offset;
    const e = e0 - offset;
    if (e <= 0 || s >= text.length) continue;
    out += `${text.slice(at, Math.max(at, s))}【${text.slice(Math.max(at, s), e)}】`;
    at = e;
  }
  return out + text.slice(at);
}

function readable(results: SearchResult[]): string {
  if (results.length === 0) return '(no match in the archive)';
  return results
    .map((r, k) => {
      const start = r.passage.indexOf(r.answer);
      const answer = start >= 0 ? markHighlights(r, r.answer, start) : r.answer;
      const label = r.confidence === 'related' ? ' (related: may not hold the answer)' : '';
      // The short answer only for a result offered as the answer, as the bot shows it.
      const direct = r.direct && r.confidence !== 'related' ? `   答：${r.direct.text}\n` : '';
      return `${k + 1}. [${r.date || '?'}] ${r.headline}${r.subtitle ? ` — ${r.subtitle}` : ''}${label}\n${direct}   ${answer}`;
    })
    .join('\n');
}

/** Reads and checks every block of the index file; a CliError (exit status 1) when it is not whole. */
function verifyIndexFile(indexFile: string): void {
  let reader: ReturnType<typeof openIndexFile>;
  try {
    reader = openIndexFile(indexFile);
  } catch (err) {
    throw new CliError(
      `${indexFile}: ${err instanceof IndexFileError ? 'damaged' : 'unreadable'} (${(err as Error).message})`,
    );
  }
  try {
    reader.verify();
  } catch (err) {
    if (!(err instanceof IndexFileError)) throw err;
    throw new CliError(`${indexFile}: damaged (${err.message}); delete it and the next start rebuilds it`);
  } finally {
    reader.close();
  }
  const mb = (fs.statSync(indexFile).size / 1e6).toFixed(1);
  console.log(`${indexFile}: whole (${reader.names.length} columns, ${mb} MB, every block checked)`);
}

runCli(async () => {
  const { values, positionals } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      limit: { type: 'string', default: '5' },
      verify: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const args = { json: values.json, limit: limitOf(values.limit), question: positionals.join(' ').trim() };
  const { corpusDir, indexFile } = loadConfig();
  if (values.verify) {
    verifyIndexFile(indexFile);
    return;
  }
  const interactive = process.stderr.isTTY;
  const opened = openIndex({
    corpusDir,
    indexFile,
    onProgress: interactive ? (line) => process.stderr.write(`\r${line}\x1b[K`) : undefined,
    logger: createCliLogger(),
  });
  if (interactive) process.stderr.write('\r\x1b[K');
  let index = opened.index;
  const resultsOf = (q: string) => {
    try {
      return search(index, q, { limit: args.limit });
    } catch (err) {
      if (!(err instanceof IndexFileError)) throw err;
      index = opened.rebuild(err);
      return search(index, q, { limit: args.limit });
    }
  };
  const answer = (q: string) => {
    const results = resultsOf(q);
    return args.json ? JSON.stringify(results) : readable(results).replace(/\n/g, args.question ? '\n' : ' ');
  };
  if (args.question) {
    console.log(answer(args.question));
    return;
  }
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  const collect = collectOnHeapGrowth();
  for await (const line of rl) {
    process.stdout.write(`${answer(line)}\n`);
    collect();
  }
});
