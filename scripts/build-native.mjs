// npm's `install` step: builds native/jieba, the binding that loads jieba's segmenter once (see
// src/text/jieba.ts), with the node-gyp that npm runs native builds with. Skipped when the built
// binding is newer than its sources and nodejieba's (whose cppjieba it compiles). A failed build
// does not fail the install: the program then falls back to nodejieba's own binding and says so.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const dir = path.resolve(import.meta.dirname, '..', 'native', 'jieba');
const built = path.join(dir, 'build', 'Release', 'jieba.node');
const sources = [path.join(dir, 'jieba.cc'), path.join(dir, 'binding.gyp'), require.resolve('nodejieba/package.json')];
const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

if (sources.some((file) => mtime(file) > mtime(built))) {
  // npm tells its scripts where its node-gyp is; outside npm, look beside this node's npm.
  const nodeGyp =
    process.env.npm_config_node_gyp ??
    path.join(
      path.dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    );
  console.log('native/jieba: building the jieba binding…');
  const run = spawnSync(process.execPath, [nodeGyp, 'rebuild', '--loglevel=warn'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0)
    console.warn(
      `native/jieba: the build failed (${run.error?.message ?? `exit code ${run.status}`}); ` +
        "jieba will load through nodejieba's own binding, with twice the memory",
    );
}
