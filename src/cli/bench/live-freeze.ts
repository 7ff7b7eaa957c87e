/**
 * How long the live corpus holds the main thread, and what it costs in memory: copies a folder of
 * issues, builds its index file (in a child process, as a previous run of the bot would have), opens
 * it as the bot does, then removes one issue file and lets the watcher take it out of the index;
 * then copies it back; then waits for the index file to be saved. Prints the longest event-loop
 * stall (perf_hooks.monitorEventLoopDelay) of each step, whether questions were answered meanwhile,
 * a question's time before and after the changes, and this process's resident memory after the
 * index was opened, its most sampled every 20 ms during the steps, and its peak (the process never
 * built an index: its peak is that of opening the index, the live changes or the saves).
 *
 * With --merge, then: copies of the issues (under other names) are indexed until the first
 * segment's merge is due, and the merge is run as the live corpus runs it (a piece per turn of the
 * event loop), its longest stall and its time printed.
 *
 *   node --expose-gc --import tsx src/cli/bench/live-freeze.ts FOLDER [QUESTION] [--merge]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { listIssueFiles } from '../../corpus/load-corpus.ts';
import type { Issue } from '../../corpus/types.ts';
import { LiveCorpus } from '../../live/live-corpus.ts';
import { openIndex, NewsLibrary, collectGarbage } from '../../retrieval/index.ts';

const args = process.argv.slice(2);
if (args[0] === '--build') {
  // The child's one job: build and save the index of the copied folder.
  openIndex({ corpusDir: args[1]!, indexFile: args[2]! });
  process.exit(0);
}

const [source = 'seeds', question = '老旧小区改造'] = args.filter((a) => !a.startsWith('--'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'live-freeze-'));
const corpusDir = path.join(dir, 'corpus');
fs.mkdirSync(corpusDir);
const names = listIssueFiles(source);
for (const name of names) fs.copyFileSync(path.join(source, name), path.join(corpusDir, name));
const indexFile = path.join(dir, 'index.bin');
execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--build', corpusDir, indexFile], {
  stdio: 'inherit',
});
const opened = openIndex({ corpusDir, indexFile });
if (opened.built) throw new Error('the index built by the child process was not loaded');
const library = NewsLibrary.fromOpened(opened);
const live = new LiveCorpus({ corpusDir, indexFile, library, settleMs: 200, pollMs: 100_000 });
library.stats(); // the issues read from the file, as the bot reads them at start
collectGarbage();
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const rssAfterOpenMB = mb(process.memoryUsage().rss);
// The resident memory of the live steps, sampled (between stalls) from here on.
let rssStepsMax = 0;
const sampler = setInterval(() => {
  rssStepsMax = Math.max(rssStepsMax, process.memoryUsage.rss());
}, 20);

/** The question's best time over a few rounds, in milliseconds. */
function questionMs(): number {
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    const started = performance.now();
    library.search(question);
    best = Math.min(best, performance.now() - started);
  }
  return Math.round(best * 10) / 10;
}

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

const questionMsBefore = questionMs();
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
const saving = await measure(() => live.saved());
const saveMs = Math.round(performance.now() - savedFrom);
const result = {
  issues: before,
  removed: victim,
  removal: { ...removal, issuesAfter: afterRemoval, answered: answeredAfterRemoval },
  addBack: { ...back, issuesAfter: library.stats().issues, answered: library.search(question).length > 0 },
  save: { ...saving, saveMs },
  questionMs: { before: questionMsBefore, after: questionMs() },
  rssAfterOpenMB,
  rssDuringStepsMaxMB: mb(rssStepsMax),
  peakRssMB: mb(process.resourceUsage().maxRSS * 1024),
};
/** An issue under another file name (its ids with it): what a second archive of the same text would be. */
function copyOf(issue: Issue, tag: string): Issue {
  const source = `${tag}${issue.source}`;
  return {
    ...issue,
    source,
    articles: issue.articles.map((a) => ({ ...a, id: `${tag}${a.id}`, source })),
    photos: issue.photos.map((p) => ({ ...p, id: `${tag}${p.id}`, source })),
  };
}

/** The first segment's merge, once copies of the issues added make it due. */
async function firstMerge() {
  const index = library.searchIndex;
  const originals = library.issues.slice();
  let copies = 0;
  for (let round = 0; !index.mergeDue && round < 4; round++)
    for (let k = 0; k < originals.length && !index.mergeDue; k += 50) {
      library.addIssues(originals.slice(k, k + 50).map((i) => copyOf(i, `copy${round}-`)));
      copies += Math.min(50, originals.length - k);
    }
  const answersBefore = JSON.stringify(library.search(question));
  // The copies' garbage collected first: the bot meets this merge after one issue, not thousands.
  collectGarbage();
  const segmentsBefore = index.segmentCount;
  const started = performance.now();
  const merging = await measure(async () => {
    for (const _ of index.mergeInSteps()) await new Promise<void>((resolve) => setImmediate(resolve));
  });
  return {
    copiesAdded: copies,
    segmentsBefore,
    segmentsAfter: index.segmentCount,
    ...merging,
    mergeMs: Math.round(performance.now() - started),
    sameAnswers: JSON.stringify(library.search(question)) === answersBefore,
    peakRssMB: mb(process.resourceUsage().maxRSS * 1024),
  };
}

const merge = args.includes('--merge') ? await firstMerge() : undefined;
console.log(JSON.stringify({ ...result, ...(merge && { firstMerge: merge }) }));
clearInterval(sampler);
live.stop();
fs.rmSync(dir, { recursive: true, force: true });
