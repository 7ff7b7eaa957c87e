/**
 * Candidate short answers of each kind in one sentence: quantities with their units (近6万人,
 * 15%—20%, 三千余人), dates (9月8日, 3月底), people (names beside titles or verbs of speaking),
 * places and organisations (names ending in their kind's suffix: 十里坊小学, 吉泰科电气有限公司,
 * and the place phrase of 「在……举行」). Each carries kind-specific evidence as a bonus.
 */
import { dictionaryVersion, tagHan } from '../../text/segment.ts';
import { SURNAMES } from '../question/dictionary.ts';
import {
  type AskedFor,
  BYLINE_ROLES,
  type DirectKind,
  FAMILY_OF,
  isHan,
  PERSON_WORDS,
  TITLES,
  UNIT_ALT,
} from './direct-question.ts';

export interface Candidate {
  start: number;
  end: number;
  kind: DirectKind;
  unit?: string;
  /** Kind-specific evidence (the unit asked, the title asked beside a name, 在 before a place). */
  bonus: number;
  /** The place phrase of 「在……举行」. */
  phrase?: boolean;
}

const CN_NUMBER = '[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*';
const AR_NUMBER = '\\d+(?:,\\d{3})*(?:\\.\\d+)?';
// 上千名, 数百人, 近万人, 逾百件, 过千人, 百余件: round figures said in words.
const ROUND = '(?:(?:上|数|近|逾|过|超)[十百千万]|[百千万](?=余|多))';
const AMOUNT = `(?:${AR_NUMBER}|${CN_NUMBER}|${ROUND})[万亿千百]?(?:余|多|来)?`;
// 近6万人, 680余人次, 20家以上, 15%—20%, 3至5个, 三千余人.
const QUANTITY = new RegExp(
  `(?:近|约|超过|超|逾|不足|不到|将近|不少于|不低于|不超过|共计)?(${AMOUNT})(${UNIT_ALT})?(?:[-—–~～至到](?:${AMOUNT})(${UNIT_ALT})?)?(?:以上|左右|之多)?`,
  'gu',
);
// A bus route by number (19路, k2路), not a road's part (3路段) or a crossing (5路口).
const ROUTE = /(?<![\da-z.])[a-z]?\d{1,3}路(?!段|口|况|面|灯)/gu;
const MINUTES_SECONDS = /\d{1,3}分(?:钟)?\d{1,2}秒/gu;
// Hours and months are counted with 个 between the figure and the unit, and half a unit added after
// it: 两个小时, 两个半小时, 一个多月, 半个小时, 3个半月.
const COUNTED_SPAN = new RegExp(
  `(?:(?:约|大约|近|不到|超过)?(?:${AR_NUMBER}|[一二两三四五六七八九十]+)个(?:半|多)?|半个?)(小时|钟头|月)`,
  'gu',
);
// A character that every figure of MINUTES_SECONDS, COUNTED_SPAN and QUANTITY holds (AMOUNT: a digit,
// a Chinese numeral or ROUND's 十百千万; COUNTED_SPAN: 半 as well).
const MAY_HOLD_AMOUNT = /[\d一二两三四五六七八九十百千万半]/u;
const ORDINAL = new RegExp(`第(?:${AR_NUMBER}|${CN_NUMBER})(?:${UNIT_ALT})`, 'gu');
// 2024年5月8日, 9月8日, 3月底, 2025年, 月中旬.
const DATE =
  /(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}[日号])?(?:上旬|中旬|下旬|底|初|中|末)?|(?:19|20)\d{2}年(?:底|初|末|上半年|下半年)?/gu;

// Patterns used in hot functions, made once here rather than at every call.
const HAN_OR_QUOTE = /^[\p{Script=Han}“"]/u;
const GIVEN_NAME = /^\p{Script=Han}{1,2}$/u;
const NAME_WORD = /^[\p{Script=Han}a-z0-9]+$/u;

// A time of day: 早上7点, 晚上8点半, 下午2时30分, 9:30.
const CLOCK =
  /(?:早上|早晨|上午|中午|下午|傍晚|晚上|夜间|凌晨)?(?:(?<![\d.])\d{1,2}(?:点|时)(?:半|\d{1,2}分)?|(?<![\d.:])\d{1,2}:\d{2}(?![\d:]))/gu;
const DAY_PART = /^(?:早上|早晨|上午|中午|下午|傍晚|晚上|夜间|凌晨)/u;

// Two times of day joined so (8:30至17:00, 11时—15时) are one span of the day: opening hours, a
// service's hours. A question asks for its start, its end, or (几点到几点, 几点有人接) the whole span.
const CLOCK_SPAN_JOINT = /^(?:至|到|[-—–~～－])$/u;
const ASKS_SPAN = /几[点时]\p{Script=Han}{0,3}?(?:到|至|—|-)几[点时]|什么时段|哪个时段|几点之间/u;
const ASKS_START = /从几[点时]|几[点时](?:开始|开门|开放|开馆|开(?!到)|起|上班|营业)/u;
const ASKS_END = /(?:到|至)几[点时]|几[点时](?:结束|关门|闭馆|下班|截止|停)/u;

/** Which part of a span of the day the question asks for. */
function spanPart(question: string): 'span' | 'start' | 'end' {
  if (ASKS_SPAN.test(question)) return 'span';
  if (ASKS_START.test(question)) return 'start';
  return ASKS_END.test(question) ? 'end' : 'span';
}

/** Times of day; one that names the part of the day the question names (晚上8点 for 「晚上……开到几点」) earns more. */
function clockCandidates(text: string, question: string): Candidate[] {
  const out: Candidate[] = [];
  const times = [...text.matchAll(CLOCK)].map((m) => {
    const start = m.index ?? 0;
    const part = m[0].match(DAY_PART)?.[0];
    return { start, end: start + m[0].length, bonus: part ? (question.includes(part) ? 1 : 0) : 0 };
  });
  const part = spanPart(question);
  for (let k = 0; k < times.length; k++) {
    const t = times[k]!;
    const next = times[k + 1];
    if (next && CLOCK_SPAN_JOINT.test(text.slice(t.end, next.start))) {
      // The span as one answer, or the end of it asked for; the other end is no answer.
      const chosen = part === 'span' ? { ...t, end: next.end } : part === 'start' ? t : next;
      out.push({ ...chosen, bonus: Math.max(t.bonus, next.bonus), kind: 'quantity', unit: '点' });
      k++;
      continue;
    }
    out.push({ ...t, kind: 'quantity', unit: '点' });
  }
  return out;
}

function quantityCandidates(text: string, asked: AskedFor, question: string): Candidate[] {
  if (asked.clock) return clockCandidates(text, question);
  // 「多久上门一次」: how often is 每周, 每月, 每3天.
  if (asked.frequency)
    return [...text.matchAll(EVERY)].map((m) => ({
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
      kind: 'quantity' as const,
      bonus: 1,
    }));
  const out: Candidate[] = [];
  // 「几路公交」 is answered by a route's number (公交19路, 33路); nothing else counts in 路.
  if (asked.units[0] === '路') {
    for (const m of text.matchAll(ROUTE)) {
      const start = m.index ?? 0;
      out.push({ start, end: start + m[0].length, kind: 'quantity', unit: '路', bonus: 1 });
    }
    return out;
  }
  if (asked.ordinal) {
    for (const m of text.matchAll(ORDINAL)) {
      const start = m.index ?? 0;
      out.push({ start, end: start + m[0].length, kind: 'quantity', bonus: 0 });
    }
    return out;
  }
  // Every figure below holds a digit, a Chinese numeral or 半 (半个月): a sentence with none holds none.
  if (!MAY_HOLD_AMOUNT.test(text)) return out;
  // 「用时2分50秒」: minutes and seconds are one duration.
  const spans: [number, number][] = [];
  for (const m of text.matchAll(MINUTES_SECONDS)) {
    const start = m.index ?? 0;
    spans.push([start, start + m[0].length]);
    const bonus = unitBonus('秒', asked);
    if (bonus !== undefined) out.push({ start, end: start + m[0].length, kind: 'quantity', unit: '秒', bonus });
  }
  for (const m of text.matchAll(COUNTED_SPAN)) {
    const start = m.index ?? 0;
    spans.push([start, start + m[0].length]);
    const unit = m[1] === '月' ? '个月' : '小时';
    const bonus = unitBonus(unit, asked);
    if (bonus !== undefined) out.push({ start, end: start + m[0].length, kind: 'quantity', unit, bonus });
  }
  for (const m of text.matchAll(QUANTITY)) {
    let start = m.index ?? 0;
    const end = start + m[0].length;
    // 「不得超过5000元」: a negated 超过 sets a cap, the figure itself (not 超过5000元, more than it).
    const over = m[0].match(/^超过?/u)?.[0];
    if (over && /(?:不得|不能|不会|不可|不|未|没有|无)$/u.test(text.slice(0, start))) start += over.length;
    if (spans.some(([a, b]) => start < b && a < end)) continue;
    const amount = m[1]!;
    // 「3至5个工作日」「2至3周岁」: a range names its unit once, after its second figure.
    const unit = m[2] ?? m[3];
    const isChinese = !/\d/.test(amount);
    if (!unit && (isChinese || !/[%‰]/.test(m[0]))) continue; // a bare number is rarely an answer
    if (text[start - 1] === '第' || /^[:：·.]\d/.test(text.slice(end, end + 2))) continue; // ordinals, times
    if (/[a-z]/.test(text[start - 1] ?? '')) continue; // part of a code (A1类, G15)
    if (unit === '年' && /^(?:19|20)\d{2}/.test(amount)) continue; // a year, not a duration
    if (unit === '年' && text[end] === '级') continue; // 四年级: a school grade
    if (unit === '周' && text[end] === '岁') continue; // 80周岁: an age, not weeks
    // 「80周岁以上老人」: an age says who, the answer only when an age is asked.
    if (unit && FAMILY_OF.get(unit) === 'age' && !asked.units.includes(unit)) continue;
    // 「中秋节前两天」「三天后」: a time before or after an event is a point in time, not a duration
    // (「提前两天」 is how long in advance).
    if (unit && FAMILY_OF.get(unit) === 'duration' && relativeTime(text, start, end)) continue;
    if (unit === '成' && !isChinese) continue;
    // 「3月3日元宵节」: the 日 closes a date; it opens no 日元 (yen).
    if (unit?.endsWith('日元') && /月$/u.test(text.slice(0, start)) && !/[万亿]/u.test(unit)) continue;
    if (isChinese && /^[一两]$/.test(amount) && !asked.units.includes(unit ?? '')) continue; // 一场, 一个: wording
    const bonus = unitBonus(unit, asked);
    if (bonus !== undefined) out.push({ start, end, kind: 'quantity', unit, bonus });
  }
  return out;
}

/** 「节前两天」「三天后」: a figure of time right after 前/后 or right before 后/前, not 提前. */
function relativeTime(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  return (/[前后]$/u.test(before) && before !== '提前') || /^[前后]/u.test(text.slice(end));
}

// Families whose measure words are one measure under two names.
const INTERCHANGEABLE = new Set(['volumes', 'plants', 'age']);

/**
 * The unit the question names earns most, one of its family less; undefined for a unit of another
 * family (an area does not answer 多少钱), which drops the candidate.
 */
function unitBonus(unit: string | undefined, asked: AskedFor): number | undefined {
  if (!unit || asked.units.length === 0) return 0;
  if (!asked.namedUnit) return asked.units.includes(unit) ? 1 : undefined;
  if (asked.units.includes(unit)) return 1;
  const family = FAMILY_OF.get(asked.units[0]!);
  // Books in 本 or 册, plants in 棵 or 株, an age in 岁 or 周岁: one measure under two names.
  if (family && INTERCHANGEABLE.has(family) && family === FAMILY_OF.get(unit)) return 1;
  // 多少人 names persons in general: news counts them in 人次, 名, 位, 余人 alike.
  if (asked.units[0] === '人' && FAMILY_OF.get(unit) === 'people' && unit !== '例') return 1;
  if (family && family === FAMILY_OF.get(unit)) return 0.6;
  // 个 counts things and places, and people too (多少个名额 -> 5000人), but no sum, area or share.
  if (asked.units[0] === '个')
    return family === undefined && (!FAMILY_OF.has(unit) || FAMILY_OF.get(unit) === 'people') ? 0 : undefined;
  // 套 is not counted in 栋, nor people in 个.
  return undefined;
}

function dateCandidates(text: string, asked: AskedFor): Candidate[] {
  const out: Candidate[] = [];
  // 「每个月哪天」: a day that comes back (每月第二个周六, 每周三).
  if (asked.recurring)
    for (const m of text.matchAll(WEEKDAY)) {
      const start = m.index ?? 0;
      out.push({ start, end: start + m[0].length, kind: 'date', bonus: 1 });
    }
  for (const m of text.matchAll(DATE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    // 「2026年民生实事项目」「2025年普通高考」: a year before a noun names an edition, not a time.
    // A year before a verb is when it happened (2018年落户; jieba tags some verbs as nouns, so the
    // verb the question asks about counts too).
    if (/^(?:19|20)\d{2}年$/.test(m[0]) && HAN_OR_QUOTE.test(text.slice(end, end + 1))) {
      const next = tagHan(text.slice(end, end + 4))[0];
      const verb =
        (next !== undefined && /^(v|vd|d|p)$/.test(next.tag)) ||
        (asked.event !== undefined && text.startsWith(asked.event, end));
      if (!verb && !/^(?:以来|起|前|后|至|到|内|间|期间|度|全年|上半年|下半年|的)/u.test(text.slice(end))) continue;
    }
    out.push({ start, end, kind: 'date', bonus: 0 });
  }
  return out;
}

// How often: every day, week, month, or every so many of them (每周, 每3天, 每两个月).
const EVERY = /每(?:\d+|[一二两三四五六七八九十半])?个?(?:天|日|周|星期|月|季度|年|小时)/gu;
// A day of the week, or the nth of them in a month (第二个周六, 周三, 星期日).
// (A span of them is one answer: 周一至周五.)
const WEEKDAY = /(?:第[一二三四五\d]个)?(?:周|星期)[一二三四五六日天](?:[至到—-](?:周|星期)?[一二三四五六日天])?/gu;

// Verbs news uses alike for holding an event: 「哪天举办」 is answered by 「11月3日……开展」.
// (A contest is held too: 「哪天比赛」 is answered by 「6月19日……举行」.)
const HOLD_VERBS = /举办|举行|开展|召开|进行|比赛|开赛/u;

/** The clause tells of the event the question times: its verb, or one of the same sense. */
export function sameEvent(clause: string, event: string): boolean {
  return clause.includes(event) || (HOLD_VERBS.test(event) && HOLD_VERBS.test(clause));
}

/** A word of the general vocabulary (文化, 公共), not a proper name (博嘉生物, 新华). */
export function isCommonWord(word: string): boolean {
  const tagged = tagHan(word);
  return tagged.length === 1 && /^(n|vn|v|a|an|b|d)$/.test(tagged[0]!.tag);
}

interface Token {
  word: string;
  tag: string;
  start: number;
}

// A sentence's words depend on its text alone (and jieba's dictionaries): a search tags the same
// sentences for each passage window, circle and question that reaches them, so the last few are kept.
const TOKENS_KEPT = 512;
const tokenMemo = new Map<string, readonly Token[]>();
let tokenDictionary = -1;

function tokens(text: string): readonly Token[] {
  const dictionary = dictionaryVersion();
  if (tokenDictionary !== dictionary) {
    tokenMemo.clear();
    tokenDictionary = dictionary;
  }
  let out = tokenMemo.get(text);
  if (out) {
    // Most recently used last: the first key is the one dropped.
    tokenMemo.delete(text);
  } else {
    out = tokensOf(text);
    if (tokenMemo.size >= TOKENS_KEPT) tokenMemo.delete(tokenMemo.keys().next().value as string);
  }
  tokenMemo.set(text, out);
  return out;
}

function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  for (const { word, tag } of tagHan(text)) {
    const start = text.indexOf(word, at);
    if (start < 0) continue;
    out.push({ word, tag, start });
    at = start + word.length;
  }
  return out;
}

const titleBefore = (text: string, at: number) => TITLES.find((t) => text.slice(Math.max(0, at - t.length), at) === t);
const titleAfter = (text: string, at: number) => TITLES.find((t) => text.startsWith(t, at));

/** The clause names the title itself, not its deputy (理事长 is not 副理事长). */
export function holdsTitle(clause: string, title: string): boolean {
  for (let at = clause.indexOf(title); at >= 0; at = clause.indexOf(title, at + 1))
    if (title.startsWith('副') || clause[at - 1] !== '副') return true;
  return false;
}

/**
 * The titles printed before a name, back to the name before it or the clause's start
 * (「区人大常委会党组书记、副主任陈中锋」), and right after it (「陈中锋副主任」).
 */
function ownTitles(text: string, start: number, end: number, previousEnd: number): string {
  const before = text.slice(Math.max(previousEnd, 0), start);
  const from = Math.max(...[...'，,；;。：:（('].map((p) => before.lastIndexOf(p))) + 1;
  return `${before.slice(from)} ${titleAfter(text, end) ?? ''}`;
}

/**
 * A name bound to a title other than the one asked is not its holder: 「副主任陈中锋」 does not
 * answer 「主任是谁」, nor 「常务副区长谢小兵」 「区长是谁」. A title is one of TITLES (person words like
 * 居民 are none); the name's own titles are those between it and the name before it.
 */
export function otherTitle(titles: string, asked: string | undefined): boolean {
  if (!asked || PERSON_WORDS.has(asked) || !TITLES.includes(asked)) return false;
  const held = TITLES.filter((t) => !PERSON_WORDS.has(t) && !BYLINE_ROLES.includes(t) && titles.includes(t));
  return held.length > 0 && !holdsTitle(titles, asked);
}

// What follows a person's name in news: a verb of speaking or acting (介绍, 主持, 带领…).
const ACTS_AFTER = /^(?:当选|介绍|表示|说|讲|指出|强调|告诉|认为|带领|主持|出席|参加|为|担任|任|同志|一行)/u;
// News introduces a person by a role first (快递员陈立伟, 选手沈佳怡, 环卫工王建): a noun of a role
// ends in one of these.
const ROLE_BEFORE = /\p{Script=Han}(?:员|手|师|工)$/u;
// A verb of speaking, the surest of them.
const SPOKEN_AFTER = /^(?:介绍|表示|说|指出|强调|告诉)/u;

// A street, town or zone a title belongs to (任港街道党工委书记, 市北高新区党工委书记).
const OWNER = /\p{Script=Han}{2,4}?(?:街道|镇|乡|高新区|开发区|园区|社区|村)/u;
// The level a title is held at, right before it: 社区书记, 街道党工委书记, 区委书记, 村党支部书记.
const LEVEL_BEFORE = /(社区|街道|村|镇|区|市)(?:党工委|党委|党总支|党支部|委)?$/u;
const OWNER_SUFFIX = /(?:街道|镇|乡|高新区|开发区|园区|社区|村)$/u;

/**
 * The title asked belongs to one place (任港街道党工委书记): a name whose own title names another
 * place before it (「市北高新区党工委书记徐海燕」) holds another office. Not refused when either
 * names no place, or one place holds the other's name (现在任港街道 and 任港街道).
 */
export function otherOwner(titles: string, asked: string | undefined, question: string): boolean {
  if (!asked) return false;
  const inQuestion = question.indexOf(asked);
  const inTitles = titles.lastIndexOf(asked);
  if (inQuestion < 0 || inTitles < 0) return false;
  const wanted = question.slice(0, inQuestion).match(OWNER)?.[0];
  const held = titles
    .slice(0, inTitles)
    .replace(/^.*[、，,]/su, '')
    .match(OWNER)?.[0];
  // 「社区书记」 and 「街道党工委书记」: the level of government a title is held at, named right before it
  // (past a party body), differs when both name one.
  const level = (before: string) => before.match(LEVEL_BEFORE)?.[1];
  const askedLevel = level(question.slice(0, inQuestion));
  const heldLevel = level(titles.slice(0, inTitles));
  if (askedLevel && heldLevel && askedLevel !== heldLevel) return true;
  if (!wanted || !held) return false;
  const core = (place: string) => place.replace(OWNER_SUFFIX, '');
  return !wanted.includes(core(held)) && !held.includes(core(wanted));
}

function personCandidates(text: string, asked: AskedFor, question = ''): Candidate[] {
  const out: Candidate[] = [];
  const toks = tokens(text);
  let previousEnd = 0;
  toks.forEach((t, k) => {
    let word = t.word;
    // jieba sometimes reads a surname alone, before a given name or a kinship word (郑/海涛, 刘/阿姨).
    const next = toks[k + 1];
    if (
      word.length === 1 &&
      SURNAMES.has(word) &&
      next &&
      next.start === t.start + 1 &&
      (/^(阿姨|奶奶|爷爷|大爷|大妈|师傅|老师)$/.test(next.word) ||
        (GIVEN_NAME.test(next.word) && /^(nr|x|nz|ng)$/.test(next.tag)) ||
        // Right after a title (主任李/明远), a surname opens a name whatever jieba tags the rest.
        (GIVEN_NAME.test(next.word) && titleBefore(text, t.start) !== undefined))
    )
      word += next.word;
    if (!isHan(word) || word.length < 2 || word.length > 4 || !SURNAMES.has(word[0]!)) return;
    // 高新区, 陈桥街道: a place or a body, not a person.
    if (/(?:区|市|县|镇|乡|村|街道|园|城|路|局|委|办|会|站|所|院|馆|中心|公司|厂)$/u.test(word)) return;
    // A word jieba reads otherwise (高远, an adverb) is a name between a title and a verb of speech
    // (「书记高远介绍」): news introduces people so.
    const framed = titleBefore(text, t.start) !== undefined && SPOKEN_AFTER.test(text.slice(t.start + word.length));
    if (!/^(nr|x|nz|nrfg|nrt)$/.test(t.tag) && word === t.word && !framed) return;
    if (TITLES.some((title) => word.endsWith(title) && word.length === title.length + 1) && word === t.word) return;
    const start = t.start;
    const end = start + word.length;
    const before = titleBefore(text, start);
    const after = titleAfter(text, end);
    // A name not read by jieba as one (x: unknown, nz: our own dictionary) needs a title beside it
    // or a verb of speaking or acting after it.
    const evidence =
      t.tag.startsWith('nr') ||
      word !== t.word ||
      before ||
      after ||
      ACTS_AFTER.test(text.slice(end)) ||
      ROLE_BEFORE.test(text.slice(Math.max(0, start - 4), start));
    if (!evidence) return;
    if ([before, after].some((r) => r && BYLINE_ROLES.includes(r)) && !BYLINE_ROLES.includes(asked.noun ?? '')) return;
    const titles = ownTitles(text, start, end, previousEnd);
    previousEnd = end;
    if (otherTitle(titles, asked.noun) || otherOwner(titles, asked.noun, question)) return;
    let bonus = 0;
    if (asked.noun) {
      const clause = clauseAround(text, start, end);
      if (before === asked.noun || after === asked.noun) bonus = 1;
      else if (holdsTitle(clause, asked.noun)) bonus = 0.7;
      else if (before || after || TITLES.some((title) => !PERSON_WORDS.has(title) && clause.includes(title)))
        bonus = -0.7;
    }
    out.push({ start, end, kind: 'person', bonus });
  });
  // jieba may cut a title and the name after it across their boundary (传承|人季|永康): a surname and
  // one or two characters right after a title, then what follows a name, are a name too.
  for (const m of text.matchAll(TITLED_NAME)) {
    const title = titleBefore(text, m.index ?? 0);
    if (!title || PERSON_WORDS.has(title) || BYLINE_ROLES.includes(title) || !SURNAMES.has(m[1]![0]!)) continue;
    const start = m.index ?? 0;
    const end = start + m[1]!.length;
    if (out.some((c) => c.start < end && start < c.end)) continue;
    const titles = ownTitles(text, start, end, 0);
    if (otherTitle(titles, asked.noun) || otherOwner(titles, asked.noun, question)) continue;
    out.push({ start, end, kind: 'person', bonus: asked.noun && title === asked.noun ? 1 : 0 });
  }
  // 「沈立衡任南通博物苑苑长」: a name right before 任 and a title is appointed to it.
  for (const m of text.matchAll(APPOINTED_NAME)) {
    const start = (m.index ?? 0) + m[0].length - m[1]!.length;
    const end = start + m[1]!.length;
    if (!SURNAMES.has(m[1]![0]!) || out.some((c) => c.start < end && start < c.end)) continue;
    const held = text.slice(end + 1).match(APPOINTED_TITLE)?.[0] ?? '';
    out.push({ start, end, kind: 'person', bonus: asked.noun && holdsTitle(held, asked.noun) ? 1 : 0 });
  }
  // 「原苑长包振国」「前任站长」: the former holder of a title does not hold it now.
  if (asked.noun && !/原|前任|以前|之前|过去|上一?任/u.test(question))
    return out.filter((c) => !new RegExp(`(?:原|前任)${asked.noun}$`, 'u').test(text.slice(0, c.start)));
  return out;
}

// A name opening a clause, right before 任 and the title it is given (「：沈立衡任南通博物苑苑长，」).
const APPOINTED_NAME =
  /(?:^|[，,。：:；;、（(\s])(\p{Script=Han}{2,3}?)(?=任[^，,。；;]{0,14}?(?:长|书记|主任|主席|经理|委员))/gu;
// The title given: what follows 任 up to the clause's end.
const APPOINTED_TITLE = /^[^，,。；;]{0,16}/u;

// A name where a title ends (区级代表性传承人*季永康*走进校园): a surname, one or two characters,
// then a verb news puts after a person, or a mark.
const TITLED_NAME = new RegExp(
  `(?<=${TITLES.join('|')})(\\p{Script=Han}{2,3}?)(?=介绍|表示|说|指出|强调|告诉|认为|带领|主持|出席|参加|担任|走进|来到|[，,。、；;：:（(])`,
  'gu',
);

/** Place names end in one of these (十里坊小学, 城南新村, 天安数码城, 市委党校). */
export const PLACE_SUFFIXES =
  /(?:街道|社区|小区|新村|花园|家园|公寓|苑|村|镇|乡|开发区|园区|产业园|科技园|园|城|广场|公园|景区|古镇|街区|老街|商圈|片区|市场|大厅|会堂|路|街|巷|桥|小学|中学|大学|学校|学院|幼儿园|党校|操场|体育场|体育馆|体育中心|剧院|美术馆|博物馆|图书馆|纪念馆|展览馆|文化馆|纪念馆|礼堂|医院|中心|大厦|酒店|码头|车站|站|湖|河|山|区|县|市|省)$/u;
/** Organisation names end in one of these (吉泰科电气有限公司, 区行政审批局). */
export const ORG_SUFFIXES =
  /(?:图书馆|博物馆|文化馆|美术馆|纪念馆|科技馆|有限公司|股份公司|公司|集团|企业|厂|局|委员会|委|办公室|办|中心|协会|学会|商会|联合会|基金会|研究院|研究所|医院|银行|大学|学院|学校|站|所|厅|院|艺术团|合唱团|团|队|社|合作社|工作室|支部|党委|联盟|平台|基地)$/u;
// Verbs of an event happening somewhere: 「在十里坊小学举行」.
const EVENT_VERBS =
  '举行|举办|召开|开幕|闭幕|落幕|落下帷幕|拉开帷幕|启动|启幕|开班|开课|开展|进行|亮相|揭牌|开工|开业|开馆|落成|比赛|开赛|迎来|集结|上演|展出|落地|设立|建成|鸣枪|起跑|开跑|出发|揭幕|开讲|演出|展演';

// What the question asks be done where, right after its 哪里 (看 in 「在哪里看最好」, 报名 in 「在哪儿报名」).
const DONE_WHERE = /(?:哪里|哪儿|什么地方|何处)(\p{Script=Han}.*)$/u;
// Words after 哪里 that ask where the event itself is, or close the question (是, 呢, 吗…).
const NOT_AN_ACT = new RegExp(`^(?:${EVENT_VERBS}|办|开|是|有|呢|吗|啊|呀|吧|哦|的|啦)`, 'u');

/**
 * 「看龙舟赛在哪里看最好」, 「在哪儿报名」: the question asks where one does something other than hold
 * the event, so where the event is held (在南濠河举行) is not its answer; the place of that act is.
 */
export function asksWhereToDo(question: string): boolean {
  const act = question.match(DONE_WHERE)?.[1];
  return act !== undefined && !NOT_AN_ACT.test(act);
}

/**
 * The place phrase of 「在……举行」: everything between 在/于 and the event verb, when it ends in a
 * place name (在虹桥街道三玖创意街区举行); its head only after 的 (在北濠河畔的文化广场启幕).
 */
const LOCATIVE = /(?:东侧|西侧|南侧|北侧|一侧|两侧|门口|门前|北门|南门|东门|西门|广场上|一带|附近|旁|内)$/u;

const PLACE_PHRASE = new RegExp(`[在于]([^，,。；;、“”"（）()\\s在于]{2,16}?)(?=${EVENT_VERBS})`, 'gu');

function placePhrases(text: string, suffixes: RegExp, named: boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(PLACE_PHRASE)) {
    const end = (m.index ?? 0) + m[0].length;
    let phrase = m[1]!;
    let start = end - phrase.length;
    const head = phrase.lastIndexOf('的');
    if (head >= 0) {
      start += head + 1;
      phrase = phrase.slice(head + 1);
    }
    // A place name with its suffix (十里坊小学), or a city or region jieba knows (泰州); a side or
    // spot of it may follow (南通大剧院和美术馆东侧).
    const name = named ? phrase : phrase.replace(LOCATIVE, '');
    const known = () => !named && tagHan(name).every((t) => t.tag === 'ns');
    if ((name.length >= 3 && suffixes.test(name)) || (name.length >= 2 && known()))
      out.push({ start, end, kind: 'place', bonus: 1, phrase: true });
  }
  return out;
}

/** Which names a noun asked about admits (哪个小区 is answered by 城南新村, not by 社区). */
const NOUN_SUFFIXES: Record<string, RegExp> = {
  小区: /(?:小区|新村|花园|家园|公寓|苑|村|城|湾|府|庭)$/u,
  社区: /社区$/u,
  // 哪条路 asks for a road or street by name (青年中路, 寺街), not the area it runs through.
  路: /(?:路|街|大道|巷)$/u,
  街道: /街道$/u,
  // 哪个站 asks for a station by name (文峰站), not the street it is named after.
  站: /站$/u,
  车站: /站$/u,
  村: /村$/u,
  镇: /镇$/u,
  学校: /(?:小学|中学|大学|学校|学院|幼儿园)$/u,
  小学: /小学$/u,
  中学: /中学$/u,
  大学: /大学$/u,
  公园: /(?:公园|园)$/u,
  广场: /广场$/u,
  园区: /(?:园区|产业园|科技园|园|开发区|城|基地)$/u,
  医院: /医院$/u,
  企业: /(?:公司|集团|企业|厂)$/u,
  公司: /(?:公司|集团)$/u,
  银行: /银行$/u,
  团队: /(?:团|队|社|工作室)$/u,
  协会: /(?:协会|学会|商会|联合会)$/u,
};
// Words that may stand inside a name, read by their jieba tags: nouns, names, unknown words,
// abbreviations, locality words (西操场), numerals (十里坊), English and digits (E02小区).
const NAME_PART = /^(n|ns|nr|nz|nt|nrt|nrfg|x|j|f|eng|ng|zg|s|m)$/;
// Words that put something in a place (在十里坊小学举行, 落户天安数码城); jieba tags some as nouns.
const PLACEMENT = /^(?:在|于|到|赴|至|来到|前往|位于|落户|走进|入驻|坐落)$/u;
const PLACED_AFTER = /(?:在|于|到|赴|至|来到|前往|位于|落户|走进|入驻|坐落)$/u;
// Administrative levels: a name that opens with one (崇川区天安数码城) is cut after it.
const ADMIN_LEVEL = /(?:省|市|区|县|镇|乡|街道)$/u;

// Nouns that ask for a place of any kind (什么地方, 哪个区域): no suffix of their own.
const GENERAL_PLACE_NOUNS = new Set(['地方', '区域', '地点', '场地', '场馆', '城市', '片区', '点位', '路段', '会场']);
const ownSuffixes = new Map<string, RegExp>();

/** 哪个码头: a place asked by a noun of its own kind ends in that noun (南门码头). */
function ownSuffix(noun: string, kind: 'place' | 'organization'): RegExp | undefined {
  if (kind !== 'place' || noun.length < 2 || GENERAL_PLACE_NOUNS.has(noun)) return undefined;
  let found = ownSuffixes.get(noun);
  if (!found) {
    found = new RegExp(`${noun.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'u');
    if (ownSuffixes.size >= 1000) ownSuffixes.clear();
    ownSuffixes.set(noun, found);
  }
  return found;
}

/** Each suffix pattern without its end anchor, to find suffixes anywhere (made once per pattern). */
const unanchoredCache = new Map<RegExp, RegExp>();
function unanchored(suffixes: RegExp): RegExp {
  const found = unanchoredCache.get(suffixes) ?? new RegExp(suffixes.source.replace(/\$$/, ''), 'gu');
  unanchoredCache.set(suffixes, found);
  return found;
}

function namedCandidates(text: string, asked: AskedFor, kind: 'place' | 'organization'): Candidate[] {
  const suffixes =
    (asked.noun && (NOUN_SUFFIXES[asked.noun] ?? ownSuffix(asked.noun, kind))) ||
    (kind === 'place' ? PLACE_SUFFIXES : ORG_SUFFIXES);
  const anywhere = unanchored(suffixes);
  const out: Candidate[] = [];
  const toks = tokens(text);
  const tokenEnds = new Set(toks.map((t) => t.start + t.word.length));
  for (const m of text.matchAll(anywhere)) {
    const end = (m.index ?? 0) + m[0].length;
    // A suffix that jieba reads inside a longer word is not one (城 in 城南), nor one in a verb (办 in 举办).
    if (!tokenEnds.has(end)) continue;
    const last = toks.find((t) => t.start + t.word.length === end);
    // (The noun asked stands as itself whatever jieba tags it: 站 of 文峰站 is read as a verb.)
    if (last && !NAME_PART.test(last.tag) && last.word !== asked.noun) continue;
    // A place right before a noun names whose that noun is (崇川区市场监管局, 崇川区全民国家安全教育周).
    const after = toks.find((t) => t.start === end);
    // (When the question asks for a 小区, 城南新村 of 城南新村社区广场 is what it asks.)
    if (kind === 'place' && !asked.noun && after && /^(n|nt|nz|vn|j)$/.test(after.tag) && isHan(after.word)) continue;
    // The name: the token holding the suffix's start, and the tokens before it that can stand in
    // a name, at most 12 characters.
    let first = toks.findIndex((t) => t.start + t.word.length > (m.index ?? 0));
    if (first < 0) continue;
    while (first > 0) {
      const prev = toks[first - 1]!;
      if (!NAME_WORD.test(prev.word) || PLACEMENT.test(prev.word)) break;
      if (/^(?:暨|及|和|与|或|并|同|跟|的|等|各|该|由)$/u.test(prev.word)) break;
      // A title ends the name before it (区长杨万平 is a person, not part of a company's name).
      if (TITLES.some((title) => prev.word.endsWith(title))) break;
      if (!NAME_PART.test(prev.tag) && !/^\d+$/.test(prev.word)) break;
      if (end - prev.start > 12) break;
      // A place asked by its kind (哪个社区) is the last level of its address (唐闸镇街道|新华社区).
      if (kind === 'place' && asked.noun && ADMIN_LEVEL.test(prev.word)) break;
      first--;
    }
    // Leading province and city names are dropped (江苏吉泰科电气有限公司 -> 吉泰科电气有限公司).
    let start = toks[first]!.start;
    const lead = text.slice(start, end).match(/^(?:江苏省|江苏|南通市)/)?.[0];
    if (lead) start += lead.length;
    const name = text.slice(start, end);
    if (name.length < 3 || !name.replace(suffixes, '')) continue; // a bare 社区 or 公司 names nothing
    // 周边小区, 辖区企业, 各社区: words that point at places or bodies do not name one.
    if (
      /^(?:周边|附近|周围|当地|辖区|所在|各|全区|全市|本|该|这|那|其他|其它|多个|部分|相关|重点|有关|沿线|沿街)/u.test(
        name,
      )
    )
      continue;
    // An organisation's name holds a proper name, not only common nouns (龙头企业 names none).
    const parts = toks.filter((t) => t.start >= start && t.start < end);
    if (kind === 'organization' && parts.length > 1 && parts.every((t) => /^(n|ng|m|f|s)$/.test(t.tag))) continue;
    // 「X落户Y」「在Y举行」: Y is where something is, the answer to 在哪里 and not to 哪个园区.
    const placed = PLACED_AFTER.test(text.slice(Math.max(0, start - 2), start));
    // 「北濠河畔的文化广场」: a place before 畔/边/的 only says where the place is.
    const modifier = kind === 'place' && /^[畔边旁侧的]/u.test(text.slice(end, end + 1));
    out.push({ start, end, kind, bonus: (placed ? (asked.where ? 1 : -0.7) : 0) - (modifier ? 0.5 : 0) });
  }
  if (kind === 'place' && asked.where) out.push(...placePhrases(text, suffixes, asked.noun !== undefined));
  // Of overlapping names keep the longest (南通大学西操场 over 南通大学).
  return out.filter(
    (c) => !out.some((o) => o !== c && o.start <= c.start && o.end >= c.end && o.end - o.start > c.end - c.start),
  );
}

// A telephone number: a landline with its area code (0513-85123456), a mobile, or a service line
// (12345, 96xxx); digits no longer and no shorter, and no figure of a unit (12345元).
const PHONE = /(?<![\d.])(?:0\d{2,3}[-—－]?\d{7,8}|1[3-9]\d{9}|\d{5,8})(?![\d.%万亿千百元年月日号])/gu;
// The words news puts before a number to call (拨打12345, 咨询电话：, 热线).
const PHONE_CUE = /电话|热线|拨打|致电|号码|来电|联系方式|咨询/u;

function phoneCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(PHONE)) {
    const start = m.index ?? 0;
    if (!PHONE_CUE.test(text.slice(Math.max(0, start - 10), start))) continue;
    out.push({ start, end: start + m[0].length, kind: 'thing', bonus: 1 });
  }
  return out;
}

// What says nothing is paid: 免费 with the act it frees (免费接种, 免费入园), 免票, 不收费, 半价.
const FREE =
  /免费(?:\p{Script=Han}{2})?|免票|免收\p{Script=Han}{0,3}?费|不收费|不收取\p{Script=Han}{0,3}?费用|半价|(?:\p{Script=Han}费)?减半/gu;

function freeCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(FREE)) {
    const start = m.index ?? 0;
    let end = start + m[0].length;
    // 免费 keeps the two characters after it only when they are the act it frees (接种, 参观).
    if (m[0].startsWith('免费') && m[0].length > 2 && !/^v/.test(tagHan(m[0].slice(2))[0]?.tag ?? '')) end = start + 2;
    out.push({ start, end, kind: 'thing', bonus: 1 });
  }
  return out;
}

// What a place was before: 「利用原来的废弃停车场改建而成」「前身是国棉厂仓库」「由闲置地改造而成」.
const FORMER =
  /(?:原来的|原先的|原本的|原来是|原先是|原为|原是|前身是|前身为|曾是)(\p{Script=Han}{2,8}?)(?=改建|改造|改成|建成|[，,。、；;])|由(?:一[块处座个片])?(\p{Script=Han}{2,8}?)(?=改建|改造|改成)/gu;

function formerCandidates(text: string): Candidate[] {
  return [...text.matchAll(FORMER)].map((m) => {
    const name = m[1] ?? m[2]!;
    const start = (m.index ?? 0) + m[0].length - name.length;
    return { start, end: start + name.length, kind: 'thing' as const, bonus: 1 };
  });
}

// What news says of a day a place is open or closed: 周一闭馆, 周一也不闭馆, 周末照常开放.
const OPEN_WORDS = '(?:闭馆|休馆|闭园|休园|开放|开馆|营业|休息|停诊|开门|关门)';

/** 「周一开门吗」: the day asked and what the text says of it, up to the verb (周一也不闭馆). */
function openDayCandidates(text: string, day: string): Candidate[] {
  const re = new RegExp(`${day}[^，,。；;、]{0,4}?${OPEN_WORDS}`, 'gu');
  return [...text.matchAll(re)].map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
    kind: 'thing' as const,
    bonus: 1,
  }));
}

export function candidatesOf(text: string, asked: AskedFor, question = ''): Candidate[] {
  if (asked.phone) return phoneCandidates(text);
  if (asked.free) return freeCandidates(text);
  if (asked.former) return formerCandidates(text);
  if (asked.openDay) return openDayCandidates(text, asked.openDay);
  switch (asked.kind) {
    case 'quantity':
      return quantityCandidates(text, asked, question);
    case 'date':
      return dateCandidates(text, asked);
    case 'person':
      return personCandidates(text, asked, question);
    case 'place':
    case 'organization':
      return namedCandidates(text, asked, asked.kind);
    case 'thing':
      return thingCandidates(text, asked.noun ?? '');
  }
}

// A name in quotes or title marks and the words right after it (「“银发课堂”智能手机培训班」).
const QUOTED = /[“"《]([^”"》“《]{2,12})[”"》](\p{Script=Han}{0,8})/gu;
// Words that may make up the name of a thing: nouns of every kind, abbreviations, unknown words.
const THING_PART = /^(?:n|nz|ng|ns|nt|nr|j|x|b|eng)$/;

/**
 * Things of the kind asked (`noun`: 花, 生产线, 培训班): a name in quotes right before a word of that
 * kind (「“马年说马”生肖文物展」 for 什么生肖展: the word ends as the noun does), and a noun phrase
 * ending in the noun (梨花 for 什么花, 精密减速机生产线 for 什么生产线), not one item of a list.
 */
function thingCandidates(text: string, noun: string): Candidate[] {
  if (!noun) return [];
  const out: Candidate[] = [];
  const head = noun[noun.length - 1]!;
  for (const m of text.matchAll(QUOTED)) {
    // The word after the name ends as the noun does and holds the rest of it (生肖文物展 for 生肖展).
    const at = m[2]!.indexOf(head);
    if (at < 0 || !m[2]!.slice(0, at + 1).includes(noun.slice(0, -1))) continue;
    const start = (m.index ?? 0) + 1;
    out.push({ start, end: start + m[1]!.length, kind: 'thing', bonus: 1 });
  }
  const toks = tokens(text);
  toks.forEach((t, k) => {
    if (!t.word.endsWith(noun) || !THING_PART.test(t.tag)) return;
    let first = k;
    while (first > 0) {
      const prev = toks[first - 1]!;
      if (!isHan(prev.word) || prev.start + prev.word.length !== toks[first]!.start) break;
      // An attribute or verb inside the name (精密|减速|机): not the predicate, which follows an
      // adverb, a preposition or a mark (将|建设).
      const before = toks[first - 2];
      const inside = /^(?:a|v|vn)$/.test(prev.tag) && before !== undefined && !/^(?:d|p|c|x|uj|r)$/.test(before.tag);
      if (!THING_PART.test(prev.tag) && !inside) break;
      if (t.start + t.word.length - prev.start > 10) break;
      first--;
    }
    const start = toks[first]!.start;
    const end = t.start + t.word.length;
    if (end - start <= noun.length) return; // the noun alone names no thing
    // 「居住证和社保缴纳证明」: one item of a list is not the answer alone.
    if (/(?:和|与|及|、)$/u.test(text.slice(0, start)) || /^(?:和|与|及|、)/u.test(text.slice(end))) return;
    if (out.some((c) => c.start < end && start < c.end)) return;
    out.push({ start, end, kind: 'thing', bonus: 0.5 });
  });
  return out;
}

/** The clause (between commas) that holds [start, end). */
export function clauseAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const from = Math.max(...[...'，,；;：:（('].map((p) => before.lastIndexOf(p))) + 1;
  const ends = [...'，,；;：:）)。！？!?'].map((p) => text.indexOf(p, end)).filter((i) => i >= 0);
  return text.slice(from, ends.length ? Math.min(...ends) : text.length);
}
