// `npm run calibrate`: fits the answer / related / nothing decision (src/retrieval/ranking/decision.ts)
// and the short-answer model (src/retrieval/answers/direct-confidence.ts), and prints what they score,
// in-fold and out of fold, per question set.
//
// usage: npm run calibrate [-- --write | --check]
//   --write  writes the fitted coefficients and thresholds into src/retrieval/weights.ts
//   --check  exits 1 unless the fit reproduces the committed ones (a test runs this)
//   --skip-holdout  leaves the held-out questions unsearched (while studying misses: they stay unseen)
//   --as-new SET[,SET]  fits without these sets and scores them with the final fit, as new data (a
//                set's first sight: what a change does on news it was not fitted on)
//
// Deterministic: sets and questions in file order, Newton's method for a fixed number of
// iterations with a fixed L2 penalty, thresholds from a fixed grid; no randomness anywhere.
//
// 1. Every question of dev, fresh-a, fresh-b and eval/own/questions.jsonl is searched on its own
//    archive (the seeds and the set's issues, as eval/run.mjs indexes it). Its leading passage is a
//    sample: its decision features, labelled for the answer model 1 when its article is the right
//    one and its result passage holds the answer, for the topic model 1 when its article is right.
// 2. Folds by issue: a question belongs to the issue file of its right article; a question with
//    none (a near miss) to an issue by a fixed assignment (the k-th such question to the k-th issue,
//    round robin). Each fold's figures come from a fit on the other issues' questions only.
// 3. The thresholds minimise a stated cost on the fitted questions (weights.ts says it).
// 3b. The short-answer model is fitted after the decision, on the same questions and folds (each fold
//    on its own decision): every passage whose short answer was sought and can be judged is a sample,
//    right when it matches the gold answer as score-retrieval.mjs counts Direct; its threshold minimises
//    its own stated cost over the first results the decision offers.
// 4. The figures are eval/tools/score-retrieval.mjs's, on the results search() itself returns with
//    the model, so they mean what `npm run eval` means. A held-out set (`holdout: true`) is scored
//    with the final fit only; nothing is fitted or chosen on it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  type BoundAnswer,
  candidateResults,
  differentAnswers,
  DECISION_FEATURES,
  FEATURE_DIRECTION,
  type DecisionModel,
  decideResults,
  decisionFeatures,
  type LogisticModel,
  openIndex,
  type PreparedSearch,
  prepareSearch,
  probability,
  RANKING,
  type RankingWeights,
  type SearchIndex,
  type SearchResult,
  SHORT_ANSWER_DIRECTION,
  SHORT_ANSWER_FEATURES,
  type ShortAnswerCoefficients,
  type ShortAnswerContext,
  shortAnswerFeatures,
  shortAnswerProbability,
  topical,
} from '../src/retrieval/index.ts';
import { directMatches, formatScore, scoreSet } from './tools/score-retrieval.mjs';

const here = import.meta.dirname;
const project = path.dirname(here);

interface Item {
  id: string;
  q: string;
  relevant?: string[];
  answer?: string;
  negative?: boolean;
}

/** A question set, its questions and the issue folders indexed with the seeds; `holdout`: never fitted. */
interface SetSpec {
  name: string;
  questions: string;
  issues: string[];
  holdout?: boolean;
}

const SETS: SetSpec[] = [
  { name: 'dev', questions: 'dev.jsonl', issues: [] },
  { name: 'fresh-a', questions: 'fresh-a/questions.jsonl', issues: ['fresh-a/issues'] },
  { name: 'fresh-b', questions: 'fresh-b/questions.jsonl', issues: ['fresh-a/issues', 'fresh-b/issues'] },
  { name: 'own', questions: 'own/questions.jsonl', issues: ['fresh-a/issues', 'fresh-b/issues', 'own/issues'] },
  {
    name: 'fresh-c',
    questions: 'fresh-c/questions.jsonl',
    issues: ['fresh-a/issues', 'fresh-b/issues', 'own/issues', 'fresh-c/issues'],
  },
  {
    name: 'fresh-d',
    questions: 'fresh-d/questions.jsonl',
    issues: ['fresh-a/issues', 'fresh-b/issues', 'own/issues', 'fresh-c/issues', 'fresh-d/issues'],
  },
  {
    name: 'fresh-e',
    questions: 'fresh-e/questions.jsonl',
    issues: ['fresh-a/issues', 'fresh-b/issues', 'own/issues', 'fresh-c/issues', 'fresh-e/issues'],
  },
  {
    name: 'fresh-f',
    questions: 'fresh-f/questions.jsonl',
    issues: ['fresh-a/issues', 'fresh-b/issues', 'own/issues', 'fresh-c/issues', 'fresh-f/issues'],
  },
  {
    name: 'unseen',
    questions: 'unseen/questions.jsonl',
    issues: ['fresh-a/issues', 'fresh-b/issues', 'own/issues', 'unseen/issues'],
    holdout: true,
  },
  {
    name: 'unseen-2',
    questions: 'unseen-2/questions.jsonl',
    issues: ['fresh-a/issues', 'fresh-b/issues', 'own/issues', 'unseen-2/issues'],
    holdout: true,
  },
  {
    name: 'unseen-3',
    questions: 'unseen-3/questions.jsonl',
    issues: ['fresh-a/issues', 'fresh-b/issues', 'own/issues', 'unseen-3/issues'],
    holdout: true,
  },
];

/** L2 penalty of the fit (not on the intercept), and Newton iterations. */
const LAMBDA = 1;
const ITERATIONS = 30;
/**
 * The stated cost: a wrong article or a near miss offered as the answer costs ANSWER_WRONG, a right
 * first result shown only as related costs 1; the right article not shown at all costs HIDDEN, a
 * wrong article shown first as related costs RELATED_NOISE (for a near miss, whose topic the
 * archive holds, nothing).
 */
const ANSWER_WRONG = 3;
const HIDDEN = 2;
const RELATED_NOISE = 0.02;
const ANSWER_GRID = Array.from({ length: 91 }, (_, k) => Math.round((0.05 + 0.01 * k) * 100) / 100);
const RELATED_GRID = [0, 0.005, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3];

interface Candidate {
  score: number;
  story: string;
  features: number[];
  /** The right article and, when the question has an answer, the passage holds it. */
  right: boolean;
  /** The right article, whatever the passage holds. */
  relevant: boolean;
  /** It passes the hand-set topic gate (decision.ts's `topical`): else never shown. */
  topical: boolean;
  /** Its article's date and issue file: the order of articles by date (rank.ts's compareDates). */
  dated: [string, string];
  /** The short answer the passage would carry if offered as the answer (sought for the best few only). */
  bound?: BoundAnswer;
  /**
   * Whether that short answer is right, as score-retrieval.mjs counts Direct (the right article,
   * the passage holds the answer, the short answer matches it); false for a near miss; undefined
   * when the question's answer is not short (nothing to judge it by).
   */
  directRight?: boolean;
}

interface Question {
  set: string;
  item: Item;
  group: string;
  /** A question of the present, no date named: the newest answering article first (rank.ts's newestFirst). */
  latest?: boolean;
  candidates: Candidate[];
}

const readItems = (file: string): Item[] =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Item);

/** The set's archive as eval-retrieval.mjs makes it: the seeds and the set's issues in one folder. */
function openSet(spec: SetSpec, work: string): SearchIndex {
  const corpus = path.join(work, spec.name, 'corpus');
  fs.mkdirSync(corpus, { recursive: true });
  for (const dir of [path.join(project, 'seeds'), ...spec.issues.map((d) => path.join(here, d))])
    for (const name of fs.readdirSync(dir).sort()) {
      const from = path.join(dir, name);
      if (fs.statSync(from).isFile()) fs.copyFileSync(from, path.join(corpus, name));
    }
  return openIndex({ corpusDir: corpus, indexFile: path.join(work, spec.name, 'index') }).index;
}

const titleOf = (r: { headline?: string; subtitle?: string }) => `${r.headline ?? ''} ${r.subtitle ?? ''}`;
const isRelevant = (item: Item, title: string) =>
  !item.relevant || item.relevant.length === 0 || item.relevant.some((k) => title.includes(k));
const MAX_PASSAGE = 600;
/** A gold answer this short is a short answer's (score-retrieval.mjs's SHORT_ANSWER). */
const SHORT_GOLD = 12;
const holds = (r: SearchResult, answer: string) => r.passage.length <= MAX_PASSAGE && r.passage.includes(answer);

/** The issue file of the question's right article (undefined for a near miss or an unknown article). */
function issueOf(index: SearchIndex, item: Item): string | undefined {
  if (item.negative || !item.relevant?.length) return undefined;
  return index.docs.find((d) => isRelevant(item, titleOf(d)))?.source;
}

function gather(index: SearchIndex, set: string, items: Item[]): Question[] {
  return items.map((item) => {
    const prepared = prepareSearch(index, item.q);
    const group = issueOf(index, item) ?? '';
    if ('results' in prepared) return { set, item, group, candidates: [] };
    const results = candidateResults(index, prepared);
    const latest = prepared.query.latest && !prepared.query.date;
    const candidates = prepared.scored.map((s, k): Candidate => {
      const r = results[k]!;
      const relevant = !item.negative && isRelevant(item, titleOf(r));
      const right = relevant && (!item.answer || holds(r, item.answer));
      const bound = s.direct ?? undefined;
      const short = item.answer !== undefined && item.answer.length <= SHORT_GOLD;
      const directRight =
        !bound || !(item.negative || short)
          ? undefined
          : !item.negative && right && directMatches(bound.answer, item.answer ?? '');
      return {
        bound,
        directRight,
        relevant,
        topical: topical(s.evidence),
        score: s.score,
        story: index.copyKey(index.passages[s.passage]!.doc),
        dated: [index.docs[index.passages[s.passage]!.doc]!.date, index.docs[index.passages[s.passage]!.doc]!.source],
        features: decisionFeatures(s.evidence),
        right,
      };
    });
    return { set, item, group, latest, candidates };
  });
}

// --- the fit: L2-regularised logistic regression by Newton's method ---

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}

/**
 * Weights [intercept, ...coefficients] minimising the log-loss plus LAMBDA/2 · |coefficients|², each
 * coefficient on the side `directions` gives it (+1 or −1; none: free). Active set: fit, leave out the
 * coefficient that crosses its side furthest (weight 0), fit again, until none crosses.
 */
export function fitLogistic(rows: number[][], labels: number[], directions?: readonly number[]): number[] {
  const left = new Set<number>();
  for (;;) {
    const beta = fitLogisticWithout(rows, labels, left);
    let worst = -1;
    let worstBy = 0;
    directions?.forEach((dir, k) => {
      const by = -dir * beta[k + 1]!;
      if (by > worstBy) {
        worst = k + 1;
        worstBy = by;
      }
    });
    if (worst < 0) return beta;
    left.add(worst);
  }
}

function fitLogisticWithout(rows: number[][], labels: number[], left: ReadonlySet<number>): number[] {
  const d = (rows[0]?.length ?? DECISION_FEATURES.length) + 1;
  let beta = new Array<number>(d).fill(0);
  for (let it = 0; it < ITERATIONS; it++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    rows.forEach((row, i) => {
      const x = [1, ...row];
      let z = 0;
      for (let k = 0; k < d; k++) z += beta[k]! * x[k]!;
      const p = 1 / (1 + Math.exp(-z));
      const g = p - labels[i]!;
      const h = Math.max(p * (1 - p), 1e-12);
      for (let a = 0; a < d; a++) {
        grad[a]! += g * x[a]!;
        for (let b = a; b < d; b++) hess[a]![b]! += h * x[a]! * x[b]!;
      }
    });
    for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) hess[a]![b] = hess[b]![a]!;
    for (let a = 1; a < d; a++) {
      grad[a]! += LAMBDA * beta[a]!;
      hess[a]![a]! += LAMBDA;
    }
    // A coefficient left out stays 0: no gradient, and a row and column of the identity.
    for (const a of left) {
      grad[a] = 0;
      for (let b = 0; b < d; b++) hess[a]![b] = hess[b]![a] = a === b ? 1 : 0;
    }
    const step = solve(hess, grad);
    beta = beta.map((v, k) => v - step[k]!);
  }
  return beta;
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places || 0;

function modelOf(beta: number[], threshold: number): LogisticModel {
  const coefficients = Object.fromEntries(DECISION_FEATURES.map((f, k) => [f, round(beta[k + 1]!, 3)]));
  return { intercept: round(beta[0]!, 3), coefficients: coefficients as unknown as LogisticModel['coefficients'], threshold };
}

// --- the thresholds: the stated cost on the fitted questions, from the first result each would show ---

interface Sim {
  /** By score, best first: the answer and topic probabilities, and whether it is right / of the right article. */
  sorted: { answer: number; topic: number; right: boolean; relevant: boolean }[];
  /** Whether the question's best scored passage is of the right article. */
  leadRelevant: boolean;
  negative: boolean;
}

function simulations(questions: Question[], answer: LogisticModel, topic: LogisticModel): Sim[] {
  return questions.map((q) => {
    const byScore = [...q.candidates].sort((a, b) => b.score - a.score);
    return {
    negative: q.item.negative === true,
    leadRelevant: byScore[0]?.relevant ?? false,
    sorted: byScore
      .filter((c) => c.topical)
      .map((c) => ({
        answer: probability(c.features, answer),
        topic: probability(c.features, topic),
        right: c.right,
        relevant: c.relevant,
      })),
    };
  });
}

/** The stated cost of the thresholds: what the first result each question would show costs. */
function cost(sims: Sim[], answer: number, related: number): number {
  let total = 0;
  for (const { sorted, negative, leadRelevant } of sims) {
    const offered = sorted.find((c) => c.answer >= answer);
    if (offered) {
      if (negative || !offered.right) total += ANSWER_WRONG;
      continue;
    }
    const shown = sorted.find((c) => c.topic >= related);
    // A near miss's topic shown as related is what the reader should get: it costs nothing.
    if (shown) total += shown.right ? 1 : shown.relevant || negative ? 0 : RELATED_NOISE;
    else if (leadRelevant) total += HIDDEN;
  }
  return total;
}

function thresholds(sims: Sim[]): { answer: number; related: number } {
  let answer = ANSWER_GRID[0]!;
  let best = Infinity;
  for (const t of ANSWER_GRID) {
    const c = cost(sims, t, 0);
    if (c < best - 1e-9) {
      best = c;
      answer = t;
    }
  }
  let related = 0;
  best = Infinity;
  // The lowest of equally costly thresholds: what costs nothing on these questions is shown.
  for (const t of RELATED_GRID) {
    const c = cost(sims, answer, t);
    if (c < best - 1e-9) {
      best = c;
      related = t;
    }
  }
  return { answer, related };
}

/**
 * The samples of a question: its leading passage (the best scored), the one whose decision the
 * user sees first. Passages of other stories are easy negatives that would teach only "another
 * article leads"; the margin feature carries that to them.
 */
function samplesOf(q: Question): Candidate[] {
  let best: Candidate | undefined;
  for (const c of q.candidates) if (!best || c.score > best.score) best = c;
  return best ? [best] : [];
}

function fitDecision(questions: Question[]): DecisionModel {
  const rows: number[][] = [];
  const right: number[] = [];
  const relevant: number[] = [];
  for (const q of questions)
    for (const c of samplesOf(q)) {
      rows.push(c.features);
      right.push(c.right ? 1 : 0);
      relevant.push(c.relevant ? 1 : 0);
    }
  const directions = DECISION_FEATURES.map((f) => FEATURE_DIRECTION[f]);
  const answerBeta = fitLogistic(rows, right, directions);
  const topicBeta = fitLogistic(rows, relevant, directions);
  const t = thresholds(simulations(questions, modelOf(answerBeta, 1), modelOf(topicBeta, 0)));
  return {
    answer: modelOf(answerBeta, t.answer),
    topic: modelOf(topicBeta, t.related),
    keepUnderAnswer: RANKING.decision.keepUnderAnswer,
    mayAnswer: RANKING.decision.mayAnswer,
    topicGate: RANKING.decision.topicGate,
  };
}

// --- the short-answer model: whether the first result's short answer is right ---

type ShortModel = LogisticModel<ShortAnswerCoefficients>;

/** Both fitted models. */
interface Fitted {
  decision: DecisionModel;
  shortAnswer: ShortModel;
}

/** The stated cost of the short answer: a wrong one shown costs SHORT_WRONG, a right one withheld 1. */
const SHORT_WRONG = 3;
const SHORT_GRID = Array.from({ length: 91 }, (_, k) => Math.round((0.05 + 0.01 * k) * 100) / 100);

/**
 * The passage search shows first when it is offered as the answer (decideResults: of each story its
 * answering passage likeliest to answer, the stories by score); undefined when none is offered.
 */
function firstOffered(q: Question, decision: DecisionModel): { c: Candidate; p: number } | undefined {
  const byStory = new Map<string, { c: Candidate; p: number }>();
  for (const c of q.candidates) {
    if (!c.topical) continue;
    const p = probability(c.features, decision.answer);
    if (p < decision.answer.threshold) continue;
    const held = byStory.get(c.story);
    if (!held || p > held.p) byStory.set(c.story, { c, p });
  }
  let first: { c: Candidate; p: number } | undefined;
  for (const v of byStory.values()) if (!first || v.c.score > first.c.score) first = v;
  return first;
}

interface ShortSample {
  features: number[];
  right: boolean;
}

/** Orders articles by date, then by issue file (rank.ts's compareDocDates). */
const compareDated = (a: [string, string], b: [string, string]) =>
  a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;

/** What the short answer of passage `c` is judged with: the decision's p, and whether another offered passage disputes it. */
function contextOf(q: Question, c: Candidate, p: number, decision: DecisionModel): ShortAnswerContext {
  const threshold = decision.answer.threshold;
  const text = c.bound!.answer.text;
  // As rank.ts: for a question of the present, only an article as new or newer disputes.
  const notOlder = (o: Candidate) => !q.latest || compareDated(o.dated, c.dated) >= 0;
  const disputed = q.candidates.some(
    (o) =>
      o !== c &&
      notOlder(o) &&
      o.bound !== undefined &&
      !o.bound.evidence.clear &&
      o.topical &&
      probability(o.features, decision.answer) >= threshold &&
      differentAnswers(o.bound.answer.text, text),
  );
  return { p, threshold, disputed };
}

/**
 * The short answers of a question the model is fitted on: every passage's whose short answer was
 * sought and can be judged (the first offered result's alone would leave a handful of wrong ones:
 * the other passages that pass the decision are the wrong articles a first result may be).
 */
function shortTraining(q: Question, decision: DecisionModel): ShortSample[] {
  return q.candidates
      .filter((c) => c.bound && !c.bound.evidence.guess && c.directRight !== undefined)
      .map((c) => ({
        features: shortAnswerFeatures(c.bound!, contextOf(q, c, probability(c.features, decision.answer), decision)),
        right: c.directRight!,
      }));
}

/** The short answer of a question the threshold is chosen on: its first offered result's, if judged. */
function shortSamples(q: Question, decision: DecisionModel): ShortSample[] {
  const first = firstOffered(q, decision);
  // (A guess is never shown: direct-confidence.ts.)
  if (!first?.c.bound || first.c.bound.evidence.guess || first.c.directRight === undefined) return [];
  return [
    { features: shortAnswerFeatures(first.c.bound, contextOf(q, first.c, first.p, decision)), right: first.c.directRight },
  ];
}

function shortModelOf(beta: number[], threshold: number): ShortModel {
  const coefficients = Object.fromEntries(SHORT_ANSWER_FEATURES.map((f, k) => [f, round(beta[k + 1]!, 3)]));
  return { intercept: round(beta[0]!, 3), coefficients: coefficients as unknown as ShortAnswerCoefficients, threshold };
}

function fitShort(questions: Question[], decision: DecisionModel): ShortModel {
  const samples = questions.flatMap((q) => shortSamples(q, decision));
  const training = questions.flatMap((q) => shortTraining(q, decision));
  const beta = fitLogistic(
    training.map((s) => s.features),
    training.map((s) => (s.right ? 1 : 0)),
    SHORT_ANSWER_FEATURES.map((f) => SHORT_ANSWER_DIRECTION[f]),
  );
  const unthresholded = shortModelOf(beta, 0);
  const weights = { ...RANKING, shortAnswer: unthresholded };
  const scored = samples.map((s) => ({ p: shortAnswerProbability(s.features, weights), right: s.right }));
  const cost = (t: number) => scored.reduce((sum, s) => sum + (s.p >= t ? (s.right ? 0 : SHORT_WRONG) : s.right ? 1 : 0), 0);
  // The lowest of equally costly thresholds: what costs nothing on these questions is shown.
  let threshold = SHORT_GRID[0]!;
  let best = Infinity;
  for (const t of SHORT_GRID) {
    const c = cost(t);
    if (c < best - 1e-9) {
      best = c;
      threshold = t;
    }
  }
  return shortModelOf(beta, threshold);
}

function fit(questions: Question[]): Fitted {
  const decision = fitDecision(questions);
  return { decision, shortAnswer: fitShort(questions, decision) };
}

// --- the run ---

function weightsWith(model: Fitted): RankingWeights {
  return { ...RANKING, decision: model.decision, shortAnswer: model.shortAnswer };
}

function printShort(m: ShortModel): string {
  return [
    'const SHORT_ANSWER: LogisticModel<ShortAnswerCoefficients> = {',
    `  intercept: ${m.intercept},`,
    '  coefficients: {',
    ...SHORT_ANSWER_FEATURES.map((f) => `    ${f}: ${m.coefficients[f]},`),
    '  },',
    `  threshold: ${m.threshold},`,
    '};',
  ].join('\n');
}

function printModel(model: DecisionModel): string {
  const part = (name: string, m: LogisticModel) => [
    `  ${name}: {`,
    `    intercept: ${m.intercept},`,
    '    coefficients: {',
    ...DECISION_FEATURES.map((f) => `      ${f}: ${m.coefficients[f]},`),
    '    },',
    `    threshold: ${m.threshold},`,
    '  },',
  ];
  return [
    'const DECISION: DecisionModel = {',
    ...part('answer', model.answer),
    ...part('topic', model.topic),
    `  keepUnderAnswer: ${model.keepUnderAnswer},`,
    `  mayAnswer: ${model.mayAnswer},`,
    `  topicGate: { contentWords: ${model.topicGate.contentWords}, cover: ${model.topicGate.cover} },`,
    '};',
  ].join('\n');
}

/**
 * Each set runs in a process of its own, as `npm run eval` runs it: jieba's dictionary and what is
 * remembered of it belong to one archive. The parent fits; the children gather and score.
 */
function child(args: string[], input?: string): string {
  const run = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, ...args], {
    encoding: 'utf8',
    input,
    maxBuffer: 1 << 30,
  });
  if (run.status !== 0) throw new Error(`calibrate ${args.join(' ')} failed: ${run.stderr.slice(-2000)}`);
  return run.stdout;
}

type Score = ReturnType<typeof scoreSet>;

/** A child's part: the set's samples (`gather`), or its figures under the models given on stdin (`score`). */
function runChild(phase: string, name: string): void {
  const spec = SETS.find((s) => s.name === name)!;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'calibrate-'));
  try {
    const index = openSet(spec, work);
    const items = readItems(path.join(here, spec.questions));
    if (phase === 'gather') {
      process.stdout.write(JSON.stringify(gather(index, spec.name, items)));
      return;
    }
    const { final, byFold, foldOf, unfitted } = JSON.parse(fs.readFileSync(0, 'utf8')) as {
      final: Fitted;
      byFold: Record<string, Fitted>;
      foldOf: Record<string, string>;
      unfitted: boolean;
    };
    const prepared = items.map((item) => prepareSearch(index, item.q));
    const run = (model: (item: Item) => Fitted) =>
      scoreSet(
        items,
        prepared.map((p, i) =>
          'results' in p ? p.results : decideResults(index, p as PreparedSearch, weightsWith(model(items[i]!)), 5),
        ),
      );
    const inFold = run(() => final);
    const outOfFold = unfitted ? undefined : run((item) => byFold[foldOf[item.id]!]!);
    process.stdout.write(JSON.stringify({ inFold, outOfFold }));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function main(): void {
  const { values } = parseArgs({
    options: {
      write: { type: 'boolean' },
      check: { type: 'boolean' },
      gather: { type: 'string' },
      score: { type: 'string' },
      'skip-holdout': { type: 'boolean' },
      'as-new': { type: 'string' },
    },
  });
  if (values.gather) return runChild('gather', values.gather);
  if (values.score) return runChild('score', values.score);
  const present = SETS.filter(
    (s) => fs.existsSync(path.join(here, s.questions)) && !(s.holdout && values['skip-holdout']),
  );
  // 1. Samples of every fitted set.
  const asNew = new Set(values['as-new']?.split(',') ?? []);
  // The committed models are fitted on every fitting set.
  if (asNew.size > 0 && (values.write || values.check)) throw new Error('--as-new fits on fewer sets: not with --write or --check');
  const unfitted = (s: SetSpec) => s.holdout === true || asNew.has(s.name);
  const questions: Question[] = present
    .filter((s) => !unfitted(s))
    .flatMap((spec) => JSON.parse(child(['--gather', spec.name])) as Question[]);
  // 2. Folds by issue; near misses by a fixed round robin over the issues.
  const groups = [...new Set(questions.map((q) => q.group).filter(Boolean))].sort();
  let k = 0;
  for (const q of questions) if (!q.group) q.group = groups[k++ % groups.length]!;
  const final = fit(questions);
  const byFold = Object.fromEntries(groups.map((g) => [g, fit(questions.filter((q) => q.group !== g))]));

  // 3. The figures, from search's own decision on each set's archive.
  console.log(`samples: the leading passages of ${questions.length} questions; ${groups.length} issue folds`);
  for (const spec of present) {
    const foldOf = Object.fromEntries(questions.filter((q) => q.set === spec.name).map((q) => [q.item.id, q.group]));
    const { inFold, outOfFold } = JSON.parse(
      child(['--score', spec.name], JSON.stringify({ final, byFold, foldOf, unfitted: unfitted(spec) })),
    ) as { inFold: Score; outOfFold?: Score };
    const note = spec.holdout
      ? ' (held out: final fit, never fitted on)'
      : asNew.has(spec.name)
        ? ' (new data: final fit, not fitted on)'
        : '';
    console.log(`# ${spec.name}${note}`);
    console.log(`  in-fold      ${summary(inFold)}`);
    // A set scored as new data has no out-of-fold figure: its misses are its in-fold ones.
    const inFoldMisses = process.env.CALIBRATE_MISSES === '1' || (asNew.has(spec.name) && process.env.CALIBRATE_MISSES);
    if (inFoldMisses && !spec.holdout) for (const m of inFold.misses) console.log(`    miss ${m}`);
    if (outOfFold) {
      console.log(`  out-of-fold  ${summary(outOfFold)}`);
      console.log(`               ${formatScore(outOfFold)}`);
      if (process.env.CALIBRATE_MISSES === 'out-of-fold') for (const m of outOfFold.misses) console.log(`    miss ${m}`);
    }
  }
  const text = printModel(final.decision);
  const shortText = printShort(final.shortAnswer);
  const samples = questions.flatMap((q) => shortSamples(q, final.decision));
  const training = questions.flatMap((q) => shortTraining(q, final.decision));
  const wrong = (list: ShortSample[]) => list.filter((s) => !s.right).length;
  console.log(
    `short answers: fitted on ${training.length} passages' (${wrong(training)} wrong), threshold on the first results' of ${samples.length} questions (${wrong(samples)} wrong)`,
  );
  console.log(`\n${text}\n\n${shortText}`);
  const committed = `${printModel(RANKING.decision)}\n\n${printShort(RANKING.shortAnswer)}`;
  if (values.write) {
    const file = path.join(project, 'src/retrieval/weights.ts');
    const source = fs.readFileSync(file, 'utf8');
    const next = source
      .replace(/(\/\/ calibrate:begin\n)[\s\S]*?(\n\/\/ calibrate:end)/, `$1${text}$2`)
      .replace(/(\/\/ calibrate:short-answer:begin\n)[\s\S]*?(\n\/\/ calibrate:short-answer:end)/, `$1${shortText}$2`);
    fs.writeFileSync(file, next);
    console.log('written to src/retrieval/weights.ts');
  } else if (values.check && `${text}\n\n${shortText}` !== committed) {
    console.log('\nthe fit differs from the committed models in src/retrieval/weights.ts:');
    console.log(committed);
    process.exitCode = 1;
  } else if (values.check) console.log('the fit reproduces the committed decision and short-answer model');
}

/** The figures the targets speak of. */
function summary(s: ReturnType<typeof scoreSet>): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
  return (
    `Correct@1=${f(s.correct1)} Found@1=${f(s.found1)} near-misses offered=${s.negN - s.neg}/${s.negN} ` +
    `Direct@1=${f(s.direct1)} DirectWrong=${s.directWrong}/${s.directN} n=${s.n}`
  );
}

main();
