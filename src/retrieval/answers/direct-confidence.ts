/**
 * Whether the short answer 「答：…」 a result carries is right: a logistic regression over what the
 * choice of the answer rests on (direct-answer.ts's DirectEvidence) and the decision's probability
 * that the passage answers, fitted by `npm run calibrate` (coefficients: weights.ts's shortAnswer).
 *
 *   p = σ(intercept + Σ_i coefficient_i · feature_i)
 *
 * Below the model's threshold the result is still offered as the answer, without its short answer:
 * a wrong short answer is worse than none.
 */
import type { BoundAnswer } from './direct-answer.ts';
import { RANKING, type RankingWeights, type ShortAnswerCoefficients } from '../weights.ts';

export type ShortAnswerFeature = keyof ShortAnswerCoefficients;

/** The features in the model's order; `shortAnswerFeatures` gives their values. */
export const SHORT_ANSWER_FEATURES: readonly ShortAnswerFeature[] = [
  'score',
  'lead',
  'answerSentence',
  'beside',
  'clauseShare',
  'kindFull',
  'kindFamily',
  'list',
  'onlyOne',
  'rivals',
  'quantity',
  'date',
  'decision',
  'disputed',
  'clear',
];

/**
 * Which way each feature may move the odds that the short answer is right (+1 up, −1 down, 0 either:
 * the kind asked for, and how the names were given). The fit keeps each coefficient on its side, as
 * the decision's (ranking/decision.ts FEATURE_DIRECTION): a clearer lead or a disputed answer never
 * reads the other way round on new issues for a pattern of the fitting sets.
 */
export const SHORT_ANSWER_DIRECTION: Readonly<Record<ShortAnswerFeature, 1 | -1 | 0>> = {
  score: 1,
  lead: 1,
  answerSentence: 1,
  beside: 1,
  clauseShare: 1,
  kindFull: 1,
  kindFamily: -1,
  list: 0,
  onlyOne: 0,
  rivals: -1,
  quantity: 0,
  date: 0,
  decision: 1,
  disputed: -1,
  clear: -1,
};

/** What the short answer is judged with beside its own evidence: the decision on its passage and on the others. */
export interface ShortAnswerContext {
  /** The decision's probability that the passage answers. */
  p: number;
  /** The probability at which a passage is offered as the answer. */
  threshold: number;
  /** Another passage offered as the answer gives a different short answer. */
  disputed: boolean;
}

/** Two short answers that say different things (neither holds the other: 128.6万人次 and 21.4万人次). */
export const differentAnswers = (a: string, b: string) => a !== b && !a.includes(b) && !b.includes(a);

const flag = (b: boolean) => (b ? 1 : 0);
const clip = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * The features on 0..1, in SHORT_ANSWER_FEATURES' order, of a short answer and the decision's
 * probability `p` that its passage answers:
 * - score: the winner's score over 5 (a whole clause of the question's words and the unit asked
 *   come to about that); lead: its lead over the best different candidate over 3, 1 when unrivalled;
 * - answerSentence: found in the answer sentence, the one holding most of the question; beside: a
 *   word of the question right beside it; clauseShare: how much of the question its clause holds;
 * - kindFull / kindFamily: its own evidence (the measure word, the title, 在……举行) fully or by
 *   family only (万元 for 亿元, a title elsewhere in the clause);
 * - list, onlyOne: given as a list of names, or as the passage's only name of the kind;
 * - rivals: other candidates tied to the question, 4 or more counting 1;
 * - quantity, date: the kind asked for (names are the rest);
 * - decision: how far the decision's probability p that the passage answers stands above the
 *   threshold at which it is offered as the answer (`threshold`, 0 there, 1 at certainty);
 * - disputed: another passage offered as the answer gives a different short answer: the archive
 *   holds two figures of the thing asked (an older and a newer article, a total and one member's),
 *   and which one the question means is the guess a short answer should not make;
 * - clear: chosen as the clear leader of its sentence or paragraph (direct-answer.ts clearLeader),
 *   the question's words tying it only in part: less sure than one they tie in full.
 */
export function shortAnswerFeatures(bound: BoundAnswer, context: ShortAnswerContext): number[] {
  const { p, threshold } = context;
  const e = bound.evidence;
  const values: Record<ShortAnswerFeature, number> = {
    score: clip(e.score / 5, 0, 1),
    lead: e.lead === undefined ? 1 : clip(e.lead / 3, 0, 1),
    answerSentence: flag(e.circle === 0),
    beside: flag(e.beside),
    clauseShare: clip(e.clauseShare, 0, 1),
    kindFull: flag(e.bonus >= 1),
    kindFamily: flag(e.bonus > 0 && e.bonus < 1),
    list: flag(e.list),
    onlyOne: flag(e.onlyOne),
    rivals: clip(e.rivals, 0, 4) / 4,
    quantity: flag(bound.answer.kind === 'quantity'),
    date: flag(bound.answer.kind === 'date'),
    decision: threshold < 1 ? clip((p - threshold) / (1 - threshold), 0, 1) : 0,
    disputed: flag(context.disputed),
    clear: flag(e.clear === true),
  };
  return SHORT_ANSWER_FEATURES.map((f) => values[f]);
}

/** The model's estimate (0..1) that the short answer is right. */
export function shortAnswerProbability(features: number[], w: RankingWeights = RANKING): number {
  const m = w.shortAnswer;
  let x = m.intercept;
  SHORT_ANSWER_FEATURES.forEach((f, k) => {
    x += m.coefficients[f] * features[k]!;
  });
  return 1 / (1 + Math.exp(-x));
}

/**
 * Whether the result, offered as the answer with decision probability `p`, shows its short answer;
 * `others`: the short answers of the other passages offered as the answer.
 */
export function showsShortAnswer(
  bound: BoundAnswer,
  p: number,
  others: readonly string[] = [],
  w: RankingWeights = RANKING,
): boolean {
  // A guess between two figures or places the passage gives is never shown (direct-answer.ts).
  if (bound.evidence.guess) return false;
  const disputed = others.some((o) => differentAnswers(o, bound.answer.text));
  const features = shortAnswerFeatures(bound, { p, threshold: w.decision.answer.threshold, disputed });
  return shortAnswerProbability(features, w) >= w.shortAnswer.threshold;
}
