// The benchmark's peer, copied unchanged in what it does from ../shared/tools/fts5-peer.mjs (a
// measuring instrument, not part of the product): what a Node developer would build instead,
// SQLite FTS5 over jieba-segmented passages.
// usage:
//   node fts5-peer.mjs build ARTICLES.json DB      index every paragraph (one row per paragraph)
//   node fts5-peer.mjs query DB [question]          one question, or one per stdin line; prints one JSON array per line
// Rows come back in the project's search row shape, so score-retrieval.mjs can score them.
// Timing is whole-process from outside (/usr/bin/time -v or hyperfine); nothing is timed in here.
// Run it from the project root: node ../shared/tools/fts5-peer.mjs …
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';

// Resolves better-sqlite3 and nodejieba from the folder it is run in (the project's node_modules).
const require = createRequire(path.join(process.cwd(), 'package.json'));
const Database = require('better-sqlite3');
const jieba = require('nodejieba');

const [mode, a, b] = process.argv.slice(2);
const words = (text) =>
  jieba
    .cutForSearch(String(text).normalize('NFKC').toLowerCase(), true)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .map((w) => w.replace(/"/g, ''));

if (mode === 'build') {
  const raw = fs.readFileSync(a, 'utf8');
  const articles = JSON.parse(raw.slice(raw.indexOf('[')));
  fs.rmSync(b, { force: true });
  const db = new Database(b);
  db.pragma('journal_mode = OFF');
  db.exec(
    `CREATE VIRTUAL TABLE p USING fts5(title, body, aid UNINDEXED, headline UNINDEXED, subtitle UNINDEXED, date UNINDEXED, passage UNINDEXED, tokenize = 'unicode61')`,
  );
  const put = db.prepare('INSERT INTO p VALUES (?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    articles.forEach((art, n) => {
      const aid = art.id ?? `${art.source}#${n}`;
      const title = words(`${art.headline ?? ''} ${art.subtitle ?? ''}`).join(' ');
      const paras = Array.isArray(art.paragraphs) ? art.paragraphs : String(art.text ?? art.body ?? '').split(/\n+/);
      for (const para of paras.map((x) => String(x).trim()).filter(Boolean)) {
        put.run(title, words(para).join(' '), aid, art.headline ?? '', art.subtitle ?? '', art.date ?? '', para);
      }
    });
  })();
  db.exec(`INSERT INTO p(p) VALUES('optimize')`);
  db.close();
  console.log(JSON.stringify({ articles: articles.length }));
} else if (mode === 'query') {
  const db = new Database(a, { readonly: true });
  const stmt = db.prepare(
    `SELECT aid, headline, subtitle, date, passage FROM p WHERE p MATCH ? ORDER BY bm25(p, 2.0, 1.0) LIMIT 5`,
  );
  const answer = (q) => {
    const terms = [...new Set(words(q))];
    if (terms.length === 0) return [];
    const rows = stmt.all(terms.map((t) => `"${t}"`).join(' OR '));
    return rows.map((r) => ({
      articleId: r.aid,
      headline: r.headline,
      subtitle: r.subtitle,
      date: r.date,
      passage: r.passage,
    }));
  };
  if (b) console.log(JSON.stringify(answer(b)));
  else
    for await (const line of readline.createInterface({ input: process.stdin }))
      process.stdout.write(JSON.stringify(answer(line)) + '\n');
} else {
  console.error('usage: node fts5-peer.mjs build ARTICLES.json DB | query DB [question]');
  process.exit(2);
}
