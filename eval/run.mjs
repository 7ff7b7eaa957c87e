// `npm run eval`: the question sets the project is judged on, scored through the search CLI
// exactly as a user's questions go through it. Each set is indexed with the issues it was written
// for: dev on the seeds; fresh-a on the seeds and its issues; fresh-b on those and its own; own on all
// of them and eval/own/issues; unseen on all of those and eval/unseen/issues.
// fresh-c on all of those and eval/fresh-c/issues; fresh-d on those and eval/fresh-d/issues.
// usage: node eval/run.mjs [dev|fresh-a|fresh-b|own|fresh-c|fresh-d|unseen ...]   (all but unseen by default)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const project = path.dirname(here);
const SETS = {
  dev: ['dev.jsonl'],
  'fresh-a': ['fresh-a/questions.jsonl', 'fresh-a/issues'],
  'fresh-b': ['fresh-b/questions.jsonl', 'fresh-a/issues', 'fresh-b/issues'],
  own: ['own/questions.jsonl', 'fresh-a/issues', 'fresh-b/issues', 'own/issues'],
  'fresh-c': ['fresh-c/questions.jsonl', 'fresh-a/issues', 'fresh-b/issues', 'own/issues', 'fresh-c/issues'],
  'fresh-d': ['fresh-d/questions.jsonl', 'fresh-a/issues', 'fresh-b/issues', 'own/issues', 'fresh-c/issues', 'fresh-d/issues'],
  // Held out (eval/unseen/README.md), scored only when named: three issues nothing was tuned on, over the whole archive.
  unseen: ['unseen/questions.jsonl', 'fresh-a/issues', 'fresh-b/issues', 'own/issues', 'unseen/issues'],
};
const DEFAULT = ['dev', 'fresh-a', 'fresh-b', 'own', 'fresh-c', 'fresh-d'];
const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : DEFAULT;
let failed = false;
for (const name of names) {
  const set = SETS[name];
  if (!set) {
    console.error(`unknown set ${name}; sets: ${Object.keys(SETS).join(', ')}`);
    process.exit(2);
  }
  const [questions, ...issues] = set;
  const args = [path.join(here, 'tools/eval-retrieval.mjs'), project, path.join(here, questions)];
  for (const dir of issues) args.push('--with', path.join(here, dir));
  console.log(`# ${name}`);
  const run = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
