/**
 * MiniSearch as the runtime word index, measured beside the project's own (docs/performance.md,
 * "Why the index is the project's own"): `node --expose-gc --import tsx
 * src/cli/bench/minisearch-peer.ts FOLDER`. Both index the same passages by the same jieba words
 * with the same BM25; printed: MiniSearch's build, its saved JSON, reloading it and its memory,
 * the project's whole index file (bigrams, words, docs) reloaded, and the word lookups of the dev
 * questions through each. MiniSearch is a devDependency: only this and the tests load it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { openIndex } from '../../retrieval/index.ts';
import { segment } from '../../text/segment.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const memory = () => {
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 2 ** 20;
};
const timed = <T>(f: () => T): [T, number] => {
  const started = performance.now();
  const value = f();
  return [value, performance.now() - started];
};

const folder = process.argv[2] ?? 'seeds';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'minisearch-peer-'));
const indexFile = path.join(work, 'index.bin');
openIndex({ corpusDir: folder, indexFile }); // built and saved once, not measured

const base = memory();
const [opened, loadMs] = timed(() => openIndex({ corpusDir: folder, indexFile }));
const projectMB = memory() - base;
const texts = opened.index.passageTexts;

type Doc = { id: number; text: string };
const options = {
  fields: ['text'],
  tokenize: (text: string) => segment(text).map((t) => t.text),
  processTerm: (t: string) => t,
};
const before = memory();
const [mini, buildMs] = timed(() => {
  const m = new MiniSearch<Doc>(options);
  m.addAll(texts.map((text, id) => ({ id, text })));
  return m;
});
const builtMB = memory() - before;
const json = JSON.stringify(mini);
const jsonFile = path.join(work, 'minisearch.json');
fs.writeFileSync(jsonFile, json);
const beforeLoad = memory();
const [reloaded, reloadMs] = timed(() => MiniSearch.loadJSON<Doc>(fs.readFileSync(jsonFile, 'utf8'), options));
const reloadedMB = memory() - beforeLoad;

const questions = fs
  .readFileSync('eval/dev.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => segment((JSON.parse(line) as { q: string }).q).map((t) => t.text));
const rounds = 20;
const [, miniQueryMs] = timed(() => {
  for (let r = 0; r < rounds; r++) for (const words of questions) reloaded.search({ queries: words, fields: ['text'] });
});
const [, projectQueryMs] = timed(() => {
  for (let r = 0; r < rounds; r++) for (const words of questions) opened.index.wordScores(words);
});
const per = (ms: number) => ms / (rounds * questions.length);
console.log(
  JSON.stringify(
    {
      folder,
      passages: texts.length,
      minisearch: {
        buildMs: Math.round(buildMs),
        builtMB: +builtMB.toFixed(1),
        jsonMB: +(json.length / 2 ** 20).toFixed(1),
        reloadMs: Math.round(reloadMs),
        reloadedMB: +reloadedMB.toFixed(1),
        wordLookupMs: +per(miniQueryMs).toFixed(3),
      },
      project: {
        indexFileMB: +(fs.statSync(indexFile).size / 2 ** 20).toFixed(1),
        reloadMs: Math.round(loadMs),
        reloadedMB: +projectMB.toFixed(1),
        wordLookupMs: +per(projectQueryMs).toFixed(3),
      },
    },
    null,
    1,
  ),
);
void mini;
fs.rmSync(work, { recursive: true, force: true });
