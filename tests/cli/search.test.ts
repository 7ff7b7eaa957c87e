import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

let env: NodeJS.ProcessEnv;

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-cli-'));
  env = { ...process.env, CORPUS_DIR: 'seeds', INDEX_FILE: path.join(dir, 'index.json') };
});

const searchCli = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/search.ts', ...args], { env, input, encoding: 'utf8' });

describe('npm run search', () => {
  it('answers one question with at most --limit results', () => {
    const run = searchCli(['--limit', '2', '唐闸古镇规划面积多大']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^1\. \[2021-08-06\] 区领导调研唐闸近代工业遗存保护利用/);
    expect(run.stdout).not.toMatch(/^3\. /m);
  }, 60_000);

  it('answers standard input line by line as JSON, [] for no match', () => {
    const run = searchCli(['--json', '--limit=1'], '老旧小区改造\n明天天气怎么样\n');
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown[]);
    expect(lines.map((l) => l.length)).toEqual([1, 0]);
  }, 60_000);

  it('says in one line what is wrong with an argument', () => {
    for (const [args, message] of [
      [['--limit', 'many', 'q'], 'error: --limit must be a whole number from 1 to 50; got "many"'],
      [['--bogus', 'q'], "error: Unknown option '--bogus'"],
    ] as const) {
      const run = searchCli([...args]);
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(message);
    }
  }, 60_000);

  it('checks every block of the index file with --verify, and rebuilds one a question finds damaged', () => {
    expect(searchCli(['老旧小区改造']).status).toBe(0); // the index saved
    const whole = searchCli(['--verify']);
    expect(whole.status).toBe(0);
    expect(whole.stdout).toMatch(/: whole \(\d+ columns/);
    // A byte of a passage text left in the file: a start does not read it, --verify does.
    const file = env.INDEX_FILE!;
    const bytes = fs.readFileSync(file);
    const at = bytes.indexOf(Buffer.from('9.8平方公里', 'utf16le'));
    expect(at).toBeGreaterThan(0);
    bytes[at]! ^= 0xff;
    fs.writeFileSync(file, bytes);
    const damaged = searchCli(['--verify']);
    expect(damaged.status).toBe(1);
    expect(damaged.stderr).toMatch(/damaged \(column passage\.(text|normalized) is damaged/);
    // The question that reads the damaged block is answered from the rebuilt index.
    const answered = searchCli(['--limit', '1', '唐闸古镇规划面积多大']);
    expect(answered.status).toBe(0);
    expect(answered.stdout).toContain('9.8平方公里');
    expect(answered.stderr).toMatch(/damaged.*rebuilding/);
    expect(searchCli(['--verify']).status).toBe(0);
  }, 90_000);
});
