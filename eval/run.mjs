// `npm run eval`: the question sets the project is judged on, scored through the search CLI
// exactly as a user's questions go through it. Each set is indexed with the issues it was written
// for: dev on the seeds; fresh-a on the seeds and its issues; fresh-b on those and its own; own on all
// of them and eval/own/issues; unseen on all of those and eval/unseen/issues.
// fresh-c on all of those and eval/fresh-c/issues; fresh-d, fresh-e and fresh-f each on those and their own
// issues; unseen-2 and unseen-3 each on the seeds, fresh-a, fresh-b, own and their own issues (the folders:
// tools/sets.mjs).
// usage: node eval/run.mjs [dev|fresh-a|fresh-b|own|fresh-c|fresh-d|fresh-e|fresh-f|unseen|unseen-2|unseen-3 ...]
//   (all but the held-out unseen, unseen-2 and unseen-3 by default)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARCHIVES as SETS, DEFAULT_SETS as DEFAULT } from './tools/sets.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const project = path.dirname(here);
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
