// Checks a written evaluation set against its archive, with no project code and no dependencies, by the
// set's line of eval/tools/sets.mjs (its archive, ids, bounds, whether older sets' keys may stand in it):
// - every question line is well formed (an id of the set's pattern, a question, relevant keys and/or an
//   answer, or a negative with neither) and no id repeats;
// - every relevant key stands in exactly one headline block of the set's archive (the seeds and the set's
//   folders), and for an article of the set that block is the article's own (articles.json);
// - every answer occurs verbatim in the text of an article matched by one of its relevant keys (with no
//   relevant key: in a photo caption or other text of the set's issues);
// - articles per issue and body lengths within the set's bounds, dates shaped YYYY[-MM[-DD]].
// For a held-out set this checks the form only, never how the bot does on it.
// usage: node eval/tools/check-set.mjs SET [--list]   (exits 1 on any failure; prints the set's make-up;
//   --list prints each article's issue, date, body length and first key)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readIssues } from './issue-files.mjs';
import { checkQuestions, makeup } from './set-check.mjs';
import { ARCHIVES, CHECKS } from './sets.mjs';

const evalDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const project = path.dirname(evalDir);
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

// Each article of a gold list: its file, its headline block (the one holding all its keys), its text up to
// the next article's block or a caption line, and its body's length.
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

// The article a key names in a list: the one listing it, else the one whose headline block holds it.
const listedArticle = (list, key) => list.find((a) => a.keys.includes(key)) ?? list.find((a) => a.block?.text.some((t) => t.includes(key)));

// The question lines, each checked for its form.
function readQuestions(file, ids, fail) {
  const name = path.basename(file);
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      let q;
      try {
        q = JSON.parse(line);
      } catch {
        fail(`${name}:${i + 1}: not JSON`);
        return null;
      }
      if (typeof q.id !== 'string' || !ids.pattern.test(q.id)) fail(`${name}:${i + 1}: id ${q.id} should ${ids.want}`);
      if (typeof q.q !== 'string' || !q.q.trim()) fail(`${q.id}: empty question`);
      if (q.negative === true) {
        if (q.relevant || q.answer) fail(`${q.id}: a negative has no relevant keys or answer`);
      } else if (!Array.isArray(q.relevant)) fail(`${q.id}: relevant should be a list`);
      else if (q.relevant.length === 0 && !q.answer) fail(`${q.id}: no relevant key and no answer`);
      return q;
    })
    .filter(Boolean);
}

/** The checks of one set: the lines to print (the --list lines, then the summary) and the problems found. */
export function checkSet(name, { list = false } = {}) {
  const rules = CHECKS[name];
  const [questionsFile, ...folders] = ARCHIVES[name];
  const setDir = path.join(evalDir, folders.at(-1));
  const problems = [];
  const fail = (msg) => problems.push(msg);
  const out = [];

  const files = readIssues([path.join(project, 'seeds'), ...folders.map((d) => path.join(evalDir, d))]).map((f) => ({ ...f, mine: f.dir === setDir }));
  const setFiles = files.filter((f) => f.mine);
  if (rules.issues !== undefined && setFiles.length !== rules.issues) fail(`issues/: ${setFiles.length} issues, want ${rules.issues}`);

  const gold = readJson(path.join(path.dirname(setDir), 'articles.json'));
  for (const f of setFiles) if (!(f.stem in gold.years)) fail(`${f.name}: not in articles.json years`);
  const articles = articlesOf(gold, setFiles, fail);
  const [minBody, maxBody] = rules.body;
  for (const a of articles) {
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(a.date)) fail(`articles.json: bad date ${a.date} for ${a.keys[0]}`);
    else if (rules.datesInYear && a.file && a.date.slice(0, 4) !== String(gold.years[a.seed])) fail(`articles.json: date ${a.date} of ${a.keys[0]} is not in its issue's year`);
    if (a.block && (a.bodyLength < minBody || a.bodyLength > maxBody)) fail(`${a.seed} ${a.keys[0]}: body ${a.bodyLength} characters, want ${minBody}–${maxBody}`);
  }
  if (list) for (const a of articles) out.push(`${a.seed} ${a.date} ${a.bodyLength} ${a.keys[0]}`);
  const [fewest, most] = rules.perIssue;
  const perIssue = new Map(setFiles.map((f) => [f.stem, 0]));
  for (const a of articles) perIssue.set(a.seed, (perIssue.get(a.seed) ?? 0) + 1);
  for (const [stem, n] of perIssue) if (n < fewest || n > most) fail(`${stem}: ${n} articles, want ${fewest}–${most}`);
  // A masthead alone may stand as a one-line block; any longer block is an article.
  if (rules.everyBlock) {
    for (const f of setFiles) {
      for (const b of f.blocks) {
        if (!articles.some((a) => a.block === b) && b.text.length > 1) fail(`${f.name}:${b.first + 1}: headline block 「${b.text.join(' / ')}」 is in no article of articles.json`);
      }
    }
  }

  // Where a key stands: every headline block of every issue of the archive holding it.
  const blocksWith = (key) => files.flatMap((f) => f.blocks.filter((b) => b.text.some((t) => t.includes(key))).map((b) => ({ f, b })));
  for (const a of articles) {
    for (const k of a.keys) {
      const hits = blocksWith(k);
      if (hits.length !== 1) fail(`articles.json key 「${k}」 stands in ${hits.length} headline blocks: ${hits.map((h) => `${h.f.name}:${h.b.first + 1}`).join(', ')}`);
    }
  }
  const mine = (key) => blocksWith(key).some((h) => h.f.mine);
  let articleOf = (key) => listedArticle(articles, key);
  if (rules.olderKeys === 'answerInSet') {
    // An older set's key binds no text: the answer must stand in one of the set's own articles.
    const setArticle = articleOf;
    articleOf = (key) => (mine(key) ? setArticle(key) : blocksWith(key).length === 1 ? { text: '' } : undefined);
  } else if (rules.olderKeys === 'answerAnywhere') {
    // The older sets' articles through their own lists (their own checks vouch for them), a seed's from
    // its headline block to the next one.
    const older = folders.slice(0, -1).flatMap((d) => {
      const pool = files.filter((f) => f.dir === path.join(evalDir, d));
      return articlesOf(readJson(path.join(evalDir, path.dirname(d), 'articles.json')), pool, () => {});
    });
    articleOf = (key) => {
      const listed = listedArticle([...articles, ...older], key);
      if (listed) return listed;
      const [hit] = blocksWith(key);
      if (!hit) return undefined;
      const next = hit.f.blocks.find((b) => b.first > hit.b.last);
      return { text: hit.f.lines.slice(hit.b.first, next ? next.first : hit.f.lines.length).join('\n') };
    };
  }

  const questions = readQuestions(path.join(evalDir, questionsFile), rules.ids, fail);
  const isSetFile = rules.olderKeys ? () => true : (f) => f.mine;
  checkQuestions(questions, { name, setFiles, isSetFile, blocksWith, articleOf }, fail);
  if (rules.olderKeys) {
    for (const q of questions) {
      if (q.negative || !Array.isArray(q.relevant) || q.relevant.length === 0) continue;
      if (!q.relevant.some(mine)) fail(`${q.id}: no key names a ${name} article`);
    }
  }

  out.push(`issues: ${setFiles.length}, articles: ${articles.length}`);
  out.push(`${path.basename(questionsFile)}: ${makeup(questions)}`);
  for (const p of problems) out.push(`  ✗ ${p}`);
  out.push(problems.length ? `${problems.length} problems` : 'ok');
  return { out, problems };
}

/** The command: prints the checks of the set named (by the argument or by a wrapper) and exits 1 on a problem. */
export function main(name = process.argv[2]) {
  if (!CHECKS[name]) {
    console.error(`usage: node eval/tools/check-set.mjs SET [--list]; sets: ${Object.keys(CHECKS).join(', ')}`);
    process.exit(2);
  }
  const { out, problems } = checkSet(name, { list: process.argv.includes('--list') });
  for (const line of out) console.log(line);
  process.exit(problems.length ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
