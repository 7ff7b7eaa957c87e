/**
 * The build (scripts/build.mjs) and the launcher the npm scripts run (scripts/run.mjs), on a copy
 * of the project: the programs run from a bundle, and an edited source is built before it runs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let project: string;
const current = () => JSON.parse(fs.readFileSync(path.join(project, 'dist', 'current.json'), 'utf8'));
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/run.mjs', ...args], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, CORPUS_DIR: 'seeds', INDEX_FILE: path.join(project, 'index.bin'), BOT_TOKEN: '' },
  });

beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'build-test-'));
  for (const entry of ['src', 'scripts', 'seeds', 'native'])
    fs.cpSync(entry, path.join(project, entry), { recursive: true });
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json'])
    fs.copyFileSync(file, path.join(project, file));
  fs.symlinkSync(path.resolve('node_modules'), path.join(project, 'node_modules'));
});

afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

describe('the build', () => {
  it('bundles every program, with its packages, but for the native ones', () => {
    const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: project, encoding: 'utf8' });
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    const { dir, inputs } = current();
    for (const program of ['main', 'cli/search', 'cli/articles', 'cli/migrate-db'])
      expect(fs.existsSync(path.join(project, 'dist', dir, `${program}.js`))).toBe(true);
    expect(inputs).toContain('src/main.ts');
    expect(inputs).toContain('package-lock.json');
    const code = fs
      .readdirSync(path.join(project, 'dist', dir, 'chunks'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(path.join(project, 'dist', dir, 'chunks', f), 'utf8'))
      .join('\n');
    expect(code).not.toMatch(/from "grammy"|from "zod"/);
    // Literals with \p{…} stay literals, compiled once, not rebuilt at every call.
    expect(code).toMatch(/\/\^?\\p\{Script=Han\}/);
    expect(code).not.toMatch(/new RegExp\("[^"]*\\\\p\{/);
    expect(code).toMatch(/from "nodejieba"/);
  });

  it('runs a program from the current build, and builds again first when a source changed', () => {
    const before = current().dir;
    const first = run('cli/search', '--json', '老旧小区改造');
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)[0].headline).toContain('老旧小区');
    expect(current().dir).toBe(before);

    // An edit the program shows: the kind label of the first result.
    const file = path.join(project, 'src', 'cli', 'search.ts');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace("'(no match in the archive)'", "'(nothing here)'"));
    const second = run('cli/search', '今天股市行情怎么样');
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('(nothing here)');
    expect(current().dir).not.toBe(before);
  });

  it('says how to call it when the program is unknown', () => {
    const wrong = run('nope');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/usage: node scripts\/run\.mjs main\|cli\/search/);
  });
});
