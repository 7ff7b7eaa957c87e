import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load-corpus.ts';
import { openIndexFile, readColumns, StringTable, writeIndexFile } from '../../../src/retrieval/index/index-file.ts';
import { computedArray, StoredPassage } from '../../../src/retrieval/index/passage-store.ts';
import { FILE_COLUMNS, SearchIndex } from '../../../src/retrieval/index/search-index.ts';
import { search } from '../../../src/retrieval/ranking/rank.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-store-'));
const issues = loadCorpus('seeds');
const questions = ['老旧小区改造', '唐闸古镇规划面积多大', '地区生产总值是多少', '博嘉生物', '任港街道', '2024年'];
const answers = (index: SearchIndex) => questions.map((q) => JSON.stringify(search(index, q, { limit: 5 })));

/** The index saved to a file and loaded back with its passage texts left in the file. */
function leftInFile(index: SearchIndex, name: string): SearchIndex {
  const file = path.join(tmp, name);
  writeIndexFile(file, {}, index.toColumns());
  const reader = openIndexFile(file);
  const loaded = SearchIndex.fromColumns(readColumns(reader, [], FILE_COLUMNS), 'f');
  reader.close();
  return loaded;
}

const plain = (columns: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(columns).map(([name, c]) => [name, c instanceof StringTable ? c.toArray() : [...(c as Uint8Array)]]),
  );

describe('an index whose passage texts and postings are left in its file', { timeout: 120_000 }, () => {
  const built = SearchIndex.build(issues, [], 'f').index;
  const loaded = leftInFile(built, 'seeds.bin');

  it('holds no passage text, and gives every text, length, answer and column as the index in memory', () => {
    expect(loaded.passages.every((p) => p instanceof StoredPassage)).toBe(true);
    expect(loaded.passages.length).toBe(built.passages.length);
    expect(loaded.passages.map((p) => p.text)).toEqual(built.passages.map((p) => p.text));
    expect(loaded.passages.map((p) => p.doc)).toEqual(built.passages.map((p) => p.doc));
    expect([...loaded.passageTexts]).toEqual(built.passageTexts);
    expect(loaded.passageTexts.length).toBe(built.passageTexts.length);
    expect(built.passageTexts.map((_, k) => loaded.passageLength(k))).toEqual(built.passageTexts.map((t) => t.length));
    expect(built.passageTexts.map((_, k) => built.passageLength(k))).toEqual(built.passageTexts.map((t) => t.length));
    expect(answers(loaded)).toEqual(answers(built));
    // Saved again, its columns left in the file are copied from it a slice at a time.
    expect(plain(loaded.toColumns())).toEqual(plain(built.toColumns()));
  });

  it('changes in place as the index in memory does, and saves the same columns', () => {
    const inMemory = SearchIndex.build(issues, [], 'f').index;
    const inFile = leftInFile(inMemory, 'change.bin');
    // Three issues out and back in: the added segment outgrows what is left of the loaded one,
    // so the two merge, the loaded postings read from the file.
    const moved = issues.slice(1, 4);
    for (const index of [inMemory, inFile]) {
      index.removeIssues(new Set(moved.map((i) => i.source)));
      index.addIssues(moved);
      index.removeIssues(new Set([issues[0]!.source, issues[3]!.source]));
    }
    expect(inFile.passages.map((p) => [p.doc, p.text])).toEqual(inMemory.passages.map((p) => [p.doc, p.text]));
    expect([...inFile.passageTexts]).toEqual(inMemory.passageTexts);
    expect(answers(inFile)).toEqual(answers(inMemory));
    expect(plain(inFile.toColumns())).toEqual(plain(inMemory.toColumns()));
    // Loaded back from what it saved, it is the same index again.
    expect(answers(leftInFile(inFile, 'again.bin'))).toEqual(answers(inMemory));
  });
});

describe('computedArray', () => {
  const squares = computedArray(
    () => 4,
    (k) => k * k,
  );

  it('reads as an array of what it computes', () => {
    expect(squares.length).toBe(4);
    expect(squares[3]).toBe(9);
    expect(squares[4]).toBeUndefined();
    expect([...squares]).toEqual([0, 1, 4, 9]);
    expect(squares.map((x) => x + 1)).toEqual([1, 2, 5, 10]);
    expect(squares.slice(1, 3)).toEqual([1, 4]);
    expect(squares.join(',')).toBe('0,1,4,9');
    let sum = 0;
    squares.forEach((x) => {
      sum += x;
    });
    expect(sum).toBe(14);
    expect(2 in squares).toBe(true);
    expect(7 in squares).toBe(false);
  });

  it('cannot be written', () => {
    expect(() => {
      squares[0] = 5;
    }).toThrow(TypeError);
    expect(() => squares.push(1)).toThrow(TypeError);
    expect(squares[0]).toBe(0);
  });
});
