import { describe, expect, it } from 'vitest';
import {
  DECISION_FEATURES,
  type DecisionEvidence,
  FEATURE_DIRECTION,
  decide,
  decisionFeatures,
  probability,
  topical,
} from '../../../src/retrieval/ranking/decision.ts';
import { type LogisticModel, RANKING, type RankingWeights } from '../../../src/retrieval/weights.ts';

/** A passage that covers the whole question and holds what it asks, well ahead of the next article. */
const strong: DecisionEvidence = {
  cover: 1,
  matchedMass: 1.5,
  missingMass: 0,
  absentShare: 0,
  rareMatched: true,
  nameMissing: false,
  asks: true,
  typeFound: true,
  typeScore: 1,
  sentenceCover: 1,
  dateNamed: false,
  dateMatched: true,
  contentMatched: 3,
  focusMissing: false,
  shortAnswer: true,
  shortAnswerMissing: false,
  nameAsked: false,
  margin: 0.5,
};
const feature = (e: Partial<DecisionEvidence>, name: (typeof DECISION_FEATURES)[number]) =>
  decisionFeatures({ ...strong, ...e })[DECISION_FEATURES.indexOf(name)]!;

describe('the decision features', () => {
  it('has one coefficient per feature, in both models', () => {
    for (const m of [RANKING.decision.answer, RANKING.decision.topic])
      expect(Object.keys(m.coefficients).sort()).toEqual([...DECISION_FEATURES].sort());
    expect(decisionFeatures(strong)).toHaveLength(DECISION_FEATURES.length);
  });

  it('cover: the share covered, clipped to 0..1; uncoveredLog grows fastest near full cover', () => {
    expect(feature({ cover: 0.4 }, 'cover')).toBe(0.4);
    expect(feature({ cover: 1.3 }, 'cover')).toBe(1);
    const log = (cover: number) => feature({ cover }, 'uncoveredLog');
    expect(log(1)).toBeCloseTo(1, 5);
    expect(log(0)).toBeCloseTo(0, 1);
    expect(log(1) - log(0.9)).toBeGreaterThan(log(0.5) - log(0.4));
  });

  it('cleanCover: the cover when nothing asked is missing, 0 when the kind of answer, the date or a rare name is', () => {
    expect(feature({ cover: 0.8 }, 'cleanCover')).toBe(0.8);
    expect(feature({ cover: 0.8, typeFound: false }, 'cleanCover')).toBe(0);
    expect(feature({ cover: 0.8, dateNamed: true, dateMatched: false }, 'cleanCover')).toBe(0);
    expect(feature({ cover: 0.8, nameMissing: true }, 'cleanCover')).toBe(0);
    // A question that asks for no kind of answer misses none.
    expect(feature({ cover: 0.8, asks: false, typeFound: false }, 'cleanCover')).toBe(0.8);
  });

  it('matchedMass and missingMass: idf mass over the largest idf, capped at 3 and scaled to 0..1', () => {
    expect(feature({ matchedMass: 1.5 }, 'matchedMass')).toBe(0.5);
    expect(feature({ matchedMass: 9 }, 'matchedMass')).toBe(1);
    expect(feature({ missingMass: 0.75 }, 'missingMass')).toBe(0.25);
    expect(feature({ missingMass: -1 }, 'missingMass')).toBe(0);
  });

  it('absentShare, rareMatched, nameMissing: the share found nowhere and the two name flags', () => {
    expect(feature({ absentShare: 0.3 }, 'absentShare')).toBe(0.3);
    expect(feature({ rareMatched: false }, 'rareMatched')).toBe(0);
    expect(feature({}, 'rareMatched')).toBe(1);
    expect(feature({ nameMissing: true }, 'nameMissing')).toBe(1);
    expect(feature({}, 'nameMissing')).toBe(0);
  });

  it('typeMissing and typeScore: only for a question that asks for a kind of answer', () => {
    expect(feature({ typeFound: false }, 'typeMissing')).toBe(1);
    expect(feature({}, 'typeMissing')).toBe(0);
    expect(feature({ asks: false, typeFound: false }, 'typeMissing')).toBe(0);
    expect(feature({ typeScore: 0.6 }, 'typeScore')).toBe(0.6);
    expect(feature({ asks: false, typeScore: 0.6 }, 'typeScore')).toBe(0);
  });

  it('dateMissed: a date named that is neither the article’s nor in the passage', () => {
    expect(feature({ dateNamed: true, dateMatched: false }, 'dateMissed')).toBe(1);
    expect(feature({ dateNamed: true, dateMatched: true }, 'dateMissed')).toBe(0);
    expect(feature({ dateNamed: false, dateMatched: false }, 'dateMissed')).toBe(0);
  });

  it('focusMissing: the word the question asks about is not matched', () => {
    expect(feature({ focusMissing: true }, 'focusMissing')).toBe(1);
    expect(feature({}, 'focusMissing')).toBe(0);
  });

  it('shortAnswer: a short answer bound to the question stands in the result', () => {
    expect(feature({}, 'shortAnswer')).toBe(1);
    expect(feature({ shortAnswer: false }, 'shortAnswer')).toBe(0);
    expect(feature({ shortAnswer: false, shortAnswerMissing: true }, 'shortAnswerMissing')).toBe(1);
    expect(feature({}, 'shortAnswerMissing')).toBe(0);
  });

  it('nameAnswerMissing: a name asked for and none bound; a figure missing is not it', () => {
    const missing = { shortAnswer: false, shortAnswerMissing: true };
    expect(feature({ ...missing, nameAsked: true }, 'nameAnswerMissing')).toBe(1);
    expect(feature({ ...missing, nameAsked: false }, 'nameAnswerMissing')).toBe(0);
    expect(feature({ nameAsked: true }, 'nameAnswerMissing')).toBe(0);
  });

  it('candidateBound: no short answer shown, but a candidate of the kind asked bound; never beside one shown', () => {
    const missing = { shortAnswer: false, shortAnswerMissing: true };
    expect(feature({ ...missing, candidateBound: true }, 'candidateBound')).toBe(1);
    expect(feature({ ...missing, candidateBound: false }, 'candidateBound')).toBe(0);
    expect(feature(missing, 'candidateBound')).toBe(0);
    // A short answer shown is the stronger evidence: the weaker one is not counted again.
    expect(feature({ candidateBound: true }, 'candidateBound')).toBe(0);
  });

  it('sentenceCover, contentWords and margin', () => {
    expect(feature({ sentenceCover: 0.25 }, 'sentenceCover')).toBe(0.25);
    expect(feature({ contentMatched: 1 }, 'contentWords')).toBeCloseTo(1 / 3);
    expect(feature({ contentMatched: 7 }, 'contentWords')).toBe(1);
    expect(feature({ margin: -0.2 }, 'margin')).toBe(-0.2);
    expect(feature({ margin: 4 }, 'margin')).toBe(1);
  });
});

describe('the decision', () => {
  const only = (name: (typeof DECISION_FEATURES)[number], coefficient: number, threshold = 0.5): LogisticModel => ({
    intercept: 0,
    coefficients: Object.fromEntries(
      DECISION_FEATURES.map((f) => [f, f === name ? coefficient : 0]),
    ) as unknown as LogisticModel['coefficients'],
    threshold,
  });

  it('is the logistic function of the weighted features', () => {
    expect(probability(decisionFeatures(strong), only('cover', 0))).toBe(0.5);
    expect(probability(decisionFeatures(strong), only('cover', 2))).toBeCloseTo(1 / (1 + Math.exp(-2)));
  });

  it('answers, relates or shows nothing by the thresholds of the weights given', () => {
    const w = (answer: LogisticModel, topic: LogisticModel): RankingWeights => ({
      ...RANKING,
      decision: { ...RANKING.decision, answer, topic },
    });
    expect(decide(strong, w(only('cover', 3, 0.9), only('cover', 3, 0.5))).confidence).toBe('answer');
    expect(decide(strong, w(only('cover', 1, 0.9), only('cover', 3, 0.5))).confidence).toBe('related');
    expect(decide(strong, w(only('cover', 1, 0.9), only('cover', 1, 0.9))).confidence).toBeUndefined();
  });

  it('never shows a passage holding one stray word of the question', () => {
    const stray = { ...strong, contentMatched: 1, rareMatched: false, cover: 0.5 };
    expect(topical(stray)).toBe(false);
    expect(decide(stray).confidence).toBeUndefined();
    expect(topical({ ...stray, contentMatched: 2 })).toBe(true);
    expect(topical({ ...stray, rareMatched: true })).toBe(true);
    expect(topical({ ...stray, cover: RANKING.decision.topicGate.cover })).toBe(true);
  });

  it('shows a passage holding the only content word of a question that has one', () => {
    const single = { ...strong, contentMatched: 1, contentAsked: 1, rareMatched: false, cover: 0.5 };
    expect(topical(single)).toBe(true);
    // One of two is still a stray word.
    expect(topical({ ...single, contentAsked: 2 })).toBe(false);
    expect(topical({ ...single, contentMatched: 0 })).toBe(false);
  });

  it('offers the committed model’s answer for strong evidence, and not when a rare name is missing and the kind of answer absent', () => {
    expect(decide(strong).confidence).toBe('answer');
    // (The kind of answer absent, no short answer stands there either: one was sought in vain.)
    const nearMiss = {
      ...strong,
      nameMissing: true,
      typeFound: false,
      typeScore: 0,
      shortAnswer: false,
      shortAnswerMissing: true,
      margin: 0.05,
      cover: 0.8,
    };
    expect(decide(nearMiss).confidence).not.toBe('answer');
  });
});

describe("the fitted coefficients keep to the evidence's direction", () => {
  it('no feature moves the odds against its stated direction, in either model', () => {
    for (const model of [RANKING.decision.answer, RANKING.decision.topic]) {
      for (const f of DECISION_FEATURES) expect(model.coefficients[f] * FEATURE_DIRECTION[f]).toBeGreaterThanOrEqual(0);
    }
  });
});
