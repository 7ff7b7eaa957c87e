/**
 * The build: each program in src/ bundled by esbuild, with the packages it imports, into plain
 * JavaScript that `node` runs with no TypeScript loader (a loader costs about 0.4 s of CPU and 40 MB
 * at every start). Packages go into the bundle too: Node resolves and compiles one file far faster
 * than the hundreds of small modules they come as. Native packages stay outside (EXTERNAL).
 *
 * Each build goes to a folder of its own under dist/ (dist/build-…/), with a manifest of its
 * files' digests. The programs are started through small launchers, dist/main.js and
 * dist/cli/NAME.js, written last and renamed into place: a launcher checks its build against the
 * manifest and runs it, or refuses with one line (a damaged, partly copied or missing build).
 * A build never changes files that a running process reads, and builds racing each other each
 * end whole.
 *
 *   node scripts/build.mjs              build now (npm's `prepare`, run by npm install and npm ci)
 *   node scripts/build.mjs --if-stale   build only when a source's content changed since the last
 *                                       build (the dev script, eval and bench; never at a start)
 */
import crypto from 'node:crypto';
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

const digest = (data) => crypto.createHash('sha256').update(data).digest('hex');

/** A digest of a file's content, or undefined when it cannot be read. */
function fileDigest(file) {
  try {
    return digest(fs.readFileSync(path.join(ROOT, file)));
  } catch {
    return undefined;
  }
}

/**
 * The current build's folder when none of its sources changed since it was made, else undefined.
 * Decided by content, not modification times: a file with a time in the future, or touched
 * without change, does not make a build stale.
 */
export function freshBuild() {
  let current;
  try {
    current = JSON.parse(fs.readFileSync(CURRENT, 'utf8'));
  } catch {
    return undefined;
  }
  if (!current.digests) return undefined;
  for (const [file, known] of Object.entries(current.digests)) if (fileDigest(file) !== known) return undefined;
  const dir = path.join(DIST, current.dir);
  return PROGRAMS.every((program) => fs.existsSync(launcherPath(program))) && fs.existsSync(dir) ? dir : undefined;
}

const launcherPath = (program) => path.join(DIST, `${program}.js`);

/**
 * The launcher of one program: checks every file of the build against the manifest, then imports
 * the program. Self-contained (no package, nothing from the build it checks), so that it can speak
 * when the build cannot.
 */
function launcher(program, buildDir) {
  const up = '../'.repeat(program.split('/').length - 1) || './';
  return `// Written by scripts/build.mjs. Checks the build ${buildDir} against its manifest, then runs ${program}.
import crypto from 'node:crypto';
import fs from 'node:fs';
const build = new URL('${up}${buildDir}/', import.meta.url);
const refuse = (why, remedy = 'rebuild it with npm run build (npm install and npm ci build too)') => {
  console.error(\`cannot start: \${why}; \${remedy}\`);
  process.exit(1);
};
let manifest;
try {
  manifest = JSON.parse(fs.readFileSync(new URL('manifest.json', build), 'utf8'));
} catch {
  refuse('the build in dist/ is missing or incomplete (no ${buildDir}/manifest.json)');
}
for (const [file, expected] of Object.entries(manifest.files)) {
  let data;
  try {
    data = fs.readFileSync(new URL(file, build));
  } catch {
    refuse(\`the build in dist/ is incomplete (${buildDir}/\${file} is missing)\`);
  }
  if (crypto.createHash('sha256').update(data).digest('hex') !== expected)
    refuse(\`the build in dist/ is damaged (${buildDir}/\${file} is not the file that was built)\`);
}
try {
  await import(new URL('${program}.js', build).href);
} catch (err) {
  // A package the build leaves outside (a native one) that cannot be found or loaded.
  if (err?.code === 'ERR_MODULE_NOT_FOUND' || err?.code === 'MODULE_NOT_FOUND' || err?.code === 'ERR_DLOPEN_FAILED')
    refuse(\`a package the program needs cannot be loaded (\${String(err.message).split('\\n')[0]})\`, 'run npm install');
  throw err;
}
`;
}

/** Writes a file through a temporary file and a rename, so no reader ever sees it half written. */
function writeWhole(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
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
  const files = Object.fromEntries(
    Object.keys(result.metafile.outputs)
      .filter((file) => file.endsWith('.js'))
      .map((file) => [path.relative(outdir, path.join(ROOT, file)), digest(fs.readFileSync(path.join(ROOT, file)))]),
  );
  writeWhole(path.join(outdir, 'manifest.json'), `${JSON.stringify({ files }, null, 1)}\n`);
  const sources = Object.keys(result.metafile.inputs).filter((file) => !file.includes('node_modules/'));
  const digests = Object.fromEntries([...sources, ...SETTINGS].map((file) => [file, fileDigest(file) ?? null]));
  for (const program of PROGRAMS) writeWhole(launcherPath(program), launcher(program, name));
  writeWhole(CURRENT, `${JSON.stringify({ dir: name, startedMs, digests }, null, 1)}\n`);
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
    // `npm ci --omit=dev` runs `prepare` without the build tools: a production install keeps the
    // dist/ it was given (built before `npm prune --omit=dev`, or copied in).
    if (err?.code === 'ERR_MODULE_NOT_FOUND' && process.env.npm_lifecycle_event === 'prepare') {
      console.warn('esbuild is not installed (dev dependencies omitted): dist/ is left as it is');
      process.exit(0);
    }
    console.error(`build failed: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
