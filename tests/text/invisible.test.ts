import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeIssue } from '../../src/corpus/decode.ts';
import { openIndex } from '../../src/retrieval/index/index-store.ts';
import { NewsLibrary } from '../../src/retrieval/library.ts';
import { escapeHtml } from '../../src/telegram/html.ts';
import { removeInvisible } from '../../src/text/normalize.ts';

const BIDI = [...'\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C'];
const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', '\uFEFF'];
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\u00AD\uFEFF]/u;

describe('removeInvisible', () => {
  it('drops every bidi control and zero-width character', () => {
    for (const c of [...BIDI, ...ZERO_WIDTH]) expect(removeInvisible(`老旧${c}小区`)).toBe('老旧小区');
    expect(removeInvisible('区政府\u202E知通急紧\u202C发布')).toBe('区政府知通急紧发布');
  });

  it('keeps a joiner that makes one emoji of several, and leaves clean text as it is', () => {
    const family = '👨\u200D👩\u200D👧';
    expect(removeInvisible(`家庭${family}`)).toBe(`家庭${family}`);
    expect(removeInvisible('老\u200D旧')).toBe('老旧');
    const clean = '崇川区召开会议';
    expect(removeInvisible(clean)).toBe(clean);
  });
});

describe('invisible characters in issues, questions and replies', () => {
  it('never reach a reply: an override cannot reorder the echo', () => {
    expect(escapeHtml('区政府\u202E知通急紧\u202C<b>')).toBe('区政府知通急紧&lt;b&gt;');
    expect(escapeHtml('\u2067右到左')).toBe('右到左');
  });

  it('are dropped from issue text when it is read', () => {
    const text = decodeIssue(new TextEncoder().encode('标题\n\n任港\u200B路新村\u202E破旧\u202C片区更\u00ADnew新。\n'));
    expect(text).not.toMatch(INVISIBLE);
    expect(text).toContain('任港路新村破旧片区');
  });

  it('neither hide a word in the archive nor in the question', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'invisible-'));
    const corpusDir = path.join(dir, 'corpus');
    fs.mkdirSync(corpusDir);
    const seed = fs.readFileSync('seeds/001_ee31270023d67050.txt', 'utf8');
    expect(seed).toContain('任港路新村破旧片区');
    // A zero-width space inside the name and an override around the next words, as pasted text carries them.
    const spoiled = seed.replace('任港路新村破旧片区', '任\u200B港路\u2060新村\u202E破旧\u202C片\u00AD区');
    fs.writeFileSync(path.join(corpusDir, '2021-08-09.txt'), spoiled);
    const library = NewsLibrary.fromOpened(openIndex({ corpusDir, indexFile: path.join(dir, 'index.bin') }));
    const texts = library.issues.flatMap((i) => i.articles.flatMap((a) => [a.headline, ...a.paragraphs]));
    for (const t of texts) expect(t).not.toMatch(INVISIBLE);
    expect(texts.some((t) => t.includes('任港路新村破旧片区'))).toBe(true);

    const plain = library.search('任港路新村', 3);
    expect(plain.length).toBeGreaterThan(0);
    expect(plain[0]!.passage).toContain('任港路新村');
    const hidden = library.search('任\u200B港\u200D路\u2060新\u00AD村\u202E', 3);
    expect(hidden.map((r) => r.passage)).toEqual(plain.map((r) => r.passage));
  });
});
