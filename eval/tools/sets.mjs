// The evaluation sets in one table, read by the scorer (eval/run.mjs) and the set checker
// (eval/tools/check-set.mjs), so a set's archive is written once.

// Each set's questions and the issue folders it is indexed with besides the seeds (paths under eval/).
export const ARCHIVES = {
  dev: ['dev.jsonl'],
  'fresh-a': ['fresh-a/questions.jsonl', 'fresh-a/issues'],
  'fresh-b': ['fresh-b/questions.jsonl', 'fresh-a/issues', 'fresh-b/issues'],
  own: ['own/questions.jsonl', 'fresh-a/issues', 'fresh-b/issues', 'own/issues'],
  'fresh-c': ['fresh-c/questions.jsonl', 'fresh-a/issues', 'fresh-b/issues', 'own/issues', 'fresh-c/issues'],
  'fresh-d': ['fresh-d/questions.jsonl', 'fresh-a/issues', 'fresh-b/issues', 'own/issues', 'fresh-c/issues', 'fresh-d/issues'],
  'fresh-e': ['fresh-e/questions.jsonl', 'fresh-a/issues', 'fresh-b/issues', 'own/issues', 'fresh-c/issues', 'fresh-e/issues'],
  'fresh-f': ['fresh-f/questions.jsonl', 'fresh-a/issues', 'fresh-b/issues', 'own/issues', 'fresh-c/issues', 'fresh-f/issues'],
  // Held out (eval/unseen/README.md), scored only when named: three issues nothing was tuned on, over the whole archive.
  unseen: ['unseen/questions.jsonl', 'fresh-a/issues', 'fresh-b/issues', 'own/issues', 'unseen/issues'],
  // The second held-out set (eval/unseen-2/README.md), the same way: scored once, at the end of a round.
  'unseen-2': ['unseen-2/questions.jsonl', 'fresh-a/issues', 'fresh-b/issues', 'own/issues', 'unseen-2/issues'],
  // The third held-out set (eval/unseen-3/README.md), the same way: scored once, at the end of a round.
  'unseen-3': ['unseen-3/questions.jsonl', 'fresh-a/issues', 'fresh-b/issues', 'own/issues', 'unseen-3/issues'],
};

// Scored by `npm run eval` with no set named: all but the held-out ones.
export const DEFAULT_SETS = ['dev', 'fresh-a', 'fresh-b', 'own', 'fresh-c', 'fresh-d', 'fresh-e', 'fresh-f'];

/**
 * What eval/tools/check-set.mjs holds each written set to (its last archive folder is the set's issues,
 * listed in its articles.json):
 * - `ids`: the pattern every question id matches, and how the message words it;
 * - `perIssue`, `body`: articles per issue and body characters, both bounds inclusive;
 * - `datesInYear`: each article's date falls in its issue's year (always: shaped YYYY[-MM[-DD]]);
 * - `issues`: the exact number of issues, when the set fixes it; `everyBlock`: every headline block of
 *   its issues but a one-line masthead is an article of articles.json;
 * - `olderKeys`: whether a key may name an article of an older set of the archive (a widened gold), as
 *   long as each question keeps a key of its own: `answerInSet` — its answer stands in one of the set's
 *   articles; `answerAnywhere` — in the article of any of its keys (older sets' articles read through their
 *   articles.json, a seed's from its headline block to the next). Without it, every key is the set's own.
 */
export const CHECKS = {
  // o…: written against the first five issues; h…: the two held out at first, released after one scoring.
  own: { ids: { pattern: /^[oh]/, want: 'start with o or h' }, perIssue: [6, 9], body: [150, 900] },
  'fresh-d': { ids: { pattern: /^d/, want: 'start with d' }, perIssue: [5, 7], body: [150, 900], datesInYear: true, olderKeys: 'answerInSet' },
  'fresh-e': { ids: { pattern: /^e\d{3}$/, want: 'be e and three digits' }, perIssue: [5, 7], body: [150, 900], olderKeys: 'answerAnywhere' },
  'fresh-f': { ids: { pattern: /^f\d{3}$/, want: 'be f and three digits' }, perIssue: [5, 7], body: [150, 900], olderKeys: 'answerAnywhere' },
  unseen: { ids: { pattern: /^u\d{3}$/, want: 'be u followed by three digits' }, perIssue: [6, 8], body: [150, 900], datesInYear: true, issues: 3, everyBlock: true },
  'unseen-2': { ids: { pattern: /^v\d{3}$/, want: 'be v followed by three digits' }, perIssue: [6, 8], body: [150, 900], datesInYear: true, issues: 3, everyBlock: true },
  'unseen-3': { ids: { pattern: /^x\d{3}$/, want: 'be x followed by three digits' }, perIssue: [6, 8], body: [150, 900], datesInYear: true, issues: 3, everyBlock: true },
};
