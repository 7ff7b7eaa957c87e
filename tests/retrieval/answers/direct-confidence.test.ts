import { describe, expect, it } from 'vitest';
import { type BoundAnswer, boundAnswer } from '../../../src/retrieval/answers/direct-answer.ts';
import {
  differentAnswers,
  SHORT_ANSWER_DIRECTION,
  SHORT_ANSWER_FEATURES,
  type ShortAnswerFeature,
  shortAnswerFeatures,
  shortAnswerProbability,
  showsShortAnswer,
} from '../../../src/retrieval/answers/direct-confidence.ts';
import { RANKING, type RankingWeights } from '../../../src/retrieval/weights.ts';

const THRESHOLD = RANKING.decision.answer.threshold;

/** The value of one feature of the short answer to `question` found in `sentence` (and `passage`). */
function featureOf(name: ShortAnswerFeature, question: string, sentence: string, passage = sentence, p = 1): number {
  const bound = boundAnswer(question, sentence, passage);
  if (!bound) throw new Error(`no short answer to ${question}`);
  return shortAnswerFeatures(bound, { p, threshold: THRESHOLD, disputed: false })[SHORT_ANSWER_FEATURES.indexOf(name)]!;
}

const HIRING = '项目总投资15亿元，达产后可提供就业岗位800个，首批招收技术工人260名。';

describe('the short-answer features', () => {
  it('has one coefficient per feature', () => {
    expect(Object.keys(RANKING.shortAnswer.coefficients).sort()).toEqual([...SHORT_ANSWER_FEATURES].sort());
  });

  it('answerSentence: found in the answer sentence, not only elsewhere in the passage', () => {
    expect(featureOf('answerSentence', '这个项目能招多少工人', HIRING)).toBe(1);
    const passage = '项目将于明年投产。\n另外，首批招收技术工人260名。';
    expect(boundAnswer('这个项目能招多少工人', '项目将于明年投产。', passage)?.answer.text).toBe('260名');
    expect(featureOf('answerSentence', '这个项目能招多少工人', '项目将于明年投产。', passage)).toBe(0);
  });

  it('beside: a word of the question right beside the answer in its clause', () => {
    expect(featureOf('beside', '这个项目能招多少工人', HIRING)).toBe(1);
    // The figure's clause holds the question's words, but not right before it.
    expect(featureOf('beside', '这个项目能招多少工人', '项目首批技术工人的招收规模为260名。')).toBe(0);
  });

  it('clauseShare: how much of the question the answer’s own clause holds', () => {
    const whole = featureOf('clauseShare', '项目总投资多少', '该项目总投资1.2亿元，建成后年产值可达5亿元。');
    const part = featureOf('clauseShare', '这个项目能招多少工人', HIRING);
    expect(whole).toBe(1);
    expect(part).toBeGreaterThan(0);
    expect(part).toBeLessThan(whole);
  });

  it('kindFull / kindFamily: the measure word asked, or only one of its family', () => {
    const sentence = '该项目总投资1.2亿元，建成后年产值可达5亿元。';
    expect(featureOf('kindFull', '项目总投资多少', sentence)).toBe(1);
    expect(featureOf('kindFamily', '项目总投资多少', sentence)).toBe(0);
    // 多少万元 answered in 亿元: a sum, but not in the unit asked.
    expect(featureOf('kindFull', '项目总投资多少万元', sentence)).toBe(0);
    expect(featureOf('kindFamily', '项目总投资多少万元', sentence)).toBe(1);
  });

  it('list and rivals: names listed together are one answer, not rivals of each other', () => {
    const listed = '春晖之声艺术团、虹桥舞蹈队和学田合唱团参加了演出。';
    expect(featureOf('list', '哪些团队参加了演出', listed)).toBe(1);
    expect(featureOf('rivals', '哪些团队参加了演出', listed)).toBe(0);
    expect(featureOf('list', '这个项目能招多少工人', HIRING)).toBe(0);
  });

  it('onlyOne: the passage’s only name of the kind, with little of the question around it', () => {
    const sentence = '杨万平调研了部分中小微企业。';
    const passage = `${sentence}\n在博嘉生物医学科技有限公司，他察看了生产线。`;
    expect(featureOf('onlyOne', '杨万平调研了哪些企业', sentence, passage)).toBe(1);
    expect(featureOf('onlyOne', '这个项目能招多少工人', HIRING)).toBe(0);
  });

  it('lead, rivals and score from the evidence, clipped to 0..1', () => {
    const bound: BoundAnswer = {
      answer: { text: '260名', kind: 'quantity' },
      evidence: {
        score: 10,
        lead: 0.6,
        circle: 0,
        beside: true,
        clauseShare: 0.5,
        strong: true,
        bonus: 1,
        rivals: 9,
        list: false,
        onlyOne: false,
      },
    };
    const f = (name: ShortAnswerFeature, b: BoundAnswer = bound) =>
      shortAnswerFeatures(b, { p: 1, threshold: THRESHOLD, disputed: false })[SHORT_ANSWER_FEATURES.indexOf(name)]!;
    expect(f('score')).toBe(1);
    expect(f('lead')).toBeCloseTo(0.2);
    expect(f('rivals')).toBe(1);
    // Unrivalled: the lead counts in full.
    expect(f('lead', { ...bound, evidence: { ...bound.evidence, lead: undefined } })).toBe(1);
    expect(f('quantity')).toBe(1);
    expect(f('date', { ...bound, answer: { text: '2026年3月1日', kind: 'date' } })).toBe(1);
  });

  it('decision: how far the decision’s p stands above its answer threshold', () => {
    const bound = boundAnswer('这个项目能招多少工人', HIRING)!;
    const at = SHORT_ANSWER_FEATURES.indexOf('decision');
    expect(shortAnswerFeatures(bound, { p: 0.5, threshold: 0.5, disputed: false })[at]).toBe(0);
    expect(shortAnswerFeatures(bound, { p: 0.75, threshold: 0.5, disputed: false })[at]).toBeCloseTo(0.5);
    expect(shortAnswerFeatures(bound, { p: 1, threshold: 0.5, disputed: false })[at]).toBe(1);
  });

  it('disputed: another passage offered as the answer gives a different short answer, not the same one', () => {
    const bound = boundAnswer('五一假期崇川一共来了多少游客', '五一假期，崇川共接待游客128.6万人次。')!;
    expect(bound.answer.text).toBe('128.6万人次');
    const at = SHORT_ANSWER_FEATURES.indexOf('disputed');
    const disputed = (others: string[]) =>
      shortAnswerFeatures(bound, {
        p: 1,
        threshold: THRESHOLD,
        disputed: others.some((o) => differentAnswers(o, bound.answer.text)),
      })[at];
    expect(disputed(['21.4万人次'])).toBe(1);
    // The same figure, or one that holds it, does not dispute it.
    expect(disputed(['128.6万人次', '约128.6万人次'])).toBe(0);
    expect(disputed([])).toBe(0);
  });
});

describe('the short-answer model', () => {
  it('is the logistic function of the weighted features, by the weights given', () => {
    const bound = boundAnswer('这个项目能招多少工人', HIRING)!;
    const features = shortAnswerFeatures(bound, { p: 1, threshold: THRESHOLD, disputed: false });
    const zero = Object.fromEntries(
      SHORT_ANSWER_FEATURES.map((f) => [f, 0]),
    ) as unknown as RankingWeights['shortAnswer']['coefficients'];
    const w = (intercept: number, threshold: number): RankingWeights => ({
      ...RANKING,
      shortAnswer: { intercept, coefficients: { ...zero, decision: 2 }, threshold },
    });
    expect(shortAnswerProbability(features, w(-1, 0.5))).toBeCloseTo(1 / (1 + Math.exp(-1)));
    expect(showsShortAnswer(bound, 1, [], w(-1, 0.7))).toBe(true);
    expect(showsShortAnswer(bound, 1, [], w(-1, 0.8))).toBe(false);
  });

  it('shows a bound figure in the answer sentence, and withholds a lone name far from the question', () => {
    // The committed model: a figure with the measure word asked, right beside the question's word,
    // in the sentence that holds the question, on a passage the decision is sure of.
    const sure = boundAnswer('这个项目能招多少工人', HIRING)!;
    expect(showsShortAnswer(sure, 0.99)).toBe(true);
    // The only company a passage names, two paragraphs from the question's words, on a passage
    // offered as the answer by the narrowest margin.
    const sentence = '杨万平调研了部分中小微企业。';
    const lone = boundAnswer(
      '杨万平调研了哪些企业',
      sentence,
      `${sentence}\n\n在博嘉生物医学科技有限公司，他察看了生产线。`,
    )!;
    expect(lone.answer.text).toBe('博嘉生物医学科技有限公司');
    expect(showsShortAnswer(lone, THRESHOLD)).toBe(false);
  });

  it('withholds a short answer another answering passage disputes, where it shows the same one undisputed', () => {
    const bound = boundAnswer('这个项目能招多少工人', HIRING)!;
    // A passage offered as the answer a fifth of the way from the threshold to certainty.
    const p = THRESHOLD + 0.2 * (1 - THRESHOLD);
    expect(showsShortAnswer(bound, p, ['260名'])).toBe(true);
    expect(showsShortAnswer(bound, p, ['800个'])).toBe(false);
  });
});

describe("the short answer's fitted coefficients keep to their evidence's direction", () => {
  it('no feature moves the odds against its stated direction', () => {
    for (const f of SHORT_ANSWER_FEATURES)
      expect(RANKING.shortAnswer.coefficients[f] * SHORT_ANSWER_DIRECTION[f]).toBeGreaterThanOrEqual(0);
  });
});
