/**
 * A question to what the ranker needs: its content concepts (each with synonyms as
 * alternatives), a date it names, and whether it asks for a quantity. Question scaffolding
 * (是多少, 哪些, 怎么样, 请问, 吗……) is dropped so that it never drives the ranking.
 */
import type { PartialDate } from '../corpus/dates.ts';
import { normalize } from '../text/normalize.ts';
import { segment } from '../text/segment.ts';
import { SYNONYM_KEYS, synonymsOf } from './synonyms.ts';

/** One thing the question is about; any of `terms` matches it (the first is the user's own word). */
export interface Concept {
  terms: string[];
  /** 1 for a word, less for a lone character. */
  weight: number;
  /** The concept the question word asks about (「包保主体有多少家」: 包保主体); weighs more in the answer sentence. */
  focus?: boolean;
}

/**
 * What kind of answer the question asks for: a quantity (多少, 几, 多大), or a named thing whose
 * name ends in one of `suffixes` (哪个社区 -> ……社区; 哪些企业 -> ……公司; 在哪里 -> places).
 */
export type AnswerType = { kind: 'number' } | { kind: 'entity'; suffixes: string[] } | { kind: 'any' };

export interface ParsedQuery {
  normalized: string;
  concepts: Concept[];
  date?: PartialDate;
  answerType: AnswerType;
}

// Longest first: 是多少 before 多少, 在哪里 before 哪里.
const SCAFFOLDING = [
  '是什么意思',
  '什么意思',
  '什么时候',
  '为什么',
  '是多少',
  '有多少',
  '多少钱',
  '有哪些',
  '是哪些',
  '在哪里',
  '在哪儿',
  '是什么',
  '怎么样',
  '是谁',
  '有没有',
  '是否',
  '能否',
  '请问',
  '多少',
  '哪些',
  '哪个',
  '哪位',
  '哪家',
  '哪里',
  '哪儿',
  '什么',
  '怎么',
  '怎样',
  '如何',
  '第几个',
  '第几',
  '几个',
  '几位',
  '几级',
  '几家',
  '几项',
  '多大',
  '多长',
  '多高',
  '多久',
  '多远',
  '谁',
  '吗',
  '呢',
  '吧',
  '呀',
  '啊',
  '几',
  '哪',
];
const SCAFFOLDING_PATTERN = new RegExp(SCAFFOLDING.join('|'), 'g');
// Where the question word stands: the asking ones only (not 请问, 吗).
const SCAFFOLDING_PATTERN_ONE = /多少|几|哪|谁|什么|怎么|怎样|如何|多大|多长|多高|多久|多远/;
const STOP_CHARS = new Set([
  ...'的了是在有和与及去给都对把被上中为让从到向将就也还又等之其这那个位次们我你他她它并而或以于来过着得地很更最该此',
]);
const STOP_WORDS = new Set([
  '一下',
  '一些',
  '这个',
  '那个',
  '我们',
  '你们',
  '他们',
  '可以',
  '进行',
  '开展了',
  '情况',
  '相关',
  '有关',
  '以及',
  '还有',
  '关于',
  '知道',
  '告诉',
  '想',
  '问',
  '意思',
  '具体',
  '详细',
  '介绍一下',
  '讲讲',
  '说说',
  // Words about the archive itself, not about what is in it.
  '新闻',
  '报道',
  '消息',
  '内容',
  '信息',
  '文章',
  // Relative time: the archive's "today" is not the reader's.
  '今天',
  '昨天',
  '今年',
  '去年',
  '最近',
  '近期',
  '目前',
  '现在',
]);
const NUMBER_QUESTION = /多少|几|多大|多长|多高|多久|多远|数量|比例|面积|人口|金额|完成率/;

const PLACE_SUFFIXES = [
  '小学',
  '中学',
  '学校',
  '社区',
  '街道',
  '公园',
  '广场',
  '中心',
  '小区',
  '古镇',
  '新村',
  '园',
  '城',
  '村',
  '路',
  '馆',
  '院',
];
const SUFFIXES_OF: Record<string, string[]> = {
  企业: ['公司', '集团', '企业'],
  公司: ['公司', '集团'],
  单位: ['公司', '集团', '局', '委', '办', '中心', '协会'],
  团队: ['团', '队', '社'],
  学校: ['小学', '中学', '学校', '学院', '大学'],
  园区: ['园', '城', '区'],
};

/** The kind of answer a question asks for, read off its question word. */
export function answerTypeOf(text: string): AnswerType {
  if (NUMBER_QUESTION.test(text)) return { kind: 'number' };
  if (/在哪|哪里|哪儿|什么地方|何处|地点/.test(text)) return { kind: 'entity', suffixes: PLACE_SUFFIXES };
  const which = text.match(/(?:哪个|哪些|哪家|哪所|哪座|什么)(\p{Script=Han}{1,6})/u);
  if (which) {
    const after = which[1]!;
    for (const [noun, suffixes] of Object.entries(SUFFIXES_OF))
      if (after.includes(noun)) return { kind: 'entity', suffixes };
    // The noun asked about is the first word after 哪个 (哪个社区开展了…… -> 社区).
    const head = segment(after)[0]?.text ?? after;
    return { kind: 'entity', suffixes: head.length > 1 ? [head] : [after.slice(0, 2)] };
  }
  if (/谁|哪位|何人/.test(text))
    return {
      kind: 'entity',
      suffixes: ['同志', '书记', '主任', '区长', '理事长', '部长', '局长', '主席', '奶奶', '阿姨', '说'],
    };
  return { kind: 'any' };
}

/** A date named in the question: 2021年8月6日, 9月8日, 2023年4月, 2022年. */
export function extractDate(text: string): { date?: PartialDate; rest: string } {
  const full = text.match(/(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号])?/);
  if (full && (full[1] || full[3])) {
    const date: PartialDate = {
      year: full[1] ? Number(full[1]) : undefined,
      month: Number(full[2]),
      day: full[3] ? Number(full[3]) : undefined,
    };
    return { date, rest: text.replace(full[0], ' ') };
  }
  const year = text.match(/(?<!\d)((?:19|20)\d{2})年(?!代)/);
  if (year) return { date: { year: Number(year[1]) }, rest: text.replace(year[0], ' ') };
  return { rest: text };
}

/** Parses a question into concepts, date and intent. */
export function parseQuery(question: string): ParsedQuery {
  const normalized = normalize(question.slice(0, 500)).replace(/\s+/g, ' ').trim();
  const { date, rest } = extractDate(normalized);
  let text = rest.replace(SCAFFOLDING_PATTERN, ' ');
  const concepts: Concept[] = [];
  const addConcept = conceptAdder(concepts);
  // Synonym-group words are taken whole before segmentation can cut them (省运会, GDP), unless
  // they sit inside a longer word jieba knows (直播间 in 红色直播间).
  const words = segment(text);
  for (const key of SYNONYM_KEYS) {
    const at = text.indexOf(key);
    if (key.length < 2 || at < 0) continue;
    const inside = words.some(
      (w) => w.text.length > key.length && w.start <= at && at + key.length <= w.start + w.text.length,
    );
    if (inside) continue;
    addConcept(key, 1);
    text = text.split(key).join(' ');
  }
  for (const { text: word } of segment(text)) addWord(addConcept, word);
  markFocus(concepts, rest);
  return { normalized, concepts, date, answerType: answerTypeOf(normalized) };
}

/** Marks the content word standing nearest the question word, if the question has one. */
function markFocus(concepts: Concept[], text: string): void {
  const asked = text.search(SCAFFOLDING_PATTERN_ONE);
  if (asked < 0) return;
  let best: Concept | undefined;
  let distance = Infinity;
  for (const c of concepts) {
    if (c.weight < 1) continue;
    const at = text.indexOf(c.terms[0]!);
    if (at < 0) continue;
    const d = at < asked ? asked - (at + c.terms[0]!.length) : at - asked;
    if (d < distance) {
      distance = d;
      best = c;
    }
  }
  if (best && distance <= 4) best.focus = true;
}

function conceptAdder(concepts: Concept[]): (term: string, weight: number) => void {
  const seen = new Set(concepts.map((c) => c.terms[0]));
  return (term, weight) => {
    if (seen.has(term)) return;
    seen.add(term);
    concepts.push({ terms: [term, ...synonymsOf(term)], weight });
  };
}

function addWord(add: (term: string, weight: number) => void, word: string): void {
  if (STOP_WORDS.has(word) || (word.length === 1 && STOP_CHARS.has(word))) return;
  if (/^\d$/.test(word)) return;
  add(word, word.length === 1 ? 0.35 : 1);
}

/** Forward maximum matching against the archive's own words; unknown characters stand alone. */
function longestKnownParts(word: string, isKnown: (term: string) => boolean): string[] {
  const parts: string[] = [];
  for (let i = 0; i < word.length; ) {
    let len = Math.min(6, word.length - i);
    while (len > 1 && !isKnown(word.slice(i, i + len))) len--;
    parts.push(word.slice(i, i + len));
    i += len;
  }
  return parts;
}

/**
 * jieba's HMM can glue a known word to its neighbour (「崇川开了会」 -> 崇川开). A concept of three
 * or more characters that the archive never holds as a word is split into the words it does hold.
 */
export function splitUnknownConcepts(concepts: Concept[], isKnown: (term: string) => boolean): Concept[] {
  const out: Concept[] = [];
  const add = conceptAdder(out);
  for (const c of concepts) {
    const word = c.terms[0]!;
    if (word.length >= 3 && /^\p{Script=Han}+$/u.test(word) && !c.terms.some(isKnown)) {
      const parts = longestKnownParts(word, isKnown);
      // Only a split that finds known words helps; characters alone would match anything, and a
      // word the archive does not know should count against answering at all.
      if (parts.some((p) => p.length > 1)) {
        for (const part of parts) addWord(add, part);
        continue;
      }
    }
    add(word, c.weight);
    if (c.focus) out[out.length - 1]!.focus = true;
  }
  return out;
}
