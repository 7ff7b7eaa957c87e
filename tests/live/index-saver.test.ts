import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackgroundIndexSaver } from '../../src/live/index-saver.ts';
import { openIndex } from '../../src/retrieval/index-store.ts';

function corpus(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saver-'));
  fs.mkdirSync(path.join(dir, 'corpus'));
  fs.copyFileSync('seeds/003_460569c0b775decf.txt', path.join(dir, 'corpus', '2022-03-14.txt'));
  return dir;
}

describe('BackgroundIndexSaver', { timeout: 120_000 }, () => {
  it('writes the index file from a child process, current with the corpus', async () => {
    const dir = corpus();
    const indexFile = path.join(dir, 'cache', 'index.json');
    const warnings: string[] = [];
    const saver = new BackgroundIndexSaver(path.join(dir, 'corpus'), indexFile, (m) => warnings.push(m));
    saver.request();
    saver.request(); // asked again while running: one more run, not two
    await saver.idle();
    expect(warnings).toEqual([]);
    const opened = openIndex({ corpusDir: path.join(dir, 'corpus'), indexFile });
    expect(opened.built).toBe(false);
    expect(opened.issues.map((i) => i.source)).toEqual(['2022-03-14.txt']);
  });

  it('reports a save that failed as a warning', async () => {
    const dir = corpus();
    fs.writeFileSync(path.join(dir, 'cache'), 'a file where the index folder should be');
    const warnings: string[] = [];
    const saver = new BackgroundIndexSaver(path.join(dir, 'corpus'), path.join(dir, 'cache', 'index.json'), (m) =>
      warnings.push(m),
    );
    saver.request();
    await saver.idle();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^cannot write the index beside .*index\.json/);
  });
});
