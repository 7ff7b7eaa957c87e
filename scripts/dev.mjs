/**
 * The dev script (`npm run dev`, `node scripts/dev.mjs main|cli/search|… [args…]`): builds first when
 * a source's content changed since the last build, then runs the program from the build, so that
 * what runs is the code in src/ as it is. Production starts the build as it is (`node dist/main.js`,
 * `npm start`) and never builds at start: a server needs no build tools, a read-only checkout
 * starts, and an edit on the server does not silently change what runs.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, freshBuild, PROGRAMS } from './build.mjs';

const [program] = process.argv.splice(2, 1);
if (!program || !PROGRAMS.includes(program)) {
  console.error(`usage: node scripts/dev.mjs ${PROGRAMS.join('|')} [arguments…]`);
  process.exit(2);
}
if (!freshBuild()) {
  try {
    await build();
  } catch (err) {
    console.error(`could not build the program from src/: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
await import(pathToFileURL(path.resolve(import.meta.dirname, '..', 'dist', `${program}.js`)).href);
