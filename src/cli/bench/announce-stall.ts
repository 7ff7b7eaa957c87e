/**
 * How long announcing an issue holds the main thread: subscribes N chats (default 10,000) to one
 * distinct keyword each (taken from the archive), then announces the newest seed issue to them,
 * and prints the longest event-loop stall meanwhile (the longest gap between turns of a 5 ms timer), the
 * announcement's wall time, and how many questions a timer asking one every 20 ms got answered
 * during it. For scale, the longest stall of the same process doing nothing but the questions for
 * as long (a machine shared with other work stalls a process by itself). The library answers one
 * question first, as a running bot's has (loading the dictionary belongs to the start).
 *
 *   node --import tsx src/cli/bench/announce-stall.ts [KEYWORDS]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openIndex, NewsLibrary } from '../../retrieval/index.ts';
import { Announcer } from '../../announcements/announce.ts';
import { openSqliteStore } from '../../storage/sqlite-store.ts';
import { archiveKeywords } from './keywords.ts';

const count = Number(process.argv[2] ?? 10_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'announce-stall-'));
const library = NewsLibrary.fromOpened(openIndex({ corpusDir: 'seeds', indexFile: path.join(dir, 'index.bin') }));
const store = openSqliteStore(':memory:');
const keywords = archiveKeywords(library.issues, count);
for (const [k, keyword] of keywords.entries()) await store.subscribe(k + 1, keyword);
await store.markSeen(['baseline.txt']);
const issue = library.issues.at(-1)!;

library.search('老旧小区改造', 5);
const announcer = new Announcer({ store, library, owner: 'bench' });

/**
 * The longest time the event loop went without a turn while `work` ran, from a 5 ms timer (the
 * gap before its first tick and after its last count too), and the questions a 20 ms timer got
 * answered meanwhile.
 */
async function stalls(work: () => Promise<unknown>): Promise<{ ms: number; longestStallMs: number; answered: number }> {
  let answered = 0;
  const asking = setInterval(() => {
    library.search('老旧小区改造', 5);
    answered++;
  }, 20);
  const started = performance.now();
  let last = started;
  let longest = 0;
  const ticking = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  await work();
  const ended = performance.now();
  longest = Math.max(longest, ended - last);
  clearInterval(ticking);
  clearInterval(asking);
  return { ms: ended - started, longestStallMs: Math.round(longest), answered };
}

const announcing = await stalls(() => announcer.add([issue]));
const idle = await stalls(() => new Promise((r) => setTimeout(r, announcing.ms)));
console.log(
  JSON.stringify({
    keywords: keywords.length,
    notifications: (await store.deliveryCounts()).pending ?? 0,
    announceMs: Math.round(announcing.ms),
    longestStallMs: announcing.longestStallMs,
    idleLongestStallMs: idle.longestStallMs,
    questionsAnsweredMeanwhile: announcing.answered,
  }),
);
await store.close();
fs.rmSync(dir, { recursive: true, force: true });
