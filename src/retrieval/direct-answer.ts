/**
 * The answer itself: for a question that asks for a quantity, a person, a place, an organisation
 * or a date, the shortest span of the answering passage that answers it (「814亿元」「学田街道」).
 *
 * Two steps, both pure:
 * 1. `askedFor` reads the question word: 多少/几/多大 ask for a quantity (in the unit the question
 *    names: 多少辆 → 辆), 谁/哪位 for a person, 哪里/哪个社区 for a place, 哪家企业/哪个单位 for an
 *    organisation, 什么时候/哪天 for a date.
 * 2. `directAnswer` collects the spans of that kind in the answer sentence (then, if it has none,
 *    in the passage's other sentences) and keeps the one best tied to the question: its words in
 *    the same clause, a word of the question right beside it, the unit the question names, the
 *    title the question names next to a name, 在/于 before a place.
 * A wrong short answer is worse than none: two candidates that tie, or a candidate the question's
 * words do not reach, give no answer.
 */
import { normalize } from '../text/normalize.ts';
import { segment, tagHan } from '../text/segment.ts';
import { SURNAMES } from './dictionary.ts';
import { SYNONYM_CREDIT } from './answer.ts';
import { splitSentences } from './passages.ts';
import { synonymsOf } from './synonyms.ts';

export type DirectKind = 'quantity' | 'person' | 'place' | 'organization' | 'date';

/** The short answer a result carries: 「814亿元」, kind "quantity". */
export interface DirectAnswer {
  text: string;
  kind: DirectKind;
}

/** What a question asks for, read off its question word. */
export interface AskedFor {
  kind: DirectKind;
  /** Units the answer should carry: the measure word the question names (多少辆 -> 辆), or a family (面积 -> 平方米…). */
  units: string[];
  /** The question names its own measure word (多少辆), not only a family. */
  namedUnit: boolean;
  /** 第几: an ordinal (第八个) is asked for. */
  ordinal: boolean;
  /** The noun asked about (哪个社区 -> 社区) or the title of the person asked for (副区长是谁 -> 副区长). */
  noun?: string;
  /** The question asks where something is or happens (在哪里, 落户在哪): 在/于 before a place counts. */
  where: boolean;
  /** For a date: the word the question times, the one right after 什么时候 (or before it: 持续到什么时候). */
  event?: string;
  /** 哪些: more than one may answer, listed together. */
  plural: boolean;
  /** 是哪里人: where a person comes from. */
  origin: boolean;
  /** The question's content words outside its question phrase. */
  terms: string[];
  /** Those of `terms` standing right beside the question phrase (谁 *当选*, *修路*谁出的钱). */
  anchors: string[];
  /** The word right before the question phrase (*调解成功*了多少起): the figure follows it in the text. */
  before?: string;
}

// ---------------------------------------------------------------------------------------------
// Units and the families they belong to. A question that counts people in 位 is answered by 人次
// as well; one that asks for an area is not answered by a sum of money.

const UNIT_FAMILIES: Record<string, string[]> = {
  people: ['人次', '余人', '人', '名', '位'],
  money: ['亿元', '万元', '千元', '元'],
  area: ['平方公里', '平方千米', '平方米', '公顷', '亩'],
  length: ['公里', '千米', '米'],
  weight: ['万吨', '吨', '千克', '公斤'],
  share: ['%', '‰', '个百分点', '成'],
  duration: ['小时', '分钟', '个月', '天', '年', '周'],
};
// Measure words, longest first so that 人次 is read before 人.
const UNITS = [
  ...new Set([
    ...Object.values(UNIT_FAMILIES).flat(),
    ...'个 家 块 辆 条 场 处 件 组 套 株 棵 项 所 座 栋 幢 间 台 部 支 只 张 份 册 本 户 级 届 期 批 次 倍 岁 起 宗 例 箱 袋 单 首 种 类 圈 轮 门 床 盏 把 颗 头 匹 根 米'.split(
      ' ',
    ),
    '批次',
    '户次',
    '人次',
    '辆次',
    '架次',
    '车次',
    '场次',
  ]),
].sort((a, b) => b.length - a.length);
const UNIT_ALT = UNITS.join('|');
const FAMILY_OF = new Map<string, string>();
for (const [family, units] of Object.entries(UNIT_FAMILIES)) for (const u of units) FAMILY_OF.set(u, family);

// Words that say which family of unit a question wants when it names no measure word.
const FAMILY_CUES: [RegExp, string][] = [
  [/率|比例|占比|比重|百分之|百分比|增幅|增速|增长了?多少|降幅/, 'share'],
  // A subsidy or discount is given as a sum or as a share of the price.
  [/补贴|补助|优惠|折扣|减免/, 'money share'],
  [/钱|金额|资金|投资|投入|奖金|慰问金|收入|营收|销售额|产值|生产总值|gdp|预算|经费|价格|费用|造价/, 'money'],
  [/面积|多大|占地/, 'area'],
  [/多长|长度|全长|多远|距离|多高|高度|多宽|多深/, 'length'],
  [/多重|重量|产量|吨/, 'weight'],
  [/多久|多长时间|几天|几年|几个月|工期|历时/, 'duration'],
  [/人口|人数|多少人|几人/, 'people'],
];

// ---------------------------------------------------------------------------------------------
// Question words.

const DATE_QUESTION =
  /什么时候|什么时间|何时|哪天|哪一天|哪日|几月几[日号]|几号|哪年|哪一年|哪个月|几月份?|截至何时|哪个时间/;
const PERSON_QUESTION = /谁|哪位|哪一位|什么人|何人|哪些人/;
const QUANTITY_QUESTION =
  /多少|几|多大|多长|多高|多重|多远|多久|多宽|多深|百分之|(?:率|比例|占比)(?:为|是|达|达到|有)?$/;
const PLACE_NOUNS =
  '街道|社区|小区|村|镇|乡|园区|公园|广场|学校|小学|中学|大学|场馆|场地|地方|城市|区域|地点|路段|路|街|景区|小镇|片区|点位|酒店|医院|会场';
const ORG_NOUNS =
  '单位|企业|公司|部门|机构|组织|协会|团队|团体|银行|集团|工厂|项目方|社会组织|学会|商会|合作社|品牌|院校|高校|媒体|平台';
// 哪个社区, 哪些中小微企业: the noun asked about may carry a short modifier.
const WHICH_WORDS = '(?:哪个|哪些|哪家|哪一家|哪一个|哪所|哪座|什么)';
const WHICH = `${WHICH_WORDS}\\p{Script=Han}{0,3}?`;
const PLACE_QUESTION = new RegExp(
  `在哪里|在哪儿|哪里|哪儿|在哪|去哪|到哪|什么地方|何处|何地|哪座|哪所|${WHICH}(?:${PLACE_NOUNS})`,
  'u',
);
const ORG_QUESTION = new RegExp(`${WHICH}(?:${ORG_NOUNS})`, 'u');

/** Titles and roles printed beside a name (区委书记胡拥军, 孙燕同志). */
const TITLES = [
  '副书记',
  '书记',
  '副区长',
  '区长',
  '副市长',
  '市长',
  '副主任',
  '主任',
  '副科长',
  '科长',
  '副局长',
  '局长',
  '副处长',
  '处长',
  '副主席',
  '主席',
  '副理事长',
  '理事长',
  '副部长',
  '部长',
  '副校长',
  '校长',
  '副院长',
  '院长',
  '所长',
  '站长',
  '社长',
  '董事长',
  '总经理',
  '经理',
  '负责人',
  '队长',
  '会长',
  '秘书长',
  '总监',
  '主管',
  '委员',
  '常委',
  '代表',
  '记者',
  '通讯员',
  '志愿者',
  '老师',
  '教授',
  '医生',
  '专家',
  '馆长',
  '园长',
  '网格员',
  '民警',
  '调解员',
  '传承人',
  '党员',
  '居民',
  '市民',
  '村民',
  '同志',
  '奶奶',
  '爷爷',
  '阿姨',
  '叔叔',
  '大爷',
  '大妈',
  '师傅',
  '先生',
  '女士',
];
/** Words for people in general: beside a name they show it is one, but they are no title asked for. */
const PERSON_WORDS = new Set(['居民', '市民', '村民', '党员', '同志', '志愿者', '代表', '委员']);
/** Roles that name who wrote or photographed the story: a name beside them is a byline, not an answer. */
const BYLINE_ROLES = ['记者', '通讯员', '摄影', '编辑'];

// Words of a question that carry nothing about what is asked.
const QUESTION_STOP = new Set([
  '请问',
  '一下',
  '知道',
  '告诉',
  '我们',
  '一共',
  '总共',
  '共有',
  '大约',
  '大概',
  '左右',
  '具体',
  '主要',
  '已经',
  '能够',
  '可以',
  '打算',
  '准备',
  '计划',
  '将要',
  '需要',
  '名字',
  '叫做',
  '情况',
]);

/**
 * Runs of single characters jieba could not make words of are one name (铂/特 -> 铂特), unless a
 * character is a function word.
 */
function joinSingles(tokens: { text: string; start: number }[]): { text: string; start: number }[] {
  const single = (x: string) => x.length === 1 && /\p{Script=Han}/u.test(x) && !FUNCTION_CHARS.has(x);
  const out: { text: string; start: number; singles: boolean }[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    if (prev?.singles && single(t.text) && prev.start + prev.text.length === t.start) prev.text += t.text;
    else out.push({ ...t, singles: single(t.text) });
  }
  return out;
}
const FUNCTION_CHARS = new Set([...'的了是在有和与及去给都对把被上中为让从到向将就也还又等之其这那个位次们年月日']);

// A search asks once per result; the question's reading is kept for the next call.
let lastAsked: { question: string; asked: AskedFor | undefined } | undefined;

/** What kind of short answer the question asks for; undefined when it asks for none of them. */
export function askedFor(question: string): AskedFor | undefined {
  if (lastAsked?.question !== question) lastAsked = { question, asked: readAsked(question) };
  return lastAsked.asked;
}

function readAsked(question: string): AskedFor | undefined {
  const q = normalize(question).replace(/\s+/g, '');
  let kind: DirectKind | undefined;
  let phrase: RegExpMatchArray | null = null;
  let noun: string | undefined;
  const person = q.match(PERSON_QUESTION);
  const date = q.match(DATE_QUESTION);
  const org = q.match(ORG_QUESTION);
  const place = q.match(PLACE_QUESTION);
  if (date) [kind, phrase] = ['date', date];
  else if (person) {
    [kind, phrase] = ['person', person];
    // 哪位烈士后代 / 副区长是谁: the role the person holds.
    const after = q.slice((person.index ?? 0) + person[0].length);
    noun =
      TITLES.filter((t) => q.includes(t) && !PERSON_WORDS.has(t)).sort((a, b) => b.length - a.length)[0] ??
      (person[0].startsWith('哪') ? segment(after).find((t) => isHan(t.text))?.text : undefined);
  } else if (org) {
    [kind, phrase] = ['organization', org];
    noun = q.match(new RegExp(`${WHICH}(${ORG_NOUNS})`, 'u'))?.[1];
  } else if (place) {
    [kind, phrase] = ['place', place];
    noun = q.match(new RegExp(`${WHICH}(${PLACE_NOUNS})`, 'u'))?.[1];
  } else {
    const quantity = q.match(QUANTITY_QUESTION);
    if (quantity) [kind, phrase] = ['quantity', quantity];
  }
  if (!kind || !phrase) return undefined;
  // 哪几个原则 asks for the items, not for how many.
  if (kind === 'quantity' && /哪几/.test(q)) return undefined;

  let units: string[] = [];
  let namedUnit = false;
  const ordinal = kind === 'quantity' && /第几/.test(q);
  if (kind === 'quantity') {
    const named = q.match(new RegExp(`(?:多少|几)(${UNIT_ALT})`))?.[1];
    if (named) {
      units = [named];
      namedUnit = true;
    } else {
      const families = FAMILY_CUES.find(([cue]) => cue.test(q))?.[1];
      if (families) units = families.split(' ').flatMap((f) => UNIT_FAMILIES[f]!);
    }
  }
  // The question's own words, the question phrase (and a named unit) taken out.
  const at = phrase.index ?? 0;
  const after = q.slice(at + phrase[0].length);
  // The verb that only carries the question (有/是/为 多少) goes with it, or jieba glues it to a word (全马有).
  const lead = q.slice(0, at).replace(/(?:一共|总共|共有|大约|大概|有|是|为|共|约)$/u, '');
  let rest = `${lead}${' '.repeat(at - lead.length)} ${namedUnit ? after.slice(units[0]!.length) : after}`;
  rest = rest.replace(/多少|几|哪些|哪个|哪家|哪位|哪里|哪儿|什么|是谁|谁|何时|何处/g, ' ');
  // The noun asked about, with its modifier (哪些中小微企业), says which sentence speaks of it.
  if (noun) {
    const which = q.match(new RegExp(`${WHICH_WORDS}(\\p{Script=Han}{0,3}?)${literal(noun)}`, 'u'));
    rest += ` ${which ? which[1] + noun : noun}`;
  }
  const words = joinSingles(segment(rest)).filter(
    (t) => t.text.length >= 2 && !QUESTION_STOP.has(t.text) && !/^\d+$/.test(t.text),
  );
  // Positions in `rest`: the question phrase stood at `at`, now one space wide.
  // The nearest word on each side, if within three characters.
  const left = words.filter((t) => t.start < at).pop();
  const right = words.find((t) => t.start > at);
  const anchors = [
    ...(left && at - (left.start + left.text.length) <= 3 ? [left.text] : []),
    ...(right && right.start - (at + 1) <= 3 ? [right.text] : []),
  ];
  // 「谁对三季度大比武作点评部署」: after a preposition the verb that ties who did it ends the question.
  if (kind === 'person' && /^[对给向为在把被由跟和与从]/u.test(after) && words.length > 0)
    anchors.splice(0, anchors.length, words[words.length - 1]!.text);
  const terms = [...new Set(words.map((t) => t.text))];
  const where = kind === 'place' && /在哪|哪里|哪儿|什么地方|何处|何地/.test(q);
  const origin = kind === 'place' && /哪里人|哪儿人|什么地方人/.test(q);
  const event =
    kind === 'date' ? (words.find((t) => t.start > at) ?? words.filter((t) => t.start < at).pop())?.text : undefined;
  const before = left && at - (left.start + left.text.length) <= 2 ? left.text : undefined;
  const plural = /哪些|哪几/.test(q);
  return {
    kind,
    units,
    namedUnit,
    ordinal,
    noun,
    where,
    origin,
    event,
    plural,
    terms,
    anchors: [...new Set(anchors)],
    before,
  };
}

// ---------------------------------------------------------------------------------------------
// Candidate spans of each kind.

interface Candidate {
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
// 上千名, 数百人, 近万人: round figures said in words.
const ROUND = '(?:上|数|近)[十百千万]';
const AMOUNT = `(?:${AR_NUMBER}|${CN_NUMBER}|${ROUND})[万亿千百]?(?:余|多|来)?`;
// 近6万人, 680余人次, 20家以上, 15%—20%, 3至5个, 三千余人.
const QUANTITY = new RegExp(
  `(?:近|约|超过|超|逾|不足|不到|将近|不少于|不低于|不超过|共计)?(${AMOUNT})(${UNIT_ALT})?(?:[-—–~～至到](?:${AMOUNT})(?:${UNIT_ALT})?)?(?:以上|左右|之多)?`,
  'gu',
);
const ORDINAL = new RegExp(`第(?:${AR_NUMBER}|${CN_NUMBER})(?:${UNIT_ALT})`, 'gu');
// 2024年5月8日, 9月8日, 3月底, 2025年, 月中旬.
const DATE =
  /(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}[日号])?(?:上旬|中旬|下旬|底|初|中|末)?|(?:19|20)\d{2}年(?:底|初|末|上半年|下半年)?/gu;

function quantityCandidates(text: string, asked: AskedFor): Candidate[] {
  const out: Candidate[] = [];
  if (asked.ordinal) {
    for (const m of text.matchAll(ORDINAL)) {
      const start = m.index ?? 0;
      out.push({ start, end: start + m[0].length, kind: 'quantity', bonus: 0 });
    }
    return out;
  }
  for (const m of text.matchAll(QUANTITY)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const amount = m[1]!;
    const unit = m[2];
    const isChinese = !/\d/.test(amount);
    if (!unit && (isChinese || !/[%‰]/.test(m[0]))) continue; // a bare number is rarely an answer
    if (text[start - 1] === '第' || /^[:：·.]\d/.test(text.slice(end, end + 2))) continue; // ordinals, times
    if (/[a-z]/.test(text[start - 1] ?? '')) continue; // part of a code (A1类, G15)
    if (unit === '年' && /^(?:19|20)\d{2}/.test(amount)) continue; // a year, not a duration
    if (unit === '成' && !isChinese) continue;
    if (isChinese && /^[一两]$/.test(amount) && !asked.units.includes(unit ?? '')) continue; // 一场, 一个: wording
    const bonus = unitBonus(unit, asked);
    if (bonus !== undefined) out.push({ start, end, kind: 'quantity', unit, bonus });
  }
  return out;
}

/**
 * The unit the question names earns most, one of its family less; undefined for a unit of another
 * family (an area does not answer 多少钱), which drops the candidate.
 */
function unitBonus(unit: string | undefined, asked: AskedFor): number | undefined {
  if (!unit || asked.units.length === 0) return 0;
  if (!asked.namedUnit) return asked.units.includes(unit) ? 1 : undefined;
  if (asked.units.includes(unit)) return 1;
  const family = FAMILY_OF.get(asked.units[0]!);
  if (family && family === FAMILY_OF.get(unit)) return 0.6;
  // 个 counts things and places, and people too (多少个名额 -> 5000人), but no sum, area or share.
  if (asked.units[0] === '个')
    return family === undefined && (!FAMILY_OF.has(unit) || FAMILY_OF.get(unit) === 'people') ? 0 : undefined;
  // 套 is not counted in 栋, nor people in 个.
  return undefined;
}

function dateCandidates(text: string, asked: AskedFor): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(DATE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    // 「2026年民生实事项目」「2025年普通高考」: a year before a noun names an edition, not a time.
    // A year before a verb is when it happened (2018年落户; jieba tags some verbs as nouns, so the
    // verb the question asks about counts too).
    if (/^(?:19|20)\d{2}年$/.test(m[0]) && /^[\p{Script=Han}“"]/u.test(text.slice(end, end + 1))) {
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

// Verbs news uses alike for holding an event: 「哪天举办」 is answered by 「11月3日……开展」.
const HOLD_VERBS = /举办|举行|开展|召开|进行/u;

/** The clause tells of the event the question times: its verb, or one of the same sense. */
function sameEvent(clause: string, event: string): boolean {
  return clause.includes(event) || (HOLD_VERBS.test(event) && HOLD_VERBS.test(clause));
}

/** A word of the general vocabulary (文化, 公共), not a proper name (博嘉生物, 新华). */
function isCommonWord(word: string): boolean {
  const tagged = tagHan(word);
  return tagged.length === 1 && /^(n|vn|v|a|an|b|d)$/.test(tagged[0]!.tag);
}

interface Token {
  word: string;
  tag: string;
  start: number;
}

function tokens(text: string): Token[] {
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

const isHan = (s: string) => /^\p{Script=Han}+$/u.test(s);
const titleBefore = (text: string, at: number) => TITLES.find((t) => text.slice(Math.max(0, at - t.length), at) === t);
const titleAfter = (text: string, at: number) => TITLES.find((t) => text.startsWith(t, at));

/** The clause names the title itself, not its deputy (理事长 is not 副理事长). */
function holdsTitle(clause: string, title: string): boolean {
  for (let at = clause.indexOf(title); at >= 0; at = clause.indexOf(title, at + 1))
    if (title.startsWith('副') || clause[at - 1] !== '副') return true;
  return false;
}

function personCandidates(text: string, asked: AskedFor): Candidate[] {
  const out: Candidate[] = [];
  const toks = tokens(text);
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
        (/^\p{Script=Han}{1,2}$/u.test(next.word) && /^(nr|x|nz|ng)$/.test(next.tag)))
    )
      word += next.word;
    if (!isHan(word) || word.length < 2 || word.length > 4 || !SURNAMES.has(word[0]!)) return;
    // 高新区, 陈桥街道: a place or a body, not a person.
    if (/(?:区|市|县|镇|乡|村|街道|园|城|路|局|委|办|会|站|所|院|馆|中心|公司|厂)$/u.test(word)) return;
    if (!/^(nr|x|nz|nrfg|nrt)$/.test(t.tag) && word === t.word) return;
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
      /^(?:当选|介绍|表示|说|讲|指出|强调|告诉|认为|带领|主持|出席|参加|为|担任|任|同志|一行)/.test(text.slice(end));
    if (!evidence) return;
    if ([before, after].some((r) => r && BYLINE_ROLES.includes(r)) && !BYLINE_ROLES.includes(asked.noun ?? '')) return;
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
  return out;
}

/** Place names end in one of these (十里坊小学, 城南新村, 天安数码城, 市委党校). */
const PLACE_SUFFIXES =
  /(?:街道|社区|小区|新村|花园|家园|公寓|苑|村|镇|乡|开发区|园区|产业园|科技园|园|城|广场|公园|景区|古镇|街区|老街|商圈|片区|市场|大厅|会堂|路|街|巷|桥|小学|中学|大学|学校|学院|幼儿园|党校|操场|体育场|体育馆|体育中心|剧院|美术馆|博物馆|图书馆|纪念馆|展览馆|文化馆|纪念馆|礼堂|医院|中心|大厦|酒店|码头|车站|站|湖|河|山|区|县|市|省)$/u;
/** Organisation names end in one of these (吉泰科电气有限公司, 区行政审批局). */
const ORG_SUFFIXES =
  /(?:图书馆|博物馆|文化馆|美术馆|纪念馆|科技馆|有限公司|股份公司|公司|集团|企业|厂|局|委员会|委|办公室|办|中心|协会|学会|商会|联合会|基金会|研究院|研究所|医院|银行|大学|学院|学校|站|所|厅|院|艺术团|合唱团|团|队|社|合作社|工作室|支部|党委|联盟|平台|基地)$/u;
// Verbs of an event happening somewhere: 「在十里坊小学举行」.
const EVENT_VERBS =
  '举行|举办|召开|开幕|闭幕|落幕|落下帷幕|拉开帷幕|启动|启幕|开班|开课|开展|进行|亮相|揭牌|开工|开业|开馆|落成|比赛|开赛|迎来|集结|上演|展出|落地|设立|建成';

/**
 * The place phrase of 「在……举行」: everything between 在/于 and the event verb, when it ends in a
 * place name (在虹桥街道三玖创意街区举行); its head only after 的 (在北濠河畔的文化广场启幕).
 */
function placePhrases(text: string, suffixes: RegExp, named: boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(new RegExp(`[在于]([^，,。；;、“”"（）()\\s在于]{2,16}?)(?=${EVENT_VERBS})`, 'gu'))) {
    const end = (m.index ?? 0) + m[0].length;
    let phrase = m[1]!;
    let start = end - phrase.length;
    const head = phrase.lastIndexOf('的');
    if (head >= 0) {
      start += head + 1;
      phrase = phrase.slice(head + 1);
    }
    // A place name with its suffix (十里坊小学), or a city or region jieba knows (泰州).
    const known = () => !named && tagHan(phrase).every((t) => t.tag === 'ns');
    if ((phrase.length >= 3 && suffixes.test(phrase)) || (phrase.length >= 2 && known()))
      out.push({ start, end, kind: 'place', bonus: 1, phrase: true });
  }
  return out;
}

/** Which names a noun asked about admits (哪个小区 is answered by 城南新村, not by 社区). */
const NOUN_SUFFIXES: Record<string, RegExp> = {
  小区: /(?:小区|新村|花园|家园|公寓|苑|村|城|湾|府|庭)$/u,
  社区: /社区$/u,
  街道: /街道$/u,
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

function namedCandidates(text: string, asked: AskedFor, kind: 'place' | 'organization'): Candidate[] {
  const suffixes = (asked.noun && NOUN_SUFFIXES[asked.noun]) || (kind === 'place' ? PLACE_SUFFIXES : ORG_SUFFIXES);
  const anywhere = new RegExp(suffixes.source.replace(/\$$/, ''), 'gu');
  const out: Candidate[] = [];
  const toks = tokens(text);
  const tokenEnds = new Set(toks.map((t) => t.start + t.word.length));
  for (const m of text.matchAll(anywhere)) {
    const end = (m.index ?? 0) + m[0].length;
    // A suffix that jieba reads inside a longer word is not one (城 in 城南), nor one in a verb (办 in 举办).
    if (!tokenEnds.has(end)) continue;
    const last = toks.find((t) => t.start + t.word.length === end);
    if (last && !NAME_PART.test(last.tag)) continue;
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
      if (!/^[\p{Script=Han}a-z0-9]+$/u.test(prev.word) || PLACEMENT.test(prev.word)) break;
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

function candidatesOf(text: string, asked: AskedFor): Candidate[] {
  switch (asked.kind) {
    case 'quantity':
      return quantityCandidates(text, asked);
    case 'date':
      return dateCandidates(text, asked);
    case 'person':
      return personCandidates(text, asked);
    case 'place':
    case 'organization':
      return namedCandidates(text, asked, asked.kind);
  }
}

// ---------------------------------------------------------------------------------------------
// Choosing.

// Reporting periods of news figures.
const PERIOD = /全年|上半年|下半年|前三季度|[一二三四]季度|第[一二三四]季度|\d{1,2}[-—至]\d{1,2}月/u;

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
function termsIn(text: string, terms: Term[]): number {
  let got = 0;
  for (const { text: t, weight } of terms) {
    if (text.includes(t)) got += weight;
    else if (variants(t).some((v) => v.test(text))) got += SYNONYM_CREDIT * weight;
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
    return { text, weight: (text.length >= 3 ? 1.3 : 1) / Math.max(1, Math.sqrt(holding)) };
  });
}

/** The clause (between commas) that holds [start, end). */
function clauseAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const from = Math.max(...[...'，,；;：:（('].map((p) => before.lastIndexOf(p))) + 1;
  const ends = [...'，,；;：:）)。！？!?'].map((p) => text.indexOf(p, end)).filter((i) => i >= 0);
  return text.slice(from, ends.length ? Math.min(...ends) : text.length);
}

/** Whether a word of the question stands right beside the span (at most two characters away). */
function besideTerm(text: string, start: number, end: number, terms: string[], side?: 'left'): boolean {
  // Within the clause: a word across a comma or 、 belongs to another item.
  const left = text.slice(Math.max(0, start - 8), start).replace(/^.*[，,、；;：:。（(“”"]/u, '');
  const right = text.slice(end, end + 8).replace(/[，,、；;：:。）)“”"].*$/u, '');
  return terms.some((t) => {
    const l = left.lastIndexOf(t);
    const r = right.indexOf(t);
    if ((l >= 0 && left.length - (l + t.length) <= 2) || (side !== 'left' && r >= 0 && r <= 2)) return true;
    // The term in another form (全马 as 全程马拉松, a synonym) ending right before the span.
    return l < 0 && variants(t).some((v) => new RegExp(`(?:${v.source})\\p{Script=Han}{0,2}$`, 'u').test(left));
  });
}

const variantCache = new Map<string, RegExp[]>();

/** A word as a regular expression that matches it literally. */
function literal(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Other forms a question's word takes in news text: its synonyms (synonyms.json), and for a short
 * abbreviation the full form it is cut from, its characters in order with at most two between
 * (全马 in 全程马拉松, 省运会 in 省运动会).
 */
function variants(term: string): RegExp[] {
  let found = variantCache.get(term);
  if (!found) {
    found = synonymsOf(term).map((w) => new RegExp(literal(w), 'u'));
    if (/^\p{Script=Han}{2,3}$/u.test(term)) found.push(new RegExp([...term].join('\\p{Script=Han}{0,2}'), 'u'));
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
  /** Where it stands: its (normalized) sentence and [start, end) in it. */
  place: { sentence: string; start: number; end: number };
}

function scoreSentence(original: string, asked: AskedFor, terms: Term[], question: string, extra: number): Scored[] {
  const text = normalize(original);
  // Tied to the question: a whole word of it, or a good share of its weight when the passage
  // repeats its words (the topic in every sentence).
  const minTie = Math.min(1, MIN_TIE_SHARE * terms.reduce((sum, t) => sum + t.weight, 0));
  const whole = termsIn(text, terms);
  const out: Scored[] = [];
  // A figure for one period does not answer for another (上半年 for 全年, 一季度 for 前三季度).
  const period = question.match(PERIOD)?.[0];
  if (period && !text.includes(period) && PERIOD.test(text)) return out;
  // Where something is or happens: the sentence names it (启动, 陈阿姨), not only another event's place.
  if (asked.where && asked.anchors.length > 0 && !asked.anchors.some((a) => text.includes(a))) return out;
  let candidates = candidatesOf(text, asked);
  // 「在X举行」 answers 在哪里 over every other place the sentence names (崇川区 of 崇川区市场监管局).
  if (asked.where && candidates.some((c) => c.phrase)) candidates = candidates.filter((c) => c.phrase);
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
    // 「是哪里人」 asks where a person comes from: 「江苏南通人」.
    if (asked.origin && text[c.end] !== '人') continue;
    let around = clauseAround(text, c.start, c.end);
    // 「1月20日,崇川区启动……」: a date standing alone before a comma times the rest of its sentence,
    // up to the next date.
    if (c.kind === 'date' && /^(?:上午|下午|晚上?|早上|凌晨|中午)?[，,]/u.test(text.slice(c.end))) {
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
    if (c.kind === 'date' && asked.event && !sameEvent(around, asked.event)) continue;
    const clause = termsIn(around, terms);
    const tie = clause + 0.5 * (whole - clause);
    // The word right beside the question phrase (纳税 in 「每年纳税多少」) in the candidate's clause;
    // the one before it right before the figure (调解成功208起 for 「调解成功了多少起」).
    const follows = asked.before !== undefined && besideTerm(text, c.start, c.start, [asked.before], 'left');
    const bonus =
      c.bonus + (anchored ? 0.5 : 0) + (follows ? 1 : 0) + (besideTerm(text, c.start, c.end, asked.terms) ? 0.5 : 0);
    const strong = c.bonus > 0 || (anchored && c.bonus === 0);
    out.push({
      text: original.slice(c.start, c.end),
      kind: c.kind,
      score: tie + bonus + extra,
      tie: tie / minTie,
      strong,
      place: { sentence: text, start: c.start, end: c.end },
    });
  }
  return out;
}

/** The best candidate if it clearly leads; `undefined` answer when two tie or none is tied to the question. */
function choose(scored: Scored[], plural: boolean): { answer?: DirectAnswer; found: boolean } {
  const tied = scored.filter((s) => s.tie >= MIN_TIE).sort((a, b) => b.score - a.score);
  const best = tied[0];
  if (!best) return { found: false };
  // 哪些团队: the names listed together with the best one are the answer together.
  const list = plural ? enumeration(best, scored) : [];
  if (list.length >= 2) return { answer: { text: listAnswer(list), kind: best.kind }, found: best.strong };
  const rival = tied.find((s) => s.text !== best.text && !best.text.includes(s.text) && !s.text.includes(best.text));
  if (rival && best.score - rival.score < MIN_LEAD) return { found: best.strong };
  return { answer: { text: best.text, kind: best.kind }, found: best.strong };
}

/**
 * The scored candidates of the passage, by circle: the answer sentence, its paragraph, the whole
 * passage. The answer comes from the first circle that holds a candidate with evidence beyond
 * shared words (the unit asked, 在……举行, the word beside the question phrase).
 */
export function directCandidates(question: string, sentence: string, passage = sentence): Scored[][] {
  const asked = askedFor(question);
  if (!asked || asked.terms.length === 0) return [];
  const q = normalize(question);
  const whole = passage.includes(sentence) ? passage : `${sentence}\n${passage}`;
  const paragraphs = whole.split('\n').map((p) => splitSentences(p).map((s) => s.trim()));
  const target = sentence.trim();
  const home = Math.max(
    0,
    paragraphs.findIndex((p) => p.some((s) => s === target || target.includes(s) || s.includes(target))),
  );
  const terms = weighTerms(
    asked.terms,
    paragraphs.flat().map((s) => normalize(s)),
  );
  // 「该项目总投资6亿元」 speaks of the thing named before it: when the question's name for what it
  // asks about (新帝克) first comes later in the passage, 该项目 is another project.
  const flat = normalize(whole);
  const otherReferent = (s: string) => {
    if (!/^(?:该|这|此|其(?!中|他|它|余|次|实)|上述)/u.test(s)) return false;
    const at = flat.indexOf(normalize(s));
    return asked.terms.some((t) => !flat.slice(0, at + s.length).includes(t) && flat.includes(t, at));
  };
  const score = (list: string[]) =>
    list.filter((s) => !otherReferent(s)).flatMap((s) => scoreSentence(s, asked, terms, q, 0));
  const own = paragraphs[home]!.filter((s) => s === target || target.includes(s) || s.includes(target));
  return [
    score(own),
    score(paragraphs[home]!.filter((s) => !own.includes(s))),
    score(paragraphs.filter((_, k) => k !== home).flat()),
  ];
}

/**
 * The short answer to the question from the answer sentence and the passage around it; undefined
 * when the question asks for none of the kinds or when no candidate clearly wins.
 */
export function directAnswer(question: string, sentence: string, passage = sentence): DirectAnswer | undefined {
  const circles = directCandidates(question, sentence, passage);
  const plural = askedFor(question)?.plural ?? false;
  let pool: Scored[] = [];
  for (const circle of circles) {
    pool = [...pool, ...circle];
    const { answer, found } = choose(pool, plural);
    if (found) return answer;
  }
  return choose(pool, plural).answer;
}

/** The candidates listed with `best` (「A、B和C」) in its sentence, in order; [] when it stands alone. */
function enumeration(best: Scored, scored: Scored[]): Scored[] {
  const same = scored
    .filter((s) => s.place.sentence === best.place.sentence && s.kind === best.kind)
    .sort((a, b) => a.place.start - b.place.start)
    .filter((s, k, all) => k === 0 || s.place.start >= all[k - 1]!.place.end);
  const at = same.indexOf(best);
  // Between two items: a comma, 和/及/与, and perhaps the district or street of the next (和崇川区虹桥街道).
  const joined = (a: Scored, b: Scored) =>
    /^(?:[、，,]|和|及|与|以及|、以及)(?:\p{Script=Han}{1,4}?(?:省|市|区|县|镇|街道))*$/u.test(
      a.place.sentence.slice(a.place.end, b.place.start),
    );
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
    const bare = s.text.replace(/^\p{Script=Han}{1,3}?(?:省|市|区|县)(?=\p{Script=Han}{3})/u, '');
    return bare;
  });
  const all = names.join('、');
  if (all.length <= 16) return all;
  const measure = list[0]!.kind === 'organization' ? '家' : list[0]!.kind === 'person' ? '位' : '个';
  return `${names[0]}等${names.length}${measure}`;
}
