/**
 * A question to what the ranker needs: its content concepts (each with synonyms as
 * alternatives), a date it names, and whether it asks for a quantity. Question scaffolding
 * (是多少, 哪些, 怎么样, 请问, 吗……) is dropped so that it never drives the ranking.
 */
import type { PartialDate } from '../../corpus/dates.ts';
import { normalize } from '../../text/normalize.ts';
import { dictionaryVersion, segment, tagHan } from '../../text/segment.ts';
import { SYNONYM_KEYS, synonymsOf } from './synonyms.ts';
import { RANKING, type RankingWeights } from '../weights.ts';
import type { ArchiveLookup } from './archive-lookup.ts';

/** One thing the question is about; any of `terms` matches it (the first is the user's own word). */
export interface Concept {
  terms: string[];
  /** 1 for a word, less for a lone character. */
  weight: number;
  /** The concept the question word asks about (「包保主体有多少家」: 包保主体); weighs more in the answer sentence. */
  focus?: boolean;
  /**
   * The focus names the kind of thing asked for, right after 什么 or 哪 (什么手艺, 哪项制度): the
   * answer is one of that kind (蓝印花布, 河长制), which the article need not call by the kind's word.
   */
  kindAsked?: boolean;
}

/**
 * What kind of answer the question asks for: a quantity (多少, 几, 多大), or a named thing whose
 * name ends in one of `suffixes` (哪个社区 -> ……社区; 哪些企业 -> ……公司; 在哪里 -> places).
 */
export type AnswerType =
  /**
   * `units`: what the quantity is counted in, when the question says (多少条 -> 条; 多少名 -> 名,
   * 位, 人; 多少钱 -> 元; 多大 -> 平方米, 亩……); any unit fits when it does not.
   */
  | { kind: 'number'; units?: string[] }
  /** When something happened or will (哪一年, 什么时候, 几月几号). */
  | { kind: 'date' }
  /**
   * `of`: the question asks for a place (在哪里), a person (谁) or where a person comes from
   * (哪里人), not only a thing of that suffix.
   */
  | { kind: 'entity'; suffixes: string[]; of?: 'place' | 'person' | 'origin' }
  | { kind: 'any' };

export interface ParsedQuery {
  normalized: string;
  concepts: Concept[];
  date?: PartialDate;
  answerType: AnswerType;
  /** The question speaks of the present (今年, 目前, 最近): the newest reporting is meant. */
  recent: boolean;
  /**
   * The question asks for the present holder of an office (区长是谁, 现任) or the latest news of
   * something (最新, 最近): of several articles that answer, the newest is meant.
   */
  latest: boolean;
}

// Question words and phrases (longest first: 是多少 before 多少, 在哪里 before 哪里): they say
// what kind of answer is wanted, never what it is about.
const SCAFFOLDING = [
  '是什么时候',
  '是哪一年',
  '是什么意思',
  '什么意思',
  '什么时候',
  '哪一年',
  '哪一天',
  '哪个月',
  '为什么',
  '是多少',
  '有多少',
  '多少钱',
  '有哪些',
  '是哪些',
  '在哪里',
  '在哪儿',
  '是什么',
  // 叫什么 asks what a thing or a person is called: the verb 叫 is the question's, not the report's.
  '叫什么',
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
  '哪年',
  '哪天',
  '何时',
  '什么',
  '怎么',
  '怎样',
  '如何',
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
  '哪',
];
// A classifier or unit after a question number word belongs to the question form (几个, 第几届,
// 多少场, 多少米): 「几」 or 「多少」, an optional ordinal 「第」 before, one classifier after.
// Patterns used in hot functions, made once here rather than at every call.
const HAN_ONLY = /^\p{Script=Han}+$/u;
const WHICH_NOUN = /(?:哪个|哪些|哪家|哪所|哪座|什么)(\p{Script=Han}{1,6})/u;
const CLASSIFIERS = '个位级家项名次场条件块辆套批所座届期株组只张份篇户轮处支类人米亩吨元岁';
// 几点 asks for a time of day (几点开门, 几点到几点): the hour is the question form, not a word of it.
// 本 counts books (几本书) unless it opens 本市, 本区, 本地 (多少本地居民).
const NUMBER_WORD = new RegExp(`第?(?:几|多少)(?:点钟?|[${CLASSIFIERS}]|本(?![市区地省县镇届]))?`, 'g');
const UNIT_ASKED = new RegExp(`(?:几|多少)([${CLASSIFIERS}])`);
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
  '能够',
  '进行',
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
  // Colloquial hedges and totals of spoken questions (一共搞了多少场, 大约多少米): the archive's
  // prose states the figure without them.
  '一共',
  '总共',
  '大约',
  '大概',
  '大致',
  '差不多',
  '到底',
  '究竟',
  '最后',
  '最终',
  // Degree adverbs and modal verbs of spoken questions (比较集中, 应该到会, 准备改造): they hedge or
  // frame what is asked; the archive words it its own way (相对集中, 应出席, 将改造) or not at all.
  '比较',
  '相对',
  '非常',
  '特别',
  '十分',
  '应该',
  '应当',
  '准备',
  '打算',
  // Placeholder nouns of spoken questions (低洼的地方, 多少户人家): they stand for the answer.
  '地方',
  '东西',
  '事情',
  '事儿',
  '人家',
  '方面',
  // The same for what a title or a name is called (当选了什么职务, 叫什么名字): the answer is the
  // title or name itself, never this word.
  '职务',
  '名字',
  '名称',
  // Directional complements after a verb (查出来, 建起来): the verb carries the meaning.
  '出来',
  '起来',
  '下来',
  '上来',
  '过来',
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
  '近日',
  '日前',
  '前段时间',
  '前些天',
  '前不久',
  '目前',
  '现在',
]);
// Multi-character stop words are taken out before segmentation, so that jieba cannot cut one
// across its neighbours (「前段时间排查」 read as 前 / 段时间).
const STOP_PHRASES = new RegExp(
  [...STOP_WORDS]
    .filter((w) => w.length > 1)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);
// Nouns of a measure: how many people, how much of something, what sum.
const MEASURE_NOUNS = /人数|数量|总数|数目|金额|全长|总长|长度/g;
// Words placing the question in the present: the archive's newest issues answer it.
const PRESENT = /今年|目前|现在|最近|近期|近日|今天|眼下|当前/;
// The latest of something (现任, 最新, 最近, 现在), or who holds an office now: an office has one
// holder at a time, so of the articles naming a holder the newest tells the present one.
const LATEST =
  /现任|最新|最近|现在|目前|如今|眼下|当前|(?:长|主任|书记|主席|委员|负责人|经理|董事|会长|校长|院长)(?:是谁|是哪位|叫什么)/;
const DATE_QUESTION = /什么时候|何时|哪一?年|哪一?天|几月|几号|哪个月|什么日子/;
// 率 at the end of the question or before a verb asks for a rate (完成率, 中签率是多少).
const NUMBER_QUESTION = /多少|几|多大|多长|多高|多久|多远|数量|比例|面积|人口|金额|\p{Script=Han}率(?:是|为|达|有|$)/u;

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
  '大学',
  '党校',
  '操场',
  '体育场',
  '会场',
  '礼堂',
  '大厦',
  '酒店',
  '剧院',
  '景区',
  '基地',
  '开发区',
  '园区',
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

// What a quantity asked by these words is counted in.
const UNITS_OF_QUESTION: [RegExp, string[]][] = [
  [/多少钱|金额/, ['元']],
  [/人数/, ['人', '名', '位']],
  [/多大(?!年纪|岁)/, ['平方', '亩', '公顷', '米', '寸', '万', '亿']],
  [/多大年纪|多大岁数|几岁/, ['岁']],
  [/多高|多远|全长|总长|长度/, ['米', '里']],
  // A duration is often given in minutes and seconds (用时2分50秒).
  [/多长时间|多久/, ['年', '月', '天', '日', '小时', '分钟', '周', '分', '秒']],
  [/多长/, ['米', '里', '年', '月', '天', '小时', '分钟']],
];
// Classifiers news prose uses for one another: people are counted in 名, 位 or 人 (人次).
const SAME_CLASSIFIER: Record<string, string[]> = {
  名: ['名', '位', '人'],
  位: ['位', '名', '人'],
  人: ['人', '名', '位'],
};

/** The units a number question's answer is counted in; undefined when any will do (几个, 多少). */
export function unitsAsked(text: string): string[] | undefined {
  for (const [pattern, units] of UNITS_OF_QUESTION) if (pattern.test(text)) return units;
  const classifier = text.match(UNIT_ASKED)?.[1];
  // 个, the general classifier, fits any unit (多少个名额 -> 5000人).
  if (!classifier || classifier === '个') return undefined;
  return SAME_CLASSIFIER[classifier] ?? [classifier];
}

/** The kind of answer a question asks for, read off its question word. */
export function answerTypeOf(text: string): AnswerType {
  if (DATE_QUESTION.test(text)) return { kind: 'date' };
  // 哪几个 asks for the items themselves, not for how many there are.
  if (/哪几/.test(text)) return { kind: 'any' };
  if (NUMBER_QUESTION.test(text)) {
    const units = unitsAsked(text);
    return units ? { kind: 'number', units } : { kind: 'number' };
  }
  if (/(?:哪里|哪儿|什么地方)人/.test(text)) return { kind: 'entity', suffixes: ['人'], of: 'origin' };
  if (/在哪|哪里|哪儿|什么地方|何处|地点/.test(text)) return { kind: 'entity', suffixes: PLACE_SUFFIXES, of: 'place' };
  const which = text.match(WHICH_NOUN);
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
      of: 'person',
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

// Spoken question words and their standard forms (啥时候 is 什么时候, 咋办 is 怎么办): every reader
// of the question (its kind of answer, its scaffolding, the short answer) then knows them.
const COLLOQUIAL: [RegExp, string][] = [
  [/啥子|啥/g, '什么'],
  [/咋/g, '怎么'],
  [/多会儿/g, '什么时候'],
];

// A rate asked in speech by one unit of time (一秒钟能抽多少水, 一小时能走多远): news writes the rate
// with 每 (每秒12立方米, 每小时), and the bare 秒钟 or 小时 stands in no report of it.
// Not an ordinal (第一天: the first day) nor a numeral's last digit (十一天).
const SPOKEN_RATE = /(?<![第〇零一二三四五六七八九十百\d])一(秒|分钟|小时|天)钟?/g;

/** The question with its spoken question words in their standard form. */
export function standardQuestionWords(text: string): string {
  return COLLOQUIAL.reduce((t, [spoken, standard]) => t.replace(spoken, standard), text);
}

/** Parses a question into concepts, date and intent; `w` gives the concept weights. */
export function parseQuery(question: string, w: RankingWeights = RANKING): ParsedQuery {
  const normalized = standardQuestionWords(normalize(question.slice(0, 500)).replace(/\s+/g, ' ').trim());
  const wantsNumber = NUMBER_QUESTION.test(normalized);
  const { date, rest } = extractDate(normalized);
  let text = rest.replace(NUMBER_WORD, ' ').replace(SCAFFOLDING_PATTERN, ' ').replace(STOP_PHRASES, ' ');
  // In a question for a figure, a measure noun names the figure asked for (报名人数有多少): news
  // gives the figure with its unit (报名31650人), not the noun.
  if (wantsNumber) text = text.replace(MEASURE_NOUNS, ' ').replace(SPOKEN_RATE, '每$1');
  const concepts: Concept[] = [];
  const addConcept = conceptAdder(concepts);
  const weigh = (word: string) => wordWeight(word, w);
  // Synonym-group words are taken whole before segmentation can cut them (省运会, GDP), unless
  // they sit inside a longer word jieba knows (直播间 in 红色直播间).
  const words = segment(text);
  let taken = false;
  for (const key of SYNONYM_KEYS) {
    const at = text.indexOf(key);
    if (key.length < 2 || at < 0) continue;
    const inside = words.some(
      (word) => word.text.length > key.length && word.start <= at && at + key.length <= word.start + word.text.length,
    );
    if (inside) continue;
    addConcept(key, 1);
    text = text.split(key).join(' ');
    taken = true;
  }
  for (const { text: word } of taken ? segment(text) : words) addWord(addConcept, word, weigh);
  surnameBeforeAddress(concepts, rest, w);
  markFocus(concepts, rest);
  return {
    normalized,
    concepts,
    date,
    answerType: answerTypeOf(normalized),
    recent: PRESENT.test(rest),
    latest: LATEST.test(rest),
  };
}

// Spoken terms of address after a surname (顾师傅, 李阿姨, 王老师): residents name a person so, while
// news prints the full name (顾德明) and seldom the address term.
const ADDRESS_TERMS = new Set([
  '师傅',
  '阿姨',
  '大爷',
  '大妈',
  '大姐',
  '大哥',
  '奶奶',
  '爷爷',
  '老师',
  '先生',
  '女士',
  '阿婆',
  '老伯',
]);

/**
 * A lone character right before a term of address is a surname: it names the person, so it weighs
 * as a word, and the address term, which the report seldom repeats, as a light word.
 */
export function surnameBeforeAddress(concepts: Concept[], question: string, w: RankingWeights = RANKING): void {
  for (let k = 1; k < concepts.length; k++) {
    const surname = concepts[k - 1]!;
    const address = concepts[k]!;
    if (surname.terms.length !== 1 || address.terms.length !== 1) continue;
    if (!HAN_ONLY.test(surname.terms[0]!) || surname.terms[0]!.length !== 1) continue;
    // Side by side in the question (书法课的老师 is no surname).
    if (!ADDRESS_TERMS.has(address.terms[0]!) || !question.includes(surname.terms[0]! + address.terms[0]!)) continue;
    surname.weight = 1;
    address.weight = w.concept.lightWord;
  }
}

// Words that frame a figure rather than name what it counts, so never the word asked about: a
// number and its measure (一天, 一趟, 一张, 一度: the rate's denominator, 一天报多少), an ordinal or rank
// (第一名), and a scope or total (全区, 全年, 一共, 累计: how far the count reaches). The article
// states the figure with its subject and seldom repeats these words.
const FRAMING_WORD = new RegExp(
  `^(?:[一二两三四五六七八九十半\\d]+(?:[${CLASSIFIERS}天趟张年月周日秒斤度]|小时|分钟)|每\\p{Script=Han}|第[一二三四五六七八九十\\d]+\\p{Script=Han}?|全[区市省国年]|一共|总共|共计|合计|累计|总计)$`,
  'u',
);

// 什么 or 哪 with an optional classifier right before a word: that word is the kind asked for.
const KIND_ASKED = new RegExp(`(?:什么|哪[${CLASSIFIERS}种些]?)$`);

/** Marks the content word standing nearest the question word, if the question has one (not a framing word). */
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
  if (best && distance <= 4 && !FRAMING_WORD.test(best.terms[0]!)) {
    best.focus = true;
    if (KIND_ASKED.test(text.slice(0, text.indexOf(best.terms[0]!)))) best.kindAsked = true;
  }
}

function conceptAdder(concepts: Concept[]): (term: string, weight: number) => void {
  const seen = new Set(concepts.map((c) => c.terms[0]));
  return (term, weight) => {
    if (seen.has(term)) return;
    seen.add(term);
    concepts.push({ terms: [term, ...synonymsOf(term)], weight });
  };
}

// jieba's part-of-speech tags of words that carry little of a question's information: verbs,
// adjectives, adverbs, pronouns, prepositions, conjunctions, particles. A question's nouns and names
// say what it is about; its verbs are the words a reporter most often puts differently (打算 for
// 计划, 提供 for 带来), so they count less. Verbal nouns (vn: 投资, 服务) count in full.
const LIGHT_TAGS = new Set(['v', 'vd', 'vi', 'a', 'ad', 'd', 'r', 'p', 'c', 'u', 'y', 'e', 'o']);

// jieba's tag of a word alone, remembered (questions repeat their words); bounded, cleared when
// full or when jieba loads another dictionary (new issues bring new words: a tag may change).
const tagCache = new Map<string, string>();
let tagCacheVersion = -1;
function tagOf(word: string): string {
  if (tagCacheVersion !== dictionaryVersion()) {
    tagCache.clear();
    tagCacheVersion = dictionaryVersion();
  }
  let tag = tagCache.get(word);
  if (tag === undefined) {
    const tags = tagHan(word);
    tag = tags.length === 1 ? tags[0]!.tag : '';
    if (tagCache.size >= 20_000) tagCache.clear();
    tagCache.set(word, tag);
  }
  return tag;
}

/** What a word weighs in the question before idf: less for a lone character or a light word. */
export function wordWeight(word: string, w: RankingWeights = RANKING): number {
  if (word.length === 1) return w.concept.singleChar;
  if (!HAN_ONLY.test(word)) return 1;
  return LIGHT_TAGS.has(tagOf(word)) ? w.concept.lightWord : 1;
}

// jieba's tags of proper names: people, places, organisations, other names; x is a word its HMM
// guessed, which in news is mostly a name it does not know (顾保红, 首店).
const NAME_TAGS = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'x']);

/** Whether a word reads as a proper name: a person, place, organisation or programme. */
export function isProperName(word: string): boolean {
  if (word.length < 2 || !HAN_ONLY.test(word)) return false;
  const tag = tagOf(word);
  return tag === '' || NAME_TAGS.has(tag);
}

/** Whether jieba's dictionary lacks the word (its HMM guessed it: 「建成后能」 gives 后能). */
function guessedWord(word: string): boolean {
  const tag = tagOf(word);
  return tag === '' || tag === 'x';
}

const DEICTIC = new RegExp(`^[这那](?:[${CLASSIFIERS}天回种样边里儿])$`);

function addWord(add: (term: string, weight: number) => void, word: string, weigh: (word: string) => number): void {
  if (STOP_WORDS.has(word) || (word.length === 1 && STOP_CHARS.has(word))) return;
  // A lone digit or Latin letter says nothing (markup, stray keys).
  if (/^[\da-z]$/.test(word)) return;
  // 这 or 那 with a classifier or a place word points at something said before (那天, 那条线路,
  // 那边, 这次): spoken reference, never a word the archive's report of it repeats.
  if (DEICTIC.test(word)) return;
  add(word, weigh(word));
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

// Characters that turn the word before them into a noun of a place, a body or a person (托管点,
// 服务站, 调解室, 网格员, 志愿队): jieba often cuts them off a word it knows.
const NOUN_SUFFIXES = new Set([...'点站室员队处所']);

/** A reading is the archive's own when it stands in this many passages, this many times the other's. */
const FAVOURED_MIN = 3;
const FAVOURED_RATIO = 4;

/**
 * Lone characters next to each other, or to a word, where the archive holds them together: names
 * jieba does not know fall apart in a short question (寺街 -> 寺 街, 铂特 -> 铂 特). Two characters
 * are joined back when the archive holds them side by side; a character and a word only when the
 * archive's segmentation made the whole a word.
 */
export function glueSingles(
  concepts: Concept[],
  question: string,
  archive: Pick<ArchiveLookup, 'isWord' | 'occurs' | 'passageCount'>,
  w: RankingWeights = RANKING,
): Concept[] {
  const inArchive = (t: string) => archive.occurs(t);
  const isWord = (t: string) => archive.isWord(t);
  const count = (t: string) => archive.passageCount?.(t) ?? 0;
  // Of two readings of the same characters, the archive's own is the one it prints far more often
  // (濠河 in many passages, 河边 in one: 濠河边上 is 濠河 + 边上).
  const favoured = (t: string, over: string) => count(t) >= FAVOURED_MIN && count(t) >= FAVOURED_RATIO * count(over);
  const out: Concept[] = [];
  for (const c of concepts) {
    const prev = out[out.length - 1];
    if (prev && prev.terms.length === 1 && c.terms.length === 1) {
      const a = prev.terms[0]!;
      const b = c.terms[0]!;
      const joined = a + b;
      // Two lone characters, or a character and a word that the archive reads as one word, or a
      // word and a noun-forming suffix after it (托管 点 -> 托管点, 观赛 点, 调解 室).
      const glue =
        (a.length === 1 && b.length === 1) ||
        ((a.length === 1 || b.length === 1) && isWord(joined)) ||
        (a.length >= 2 && NOUN_SUFFIXES.has(b));
      if (glue && question.includes(joined) && inArchive(joined)) {
        out[out.length - 1] = { terms: [joined], weight: 1, ...(prev.focus || c.focus ? { focus: true } : {}) };
        continue;
      }
      // A lone character that forms an archive word with the next word's first character, where
      // the archive never holds that next word, was cut the wrong way (濠 河边 -> 濠河 边).
      const head = a + b[0];
      const recut =
        a.length === 1 &&
        b.length >= 2 &&
        question.includes(joined) &&
        (isWord(head) || (inArchive(head) && (!inArchive(b) || favoured(head, b))));
      if (recut && b.length > 2) {
        out[out.length - 1] = { terms: [head], weight: 1 };
        out.push({ terms: [b.slice(1)], weight: c.weight, ...(c.focus ? { focus: true } : {}) });
        continue;
      }
      if (recut) {
        out[out.length - 1] = { terms: [head], weight: 1 };
        out.push({ terms: [b[1]!], weight: w.concept.singleChar });
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/**
 * A word as a noun the archive holds and a one-character verb jieba glued to its end or start
 * (特展+展, 开+会场); undefined if neither reading holds.
 */
function gluedCharacter(word: string, occurs: (t: string) => boolean): [string, string] | undefined {
  const isVerb = (ch: string) => tagOf(ch) === 'v';
  const head = word.slice(0, -1);
  if (isVerb(word.slice(-1)) && occurs(head)) return [head, word.slice(-1)];
  const tail = word.slice(1);
  if (isVerb(word[0]!) && occurs(tail)) return [word[0]!, tail];
  return undefined;
}

/**
 * jieba's HMM can glue a known word to its neighbour (「崇川开了会」 -> 崇川开). A concept of three
 * or more characters that the archive never holds as a word is split into the words it does hold.
 */
export function splitUnknownConcepts(
  concepts: Concept[],
  archive: Pick<ArchiveLookup, 'isWord'> & Partial<Pick<ArchiveLookup, 'occurs'>>,
  w: RankingWeights = RANKING,
): Concept[] {
  const isKnown = (t: string) => archive.isWord(t);
  const occurs = (t: string) => archive.occurs?.(t) ?? false;
  const out: Concept[] = [];
  const add = conceptAdder(out);
  const weigh = (word: string) => wordWeight(word, w);
  for (const c of concepts) {
    const word = c.terms[0]!;
    // A synonym group's word is a deliberate phrase, never split.
    if (c.terms.length > 1) {
      out.push(c);
      continue;
    }
    // Two characters jieba glued without knowing them as a word, and the archive never reads as one.
    if (word.length === 2 && HAN_ONLY.test(word) && !c.terms.some(isKnown) && guessedWord(word)) {
      for (const ch of word) addWord(add, ch, weigh);
      continue;
    }
    if (word.length >= 3 && HAN_ONLY.test(word) && !c.terms.some(isKnown)) {
      const parts = longestKnownParts(word, isKnown);
      // Only a split that finds known words helps; characters alone would match anything, and a
      // word the archive does not know should count against answering at all.
      if (parts.some((p) => p.length > 1)) {
        for (const part of parts) addWord(add, part, weigh);
        continue;
      }
      // jieba glued a one-character verb to the noun before or after it (特展展到, 三小开了): the
      // whole stands nowhere in the archive, the noun without that character does. The noun keeps
      // the focus (it is what the question word asks about).
      const glued = occurs(word) ? undefined : gluedCharacter(word, occurs);
      if (glued) {
        for (const part of glued) {
          addWord(add, part, weigh);
          if (c.focus && part.length > 1) out[out.length - 1]!.focus = true;
        }
        continue;
      }
    }
    add(word, c.weight);
    if (c.focus) out[out.length - 1]!.focus = true;
    if (c.kindAsked) out[out.length - 1]!.kindAsked = true;
  }
  return out;
}
