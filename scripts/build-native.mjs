// npm's `install` step: builds native/jieba, the binding that loads jieba's segmenter once (see
// src/text/jieba.ts), with the node-gyp that npm runs native builds with. Decided by content, not
// by modification times: the build writes a record beside the binding (jieba.node.json) with the
// SHA-256 of the binding and of what it was built from (its sources, nodejieba's version, this
// node's ABI); it is built again unless the binding and its inputs both still match the record, so
// a binding cut short or changed, or a source edited, is rebuilt by the next `npm install`. A
// failed build does not fail the install: the program then falls back to nodejieba's own binding
// and says so.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const dir = path.resolve(import.meta.dirname, '..', 'native', 'jieba');
const built = path.join(dir, 'build', 'Release', 'jieba.node');
const record = `${built}.json`;
const sources = [
  path.join(dir, 'jieba.cc'),
  path.join(dir, 'dict_trie.hpp'),
  path.join(dir, 'binding.gyp'),
  require.resolve('nodejieba/package.json'),
];

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const inputsHash = () => {
  const hash = createHash('sha256').update(`${process.versions.modules} ${process.platform} ${process.arch}\n`);
  for (const file of sources) hash.update(fs.existsSync(file) ? fs.readFileSync(file) : `missing ${file}`);
  return hash.digest('hex');
};

/** Why the binding must be built, or '' when the one there matches its record. */
function why() {
  if (!fs.existsSync(built)) return 'not built';
  let saved;
  try {
    saved = JSON.parse(fs.readFileSync(record, 'utf8'));
  } catch {
    return 'no build record';
  }
  if (saved.inputs !== inputsHash()) return 'its sources, nodejieba or node changed';
  if (saved.sha256 !== sha256(fs.readFileSync(built))) return 'the built file is cut short or changed';
  return '';
}

const reason = why();
if (reason) {
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
  console.log(`native/jieba: building the jieba binding (${reason})…`);
  fs.rmSync(record, { force: true });
  const run = spawnSync(process.execPath, [nodeGyp, 'rebuild', '--loglevel=warn'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status === 0 && fs.existsSync(built))
    fs.writeFileSync(record, `${JSON.stringify({ sha256: sha256(fs.readFileSync(built)), inputs: inputsHash() })}\n`);
  else
    console.warn(
      `native/jieba: the build failed (${run.error?.message ?? `exit code ${run.status}`}); ` +
        "jieba will load through nodejieba's own binding, slower and with more memory",
    );
}
