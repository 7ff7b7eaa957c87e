/**
 * Example questions for a newcomer to tap (/start, small talk): real questions made from the
 * newest articles' headlines and kept only when the archive answers them with that very article,
 * so a press never ends in 「没有找到」. Worked out once per state of the archive.
 */
import type { NewsLibrary } from '../../retrieval/index.ts';

/** Newest articles tried before giving up on more examples. */
const TRIED = 40;
// A headline phrase short enough for a button, long enough to name something.
const MIN_PHRASE = 4;
const MAX_PHRASE = 14;

/** Phrases of a headline or subtitle a question can be made of: its parts between spaces and punctuation. */
export function headlinePhrases(headline: string, subtitle = ''): string[] {
  const parts = `${headline} ${subtitle}`
    .split(/[\s\p{P}]+/u)
    .filter((p) => p.length >= MIN_PHRASE && p.length <= MAX_PHRASE && /\p{Script=Han}{3}/u.test(p));
  // The longest first: it names the story most precisely.
  return [...new Set(parts)].sort((a, b) => b.length - a.length);
}

/** The question a phrase makes: what happened, the question a reader asks of a headline. */
export const questionOf = (phrase: string) => `${phrase}是怎么回事`;

const cache = new WeakMap<NewsLibrary, { state: string; examples: string[] }>();

/** Up to `n` questions the archive answers with the newest articles, one per article. */
export function exampleQuestions(library: NewsLibrary, n = 3): string[] {
  const stats = library.stats();
  const state = `${stats.articles}|${stats.issues}|${stats.to}|${library.latest(1)[0]?.id ?? ''}`;
  const held = cache.get(library);
  if (held && held.state === state && held.examples.length >= n) return held.examples.slice(0, n);
  const examples: string[] = [];
  for (const article of library.latest(TRIED)) {
    for (const phrase of headlinePhrases(article.headline, article.subtitle)) {
      const question = questionOf(phrase);
      const first = library.search(question, 1)[0];
      if (first && first.confidence !== 'related' && first.headline === article.headline) {
        if (!examples.includes(question)) examples.push(question);
        break;
      }
    }
    if (examples.length >= n) break;
  }
  cache.set(library, { state, examples });
  return examples;
}
