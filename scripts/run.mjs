/**
 * Runs one program of the current build (`node scripts/run.mjs main|cli/search|… [args…]`, what the
 * npm scripts run), building it first when a source changed since (once, a second or so), so that
 * `npm start` always runs the code as it is in src/.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, freshBuild, PROGRAMS } from './build.mjs';

const [program] = process.argv.splice(2, 1);
if (!program || !PROGRAMS.includes(program)) {
  console.error(`usage: node scripts/run.mjs ${PROGRAMS.join('|')} [arguments…]`);
  process.exit(2);
}
let dir = freshBuild();
if (!dir) {
  try {
    dir = await build();
  } catch (err) {
    console.error(`could not build the program from src/: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
await import(pathToFileURL(path.join(dir, `${program}.js`)).href);
