/**
 * `npm run search -- [--json] [--limit N] [question]`
 *
 * With a question: prints its results. Without one: reads questions from standard input, one per
 * line, and prints exactly one line per question as it goes (with --json, one JSON array per line,
 * [] for no match), so a long batch runs in one process.
 */
import readline from 'node:readline';
import { loadConfig } from '../config.ts';
import { openIndex } from '../retrieval/index-store.ts';
import { search, type SearchResult } from '../retrieval/rank.ts';
import { runCli } from './run-cli.ts';

interface Args {
  json: boolean;
  limit: number;
  question: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, limit: 5, question: '' };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--limit') args.limit = Math.max(1, Math.min(50, Number(argv[++i]) || 5));
    else if (a.startsWith('--limit=')) args.limit = Math.max(1, Math.min(50, Number(a.slice(8)) || 5));
    else words.push(a);
  }
  args.question = words.join(' ').trim();
  return args;
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
  const args = parseArgs(process.argv.slice(2));
  const { corpusDir, indexFile } = loadConfig();
  const interactive = process.stderr.isTTY;
  const { index } = openIndex({
    corpusDir,
    indexFile,
    log: interactive ? (line) => process.stderr.write(`\r${line}\x1b[K`) : undefined,
    warn: (line) => console.error(`warning: ${line}`),
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
  for await (const line of rl) process.stdout.write(`${answer(line)}\n`);
});
