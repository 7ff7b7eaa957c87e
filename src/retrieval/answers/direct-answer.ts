/**
 * The answer itself: for a question that asks for a quantity, a person, a place, an organisation
 * or a date, the shortest span of the answering passage that answers it (「814亿元」「学田街道」).
 *
 * `askedFor` (direct-question.ts) reads what the question asks for; `candidatesOf`
 * (direct-candidates.ts) finds the spans of that kind in a sentence; here each candidate is scored
 * by how closely the question ties to it: the question's words in its clause (weighted down when
 * every sentence of the passage repeats them), the word right before the question phrase right
 * before the figure, the unit or title asked, 在……举行 for a place. Candidates are sought in
 * circles: the answer sentence, its paragraph, the whole passage; the first circle with a candidate
 * backed by such evidence decides.
 * A wrong short answer is worse than none: two candidates that nearly tie, or candidates the
 * question's words do not reach, give no answer.
 */
import { normalize } from '../../text/normalize.ts';
import {
  asksWhereToDo,
  candidatesOf,
  clauseAround,
  holdsTitle,
  isCommonWord,
  ORG_SUFFIXES,
  PLACE_SUFFIXES,
  sameEvent,
} from './direct-candidates.ts';
import {
  amongGroup,
  countsListItems,
  earlierPeriodsFigure,
  oneDayForSum,
  anotherFiguresNoun,
  changeForPart,
  countedNouns,
  countsAnyPeople,
  countsAsked,
  measureForCount,
  namesAskedPlace,
  otherCountedNoun,
  countsPlacesOf,
  dateBound,
  insideOtherPlace,
  listTotal,
  correctedFigure,
  otherMeasure,
  otherPeriod,
  partOrWhole,
  wholeForUnnamedPart,
  phaseForWhole,
  pastFigure,
  pastForNext,
  plannedFigure,
  priceForDifference,
  rateForCap,
  runningTotal,
  wholeForPhase,
  wholePeriodFor,
  withYear,
} from './direct-binding.ts';
import { type AskedFor, askedFor, type DirectKind, FAMILY_OF, literal, UNIT_ALT } from './direct-question.ts';
import { splitSentences } from '../index/passages.ts';
import { synonymsOf } from '../question/synonyms.ts';
import { RANKING, type RankingWeights } from '../weights.ts';

export { askedFor, type AskedFor, type DirectKind } from './direct-question.ts';

/** The short answer a result carries: 「814亿元」, kind "quantity". */
export interface DirectAnswer {
  text: string;
  kind: DirectKind;
}

// Reporting periods of news figures.
const PERIOD = /全年|上半年|下半年|前三季度|[一二三四]季度|第[一二三四]季度|\d{1,2}[-—至]\d{1,2}月/u;

const YEAR = /^(?:19|20)\d{2}年$/u;
// Patterns used in hot functions, made once here rather than at every call.
const SHORT_HAN = /^\p{Script=Han}{2,3}$/u;
// Between two items of a list: a comma, 和/及/与, and perhaps the district or street of the next (和崇川区虹桥街道).
const LIST_JOINT = /^(?:[、，,]|和|及|与|以及|、以及)(?:\p{Script=Han}{1,4}?(?:省|市|区|县|镇|街道))*$/u;
// The district a name opens with (崇川区春晖之声艺术团).
// (and the street or town it lies in: 文峰街道紫薇社区, in a list of places of one level).
const LEADING_DISTRICT =
  /^(?:\p{Script=Han}{1,3}?(?:省|市|区|县)|\p{Script=Han}{2,4}?(?:街道|镇|乡))(?=\p{Script=Han}{3})/u;

/** A candidate needs at least this much of the question's words around it (`tie` is scaled to it)… */
const MIN_TIE = 1;
/** …or this share of their weight in the passage. */
const MIN_TIE_SHARE = 0.4;
/** The best must lead the next different candidate by this much, or the answer is a guess. */
const MIN_LEAD = 0.3;

/** A question's word and what it counts: less when many sentences of the passage hold it (the topic). */
interface Term {
  text: string;
  weight: number;
}

/** How much of the question's words stand in the text: its weight for a word, half for a longer word in part. */
function termsIn(text: string, terms: Term[], w: RankingWeights): number {
  let got = 0;
  for (const { text: t, weight } of terms) {
    if (text.includes(t)) got += weight;
    else if (variantIn(t, text)) got += w.match.synonym * weight;
    else if (t.length >= 3) {
      let parts = 0;
      for (let i = 0; i + 1 < t.length; i++) if (text.includes(t.slice(i, i + 2))) parts++;
      if (parts / (t.length - 1) >= 0.5) got += 0.5 * weight;
    }
  }
  return got;
}

/**
 * The question's words weighted within the passage: a word every sentence repeats (the project's
 * name) tells the sentences apart less than one only the answering sentence holds (纳税).
 */
function weighTerms(words: string[], sentences: string[]): Term[] {
  return words.map((text) => {
    const holding = sentences.filter((s) => s.includes(text)).length;
    // A year the passage never writes is the article's (今年 in its text): the ranking matched it to
    // the article's date; it tells the passage's sentences nothing.
    if (holding === 0 && YEAR.test(text) && !sentences.some((s) => s.includes(text.slice(0, 4))))
      return { text, weight: 0 };
    return { text, weight: (text.length >= 3 ? 1.3 : 1) / Math.max(1, Math.sqrt(holding)) };
  });
}

// A figure and its measure word ending right before a word (6.6公里|欢乐跑, 3000名|跑步爱好者).
const OWN_NOUN_BEFORE = new RegExp(`[\\d一二两三四五六七八九十百千万亿余多](?:${UNIT_ALT})$`, 'u');

/** Whether a word of the question stands right beside the span (at most two characters away). */
function besideTerm(text: string, start: number, end: number, terms: string[], side?: 'left'): boolean {
  // Within the clause: a word across a comma or 、 belongs to another item.
  const left = text.slice(Math.max(0, start - 8), start).replace(/^.*[，,、；;：:。（(“”"]/u, '');
  const right = text.slice(end, end + 8).replace(/[，,、；;：:。）)“”"].*$/u, '');
  return terms.some((t) => {
    const l = left.lastIndexOf(t);
    const r = right.indexOf(t);
    if (side !== 'left' && r >= 0 && r <= 2) return true;
    // 「6.6公里欢乐跑和2公里亲子跑」: a word right after a figure's measure word is that figure's
    // noun; it does not tie the figure after it.
    if (l >= 0 && OWN_NOUN_BEFORE.test(left.slice(0, l))) return false;
    if (l >= 0 && left.length - (l + t.length) <= 2) return true;
    // The term in another form (全马 as 全程马拉松, a synonym) ending right before the span.
    return l < 0 && variants(t).some((v) => v.needles.every((x) => left.includes(x)) && v.beforeEnd.test(left));
  });
}

/**
 * One other form of a word: the pattern that finds it, the same pattern anchored to end within two
 * characters of a text's end (for besideTerm), and text every match holds (a cheap test first, so
 * that most patterns are never made: a synonym group may hold many words).
 */
class Variant {
  private found?: RegExp;
  private ending?: RegExp;

  constructor(
    private readonly source: string,
    readonly needles: string[],
  ) {}

  get pattern(): RegExp {
    this.found ??= new RegExp(this.source, 'u');
    return this.found;
  }

  get beforeEnd(): RegExp {
    this.ending ??= new RegExp(`(?:${this.pattern.source})\\p{Script=Han}{0,2}$`, 'u');
    return this.ending;
  }
}

const variantCache = new Map<string, Variant[]>();

/** Whether some other form of the term stands in the text. */
const variantIn = (term: string, text: string) =>
  variants(term).some((v) => v.needles.every((x) => text.includes(x)) && v.pattern.test(text));

/**
 * Other forms a question's word takes in news text: its synonyms (synonyms.json), and for a short
 * abbreviation the full form it is cut from, its characters in order with at most two between
 * (全马 in 全程马拉松, 省运会 in 省运动会).
 */
function variants(term: string): Variant[] {
  let found = variantCache.get(term);
  if (!found) {
    found = synonymsOf(term).map((w) => new Variant(literal(w), [w]));
    if (SHORT_HAN.test(term)) found.push(new Variant([...term].join('\\p{Script=Han}{0,2}'), [...term]));
    // Questions are endless in a long-running bot: the cache starts over rather than grow.
    if (variantCache.size >= 10_000) variantCache.clear();
    variantCache.set(term, found);
  }
  return found;
}

export interface Scored {
  text: string;
  kind: DirectKind;
  score: number;
  tie: number;
  /** Evidence beyond shared words: the unit or title asked, 在……举行, a word beside the question phrase. */
  strong: boolean;
  /** The kind's own evidence (direct-candidates' bonus: 1 the unit asked, 0.6 one of its family, …). */
  bonus: number;
  /** A word of the question stands right beside it in its clause. */
  beside: boolean;
  /** Share of the question's word weight its clause holds (0..1). */
  clauseShare: number;
  /** Bound to the question, but which figure or place is asked is a guess (withheld: DirectEvidence.guess). */
  guess?: boolean;
  /** Where it stands: its (normalized) sentence and [start, end) in it. */
  at: { sentence: string; start: number; end: number };
}

/** Scores the candidates of one sentence (`text`: the sentence `original` normalized). */
function scoreSentence(
  original: string,
  text: string,
  asked: AskedFor,
  terms: Term[],
  question: string,
  w: RankingWeights,
  /** The sentence before, in the same paragraph (normalized): it may name the subject this one's figures are of. */
  before = '',
): Scored[] {
  // Tied to the question: a whole word of it, or a good share of its weight when the passage
  // repeats its words (the topic in every sentence).
  const totalWeight = terms.reduce((sum, t) => sum + t.weight, 0);
  const minTie = Math.min(1, MIN_TIE_SHARE * totalWeight);
  const out: Scored[] = [];
  // A figure for one period does not answer for another (上半年 for 全年, 一季度 for 前三季度).
  const period = question.match(PERIOD)?.[0];
  if (period && !text.includes(period) && PERIOD.test(text)) return out;
  // Nor does a running total (累计, 2020年以来) answer for this year, or this year's for the total.
  // (「今冬以来」 counts within this year as 「今年以来」 does.)
  if (/今年|本年|年内/.test(question) && /累计|以来/.test(text) && !/今年|本年|年内|今[冬春夏秋]/.test(text))
    return out;
  if (/累计|以来/.test(question) && /今年/.test(text) && !/累计|以来/.test(text)) return out;
  // Nor does another day's or holiday's figure answer for the day the question names.
  if (asked.kind === 'quantity' && otherPeriod(question, text)) return out;
  // Nor does the running total answer for what one occasion added.
  if (asked.kind === 'quantity' && runningTotal(question, text)) return out;
  // Where something is or happens: the sentence names it (启动, 陈阿姨), not only another event's place.
  if (asked.where && asked.anchors.length > 0 && !asked.anchors.some((a) => text.includes(a))) return out;
  let candidates = candidatesOf(text, asked, question);
  // (Most sentences hold no candidate of the kind asked: their ties to the question are not weighed.)
  if (candidates.length === 0) return out;
  // News names its subject in one sentence and gives its figures in the next (「……招聘会在广场举行。
  // 86家企业带来岗位2300余个」): the words only the sentence before holds tie at half their weight.
  const own = termsIn(text, terms, w);
  const whole = before ? own + 0.5 * (termsIn(`${before}\n${text}`, terms, w) - own) : own;
  // 「在X举行」 answers 在哪里 over every other place the sentence names (崇川区 of 崇川区市场监管局).
  // (Not where the event is held when the question asks where to do something else: 在哪里看最好.)
  if (asked.where && candidates.some((c) => c.phrase)) candidates = candidates.filter((c) => c.phrase);
  // (Not shown where the question asks where to do something else, 在哪里看最好: the passage may
  // answer, where the event is held is a guess at it.)
  const doneElsewhere = asked.where && asksWhereToDo(question);
  for (const c of candidates) {
    const span = text.slice(c.start, c.end);
    // What the question already says is not its answer (胡拥军 in 「胡拥军调研了哪些企业」).
    if (question.includes(span)) continue;
    // Nor is a place or body whose own name the question says (博嘉生物 for 博嘉生物医学科技有限公司).
    const own = span.replace(c.kind === 'place' ? PLACE_SUFFIXES : ORG_SUFFIXES, '');
    if (
      (c.kind === 'place' || c.kind === 'organization') &&
      own.length >= 2 &&
      question.includes(own) &&
      !isCommonWord(own)
    )
      continue;
    // Where the asked thing is, not the longer name of the place the question names (地铁2号线学田站).
    if (asked.where && c.kind === 'place' && namesAskedPlace(span, asked.terms)) continue;
    if (c.kind === 'quantity') {
      // 「停多少车」 counts things: a length, a sum or a head count answers no such count.
      if (measureForCount(question, asked.units, c.unit)) continue;
      // 多少个小区 counts 小区: 「11个街道」 counts something else.
      if (
        (asked.namedUnit || asked.counted !== undefined) &&
        !countsAnyPeople(asked.units, c.unit) &&
        !countsAsked(question, countedNouns(text, c.end), c.unit) &&
        !countsPlacesOf(question, text, c.start, c.end, asked.terms)
      )
        continue;
      // 「几个充电枪」: 超充站3座 counts stations, in a measure word of its own.
      if (otherCountedNoun(question, text, c.start, c.end, c.unit)) continue;
      // 「三处停车场中」: the group the sentence picks from, not a count asked for.
      if (amongGroup(text, c.end)) continue;
      // 「6.6公里欢乐跑和2公里亲子跑」: the figure of another noun than the one asked.
      const ends = candidates.filter((o) => o.kind === 'quantity').map((o) => o.end);
      if (anotherFiguresNoun(text, c.end, ends, asked.terms)) continue;
      // 「新增就业里高校毕业生有多少」: the figure's clause names the part asked.
      if (asked.part && !clauseAround(text, c.start, c.end).includes(asked.part)) continue;
      // 「180余件，其中60余件为首次亮相」: the part when the question names what only it says, else the whole.
      if (partOrWhole(text, c.start, asked.terms, (t, x) => x.includes(t) || variantIn(t, x), question)) continue;
      // 「总投资1.5亿美元，其中一期投资6000万美元」: a phase's figure does not answer for the whole.
      if (phaseForWhole(question, text, c.start) || wholeForPhase(question, text, c.start)) continue;
      // 「“新增停车位860个”有误，应为“680个”」: the figure a correction calls wrong.
      if (correctedFigure(text, c.end)) continue;
      // 「1元钱能充4小时」: a rate's price is no cap (最多能充多少钱).
      if (rateForCap(question, text, c.end)) continue;
      // One member of a list asked about: the list's total is not its figure.
      if (listTotal(question, text, asked.terms, c.start)) continue;
      // 「A、B、C三个菜市场」 counts the list's members, not what each has.
      if (countsListItems(question, text, c.start, span)) continue;
      // A whole event's sum is not one day's figure; a figure under an earlier period is that period's.
      if (oneDayForSum(question, clauseAround(text, c.start, c.end))) continue;
      if (earlierPeriodsFigure(question, text, c.start)) continue;
      // A part of the whole is not a change (同比增长15% for 占多少).
      if (changeForPart(question, clauseAround(text, c.start, c.end))) continue;
      // One day of a period is not the whole period.
      if (wholePeriodFor(question, memberAround(text, c.start, c.end))) continue;
      // A park's count is not the district's (崇川跨境电商产业园……企业68家).
      if (insideOtherPlace(question, clauseAround(text, c.start, c.end), asked.terms)) continue;
      // What is now is not what was (「由原来的1条增加到2条」).
      if (pastFigure(question, text, c.start)) continue;
      // 「能便宜多少」: a price is not how much less is paid.
      if (priceForDifference(question, clauseAround(text, c.start, c.end))) continue;
      // What is done is not what is planned.
      if (plannedFigure(question, clauseAround(text, c.start, c.end))) continue;
      // A sum measures what the question asks about (投资, not 产值).
      const clause = clauseAround(text, c.start, c.end);
      if (
        c.unit &&
        FAMILY_OF.get(c.unit) === 'money' &&
        otherMeasure(question, clause, clause.indexOf(text.slice(c.start, c.end)))
      )
        continue;
    }
    // 「是哪里人」 asks where a person comes from: 「江苏南通人」.
    if (asked.origin && text[c.end] !== '人') continue;
    let around = clauseAround(text, c.start, c.end);
    // 「1月20日,崇川区启动……」: a date standing alone before a comma times the rest of its sentence,
    // up to the next date.
    // (Not a date that ends a period: 「持续到4月中旬，其间将举办……」 does not time what it holds.)
    if (
      c.kind === 'date' &&
      /^(?:上午|下午|晚上?|早上|凌晨|中午)?[，,]/u.test(text.slice(c.end)) &&
      dateBound(text, c.start, c.end, 'end') !== 'fits'
    ) {
      const rest = text.slice(c.end).replace(/[。！？!?；;].*$/u, '');
      const next = candidates.find((o) => o.start > c.end);
      around += next ? rest.slice(0, next.start - c.end) : rest;
    }
    // For a person the title asked must be the one held (主席, not 副主席).
    // 「A、B分别增长13.1%、10.5%」: which figure is whose needs the order of the list; no guess.
    if (
      (c.kind === 'quantity' || c.kind === 'date') &&
      /分别/.test(around) &&
      candidates.some((o) => o !== c && clauseAround(text, o.start, o.end) === around)
    )
      continue;
    const anchored = asked.anchors.some((a) =>
      c.kind === 'person' && a === asked.noun ? holdsTitle(around, a) : around.includes(a),
    );
    // Who did what the question says: the person's clause holds a word beside 谁 or the title asked.
    if (c.kind === 'person' && !anchored && !(asked.noun && around.includes(asked.noun))) continue;
    // When what the question says happens: the date's clause holds the verb the question times
    // (竣工 in 「什么时候竣工」), not only the topic (the project's name beside another date).
    // 「展到什么时候」: the date that ends a period answers it (展期至7月31日), never the one that starts it.
    const bound = c.kind === 'date' && asked.bound ? dateBound(text, c.start, c.end, asked.bound) : undefined;
    // (A date that marks neither end, the day a story is reported, is no answer to it.)
    if (bound === 'other' || (asked.bound && c.kind === 'date' && bound === undefined)) continue;
    if (c.kind === 'date' && asked.event && bound !== 'fits' && !sameEvent(around, asked.event)) continue;
    // 「下一次哪天」: the date of the occasion reported is not the next one.
    if (c.kind === 'date' && pastForNext(question, around)) continue;
    const clause = termsIn(around, terms, w);
    const tie = clause + 0.5 * (whole - clause);
    const beside = besideTerm(text, c.start, c.end, asked.terms);
    // The word right beside the question phrase (纳税 in 「每年纳税多少」) in the candidate's clause;
    // the one before it right before the figure (调解成功208起 for 「调解成功了多少起」).
    const follows = asked.before !== undefined && besideTerm(text, c.start, c.start, [asked.before], 'left');
    // 「一度电多少钱」: the figure per that measure (每度电收费0.6元), not another of the sentence.
    const perFits =
      asked.per !== undefined &&
      c.kind === 'quantity' &&
      new RegExp(`[每单]${asked.per}`, 'u').test(text.slice(Math.max(0, c.start - 8), c.start));
    const bonus =
      c.bonus +
      (bound === 'fits' ? 1 : 0) +
      (perFits ? 1 : 0) +
      (anchored ? 0.5 : 0) +
      (follows ? 1 : 0) +
      (beside ? 0.5 : 0);
    // Half evidence (a unit of the family asked, 人 for 几位; a title in the clause) decides alone only
    // with a word beside the question phrase: else the passage's other circles are heard too.
    const strong = c.bonus >= 1 || bound === 'fits' || (anchored && c.bonus >= 0);
    // 「卖菜卖肉的摊位」 of 「共有摊位120个，其中生鲜摊位78个」: the whole, where a part may be asked.
    const guess =
      (doneElsewhere && c.phrase === true) ||
      (c.kind === 'quantity' &&
        wholeForUnnamedPart(text, c.start, question, (t, x) => x.includes(t) || variantIn(t, x)));
    out.push({
      ...(guess ? { guess } : {}),
      text: original.slice(c.start, c.end),
      kind: c.kind,
      score: tie + bonus,
      tie: tie / minTie,
      strong,
      bonus: c.bonus,
      beside,
      clauseShare: totalWeight > 0 ? Math.min(1, clause / totalWeight) : 0,
      at: { sentence: text, start: c.start, end: c.end },
    });
  }
  return out;
}

/** The part of a sentence between semicolons that holds the span (「……；假期最后一天……回落至2.1万人次」). */
function memberAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('；', start), text.lastIndexOf(';', start)) + 1;
  const rest = text.slice(end).search(/[；;。]/u);
  return text.slice(from, rest < 0 ? text.length : end + rest);
}

/** What a chosen short answer rests on (the short-answer model, direct-confidence.ts, reads it). */
export interface DirectEvidence {
  /** The winner's score: the question's words in its clause and sentence, and its bonuses. */
  score: number;
  /** Its lead over the best different candidate tied to the question (undefined: it has none). */
  lead?: number;
  /** Where it was found: 0 the answer sentence, 1 its paragraph, 2 the rest of the passage. */
  circle: number;
  /** A word of the question stands right beside it in its clause. */
  beside: boolean;
  /** Share of the question's word weight its clause holds (0..1). */
  clauseShare: number;
  /** Evidence beyond shared words (the unit or title asked, 在……举行, the word beside the question phrase). */
  strong: boolean;
  /** Its kind's own evidence (direct-candidates): 1 the unit or title asked, 0.6 a unit of its family, 0 none. */
  bonus: number;
  /** Other different candidates tied to the question in the circles read. */
  rivals: number;
  /** Several names the text lists together, given as one answer. */
  list: boolean;
  /** The only name of its kind in the passage, given though its own sentence shares few of the question's words. */
  onlyOne: boolean;
  /**
   * Chosen as the clear leader of the answer sentence or its paragraph, though the question's words
   * tie it only in part (clearLeader): shown when the short-answer model trusts it, and no evidence
   * for the decision (a candidate bound in part, as candidateBound) nor a dispute of another answer.
   */
  clear?: boolean;
  /**
   * Bound to the question, but which one is asked is a guess (the whole where a part the text names
   * otherwise may be asked; where an event is held, asked where to watch it): evidence that the
   * passage answers, never shown.
   */
  guess?: boolean;
}

/** A short answer and what it rests on. */
export interface BoundAnswer {
  answer: DirectAnswer;
  evidence: DirectEvidence;
}

interface Choice {
  answer?: DirectAnswer;
  found: boolean;
  best?: Scored;
  lead?: number;
  rivals: number;
  list: boolean;
}

const different = (a: Scored, b: Scored) => a.text !== b.text && !a.text.includes(b.text) && !b.text.includes(a.text);

/** The best candidate if it clearly leads; `undefined` answer when two tie or none is tied to the question. */
function choose(scored: Scored[], plural: boolean): Choice {
  const tied = scored.filter((s) => s.tie >= MIN_TIE).sort((a, b) => b.score - a.score);
  const best = tied[0];
  if (!best) return { found: false, rivals: 0, list: false };
  const others = tied.filter((s) => different(s, best));
  const rivals = new Set(others.map((s) => s.text)).size;
  // 哪些团队: the names listed together with the best one are the answer together.
  // 在哪个站换乘 answered by 「在文峰站、南大街站实现换乘」: the places the text lists together hold
  // it all; one of them alone would be half the answer.
  const list = plural || best.kind === 'place' ? enumeration(best, scored) : [];
  if (list.length >= 2) {
    // The names listed with it are the answer with it, not its rivals.
    const outside = new Set(others.filter((s) => !list.some((l) => l.text === s.text)).map((s) => s.text)).size;
    return {
      answer: { text: listAnswer(list), kind: best.kind },
      found: best.strong,
      best,
      rivals: outside,
      list: true,
    };
  }
  const rival = others[0];
  const lead = rival ? best.score - rival.score : undefined;
  if (lead !== undefined && lead < MIN_LEAD) return { found: best.strong, rivals, list: false };
  return { answer: { text: best.text, kind: best.kind }, found: best.strong, best, lead, rivals, list: false };
}

// A search asks once per result: the question's normalized form is kept for the next call.
let lastQuestion: { question: string; normalized: string } | undefined;
function normalizedQuestion(question: string): string {
  if (lastQuestion?.question !== question) lastQuestion = { question, normalized: normalize(question) };
  return lastQuestion.normalized;
}

const SENTENCES_KEPT = 4096;
const normalizedSentences = new Map<string, string>();

/**
 * The scored candidates of the passage, by circle: the answer sentence, its paragraph, the whole
 * passage. The answer comes from the first circle that holds a candidate with evidence beyond
 * shared words (the unit asked, 在……举行, the word beside the question phrase).
 */
export function directCandidates(
  question: string,
  sentence: string,
  passage = sentence,
  w: RankingWeights = RANKING,
): (() => Scored[])[] {
  const asked = askedFor(question);
  if (!asked || asked.terms.length === 0) return [];
  const q = normalizedQuestion(question);
  // Each sentence is normalized once, though weighed, checked and scored, and read again for the
  // next circle, window or question (normalize is not cheap; its form depends on the text alone).
  const norm = (s: string) => {
    let n = normalizedSentences.get(s);
    if (n === undefined) {
      n = normalize(s);
      if (normalizedSentences.size >= SENTENCES_KEPT) normalizedSentences.clear();
      normalizedSentences.set(s, n);
    }
    return n;
  };
  const whole = passage.includes(sentence) ? passage : `${sentence}\n${passage}`;
  const paragraphs = whole.split('\n').map((p) => splitSentences(p).map((s) => s.trim()));
  const target = sentence.trim();
  const home = Math.max(
    0,
    paragraphs.findIndex((p) => p.some((s) => s === target || target.includes(s) || s.includes(target))),
  );
  const terms = weighTerms(asked.terms, paragraphs.flat().map(norm));
  // 「该项目总投资6亿元」 speaks of the thing named before it: when the question's name for what it
  // asks about (新帝克) first comes later in the passage, 该项目 is another project.
  let normalizedWhole: string | undefined;
  const otherReferent = (s: string) => {
    if (!/^(?:该|这|此|其(?!中|他|它|余|次|实)|上述)/u.test(s)) return false;
    // Normalized only for such a sentence, and kept with the sentences for the next question.
    normalizedWhole ??= norm(whole);
    const flat = normalizedWhole;
    const at = flat.indexOf(norm(s));
    return asked.terms.some((t) => !flat.slice(0, at + s.length).includes(t) && flat.includes(t, at));
  };
  // The sentence before each one in its paragraph.
  const previous = new Map<string, string>();
  for (const p of paragraphs)
    for (let k = 1; k < p.length; k++) if (!previous.has(p[k]!)) previous.set(p[k]!, p[k - 1]!);
  const score = (list: string[]) =>
    list
      .filter((s) => !otherReferent(s))
      .flatMap((s) => {
        const before = previous.get(s);
        return scoreSentence(s, norm(s), asked, terms, q, w, before === undefined ? '' : norm(before));
      });
  const own = paragraphs[home]!.filter((s) => s === target || target.includes(s) || s.includes(target));
  // Scored only when reached: the answer sentence mostly decides.
  return [
    () => score(own),
    () => score(paragraphs[home]!.filter((s) => !own.includes(s))),
    () => score(paragraphs.filter((_, k) => k !== home).flat()),
  ];
}

/**
 * 「2022年……几个街道」 asks for that year's figure: an article dated in another year whose text names
 * neither that year nor, a year on, 去年 gives its own year's figure (今年……四个街道), no answer to it.
 */
function otherYearsArticle(question: string, text: string, articleDate: string): boolean {
  const asked = question.match(/((?:19|20)\d{2})年/u)?.[1];
  const year = articleDate.match(/^(?:19|20)\d{2}/u)?.[0];
  if (!asked || !year || asked === year) return false;
  if (text.includes(`${asked}年`) || text.includes(asked)) return false;
  return !(Number(year) === Number(asked) + 1 && /去年|上年/u.test(text));
}

/**
 * The short answer to the question from the answer sentence and the passage around it; undefined
 * when the question asks for none of the kinds or when no candidate clearly wins. A date answer
 * carries its year, from the article's date (`articleDate`, YYYY[-MM[-DD]]) when the text omits it.
 */
export function directAnswer(
  question: string,
  sentence: string,
  passage = sentence,
  articleDate = '',
  w: RankingWeights = RANKING,
): DirectAnswer | undefined {
  return boundAnswer(question, sentence, passage, articleDate, w)?.answer;
}

/** directAnswer's answer with what it rests on. */
export function boundAnswer(
  question: string,
  sentence: string,
  passage = sentence,
  articleDate = '',
  w: RankingWeights = RANKING,
): BoundAnswer | undefined {
  if (otherYearsArticle(question, `${sentence}\n${passage}`, articleDate)) return undefined;
  const bound = bareAnswer(question, sentence, passage, w);
  if (bound?.answer.kind !== 'date') return bound;
  return { ...bound, answer: { ...bound.answer, text: withYear(bound.answer.text, articleDate) } };
}

function bareAnswer(question: string, sentence: string, passage: string, w: RankingWeights): BoundAnswer | undefined {
  const circles = directCandidates(question, sentence, passage, w);
  const plural = askedFor(question)?.plural ?? false;
  const circleOf = new Map<Scored, number>();
  let pool: Scored[] = [];
  const bound = (choice: Choice): BoundAnswer | undefined => {
    const { answer, best } = choice;
    if (!answer || !best) return undefined;
    return {
      answer,
      evidence: {
        score: best.score,
        lead: choice.lead,
        circle: circleOf.get(best) ?? 0,
        beside: best.beside,
        clauseShare: best.clauseShare,
        strong: best.strong,
        bonus: best.bonus,
        rivals: choice.rivals,
        list: choice.list,
        onlyOne: false,
        ...(best.guess ? { guess: true } : {}),
      },
    };
  };
  for (const [k, circle] of circles.entries()) {
    const added = circle();
    for (const s of added) circleOf.set(s, k);
    pool = [...pool, ...added];
    const choice = choose(pool, plural);
    if (choice.found) return bound(choice);
  }
  const last = bound(choose(pool, plural));
  if (last) return last;
  const clear = clearLeader(pool, circleOf);
  if (clear) {
    const chosen = bound({
      answer: { text: clear.text, kind: clear.kind },
      found: true,
      best: clear,
      rivals: 0,
      list: false,
    });
    return chosen && { ...chosen, evidence: { ...chosen.evidence, clear: true } };
  }
  const only = onlyOne(question, sentence, pool);
  if (!only) return undefined;
  const best = pool[0]!;
  return {
    answer: only,
    evidence: {
      score: best.score,
      circle: circleOf.get(best) ?? 0,
      beside: best.beside,
      clauseShare: best.clauseShare,
      strong: best.strong,
      bonus: best.bonus,
      rivals: 0,
      list: false,
      onlyOne: true,
      ...(best.guess ? { guess: true } : {}),
    },
  };
}

/** A clear leader of the answer sentence or its paragraph needs this share of the tie a short answer needs. */
const CLEAR_TIE = 0.5;
/** The circles a clear leader is sought in: the answer sentence and its paragraph. */
const CLEAR_CIRCLES = 2;

/**
 * The answer the question's words reach only in part, where nothing else competes: news says in its
 * own words what a question asks in the reader's (「绕一圈的步道有多长」 for 「步道全长12.6公里」,
 * 「换了多少块石头」 for 「更换条石320块」), so the question's words often fill less of the figure's
 * clause than a short answer needs, though the figure is the one asked. A candidate with the kind's
 * own evidence (the unit or title asked) in the answer sentence or its paragraph, with half the tie a short answer needs, is the answer when it leads every other candidate read so far
 * (whatever their tie) by the lead a short answer needs: one figure of the unit asked where the
 * question's words are. Two figures of the unit asked, or a rival the question's words reach
 * better, leave none. (Not a date on its anchor alone: tried, it gave an older article's date.)
 */
function clearLeader(pool: Scored[], circleOf: Map<Scored, number>): Scored | undefined {
  const near = pool.filter((s) => (circleOf.get(s) ?? 0) < CLEAR_CIRCLES);
  const best = near.filter((s) => s.strong && s.bonus > 0 && s.tie >= CLEAR_TIE).sort((a, b) => b.score - a.score)[0];
  if (!best) return undefined;
  const rivals = pool.filter((s) => different(s, best));
  return rivals.every((s) => best.score - s.score >= MIN_LEAD && s.tie < 1) ? best : undefined;
}

/** A candidate with the kind's own evidence counts as bound with this share of the tie a short answer needs. */
const LOOSE_TIE = 0.4;

/**
 * Whether a candidate of the kind asked stands bound to the question in the passage, though no short
 * answer is chosen: one with the kind's own evidence (the unit or title asked, the end of a period)
 * and a good part of the tie a short answer needs (the words of a headline's subject are often left
 * in the sentence before: 「……运动会闭幕。本届运动会……共有1.1万人次参赛」), though another may
 * tie with it. Evidence that the passage answers, for the decision; too weak to show as an answer.
 * (Not a candidate the question's words do not reach at all, though the only one of its kind: tried,
 * it offered near misses, the same kind of figure in another article of the subject.)
 */
export function candidateBound(
  question: string,
  sentence: string,
  passage = sentence,
  articleDate = '',
  w: RankingWeights = RANKING,
): boolean {
  if (otherYearsArticle(question, `${sentence}\n${passage}`, articleDate)) return false;
  const strong = directCandidates(question, sentence, passage, w)
    .flatMap((circle) => circle())
    .filter((s) => s.strong);
  return strong.some((s) => s.tie >= LOOSE_TIE);
}

/**
 * 「杨万平调研了哪些中小微企业」 answered by a sentence that says so, and the one company the passage
 * names a paragraph later: the only name of the kind asked in a passage whose answer sentence holds
 * the question's words is the answer, though its own sentence shares few of them.
 */
function onlyOne(question: string, sentence: string, pool: Scored[]): DirectAnswer | undefined {
  const asked = askedFor(question);
  if (!asked || asked.kind === 'quantity' || asked.kind === 'date') return undefined;
  const names = [...new Set(pool.map((s) => s.text))];
  if (names.length !== 1) return undefined;
  const all = asked.terms.length;
  const normalized = normalize(sentence);
  const held = asked.terms.filter((t) => normalized.includes(t)).length;
  return all >= 2 && held === all ? { text: names[0]!, kind: asked.kind } : undefined;
}

/** The candidates listed with `best` (「A、B和C」) in its sentence, in order; [] when it stands alone. */
function enumeration(best: Scored, scored: Scored[]): Scored[] {
  const same = scored
    .filter((s) => s.at.sentence === best.at.sentence && s.kind === best.kind)
    .sort((a, b) => a.at.start - b.at.start)
    .filter((s, k, all) => k === 0 || s.at.start >= all[k - 1]!.at.end);
  const at = same.indexOf(best);
  // Between two items: a comma, 和/及/与, and perhaps the district or street of the next (和崇川区虹桥街道).
  const joined = (a: Scored, b: Scored) => LIST_JOINT.test(a.at.sentence.slice(a.at.end, b.at.start));
  let from = at;
  let to = at;
  while (from > 0 && joined(same[from - 1]!, same[from]!)) from--;
  while (to + 1 < same.length && joined(same[to]!, same[to + 1]!)) to++;
  return to > from ? same.slice(from, to + 1) : [];
}

/**
 * A list as a short answer: the names without the district they share (崇川区春晖之声艺术团 ->
 * 春晖之声艺术团), all of them when short, else the first and how many (春晖之声艺术团等3家).
 */
function listAnswer(list: Scored[]): string {
  const names = list.map((s) => {
    const bare = s.text.replace(LEADING_DISTRICT, '');
    return bare;
  });
  const all = names.join('、');
  if (all.length <= 16) return all;
  const measure = list[0]!.kind === 'organization' ? '家' : list[0]!.kind === 'person' ? '位' : '个';
  return `${names[0]}等${names.length}${measure}`;
}
