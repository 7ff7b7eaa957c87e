// The checks every written question set shares, with no project code: ids unique, each relevant key in
// exactly one headline block and that block an article of the set, each answer verbatim in one of its
// articles (with no key: somewhere in the set's issues); and the set's make-up.

const SHORT = 12; // a short answer: a number with its unit, a name, a date, a place

/**
 * `name`: the set's name in messages; `setFiles`: its issue files ({ lines }); `isSetFile(f)`;
 * `blocksWith(key)`: the headline blocks holding a key ([{ f }]); `articleOf(key)`: its article ({ text }).
 */
export function checkQuestions(questions, { name, setFiles, isSetFile, blocksWith, articleOf }, fail) {
  const seen = new Set();
  for (const q of questions) {
    if (seen.has(q.id)) fail(`id ${q.id} repeats`);
    seen.add(q.id);
  }
  for (const q of questions) {
    if (q.negative || !Array.isArray(q.relevant)) continue;
    const bound = [];
    for (const k of q.relevant) {
      const hits = blocksWith(k);
      if (hits.length !== 1) {
        fail(`${q.id}: key 「${k}」 stands in ${hits.length} headline blocks`);
        continue;
      }
      if (!isSetFile(hits[0].f)) {
        fail(`${q.id}: key 「${k}」 is not an ${name} article`);
        continue;
      }
      const a = articleOf(k);
      if (!a) fail(`${q.id}: key 「${k}」 names no article of articles.json`);
      else bound.push(a);
    }
    if (q.answer === undefined) continue;
    if (typeof q.answer !== 'string' || !q.answer) fail(`${q.id}: empty answer`);
    else if (q.relevant.length > 0) {
      if (!bound.some((a) => a.text.includes(q.answer))) fail(`${q.id}: answer 「${q.answer}」 is in none of its articles`);
    } else if (!setFiles.some((f) => f.lines.join('\n').includes(q.answer))) {
      fail(`${q.id}: answer 「${q.answer}」 is in no ${name} issue`);
    }
  }
}

/** The make-up, to compare with the brief: short answers, near-miss negatives, the rest. */
export function makeup(set) {
  const neg = set.filter((q) => q.negative).length;
  const short = set.filter((q) => q.answer && q.answer.length <= SHORT).length;
  const longer = set.filter((q) => q.answer && q.answer.length > SHORT).length;
  const rest = set.length - neg - short - longer;
  const pct = (n) => `${Math.round((100 * n) / Math.max(1, set.length))}%`;
  return `${set.length} questions: ${short} short answers (${pct(short)}), ${longer} longer answers, ${rest} without an answer string, ${neg} negatives (${pct(neg)})`;
}
