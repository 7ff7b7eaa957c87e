/**
 * 具体说说 / 详细点: more of the last answer's article, a phone-sized excerpt at a time. The first
 * ask shows the answering paragraph with the paragraphs around it (the ones after first: a news
 * paragraph is most often explained by what follows it); each further ask the next paragraphs not
 * yet shown, then those before, until the whole article has been shown. Pure: paragraph lengths
 * in, ranges of paragraph indexes out.
 */

/** Paragraphs [from, to) of an article, shown so far. */
export interface Shown {
  from: number;
  to: number;
}

/** Units of paragraph text one excerpt holds: about two phone screens, far below a message's limit. */
export const DETAIL_BUDGET = 700;

/** Text as the index and the article compare it: without spaces. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/**
 * The paragraph that holds the answering sentence (or, failing that, the start of the passage it
 * came from); 0 when none does (the article was reloaded and changed).
 */
export function answeringParagraph(paragraphs: string[], passage: string, sentence: string): number {
  const paras = paragraphs.map(squeeze);
  for (const probe of [squeeze(sentence), squeeze(passage).slice(0, 24)]) {
    if (!probe) continue;
    const k = paras.findIndex((p) => p.includes(probe));
    if (k >= 0) return k;
  }
  return 0;
}

/**
 * The first excerpt: paragraph `at`, then by turns the next and the one before, while the text
 * stays within `budget` units (the answering paragraph always, however long).
 */
export function firstExcerpt(lengths: number[], at: number, budget = DETAIL_BUDGET): Shown {
  if (lengths.length === 0) return { from: 0, to: 0 };
  const k = Math.min(Math.max(0, at), lengths.length - 1);
  let from = k;
  let to = k + 1;
  let used = lengths[k]!;
  for (let grew = true; grew; ) {
    grew = false;
    if (to < lengths.length && used + lengths[to]! <= budget) {
      used += lengths[to++]!;
      grew = true;
    }
    if (from > 0 && used + lengths[from - 1]! <= budget) {
      used += lengths[--from]!;
      grew = true;
    }
  }
  return { from, to };
}

/**
 * The next excerpt after `shown`: the paragraphs that follow it, else the ones before it (at
 * least one, however long); undefined when the whole article has been shown.
 */
export function nextExcerpt(lengths: number[], shown: Shown, budget = DETAIL_BUDGET): Shown | undefined {
  if (shown.to < lengths.length) {
    let to = shown.to + 1;
    let used = lengths[shown.to]!;
    while (to < lengths.length && used + lengths[to]! <= budget) used += lengths[to++]!;
    return { from: shown.to, to };
  }
  if (shown.from > 0) {
    let from = shown.from - 1;
    let used = lengths[from]!;
    while (from > 0 && used + lengths[from - 1]! <= budget) used += lengths[--from]!;
    return { from, to: shown.from };
  }
  return undefined;
}

/** What has been shown once `excerpt` is shown too (excerpts always touch what came before). */
export function widen(shown: Shown | undefined, excerpt: Shown): Shown {
  return shown ? { from: Math.min(shown.from, excerpt.from), to: Math.max(shown.to, excerpt.to) } : excerpt;
}
