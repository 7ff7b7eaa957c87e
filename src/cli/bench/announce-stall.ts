/**
 * How long announcing an issue holds the main thread: subscribes N chats (default 10,000) to one
 * distinct keyword each (taken from the archive), then announces the newest seed issue to them,
 * and prints the longest event-loop stall meanwhile (perf_hooks.monitorEventLoopDelay), the
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
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openIndex, NewsLibrary } from '../../retrieval/index.ts';
import { Announcer } from '../../subscriptions/announce.ts';
import { openSqliteStore } from '../../subscriptions/sqlite-store.ts';
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
let answered = 0;
const asking = setInterval(() => {
  library.search('老旧小区改造', 5);
  answered++;
}, 20);
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
const started = performance.now();
const queued = await announcer.add([issue]);
const wallMs = performance.now() - started;
delay.disable();
const baseline = monitorEventLoopDelay({ resolution: 5 });
baseline.enable();
await new Promise((r) => setTimeout(r, wallMs));
baseline.disable();
clearInterval(asking);
console.log(
  JSON.stringify({
    keywords: keywords.length,
    notifications: queued,
    announceMs: Math.round(wallMs),
    longestStallMs: Math.round(delay.max / 1e6),
    idleLongestStallMs: Math.round(baseline.max / 1e6),
    questionsAnsweredMeanwhile: answered,
  }),
);
await store.close();
fs.rmSync(dir, { recursive: true, force: true });
