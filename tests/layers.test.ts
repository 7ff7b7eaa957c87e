/**
 * The import graph keeps the layers: text ← corpus ← retrieval ← bot/live/storage/announcements ←
 * server ← cli/app/main. A module imports only from its own folder and the layers below; nothing in
 * src/ imports tests/. Telegram's HTML, limits and Bot API stand-ins (src/telegram) sit just above
 * text, so the bot and the announcements share them; config, logger and atomic-write are below
 * everything. The shared state (storage) sits below the announcements that queue into it, and
 * neither reaches the bot.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');

/** Modules below every layer, which any part may import. */
const BASE = ['config.ts', 'logger.ts', 'atomic-write.ts'];
/** Each top-level part of src/ and the parts it may import (besides itself and BASE). */
const MAY_IMPORT: Record<string, string[]> = {
  ...Object.fromEntries(BASE.map((m) => [m, []])),
  text: [],
  telegram: ['text'],
  corpus: ['text'],
  retrieval: ['text', 'corpus'],
  live: ['text', 'corpus', 'retrieval'],
  storage: ['text'],
  announcements: ['text', 'corpus', 'retrieval', 'telegram', 'storage'],
  bot: ['text', 'corpus', 'retrieval', 'telegram', 'storage'],
  // The running service: the bot, the live corpus and the storage behind webhooks and metrics.
  server: ['text', 'corpus', 'retrieval', 'telegram', 'storage', 'announcements', 'bot', 'live'],
};
/** The application's edge: may import anything in src/ (a new top-level part starts here too). */
const EDGE = new Set(['cli', 'app.ts', 'main.ts']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|mjs|js)$/.test(e.name) ? [full] : [];
  });
}

/** The relative module specifiers a file imports (static, re-exported or dynamic). */
function importsOf(file: string): string[] {
  const code = fs.readFileSync(file, 'utf8');
  const found = code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g);
  return [...found].map((m) => m[1]!);
}

const partOf = (file: string) => path.relative(SRC, file).split(path.sep)[0]!;

const edges = sourceFiles(SRC).flatMap((file) =>
  importsOf(file).map((spec) => ({ from: file, to: path.resolve(path.dirname(file), spec), spec })),
);

describe('the import graph', () => {
  it('has edges to check (the scan finds the imports)', () => {
    expect(edges.length).toBeGreaterThan(100);
    expect(edges.some((e) => partOf(e.from) === 'bot' && partOf(e.to) === 'telegram')).toBe(true);
    expect(edges.some((e) => partOf(e.from) === 'announcements' && partOf(e.to) === 'storage')).toBe(true);
  });

  it('never reaches from src/ into tests/ or outside src/', () => {
    const outside = edges.filter((e) => path.relative(SRC, e.to).startsWith('..'));
    expect(outside.map((e) => `${path.relative(SRC, e.from)} imports ${e.spec}`)).toEqual([]);
  });

  it('never imports a layer above', () => {
    const upward = edges.filter((e) => {
      const from = partOf(e.from);
      const to = partOf(e.to);
      if (from === to || EDGE.has(from) || !(from in MAY_IMPORT)) return false;
      return !MAY_IMPORT[from]!.includes(to) && !(BASE.includes(to) && !BASE.includes(from));
    });
    expect(upward.map((e) => `${path.relative(SRC, e.from)} imports ${e.spec}`)).toEqual([]);
  });

  it('keeps the edge at the edge: no layer imports the command-line tools, the app or main', () => {
    const intoEdge = edges.filter((e) => !EDGE.has(partOf(e.from)) && EDGE.has(partOf(e.to)));
    expect(intoEdge.map((e) => `${path.relative(SRC, e.from)} imports ${e.spec}`)).toEqual([]);
  });
});

/**
 * Inside retrieval: question ← index ← answers ← ranking ← the door (index.ts, library.ts).
 * `weights.ts` sits below all four. Everything outside retrieval enters by the door alone.
 */
const RETRIEVAL = path.join(SRC, 'retrieval');
const RETRIEVAL_PARTS: Record<string, string[]> = {
  'weights.ts': [],
  question: ['weights.ts'],
  index: ['weights.ts', 'question'],
  answers: ['weights.ts', 'question', 'index'],
  ranking: ['weights.ts', 'question', 'index', 'answers'],
};
const DOOR = path.join(RETRIEVAL, 'index.ts');
const retrievalPart = (file: string) => path.relative(RETRIEVAL, file).split(path.sep)[0]!;
const insideRetrieval = (file: string) => !path.relative(RETRIEVAL, file).startsWith('..');

describe('the retrieval library', () => {
  it('has the four parts and the door', () => {
    for (const part of ['question', 'index', 'answers', 'ranking']) {
      expect(fs.statSync(path.join(RETRIEVAL, part)).isDirectory()).toBe(true);
    }
    expect(fs.existsSync(DOOR)).toBe(true);
  });

  it('is entered by its door alone', () => {
    const around = edges.filter((e) => !insideRetrieval(e.from) && insideRetrieval(e.to) && e.to !== DOOR);
    expect(around.map((e) => `${path.relative(SRC, e.from)} imports ${e.spec}`)).toEqual([]);
  });

  it('keeps its parts in order: none imports a part after it or the door', () => {
    const upward = edges.filter((e) => {
      if (!insideRetrieval(e.from) || !insideRetrieval(e.to)) return false;
      const from = retrievalPart(e.from);
      const to = retrievalPart(e.to);
      if (from === to || !(from in RETRIEVAL_PARTS)) return false;
      return !RETRIEVAL_PARTS[from]!.includes(to);
    });
    expect(upward.map((e) => `${path.relative(SRC, e.from)} imports ${e.spec}`)).toEqual([]);
  });
});
