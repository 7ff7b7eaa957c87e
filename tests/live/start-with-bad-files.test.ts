/**
 * The program (`node dist/main.js`, the real process, terminal chat) on a corpus holding every kind of bad file at once:
 * it starts, warns once about each, and answers ordinary questions from the good issues.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startApp, type Started } from '../support/processes.ts';

const apps: Started[] = [];
afterAll(() => {
  for (const app of apps) app.kill('SIGKILL');
});

function badCorpus(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bad-start-'));
  const corpusDir = path.join(dir, 'corpus');
  fs.mkdirSync(corpusDir);
  for (const name of fs.readdirSync('seeds')) fs.copyFileSync(path.join('seeds', name), path.join(corpusDir, name));
  fs.symlinkSync(path.join(dir, 'nothing.txt'), path.join(corpusDir, 'dangling.txt'));
  fs.symlinkSync('loop-b.txt', path.join(corpusDir, 'loop-a.txt'));
  fs.symlinkSync('loop-a.txt', path.join(corpusDir, 'loop-b.txt'));
  // An issue's text on one 5 MB line, and 50 MB of issue text.
  const seed = fs.readFileSync('seeds/002_771dcfc53f42e5d3.txt', 'utf8');
  const repeatTo = (text: string, bytes: number) => text.repeat(Math.floor(bytes / Buffer.byteLength(text)));
  fs.writeFileSync(path.join(corpusDir, 'one-line.txt'), repeatTo(seed.replace(/\s+/g, ''), 5 << 20));
  fs.writeFileSync(path.join(corpusDir, 'huge.txt'), repeatTo(seed, 50 << 20));
  return dir;
}

async function ask(dir: string, question: string): Promise<{ output: string; ms: number }> {
  const started = Date.now();
  const app = startApp({
    CORPUS_DIR: path.join(dir, 'corpus'),
    INDEX_FILE: path.join(dir, 'cache', 'index.json'),
    DATABASE_FILE: path.join(dir, 'bot.db'),
    BOT_TOKEN: '',
    LOG_LEVEL: 'warn',
  });
  apps.push(app);
  app.child.stdin!.end(`${question}\n`);
  const code = await app.exited;
  expect(code, app.output()).toBe(0);
  return { output: app.output(), ms: Date.now() - started };
}

describe('the program with bad files in the corpus', () => {
  it('starts, warns once about each bad file, and answers from the good ones', async () => {
    const dir = badCorpus();
    const cold = await ask(dir, '老旧小区改造');
    expect(cold.output).toContain('提高满意率,让老旧小区改造不留遗憾');
    expect(cold.output).toContain('5 期报纸');
    for (const line of [
      /skipped dangling\.txt: not found \(removed, or a symbolic link to nothing\)/g,
      /skipped loop-a\.txt: symbolic link loop/g,
      /skipped loop-b\.txt: symbolic link loop/g,
      /skipped one-line\.txt: 5\.\d MB, over the 2\.0 MB limit for an issue/g,
      /skipped huge\.txt: 50\.\d MB, over the 2\.0 MB limit for an issue/g,
    ])
      expect(cold.output.match(line)?.length, String(line)).toBe(1);
    expect(cold.output).not.toMatch(/ENOENT|ELOOP|\n\s+at /);
    // Generous for a loaded CI machine; on an idle one this takes about 3 s.
    expect(cold.ms).toBeLessThan(30_000);

    // Warm: the saved index is current although the bad files are still there.
    const warm = await ask(dir, '唐闸古镇规划面积多大');
    expect(warm.output).toContain('9.8平方公里');
    expect(warm.output).not.toContain('skipped');
  }, 90_000);
});
