// Checks the fresh-e evaluation set against its archive, with no project code and no dependencies:
// - every question line is well formed and no id repeats (e… in questions.jsonl);
// - every relevant key stands in exactly one headline block of the set's archive (seeds, fresh-a, fresh-b,
//   own, fresh-c, fresh-e), and for a fresh-e article that block is the article's own (articles.json);
// - every answer occurs verbatim in the text of an article matched by one of its relevant keys (with no
//   relevant key: in a photo caption or other text of the fresh-e issues);
// - 5–7 articles per issue, bodies of 150–900 characters, dates shaped YYYY[-MM[-DD]].
// A key may name an article of an older set (a widened gold): its text is read by that set's articles.json,
// or for a seed, from its headline block to the next one.
// usage: node eval/fresh-e/check.mjs [--list]   (exits 1 on any failure; prints the set's make-up;
//   --list prints each article's issue, date, body length and first key)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readIssues } from '../tools/issue-files.mjs';
import { checkQuestions, makeup } from '../tools/set-check.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const evalDir = path.dirname(here);
const project = path.dirname(evalDir);
const OLDER = ['fresh-a', 'fresh-b', 'own', 'fresh-c'];
const SET_DIR = path.join(here, 'issues');
const ISSUE_DIRS = [path.join(project, 'seeds'), ...OLDER.map((s) => path.join(evalDir, s, 'issues')), SET_DIR];

const problems = [];
const fail = (msg) => problems.push(msg);

const files = readIssues(ISSUE_DIRS).map((f) => ({ ...f, mine: f.dir === SET_DIR }));
const setFiles = files.filter((f) => f.mine);

// Each article of a gold list: its file, its headline block and its text up to the next article's block
// or a caption line.
function articlesOf(gold, pool, report) {
  const list = gold.articles.map((a) => {
    const file = pool.find((f) => f.stem === a.seed);
    if (!file) {
      report(`articles.json: no issue file ${a.seed}`);
      return { ...a, file: null, block: null, text: '' };
    }
    const block = file.blocks.find((b) => a.keys.every((k) => b.text.some((t) => t.includes(k))));
    if (!block) report(`articles.json: keys ${JSON.stringify(a.keys)} are not all in one headline block of ${a.seed}`);
    return { ...a, file, block, text: '' };
  });
  for (const a of list) {
    if (!a.block) continue;
    const starts = list.filter((b) => b.file === a.file && b.block && b.block.first > a.block.first).map((b) => b.block.first);
    let end = starts.length ? Math.min(...starts) : a.file.lines.length;
    const caption = a.file.lines.findIndex((l, i) => i > a.block.last && i < end && l.trim().startsWith('▼'));
    if (caption >= 0) end = caption;
    a.text = a.file.lines.slice(a.block.first, end).join('\n');
    a.bodyLength = a.file.lines.slice(a.block.last + 1, end).join('').replace(/\s/g, '').length;
  }
  return list;
}

const gold = JSON.parse(fs.readFileSync(path.join(here, 'articles.json'), 'utf8'));
for (const f of setFiles) if (!(f.stem in gold.years)) fail(`${f.name}: not in articles.json years`);
const articles = articlesOf(gold, setFiles, fail);
for (const a of articles) {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(a.date)) fail(`articles.json: bad date ${a.date} for ${a.keys[0]}`);
  if (a.block && (a.bodyLength < 150 || a.bodyLength > 900)) fail(`${a.seed} ${a.keys[0]}: body ${a.bodyLength} characters, want 150–900`);
}
if (process.argv.includes('--list')) for (const a of articles) console.log(`${a.seed} ${a.date} ${a.bodyLength} ${a.keys[0]}`);
const perIssue = new Map();
for (const a of articles) perIssue.set(a.seed, (perIssue.get(a.seed) ?? 0) + 1);
for (const [stem, n] of perIssue) if (n < 5 || n > 7) fail(`${stem}: ${n} articles, want 5–7`);

// The older sets' articles, for a gold widened to them (their own checks vouch for their lists).
const older = OLDER.flatMap((s) => {
  const pool = files.filter((f) => f.dir === path.join(evalDir, s, 'issues'));
  return articlesOf(JSON.parse(fs.readFileSync(path.join(evalDir, s, 'articles.json'), 'utf8')), pool, () => {});
});

// Where a key stands: every headline block of every issue holding it.
const blocksWith = (key) => files.flatMap((f) => f.blocks.filter((b) => b.text.some((t) => t.includes(key))).map((b) => ({ f, b })));
for (const a of articles) {
  for (const k of a.keys) {
    const hits = blocksWith(k);
    if (hits.length !== 1) fail(`articles.json key 「${k}」 stands in ${hits.length} headline blocks: ${hits.map((h) => `${h.f.name}:${h.b.first + 1}`).join(', ')}`);
  }
}
const inBlock = (a, key) => a.block?.text.some((t) => t.includes(key));
function articleOf(key) {
  const listed = [...articles, ...older].find((a) => a.keys.includes(key) || inBlock(a, key));
  if (listed) return listed;
  // A seed article (no gold list): from its block to the next headline block of the file.
  const [hit] = blocksWith(key);
  if (!hit) return undefined;
  const next = hit.f.blocks.find((b) => b.first > hit.b.last);
  return { text: hit.f.lines.slice(hit.b.first, next ? next.first : hit.f.lines.length).join('\n') };
}

const lines = fs.readFileSync(path.join(here, 'questions.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
const all = lines
  .map((line, i) => {
    let q;
    try {
      q = JSON.parse(line);
    } catch {
      fail(`questions.jsonl:${i + 1}: not JSON`);
      return null;
    }
    if (typeof q.id !== 'string' || !/^e\d{3}$/.test(q.id)) fail(`questions.jsonl:${i + 1}: id ${q.id} should be e and three digits`);
    if (typeof q.q !== 'string' || !q.q.trim()) fail(`${q.id}: empty question`);
    if (q.negative === true) {
      if ((q.relevant && q.relevant.length) || q.answer) fail(`${q.id}: a negative has no relevant keys or answer`);
    } else if (!Array.isArray(q.relevant)) fail(`${q.id}: relevant should be a list`);
    else if (q.relevant.length === 0 && !q.answer) fail(`${q.id}: no relevant key and no answer`);
    return q;
  })
  .filter(Boolean);

// A key of an older set's article is allowed (a widened gold); the set must still name one of its own.
const archiveFile = () => true;
checkQuestions(all, { name: 'fresh-e', setFiles, isSetFile: archiveFile, blocksWith, articleOf }, fail);
for (const q of all) {
  if (q.negative || !Array.isArray(q.relevant) || q.relevant.length === 0) continue;
  if (!q.relevant.some((k) => blocksWith(k).some((h) => h.f.mine))) fail(`${q.id}: no key names a fresh-e article`);
}

console.log(`issues: ${setFiles.length}, articles: ${articles.length}`);
console.log(`questions.jsonl: ${makeup(all)}`);
for (const p of problems) console.log(`  ✗ ${p}`);
console.log(problems.length ? `${problems.length} problems` : 'ok');
process.exit(problems.length ? 1 : 0);
