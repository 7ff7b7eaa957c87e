// Checks the second held-out evaluation set (eval/unseen-2) against its issues, with no project code
// and no dependencies:
// - every question line is well formed (id v…, a question, relevant keys and/or an answer, or a negative)
//   and no id repeats;
// - every relevant key stands in exactly one headline block of the whole archive (seeds, fresh-a, fresh-b,
//   own, unseen-2; eval/unseen is not in its archive), and for an article of this set that block is the
//   article's own (articles.json);
// - every answer occurs verbatim in the text of an article matched by one of its relevant keys (with no
//   relevant key: in a photo caption or other text of this set's issues);
// - questions are bound to this set's articles only; 6–8 articles per issue, bodies of 150–900 characters.
// The set is held out: this checks its form only, never how the bot does on it.
// usage: node eval/unseen-2/check.mjs [--list]   (exits 1 on any failure; prints the set's make-up;
//   --list prints each article's issue, date, body length and first key)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readIssues } from '../tools/issue-files.mjs';
import { checkQuestions, makeup } from '../tools/set-check.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const evalDir = path.dirname(here);
const project = path.dirname(evalDir);
const UNSEEN = path.join(here, 'issues');
const ISSUE_DIRS = [
  path.join(project, 'seeds'),
  path.join(evalDir, 'fresh-a/issues'),
  path.join(evalDir, 'fresh-b/issues'),
  path.join(evalDir, 'own/issues'),
  UNSEEN,
];

const problems = [];
const fail = (msg) => problems.push(msg);

const files = readIssues(ISSUE_DIRS).map((f) => ({ ...f, unseen: f.dir === UNSEEN }));

const gold = JSON.parse(fs.readFileSync(path.join(here, 'articles.json'), 'utf8'));
const unseenFiles = files.filter((f) => f.unseen);
if (unseenFiles.length !== 3) fail(`issues/: ${unseenFiles.length} issues, want 3`);
for (const f of unseenFiles) if (!(f.stem in gold.years)) fail(`${f.name}: not in articles.json years`);

// Unseen articles: the block holding all keys of each, and its text up to the next article's block or a caption.
const articles = gold.articles.map((a) => {
  const file = unseenFiles.find((f) => f.stem === a.seed);
  if (!file) {
    fail(`articles.json: no issue file ${a.seed}`);
    return { ...a, file: null, block: null, text: '' };
  }
  const block = file.blocks.find((b) => a.keys.every((k) => b.text.some((t) => t.includes(k))));
  if (!block) fail(`articles.json: keys ${JSON.stringify(a.keys)} are not all in one headline block of ${a.seed}`);
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(a.date)) fail(`articles.json: bad date ${a.date} for ${a.keys[0]}`);
  else if (!a.date.startsWith(String(gold.years[a.seed]))) fail(`articles.json: date ${a.date} of ${a.keys[0]} is not in its issue's year`);
  return { ...a, file, block, text: '' };
});
for (const a of articles) {
  if (!a.block) continue;
  const starts = articles.filter((b) => b.file === a.file && b.block && b.block.first > a.block.first).map((b) => b.block.first);
  let end = starts.length ? Math.min(...starts) : a.file.lines.length;
  const caption = a.file.lines.findIndex((l, i) => i > a.block.last && i < end && l.trim().startsWith('▼'));
  if (caption >= 0) end = caption;
  a.text = a.file.lines.slice(a.block.first, end).join('\n');
  const body = a.file.lines.slice(a.block.last + 1, end).join('').replace(/\s/g, '');
  a.bodyLength = body.length;
  if (body.length < 150 || body.length > 900) fail(`${a.seed} ${a.keys[0]}: body ${body.length} characters, want 150–900`);
}
if (process.argv.includes('--list')) for (const a of articles) console.log(`${a.seed} ${a.date} ${a.bodyLength} ${a.keys[0]}`);
const perIssue = new Map(unseenFiles.map((f) => [f.stem, 0]));
for (const a of articles) perIssue.set(a.seed, (perIssue.get(a.seed) ?? 0) + 1);
for (const [stem, n] of perIssue) if (n < 6 || n > 8) fail(`${stem}: ${n} articles, want 6–8`);
// Every headline block of an unseen issue but the masthead-only one is an article of articles.json.
for (const f of unseenFiles) {
  for (const b of f.blocks) {
    if (!articles.some((a) => a.block === b) && b.text.length > 1) fail(`${f.name}:${b.first + 1}: headline block 「${b.text.join(' / ')}」 is in no article of articles.json`);
  }
}

// Where a key stands: every headline block of every issue holding it.
const blocksWith = (key) => files.flatMap((f) => f.blocks.filter((b) => b.text.some((t) => t.includes(key))).map((b) => ({ f, b })));
for (const a of articles) {
  for (const k of a.keys) {
    const hits = blocksWith(k);
    if (hits.length !== 1) fail(`articles.json key 「${k}」 stands in ${hits.length} headline blocks: ${hits.map((h) => `${h.f.name}:${h.b.first + 1}`).join(', ')}`);
  }
}
const articleOf = (key) => articles.find((a) => a.keys.includes(key)) ?? articles.find((a) => a.block?.text.some((t) => t.includes(key)));

const lines = fs.readFileSync(path.join(here, 'questions.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
const questions = lines
  .map((line, i) => {
    let q;
    try {
      q = JSON.parse(line);
    } catch {
      fail(`questions.jsonl:${i + 1}: not JSON`);
      return null;
    }
    if (typeof q.id !== 'string' || !/^v\d{3}$/.test(q.id)) fail(`questions.jsonl:${i + 1}: id ${q.id} should be v followed by three digits`);
    if (typeof q.q !== 'string' || !q.q.trim()) fail(`${q.id}: empty question`);
    if (q.negative === true) {
      if (q.relevant || q.answer) fail(`${q.id}: a negative has no relevant keys or answer`);
    } else if (!Array.isArray(q.relevant)) fail(`${q.id}: relevant should be a list`);
    else if (q.relevant.length === 0 && !q.answer) fail(`${q.id}: no relevant key and no answer`);
    return q;
  })
  .filter(Boolean);

checkQuestions(questions, { name: 'unseen-2', setFiles: unseenFiles, isSetFile: (f) => f.unseen, blocksWith, articleOf }, fail);

console.log(`issues: ${unseenFiles.length}, articles: ${articles.length}`);
console.log(`questions.jsonl: ${makeup(questions)}`);
for (const p of problems) console.log(`  ✗ ${p}`);
console.log(problems.length ? `${problems.length} problems` : 'ok');
process.exit(problems.length ? 1 : 0);
