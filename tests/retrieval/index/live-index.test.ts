/**
 * An index changed in place (texts added, ranges taken out, many times over) holds and saves what
 * an index built afresh from the texts left holds: the same lookups, the same scores, the same
 * columns. The steps are many and small so that the postings are in several segments with removed
 * ids between them, as a long-running bot's are.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load-corpus.ts';
import type { Issue } from '../../../src/corpus/types.ts';
import { type Columns, openIndexFile, readColumns, StringTable } from '../../../src/retrieval/index/index-file.ts';
import { saveIndexInSlices } from '../../../src/retrieval/index/index-store.ts';
import { toDocsAndPassages } from '../../../src/retrieval/index/passages.ts';
import { Postings } from '../../../src/retrieval/index/postings.ts';
import { search } from '../../../src/retrieval/ranking/rank.ts';
import { SearchIndex } from '../../../src/retrieval/index/search-index.ts';
import { WordIndex } from '../../../src/retrieval/index/word-index.ts';
import { normalize } from '../../../src/text/normalize.ts';

const issues = loadCorpus('seeds');
const pool = toDocsAndPassages(issues).passages.map((p) => normalize(p.text));
/** Texts at the start: few enough that the appended ones outgrow them, and all segments merge, now and then. */
const START = 40;
const TERMS = ['老旧小区', '古镇', '崇川', '户', '的', '改造', '唐闸古镇规划', '股市', '项目', '12000户', 'gdp'];

/** A fixed pseudo-random sequence, so that a failure can be replayed. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

/** Plain arrays of the columns (string tables as strings), but for the named ones. */
function plain(columns: Columns, skip: string[] = []): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(columns)
      .filter(([name]) => !skip.includes(name))
      .map(([name, c]) => [name, c instanceof StringTable ? c.toArray() : [...c]]),
  );
}

/** Runs a generator's remaining steps; returns what it returns. */
function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** What churn changes: appends, removals, and the first segment's merge, a step at a time. */
interface Changes {
  append: (texts: string[], at: number) => void;
  remove: (from: number, to: number) => void;
  mergeDue: () => boolean;
  mergeFirstInSteps: () => Generator<void, boolean>;
}

/**
 * Runs `steps` random changes (appends of a few texts, removals of a range), checking after each.
 * A merge of the first segment, once due, advances one step per change, so that changes land in
 * the middle of merges. Returns how many merges took their segments' place.
 */
function churn(steps: number, seed: number, apply: Changes, check: (texts: string[]) => void): number {
  const next = random(seed);
  const texts = pool.slice(0, START);
  let drawn = START;
  let merging: Generator<void, boolean> | undefined;
  let merged = 0;
  for (let step = 0; step < steps; step++) {
    merging ??= apply.mergeDue() ? apply.mergeFirstInSteps() : undefined;
    const advanced = merging?.next();
    if (advanced?.done) {
      merging = undefined;
      if (advanced.value) merged++;
      check(texts);
    }
    if (next() < 0.6 || texts.length < 20) {
      const added = Array.from({ length: 1 + Math.floor(next() * 4) }, () => pool[drawn++ % pool.length]!);
      apply.append(added, texts.length);
      texts.push(...added);
    } else {
      const from = Math.floor(next() * (texts.length - 5));
      const to = from + 1 + Math.floor(next() * 5);
      apply.remove(from, to);
      texts.splice(from, to - from);
    }
    check(texts);
  }
  return merged;
}

describe('an index changed in place', { timeout: 120_000 }, () => {
  it('postings: the lookups and columns of a fresh build of the texts left', () => {
    const postings = Postings.fromTexts(pool.slice(0, START));
    const merged = churn(
      80,
      7,
      {
        append: (texts, at) => postings.append(texts, at),
        remove: (from, to) => postings.removeRange(from, to),
        mergeDue: () => postings.firstMergeDue,
        mergeFirstInSteps: () => postings.mergeFirstInSteps(),
      },
      (texts) => {
        const fresh = Postings.fromTexts(texts);
        for (const term of TERMS) expect([...postings.lookup(term)], term).toEqual([...fresh.lookup(term)]);
        expect(plain(postings.toColumns('g'))).toEqual(plain(fresh.toColumns('g')));
      },
    );
    expect(merged).toBeGreaterThan(0);
  });

  it('word index: the scores and columns of a fresh build of the texts left', () => {
    const words = WordIndex.fromTexts(pool.slice(0, START));
    const merged = churn(
      60,
      11,
      {
        append: (texts) => words.append(texts),
        remove: (from, to) => words.removeRange(from, to),
        mergeDue: () => words.firstMergeDue,
        mergeFirstInSteps: () => words.mergeFirstInSteps(),
      },
      (texts) => {
        const fresh = WordIndex.fromTexts(texts);
        expect(words.documentCount).toBe(texts.length);
        for (const term of TERMS) {
          expect(words.has(term), term).toBe(fresh.has(term));
          const got = words.scores([term]);
          const want = fresh.scores([term]);
          expect(
            [...got.keys()].sort((a, b) => a - b),
            term,
          ).toEqual([...want.keys()].sort((a, b) => a - b));
          // The average length is kept up to date as MiniSearch does, one text at a time: equal
          // to the fresh build's but for rounding.
          for (const [id, score] of want) expect(got.get(id)).toBeCloseTo(score, 9);
        }
        const avg = 'w.avgLength';
        expect(plain(words.toColumns('w'), [avg])).toEqual(plain(fresh.toColumns('w'), [avg]));
        expect((words.toColumns('w')[avg] as Float64Array)[0]).toBeCloseTo(
          (fresh.toColumns('w')[avg] as Float64Array)[0]!,
          9,
        );
      },
    );
    expect(merged).toBeGreaterThan(0);
  });

  it('first-segment merge: answers the same before, during and after it; one overtaken by a change is dropped', () => {
    const postings = Postings.fromTexts(pool.slice(0, START));
    const words = WordIndex.fromTexts(pool.slice(0, START));
    const same = (texts: string[]) => {
      const [freshPostings, freshWords] = [Postings.fromTexts(texts), WordIndex.fromTexts(texts)];
      for (const term of TERMS) {
        expect([...postings.lookup(term)], term).toEqual([...freshPostings.lookup(term)]);
        expect([...words.scores([term])], term).toEqual([...freshWords.scores([term])]);
      }
    };
    for (const index of [postings, words]) {
      const append = (from: number, to: number) =>
        index instanceof Postings ? index.append(pool.slice(from, to), from) : index.append(pool.slice(from, to));
      append(START, START + 30);
      expect(index.firstMergeDue).toBe(true);
      // A change in the middle of the merge that merges the second segment with a new one.
      const overtaken = index.mergeFirstInSteps();
      expect(overtaken.next().done).toBe(false);
      append(START + 30, START + 60);
      expect(index.segmentCount).toBe(2);
      expect(finish(overtaken)).toBe(false);
      expect(index.segmentCount).toBe(2);
      // A removal in the middle of the next one: the merged segment keeps it out.
      const merging = index.mergeFirstInSteps();
      expect(merging.next().done).toBe(false);
      index.removeRange(10, 14);
      expect(finish(merging)).toBe(true);
      expect(index.segmentCount).toBe(1);
      expect(index.firstMergeDue).toBe(false);
    }
    same([...pool.slice(0, 10), ...pool.slice(14, START + 60)]);
  });

  it('search index: saved a slice at a time, the file holds the columns of a fresh build', async () => {
    const [a, b, c, d, e] = issues.slice(0, 5).map((issue) => issue) as [Issue, Issue, Issue, Issue, Issue];
    const live = SearchIndex.build([a, b], [], 'f').index;
    live.addIssues([c]);
    live.removeIssues(new Set([b.source]));
    live.addIssues([d]);
    live.addIssues([e]);
    const fresh = SearchIndex.build([a, c, d, e], [], 'f').index;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'live-index-')), 'index.bin');
    expect(await saveIndexInSlices(file, [], live, 'f')).toBe(true);
    const reader = openIndexFile(file);
    const saved = readColumns(reader, ['issues.json']);
    reader.close();
    const avg = 'words.avgLength';
    expect(plain(saved, [avg])).toEqual(plain(fresh.toColumns(), [avg]));
    const reloaded = SearchIndex.fromColumns(saved, 'f');
    for (const q of ['老旧小区改造', '唐闸古镇规划面积多大', '地区生产总值是多少', '博嘉生物'])
      expect(search(reloaded, q, { limit: 5 })).toEqual(search(fresh, q, { limit: 5 }));
  });
});
