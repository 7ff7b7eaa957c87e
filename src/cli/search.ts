/**
 * `npm run search -- [--json] [--limit N] [question]`
 *
 * With a question: prints its results. Without one: reads questions from standard input, one per
 * line, and prints exactly one line per question as it goes (with --json, one JSON array per line,
 * [] for no match), so a long batch runs in one process.
 */
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { createCliLogger } from '../logger.ts';
import { openIndex, search, type SearchResult } from '../retrieval/index.ts';
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

runCli(async () => {
  const { values, positionals } = parseArgs({
    options: { json: { type: 'boolean', default: false }, limit: { type: 'string', default: '5' } },
    allowPositionals: true,
  });
  const args = { json: values.json, limit: limitOf(values.limit), question: positionals.join(' ').trim() };
  const { corpusDir, indexFile } = loadConfig();
  const interactive = process.stderr.isTTY;
  const { index } = openIndex({
    corpusDir,
    indexFile,
    onProgress: interactive ? (line) => process.stderr.write(`\r${line}\x1b[K`) : undefined,
    logger: createCliLogger(),
  });
  if (interactive) process.stderr.write('\r\x1b[K');
  const answer = (q: string) => {
    const results = search(index, q, { limit: args.limit });
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
