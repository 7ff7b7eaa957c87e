/**
 * What a loaded index costs in the heap and before its first answer (docs/performance.md, "Docs
 * and passages as columns"): `node --expose-gc --import tsx src/cli/bench/loaded-heap.ts FOLDER
 * INDEX_FILE [SNAPSHOT]`. Opens the index (built and saved first when INDEX_FILE is not current),
 * then prints the heap and array buffers after a full collection, less what they were before,
 * the RSS, and the CPU time of the load and of the first question (the ranking's whole-archive
 * tables are made then). With SNAPSHOT, writes a V8 heap snapshot there after the question.
 */
import v8 from 'node:v8';
import { openIndex, search } from '../../retrieval/index.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const [corpusDir, indexFile, snapshot] = process.argv.slice(2);
if (!corpusDir || !indexFile) throw new Error('usage: loaded-heap.ts FOLDER INDEX_FILE [SNAPSHOT]');

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const change = (bytes: number) => `${bytes < 0 ? '−' : '+'}${mb(Math.abs(bytes))}`;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return `${((user + system) / 1000).toFixed(0)} ms`;
};
const collected = () => {
  gc();
  gc();
  return process.memoryUsage();
};

const before = collected();
let started = process.cpuUsage();
const { index, built } = openIndex({ corpusDir, indexFile });
const load = cpuMs(started);
const loaded = collected();
console.log(
  `${built ? 'built' : 'loaded'} in ${load} of CPU: heap ${change(loaded.heapUsed - before.heapUsed)}, ` +
    `array buffers ${change(loaded.arrayBuffers - before.arrayBuffers)}, RSS ${mb(loaded.rss)}`,
);
started = process.cpuUsage();
search(index, '老旧小区改造', { limit: 5 });
const first = cpuMs(started);
const after = collected();
console.log(
  `first question ${first} of CPU: heap ${change(after.heapUsed - loaded.heapUsed)}, ` +
    `array buffers ${change(after.arrayBuffers - loaded.arrayBuffers)}`,
);
if (snapshot) console.log(`heap snapshot: ${v8.writeHeapSnapshot(snapshot)}`);
