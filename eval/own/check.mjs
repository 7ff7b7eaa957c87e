// Checks the own evaluation set against its issues, with no project code and no dependencies:
// - every question line is well formed and no id repeats (o… and h… in questions.jsonl);
// - every relevant key stands in exactly one headline block of all issues (seeds, fresh-a, fresh-b, own),
//   and for an own article that block is the article's own (articles.json);
// - every answer occurs verbatim in the text of an article matched by one of its relevant keys (with no
//   relevant key: in a photo caption or other text of the own issues).
// usage: node eval/own/check.mjs [--list]   (exits 1 on any failure; prints the set's make-up;
//   --list prints each article's issue, date, body length and first key)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readIssues } from '../tools/issue-files.mjs';
import { checkQuestions, makeup } from '../tools/set-check.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const evalDir = path.dirname(here);
const project = path.dirname(evalDir);
const ISSUE_DIRS = [path.join(project, 'seeds'), path.join(evalDir, 'fresh-a/issues'), path.join(evalDir, 'fresh-b/issues'), path.join(here, 'issues')];

const problems = [];
const fail = (msg) => problems.push(msg);

const files = readIssues(ISSUE_DIRS).map((f) => ({ ...f, own: f.dir.endsWith(path.join('own', 'issues')) }));

const gold = JSON.parse(fs.readFileSync(path.join(here, 'articles.json'), 'utf8'));

// Own articles: the block holding a key of each, and its text up to the next article's block or a caption.
const ownFiles = files.filter((f) => f.own);
for (const f of ownFiles) if (!(f.stem in gold.years)) fail(`${f.name}: not in articles.json years`);
const articles = gold.articles.map((a) => {
  const file = ownFiles.find((f) => f.stem === a.seed);
  if (!file) {
    fail(`articles.json: no issue file ${a.seed}`);
    return { ...a, file: null, block: null, text: '' };
  }
  const block = file.blocks.find((b) => a.keys.every((k) => b.text.some((t) => t.includes(k))));
  if (!block) fail(`articles.json: keys ${JSON.stringify(a.keys)} are not all in one headline block of ${a.seed}`);
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(a.date)) fail(`articles.json: bad date ${a.date} for ${a.keys[0]}`);
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
for (const [stem, n] of perIssue) if (n < 6 || n > 9) fail(`${stem}: ${n} articles, want 6–9`);

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
// o…: written against the first five issues; h…: the two held out at first, released after one scoring.
const all = readSet('questions.jsonl', ['o', 'h']);

checkQuestions(all, { name: 'own', setFiles: ownFiles, isSetFile: (f) => f.own, blocksWith, articleOf }, fail);

console.log(`issues: ${ownFiles.length}, articles: ${articles.length}`);
console.log(`questions.jsonl: ${makeup(all)}`);
for (const p of problems) console.log(`  ✗ ${p}`);
console.log(problems.length ? `${problems.length} problems` : 'ok');
process.exit(problems.length ? 1 : 0);
