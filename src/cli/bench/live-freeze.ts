/**
 * How long the live corpus holds the main thread: copies a folder of issues, opens its index, then
 * removes one issue file and lets the watcher take it out of the index; then copies it back.
 * Prints the longest event-loop stall (perf_hooks.monitorEventLoopDelay) of each step and whether
 * questions were answered meanwhile.
 *
 *   node --expose-gc --import tsx src/cli/bench/live-freeze.ts FOLDER [QUESTION] [--inline-save]
 *
 * By default the index file is written by a child process (as the bot does); --inline-save
 * writes it on this thread, to show what that costs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { listIssueFiles } from '../../corpus/load-corpus.ts';
import { LiveCorpus } from '../../live/live-corpus.ts';
import { openIndex } from '../../retrieval/index-store.ts';
import { NewsLibrary } from '../../retrieval/news-library.ts';

const [source = 'seeds', question = '老旧小区改造'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'live-freeze-'));
const corpusDir = path.join(dir, 'corpus');
fs.mkdirSync(corpusDir);
const names = listIssueFiles(source);
for (const name of names) fs.copyFileSync(path.join(source, name), path.join(corpusDir, name));
const indexFile = path.join(dir, 'index.json');
const library = NewsLibrary.fromOpened(openIndex({ corpusDir, indexFile }));
const save = process.argv.includes('--inline-save') ? 'inline' : 'background';
const live = new LiveCorpus({ corpusDir, indexFile, library, settleMs: 200, pollMs: 100_000, save });

/** Runs one step while sampling the event loop every 10 ms; returns its longest stall. */
async function measure(step: () => Promise<void>): Promise<{ maxStallMs: number; wallMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  // The monitor's first tick starts its clock: let it pass before the step.
  await new Promise((r) => setTimeout(r, 50));
  const started = performance.now();
  await step();
  // One more turn of the loop so that the last stall is sampled.
  await new Promise((r) => setTimeout(r, 30));
  h.disable();
  return { maxStallMs: Math.round(h.max / 1e6), wallMs: Math.round(performance.now() - started) };
}

const victim = names[Math.floor(names.length / 2)]!;
const before = library.stats().issues;
const removal = await measure(async () => {
  fs.renameSync(path.join(corpusDir, victim), path.join(dir, victim));
  await live.rescan();
});
const afterRemoval = library.stats().issues;
const answeredAfterRemoval = library.search(question).length > 0;
const back = await measure(async () => {
  fs.renameSync(path.join(dir, victim), path.join(corpusDir, victim));
  await live.rescan();
});
const savedFrom = performance.now();
await live.saved();
const backgroundSaveMs = Math.round(performance.now() - savedFrom);
console.log(
  JSON.stringify({
    save,
    backgroundSaveMs,
    issues: before,
    removed: victim,
    removal: { ...removal, issuesAfter: afterRemoval, answered: answeredAfterRemoval },
    addBack: { ...back, issuesAfter: library.stats().issues, answered: library.search(question).length > 0 },
  }),
);
fs.rmSync(dir, { recursive: true, force: true });
