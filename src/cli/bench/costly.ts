/**
 * Hostile questions for the benchmark: the longest question the bot accepts (300 characters),
 * made of the archive's most frequent characters and words, each of which touches a large part
 * of the archive. Their cost, against an ordinary question's, is the work bound per question.
 */
import { type SearchIndex, searchAfresh } from '../../retrieval/index.ts';

const LONGEST = 300;

/** Questions of the archive's most frequent Han characters, in several arrangements. */
export function costlyQuestions(index: SearchIndex): string[] {
  const counts = new Map<string, number>();
  const sample = index.passageTexts.slice(0, 5000);
  for (const text of sample)
    for (const ch of text) if (/\p{Script=Han}/u.test(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1]).map(([ch]) => ch);
  const fill = (unit: string) => unit.repeat(Math.ceil(LONGEST / Math.max(1, unit.length))).slice(0, LONGEST);
  // A fixed pseudo-random walk over the 60 most frequent characters: many distinct common bigrams.
  let x = 7919;
  const walk = Array.from({ length: LONGEST }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return top[x % Math.min(60, top.length)] ?? '的';
  }).join('');
  // The most frequent passage opening: real common words rather than characters.
  const words = sample
    .slice(0, 50)
    .join('')
    .replace(/[^\p{Script=Han}]/gu, '');
  return [fill(top.slice(0, LONGEST).join('')), fill(top.slice(0, 100).join('')), walk, fill(words)];
}

/** The slowest of the costly questions, in milliseconds (each asked `rounds` times, best kept). */
export function costliestMs(index: SearchIndex, rounds = 3): number {
  let worst = 0;
  for (const q of costlyQuestions(index)) {
    let best = Infinity;
    for (let k = 0; k < rounds; k++) {
      const started = performance.now();
      searchAfresh(index, q);
      best = Math.min(best, performance.now() - started);
    }
    worst = Math.max(worst, best);
  }
  return worst;
}
