// Checks the fresh-d evaluation set against its issues, with no project code and no dependencies:
// - every question line is well formed and no id repeats (d… in questions.jsonl);
// - every relevant key stands in exactly one headline block of the set's whole archive (seeds, fresh-a,
//   fresh-b, own, fresh-c, fresh-d); each question has a key of a fresh-d article (articles.json), and
//   may have keys of older sets' articles that answer it as well (widened gold);
// - every answer occurs verbatim in the text of an article matched by one of its relevant keys (with no
//   relevant key: in a photo caption or other text of the fresh-d issues);
// - every article's body is 150–900 characters, each issue has 5–7 articles, each date is in its issue's year.
// usage: node eval/fresh-d/check.mjs [--list]   (exits 1 on any failure; prints the set's make-up;
//   --list prints each article's issue, date, body length and first key)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readIssues } from '../tools/issue-files.mjs';
import { checkQuestions, makeup } from '../tools/set-check.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const evalDir = path.dirname(here);
const project = path.dirname(evalDir);
const ISSUE_DIRS = [
  path.join(project, 'seeds'),
  ...['fresh-a', 'fresh-b', 'own', 'fresh-c'].map((set) => path.join(evalDir, set, 'issues')),
  path.join(here, 'issues'),
];

const problems = [];
const fail = (msg) => problems.push(msg);

const files = readIssues(ISSUE_DIRS).map((f) => ({ ...f, inSet: f.dir === path.join(here, 'issues') }));

const gold = JSON.parse(fs.readFileSync(path.join(here, 'articles.json'), 'utf8'));

// The set's articles: the block holding a key of each, and its text up to the next article's block or a caption.
const setFiles = files.filter((f) => f.inSet);
for (const f of setFiles) if (!(f.stem in gold.years)) fail(`${f.name}: not in articles.json years`);
const articles = gold.articles.map((a) => {
  const file = setFiles.find((f) => f.stem === a.seed);
  if (!file) {
    fail(`articles.json: no issue file ${a.seed}`);
    return { ...a, file: null, block: null, text: '' };
  }
  const block = file.blocks.find((b) => a.keys.every((k) => b.text.some((t) => t.includes(k))));
  if (!block) fail(`articles.json: keys ${JSON.stringify(a.keys)} are not all in one headline block of ${a.seed}`);
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(a.date)) fail(`articles.json: bad date ${a.date} for ${a.keys[0]}`);
  else if (Number(a.date.slice(0, 4)) !== gold.years[a.seed]) fail(`articles.json: date ${a.date} of ${a.keys[0]} is not in its issue's year`);
  return { ...a, file, block };
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
const perIssue = new Map();
for (const a of articles) perIssue.set(a.seed, (perIssue.get(a.seed) ?? 0) + 1);
for (const [stem, n] of perIssue) if (n < 5 || n > 7) fail(`${stem}: ${n} articles, want 5–7`);

// Where a key stands: every headline block of every issue holding it.
const blocksWith = (key) => files.flatMap((f) => f.blocks.filter((b) => b.text.some((t) => t.includes(key))).map((b) => ({ f, b })));
for (const a of articles) {
  for (const k of a.keys) {
    const hits = blocksWith(k);
    if (hits.length !== 1) fail(`articles.json key 「${k}」 stands in ${hits.length} headline blocks: ${hits.map((h) => `${h.f.name}:${h.b.first + 1}`).join(', ')}`);
  }
}
const articleOf = (key) => articles.find((a) => a.keys.includes(key)) ?? articles.find((a) => a.block && a.block.text.some((t) => t.includes(key)));

function readSet(name, prefixes) {
  const file = path.join(here, name);
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  return lines.map((line, i) => {
    let q;
    try {
      q = JSON.parse(line);
    } catch {
      fail(`${name}:${i + 1}: not JSON`);
      return null;
    }
    if (typeof q.id !== 'string' || !prefixes.some((p) => q.id.startsWith(p))) fail(`${name}:${i + 1}: id ${q.id} should start with ${prefixes.join(' or ')}`);
    if (typeof q.q !== 'string' || !q.q.trim()) fail(`${q.id}: empty question`);
    if (q.negative === true) {
      if (q.relevant || q.answer) fail(`${q.id}: a negative has no relevant keys or answer`);
    } else if (!Array.isArray(q.relevant)) fail(`${q.id}: relevant should be a list`);
    else if (q.relevant.length === 0 && !q.answer) fail(`${q.id}: no relevant key and no answer`);
    return { ...q, where: `${name}:${i + 1}` };
  }).filter(Boolean);
}
const all = readSet('questions.jsonl', ['d']);

// A year-less or present-tense question may have right answers in older sets of the archive too (the gold
// widened as in ../fresh-c/README.md): such a key names a headline block of any issue, but every answered
// question keeps a key of a fresh-d article, and its answer stands in one of those.
const otherArticle = (key) => (blocksWith(key).length === 1 && !blocksWith(key)[0].f.inSet ? { text: '' } : undefined);
const setArticle = (key) => (blocksWith(key).some((h) => h.f.inSet) ? articleOf(key) : otherArticle(key));
for (const q of all) {
  if (q.negative || !Array.isArray(q.relevant) || q.relevant.length === 0) continue;
  if (!q.relevant.some((k) => blocksWith(k).some((h) => h.f.inSet))) fail(`${q.id}: no key names a fresh-d article`);
}
checkQuestions(all, { name: 'fresh-d', setFiles, isSetFile: () => true, blocksWith, articleOf: setArticle }, fail);

console.log(`issues: ${setFiles.length}, articles: ${articles.length}`);
console.log(`questions.jsonl: ${makeup(all)}`);
for (const p of problems) console.log(`  ✗ ${p}`);
console.log(problems.length ? `${problems.length} problems` : 'ok');
process.exit(problems.length ? 1 : 0);
