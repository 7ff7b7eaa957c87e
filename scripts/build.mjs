/**
 * The build: each program in src/ bundled by esbuild, with the packages it imports, into plain
 * JavaScript that `node` runs with no TypeScript loader (a loader costs about 0.4 s of CPU and 40 MB
 * at every start). Packages go into the bundle too: Node resolves and compiles one file far faster
 * than the hundreds of small modules they come as. Native packages stay outside (EXTERNAL).
 *
 * Each build goes to a folder of its own under dist/, and dist/current.json names the newest with
 * the source files it was made from. A build never changes files that a running process reads,
 * and builds racing each other (several processes started at once after an edit) each end whole.
 *
 *   node scripts/build.mjs              build now (npm's `prepare`, run by npm install and npm ci)
 *   node scripts/build.mjs --if-stale   build only when a source changed since the current build
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');
const CURRENT = path.join(DIST, 'current.json');

/** The programs: the bot and the command-line tools the npm scripts run (src/NAME.ts). */
export const PROGRAMS = ['main', 'cli/search', 'cli/articles', 'cli/migrate-db'];

/**
 * Packages left outside the bundle: native ones (their binary is found relative to their own
 * files) and pg's optional native driver, which is not installed.
 */
const EXTERNAL = ['nodejieba', 'better-sqlite3', 'pg-native'];

/** Besides the sources esbuild reads from src/, what decides the output (packages: the lockfile). */
const SETTINGS = ['scripts/build.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];

/** Older builds are deleted once this old: long enough for any process to have loaded its own. */
const KEEP_OLD_MS = 10 * 60_000;

/** The current build's folder when none of its sources changed since it was made, else undefined. */
export function freshBuild() {
  let current;
  try {
    current = JSON.parse(fs.readFileSync(CURRENT, 'utf8'));
  } catch {
    return undefined;
  }
  for (const file of current.inputs) {
    let stat;
    try {
      stat = fs.statSync(path.join(ROOT, file));
    } catch {
      return undefined;
    }
    if (stat.mtimeMs >= current.startedMs) return undefined;
  }
  const dir = path.join(DIST, current.dir);
  return fs.existsSync(dir) ? dir : undefined;
}

/** Builds every program into a new folder, makes it current, and returns the folder. */
export async function build() {
  const startedMs = Date.now();
  const { build: bundle } = await import('esbuild');
  const name = `build-${startedMs}-${process.pid}`;
  const outdir = path.join(DIST, name);
  const result = await bundle({
    absWorkingDir: ROOT,
    entryPoints: PROGRAMS.map((program) => ({ in: `src/${program}.ts`, out: program })),
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // esbuild rewrites a regular expression literal using \p{…} into a RegExp constructor call
    // where it stands (made again at every call of a function holding one) for any target, as the
    // Unicode data behind the escapes may differ between engines. Node runs them the same either way.
    supported: { 'regexp-unicode-property-escapes': true },
    external: EXTERNAL,
    // Bundled CommonJS packages call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    // Stack traces name the TypeScript source when node runs with --enable-source-maps.
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  const sources = Object.keys(result.metafile.inputs).filter((file) => !file.includes('node_modules/'));
  const inputs = [...sources, ...SETTINGS];
  const temporary = `${CURRENT}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify({ dir: name, startedMs, inputs }, null, 1)}\n`);
  fs.renameSync(temporary, CURRENT);
  removeOldBuilds(name);
  return outdir;
}

function removeOldBuilds(keep) {
  for (const entry of fs.readdirSync(DIST, { withFileTypes: true })) {
    const made = Number(/^build-(\d+)-/.exec(entry.name)?.[1]);
    if (!entry.isDirectory() || entry.name === keep || !(Date.now() - made > KEEP_OLD_MS)) continue;
    fs.rmSync(path.join(DIST, entry.name), { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const { values } = parseArgs({ options: { 'if-stale': { type: 'boolean', default: false } } });
  try {
    if (!(values['if-stale'] && freshBuild())) await build();
  } catch (err) {
    console.error(`build failed: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
