/**
 * Whether a candidate short answer is bound to what the question asks, beyond being of the kind
 * asked: the thing counted is the one asked about (多少个小区 is not answered by 「11个街道」), the
 * figure is the named member's and not its list's total, it is the figure of the day or period the
 * question names. Each rule refuses a candidate; a wrong short answer is worse than none.
 * (The title asked, 主任 not 副主任, is bound where names are found: direct-candidates.ts.)
 */
import { tagHan } from '../../text/segment.ts';
import { FAMILY_OF, UNIT_ALT } from './direct-question.ts';

// Tags of the words that make up a counted noun phrase (「114个*老旧小区*完成改造」): nouns of every
// kind, abbreviations, verbal nouns, attributes, unknown words (jieba's x: 老旧).
const NOUN_PHRASE_TAG = /^(?:n|nz|ns|nt|nr|ng|nrt|nrfg|vn|j|a|b|an|x)$/;
const NOUN_TAG = /^(?:n|nz|ns|nt|ng|vn|j|x)$/;
const HAN = /^\p{Script=Han}+$/u;

/**
 * The noun phrase a figure counts: the words right after its measure word, within the clause
 * (「11个*街道*同步开展」); [] when none follows (「学位1620个，」 names what it counts before the figure).
 */
export function countedNouns(text: string, end: number): string[] {
  const tail = text.slice(end, end + 8).replace(/[，,、；;：:。！？!?（）()“”"\s].*$/su, '');
  if (!tail) return [];
  const nouns: string[] = [];
  for (const { word, tag } of tagHan(tail)) {
    if (!HAN.test(word) || !NOUN_PHRASE_TAG.test(tag)) break;
    // 「6个外资项目现场签约」: the phrase is at most three words.
    if (NOUN_TAG.test(tag) && (word.length >= 2 || tag === 'n')) nouns.push(word);
    if (nouns.length >= 3) break;
  }
  return nouns;
}

// The noun a figure names right after its measure word, up to a list joint, a numeral or a mark
// (「6.6公里*欢乐跑*和2公里*亲子跑*」).
const OWN_NOUN = /^\p{Script=Han}+?(?=和|与|及|、|以及|[一二两三四五六七八九十百千万]|[^\p{Script=Han}]|$)/u;

/** The Han words right after a figure's measure word: what the figure is of; '' when none. */
export function ownNoun(text: string, end: number): string {
  const noun = text.slice(end, end + 7).match(OWN_NOUN)?.[0] ?? '';
  return noun.length >= 2 && noun.length <= 6 ? noun : '';
}

/**
 * In 「设6.6公里欢乐跑和2公里亲子跑」 each figure is of the noun right after it: a figure whose own noun
 * holds none of the question's words yields to one of the sentence whose own noun holds one
 * (「亲子跑多少公里」 is not answered by 6.6公里). `others` are the ends of the sentence's other figures.
 */
export function anotherFiguresNoun(text: string, end: number, others: number[], terms: string[]): boolean {
  const holds = (noun: string) => noun !== '' && terms.some((t) => t.length >= 2 && noun.includes(t));
  const own = ownNoun(text, end);
  if (own === '' || holds(own)) return false;
  return others.some((e) => e !== end && holds(ownNoun(text, e)));
}

// A question for the whole (总投资, 总面积, 一共): the figure the text marks 总 or 共 answers it.
const ASKS_WHOLE = /总(?:投资|面积|建筑面积|规模|金额|造价|产值|长度?|人数|数|量|额|计|共)|一共|共计|合计/u;
// A phase or part of the whole (一期投资6000万美元, 首期, 其中): its own figure, not the whole's.
const PHASE = /[一二三四五六七八九十\d]期|首期|分期|其中/u;
const WHOLE_MARK = /总|共|合计/u;
// The phase a question names (一期, 首期, 二期): the question's words may not keep it.
const NAMED_PHASE = /[一二三四五六七八九十\d]期|首期/u;

// 其中 opens the part of a whole the sentence has just given; the part runs to the sentence's end
// or a semicolon (「文物180余件，其中60余件为首次公开亮相」).
const PART_OPENS = /其中/gu;
const PART_ENDS = /[。；;！？!?]/u;

/**
 * Each part a sentence names after its whole (「共120个，其中生鲜摊位78个」): where the part opens (`at`),
 * the part's text, the text before it (`head`) and where the whole's sentence starts in it (`from`).
 */
function* partsNamed(text: string): Generator<{ at: number; part: string; head: string; from: number }> {
  for (const m of text.matchAll(PART_OPENS)) {
    const at = m.index ?? 0;
    const after = text.slice(at);
    const stop = after.search(PART_ENDS);
    const part = stop < 0 ? after : after.slice(0, stop);
    const head = text.slice(0, at);
    const from = Math.max(...[...'。；;！？!?'].map((p) => head.lastIndexOf(p))) + 1;
    yield { at, part, head, from };
  }
}

/**
 * 「文物180余件，其中60余件为首次亮相」: the figure after 其中 is a part of the figure before it. A
 * question asks for the part only when it names what only the part's stretch says (首次, by
 * `holds`: a word or another form of it); else it asks for the whole. True when the figure at
 * [start, end) is the one of the two not asked for.
 */
export function partOrWhole(
  text: string,
  start: number,
  terms: string[],
  holds: (term: string, text: string) => boolean,
  question = '',
): boolean {
  // (And what was added is a part of the total the sentence gives: addedForTotal.)
  if (addedForTotal(text, start, terms)) return true;
  for (const { at, part, head, from } of partsNamed(text)) {
    const whole = head.slice(from);
    const inPart = start >= at && start < at + part.length;
    const inWhole = start >= from && start < at;
    if (!inPart && !inWhole) continue;
    // (A question for the whole, 总投资多少, wants the whole whatever else it names.)
    // (The two-character pieces of the qualifier of the noun counted, 卖生鲜的摊位, name it too.)
    const qualifies =
      !(ASKS_WHOLE.test(question) && !PHASE.test(question)) &&
      [...terms, ...(question.match(NAMED_PHASE) ?? []), ...qualifierPieces(question)].some(
        (t) => t.length >= 2 && holds(t, part) && !holds(t, whole),
      );
    return inPart ? !qualifies : qualifies;
  }
  return false;
}

/**
 * Whether the figure at `start`, the whole before a 其中, answers a question that asks for a part the
 * text names in other words (unnamedPartAsked): the passage answers, but which figure is a guess.
 */
export function wholeForUnnamedPart(
  text: string,
  start: number,
  question: string,
  holds: (term: string, text: string) => boolean,
): boolean {
  for (const { at, part, head, from } of partsNamed(text)) {
    if (start >= from && start < at) return unnamedPartAsked(question, head.slice(from), part, holds);
  }
  return false;
}

// 「卖菜卖肉的摊位有几个」: the few characters before 的 qualify the noun counted right before the question phrase.
const QUALIFIED_NOUN = /(\p{Script=Han}{2,4})的(\p{Script=Han}{2,4}?)(?:有|是|共|一共|总共|总计)?(?:多少|几)/u;

/**
 * 「卖菜卖肉的摊位有几个」 of 「共有摊位120个，其中生鲜摊位78个……」: the question qualifies the noun it
 * counts, the part names that noun under a qualifier of its own, and neither the whole nor the part
 * says the question's qualifier: the question asks for a part the text names in other words, or for
 * the whole; which one is a guess, so the whole is not shown as the answer (the part is refused already).
 */
function unnamedPartAsked(
  question: string,
  whole: string,
  part: string,
  holds: (term: string, text: string) => boolean,
): boolean {
  const noun = question.match(QUALIFIED_NOUN)?.[2];
  if (noun === undefined) return false;
  // The part counts the same noun, under a qualifier of its own right before it (生鲜摊位).
  const qualifiedInPart = new RegExp(`\\p{Script=Han}${noun}`, 'u').test(part.replace(/^其中/u, ''));
  if (!whole.includes(noun) || !qualifiedInPart) return false;
  return !qualifierPieces(question).some((p) => holds(p, whole) || holds(p, part));
}

/** The two-character pieces of what qualifies the noun a question counts (卖菜卖肉 → 卖菜, 菜卖, 卖肉). */
function qualifierPieces(question: string): string[] {
  const qualifier = question.match(QUALIFIED_NOUN)?.[1];
  if (qualifier === undefined) return [];
  return [...qualifier].slice(0, -1).map((c, k) => c + qualifier[k + 1]);
}

// What was added (新建城市书房6家, 新引进12个品种), and the standing total given beside it (总数达到28家).
const ADDED = /新(?:增|建|开|设|引进|添|招|落成)|增加|增设|新增加/u;
const TOTAL = /总数|总量|总计|合计|累计|达到|全区|全市|全园|全馆|共有|共计/u;
const ASKS_ADDED = /新|增|建|引进|添|落成/u;

/**
 * 「新建城市书房6家，全区城市书房总数达到28家」: the figure of what was added is a part of the total
 * the sentence then gives; a question that asks nothing of adding (「有多少个城市书房」) wants the total.
 * True when the figure at `start` is the added one and another clause of the sentence gives the total.
 */
function addedForTotal(text: string, start: number, terms: string[]): boolean {
  if (terms.some((t) => ASKS_ADDED.test(t))) return false;
  const clauses = text.split(/(?<=[，,；;])/u);
  let at = 0;
  for (const clause of clauses) {
    const end = at + clause.length;
    if (start >= at && start < end) {
      if (!ADDED.test(clause.slice(0, start - at))) return false;
      return clauses.some((c) => c !== clause && TOTAL.test(c) && /\d/u.test(c) && !ADDED.test(c));
    }
    at = end;
  }
  return false;
}

/** Two words share a two-character piece (学位 and 新增学位, 项目 and 外资项目). */
function overlap(a: string, b: string): boolean {
  for (let i = 0; i + 2 <= a.length; i++) if (b.includes(a.slice(i, i + 2))) return true;
  return false;
}

/**
 * A figure counts what the question counts: when a noun phrase follows the figure's measure word,
 * one of its words stands in the question (114个老旧小区 for 「老旧小区改造了多少个」, not 11个街道).
 * True when nothing follows: the thing counted is then named elsewhere in the clause.
 */
export function countsAsked(question: string, nouns: string[], unit?: string): boolean {
  if (nouns.length === 0) return true;
  // 「快充站有几个充电枪」: a figure in another measure word than the one asked (3座) counts what the
  // question counts only when its noun is the one right after the asked measure word; the question's
  // other words name where or whose (3座超充站 counts stations, not the 充电枪 asked).
  const m = question.match(COUNTED_AFTER);
  const target = m && unit !== undefined && unit !== m[1] && m[2]!.length >= 2 ? m[2]! : question;
  if (nouns.some((n) => target.includes(n) || overlap(n, target))) return true;
  // A compound names a kind of its last character (车站 is a 站, 展厅 a 厅): 「几个站」 counts 11座车站.
  const head = question.match(COUNTED_HEAD)?.[1];
  if (head && nouns.some((n) => n.endsWith(head))) return true;
  // News names the people of households and services by many general words (126户居民 answers
  // 「多少户人家」, 680名老人 「多少位长者」): one such word stands for another.
  if (nouns.some((n) => PEOPLE.has(n)) && [...PEOPLE].some((p) => question.includes(p))) return true;
  // So are children (近200名适龄幼儿 answers 「多少小朋友」).
  return nouns.some((n) => CHILDREN.has(n)) && [...CHILDREN].some((p) => question.includes(p));
}

/** Words for young children: news and residents call them by any of these. */
const CHILDREN = new Set(['孩子', '小孩', '儿童', '幼儿', '婴幼儿', '小朋友', '宝宝', '娃']);

/**
 * 「快充站有几个充电枪」 asked in 个 and a figure in another measure word (超充站3座): the figure counts
 * the thing asked only when its clause names that thing, after the figure or before it. A measure word
 * of its own (座, not 个) says the figure counts something else unless the text ties it to the noun.
 * True when the figure is refused.
 */
export function otherCountedNoun(question: string, text: string, start: number, end: number, unit?: string): boolean {
  const m = question.match(COUNTED_AFTER);
  if (!m || unit === undefined || unit === m[1] || m[2]!.length < 2) return false;
  // Measure words of one family (名 and 人) count the same things; a head count answers 多少个名额.
  if (FAMILY_OF.has(unit) && FAMILY_OF.get(unit) === FAMILY_OF.get(m[1]!)) return false;
  if (FAMILY_OF.get(unit) === 'people') return false;
  const target = m[2]!;
  // What follows the measure word must end in a noun, its head (几个充电*枪*; 多少人*参加* names what
  // they did).
  if (!NOUN_TAG.test(tagHan(target).pop()?.tag ?? '')) return false;
  const head = text.slice(0, start);
  const from = Math.max(...[...'。；;！？!?，,'].map((p) => head.lastIndexOf(p))) + 1;
  const near = `${head.slice(from)}${countedNouns(text, end).join('')}`;
  return !(near.includes(target) || overlap(target, near));
}

// The noun a question counts right after its measure word, closing the question (几个充电枪, 多少个摊位).
const COUNTED_AFTER = new RegExp(`(?:多少|几)(${UNIT_ALT})(\\p{Script=Han}+?)[呢啊呀吗]?(?:[？?！!。]|$)`, 'u');

// The one-character noun a question counts, closing the question (几个站, 多少座桥).
const COUNTED_HEAD = new RegExp(`(?:多少|几)(?:${UNIT_ALT})(\\p{Script=Han})(?=$|[呢啊吗呀？?])`, 'u');

/**
 * 「多少人参加」 counts people of any kind in 人: a figure in a measure word for people (3000名跑步爱好者,
 * 120位志愿者) counts them whatever noun follows it; the sentence's words then tell which people.
 */
export function countsAnyPeople(units: string[], unit: string | undefined): boolean {
  return units.length === 1 && units[0] === '人' && unit !== undefined && FAMILY_OF.get(unit) === 'people';
}

/** General words for the people a figure counts (not names of groups: 志愿者 counts no 居民). */
const PEOPLE = new Set([
  '居民',
  '市民',
  '村民',
  '人家',
  '住户',
  '家庭',
  '群众',
  '老人',
  '长者',
  '老年人',
  '人员',
  '人口',
]);

/**
 * 「街道在12个社区设置了积分兑换站」: a figure of places (在/于 N个X) that the rest of its clause
 * puts the asked thing in counts that thing, one for each place.
 */
export function countsPlacesOf(question: string, text: string, start: number, end: number, terms: string[]): boolean {
  if (!/[在于]$/u.test(text.slice(0, start))) return false;
  const rest = text.slice(end).replace(/[，,；;。！？!?].*$/su, '');
  const asked = terms.filter((t) => t.length >= 2 && rest.includes(t) && question.includes(t));
  // 「在13个社区新建车棚35处」: the clause counts the thing itself, right after its name; the
  // places' figure then only says where.
  // (The question's word may be the head of a longer name: 充电 of 充电桩40处.)
  if (
    asked.some((t) => new RegExp(`${escapeRegExp(t)}\\p{Script=Han}{0,2}?[\\d一二三四五六七八九十两]`, 'u').test(rest))
  )
    return false;
  return asked.length > 0;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * 「三处停车场中，北侧停车场规模最大」: a figure whose noun phrase is followed by 中 (among) names the
 * group the sentence then picks one from; it does not answer how many the one has.
 */
export function amongGroup(text: string, end: number): boolean {
  return /^\p{Script=Han}{0,6}?(?:之中|当中|中)[，,]/u.test(text.slice(end));
}

// A question asking for a total (全区一共): the list's figure is what it wants.
const ASKS_TOTAL = /一共|总共|共有|合计|共计|总计|全区|全市|全部|所有|总数|累计|加起来/u;

// What separates the items of a list, and what may close it.
const ITEM_SEPARATOR = /、|以及|及|和|与|[，,；;：:。]|等/u;

/**
 * The list item of the sentence that holds the word at `at`, when the word stands in a list
 * (「A、B以及C」): the text from the separator before it (or the word itself, for the first item)
 * to the separator after it. Undefined when no 、 touches the item.
 */
function listItem(sentence: string, at: number, length: number): { item: string; end: number } | undefined {
  const rest = sentence.slice(at + length);
  const next = rest.search(ITEM_SEPARATOR);
  const end = at + length + (next < 0 ? rest.length : next);
  const head = sentence.slice(0, at);
  const opened = head.match(/(?:、|以及|及|和|与)(\p{Script=Han}{0,8})$/u);
  const start = opened ? at - opened[1]!.length : at;
  const touches = sentence[end] === '、' || /、$/u.test(head.slice(0, start));
  return touches ? { item: sentence.slice(start, end), end } : undefined;
}

// A count of a list's items closing the list (「……任港三个菜市场」) and all that follows it.
const LIST_COUNT = /[两三四五六七八九十]个\p{Script=Han}.*$/su;

/** A small count written in digits or Chinese numerals (3, 三, 两, 十二); undefined for others. */
function smallCount(text: string): number | undefined {
  if (/^\d+$/u.test(text)) return Number(text);
  const digits = '一二三四五六七八九';
  const m = text.match(/^([一二两三四五六七八九]?)(十?)([一二三四五六七八九]?)$/u);
  if (!m || !text) return undefined;
  const unit = (c: string) => (c === '两' ? 2 : digits.indexOf(c) + 1);
  if (!m[2]) return m[3] ? undefined : unit(m[1]!);
  return (m[1] ? unit(m[1]) : 1) * 10 + (m[3] ? unit(m[3]) : 0);
}

/**
 * 「学田、和平桥、任港三个菜市场」: a count right after a list that equals the number of its items
 * counts the items themselves (news names the members, then how many they are); it answers no
 * question naming one of them (和平桥菜市场新增几个摊位), though it answers how many they are.
 */
export function countsListItems(question: string, text: string, start: number, figure: string): boolean {
  const n = smallCount(figure.match(/^[\d一二两三四五六七八九十]+/u)?.[0] ?? '');
  if (n === undefined || n < 2) return false;
  const list = text.slice(0, start).match(/\p{Script=Han}{1,12}(?:、\p{Script=Han}{1,12})+$/u)?.[0];
  if (!list) return false;
  // The items by 、; the last joint may be 和/及/与 (「A、B和C」), which a name may hold as well (和平桥).
  const items = list.split('、');
  const counted = items.length === n || (items.length + 1 === n && /.[和与及]./u.test(items[items.length - 1]!));
  // 「分布在几个街道」 asks how many the members are: only a question naming one member asks what it has.
  return counted && items.some((item) => item.length >= 2 && question.includes(item));
}

/**
 * The question names the item: whole, or the first four characters or more of it (the last item
 * of a list runs on into what is said of all: 「港闸第二中学扩建工程在9月投入使用」).
 */
function namesItem(question: string, item: string): boolean {
  // An item with its own figure (「助餐点9个」) is named by what stands before the figure; the last
  // item may run on into the count of the whole list (「学田、和平桥、任港三个菜市场的改造」).
  // 「公园的早樱、玉兰」: the item is what follows 的; the words before it only say whose it is.
  const name = item.replace(/\d.*$/su, '').replace(LIST_COUNT, '').replace(/^.*的/su, '');
  if (name.length >= 2 && question.includes(name)) return true;
  return name.length >= 4 && question.includes(name.slice(0, 4));
}

/**
 * The question asks about one item of a list the sentence gives (「永兴实验小学、虹桥第三小学新校区
 * ……以及2所公办幼儿园在9月投入使用，合计新增学位4320个」 for 「永兴实验小学能提供多少个学位」): a
 * figure after the list is the list's, not that item's. The question names the item whole, and
 * no other item (「长者食堂和助餐点……多少」 asks for the list's figure), nor asks for a total.
 * 「A提供1620个、B提供800个」 keeps each item's own figure: the figure stands inside the item.
 */
export function listTotal(question: string, sentence: string, terms: string[], figureAt: number): boolean {
  if (ASKS_TOTAL.test(question)) return false;
  // The figure closes an item of its own (「新建车棚6处、增设停车位120个」): it is that item's.
  const own = sentence.slice(0, figureAt).match(/(?:、|以及|及|和|与)[^、，,；;：:。]*$/u);
  if (own?.[0].startsWith('、')) return false;
  // The items of a list before the figure that the question names whole, by where each ends
  // (two words of one item, 城北 and 实验小学, name one item).
  const named = new Set<number>();
  for (const t of terms) {
    if (t.length < 2) continue;
    for (let at = sentence.indexOf(t); at >= 0 && at < figureAt; at = sentence.indexOf(t, at + 1)) {
      const found = listItem(sentence, at, t.length);
      if (found && found.end <= figureAt && namesItem(question, found.item)) named.add(found.end);
    }
  }
  return named.size === 1;
}

// What a sum of money measures, each with the words news uses for it: a question about an
// investment is not answered by an output value or a subsidy in the same sentence.
const MONEY_MEASURES: [string, RegExp][] = [
  ['investment', /投资|投入|投了|总投/u],
  ['output', /产值|生产总值|gdp|经济总量/u],
  ['revenue', /营收|营业收入|销售收入|销售额|营业额|成交额|交易额/u],
  ['income', /收入/u],
  ['tax', /税收|纳税|税额|缴税/u],
  ['profit', /利润|净利/u],
  ['subsidy', /补贴|补助|补偿|救助金|慰问金|奖补/u],
  ['prize', /奖金|奖励/u],
  ['budget', /预算|经费/u],
  // (「一门课要交多少钱」「托育一个月要多少钱」: what a person pays, a price.)
  ['price', /价格|票价|售价|收费|费用|造价|门票|学费|[要交花收付]多少钱/u],
  ['credit', /融资|授信|贷款/u],
  // Foreign capital (合同外资, 实际使用外资) is a share of an investment, reported apart from its total.
  ['foreign', /外资/u],
  ['trade', /订单|贸易额|进出口额|出口额|进口额/u],
  ['donation', /捐款|捐赠|捐助|善款|募集|筹集|筹款|[捐筹]了/u],
];

const measuresOf = (text: string) => MONEY_MEASURES.filter(([, p]) => p.test(text)).map(([name]) => name);

/**
 * A sum is bound to what it measures: when the question names what its sum measures (投资) and the
 * figure's clause names what its own measures, they are the same (「年产值可达10亿元」 does not
 * answer 「项目投了多少钱」). A clause naming no measure is not refused here.
 */
export function otherMeasure(question: string, clause: string, figureAt = -1): boolean {
  const asked = measuresOf(question);
  if (asked.length === 0) return false;
  // The measure named last before the figure is its own (「门票及二次消费收入1860万元」: 收入).
  let nearest: { name: string; at: number } | undefined;
  if (figureAt >= 0)
    for (const [name, p] of MONEY_MEASURES) {
      const head = clause.slice(0, figureAt);
      for (const m of head.matchAll(new RegExp(p.source, 'gu')))
        if (!nearest || (m.index ?? 0) > nearest.at) nearest = { name, at: m.index ?? 0 };
    }
  const named = nearest ? [nearest.name] : measuresOf(clause);
  return named.length > 0 && !named.some((m) => asked.includes(m));
}

// Days and periods a figure is reported for: a month and day (5月19日), festivals and holidays,
// school holidays; words for "that day" refer back to a day the text has named.
const DAY = /(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}[日号]/gu;
const HOLIDAY = /春节|元旦|清明|五一|劳动节|端午|中秋|国庆|黄金周|小长假|寒假|暑假|暑期|假期|节假日|周末/gu;
const THAT_DAY = /当天|当日|这一天|那天|同日/u;

// A day (5月19日), a holiday (国庆), and a span of days (9月29日至10月6日).
const DAY_ONLY = new RegExp(`^${DAY.source}$`, 'u');
const HOLIDAY_ONLY = new RegExp(`^(?:${HOLIDAY.source})$`, 'u');
const DAY_SPAN = new RegExp(`${DAY.source}(?:至|到|—|-|~)(?:\\d{1,2}月)?\\d{1,2}[日号]`, 'u');

// Words for any holiday or rest day: they name no holiday of their own.
const GENERAL_TIMES = new Set(['假期', '节假日', '小长假', '黄金周', '周末']);

/** The days and holidays a text names (「5月19日」, 「春节假期」 as 春节 and 假期). */
function timesIn(text: string): string[] {
  return [...text.matchAll(DAY), ...text.matchAll(HOLIDAY)].map((m) => m[0].replace(/^(?:19|20)\d{2}年/u, ''));
}

// One day within a period (假期最后一天, 第二天, 首日): a question naming one asks for that day's figure.
const DAY_OF_PERIOD = /最后一天|第[一二三四五六七八九十\d]+天|首日|头一天|单日/u;

// A question asking for a sum over a whole event, not one day of it.
const ASKS_SUM = /一共|总共|合计|共计|总计|累计|加起来/u;

/**
 * 「灯会一共接待了多少游客」 asks for the whole event's figure: a clause giving one day's (「灯会当天接待
 * 游客8.6万人次」, 首日, 单日) does not answer it, unless the question names a day itself.
 */
export function oneDayForSum(question: string, clause: string): boolean {
  if (!ASKS_SUM.test(question) || THAT_DAY.test(question) || DAY_OF_PERIOD.test(question)) return false;
  if (new RegExp(DAY.source, 'u').test(question)) return false;
  return THAT_DAY.test(clause) || DAY_OF_PERIOD.test(clause);
}

/**
 * 「国庆假期7天……共接待游客126万人次，10月2日当天游客最多，达24.5万人次」: when the sentence names
 * the day the question asks only after the figure, and the time named last before the figure is
 * another day or holiday, the figure is that other period's.
 */
export function earlierPeriodsFigure(question: string, sentence: string, start: number): boolean {
  const asked = timesIn(question).filter((t) => !GENERAL_TIMES.has(t));
  if (asked.length === 0) return false;
  const head = sentence.slice(0, start);
  if (asked.some((t) => head.includes(t))) return false;
  if (!asked.some((t) => sentence.includes(t, start))) return false;
  let last: { at: number; time: string } | undefined;
  for (const m of [
    ...head.matchAll(DAY),
    ...head.matchAll(HOLIDAY),
    ...head.matchAll(new RegExp(THAT_DAY.source, 'gu')),
  ]) {
    const time = m[0].replace(/^(?:19|20)\d{2}年/u, '');
    if (GENERAL_TIMES.has(time)) continue;
    if (!last || (m.index ?? 0) > last.at) last = { at: m.index ?? 0, time };
  }
  return last !== undefined && !THAT_DAY.test(last.time) && !asked.includes(last.time);
}

// A question asking what part of a whole something is, and the words of a change over time.
const ASKS_PART = /占(?:了|到)?(?:多少|几成|百分之)|占比|比重/u;
const CHANGE = /增长|增加|提高|提升|上升|下降|减少|降低|回落|同比|环比/u;

/**
 * 「外地游客占多少」 asks for a part of the whole: a share whose clause gives a change (「同比增长15%」)
 * is a growth rate, not a part.
 */
export function changeForPart(question: string, clause: string): boolean {
  return ASKS_PART.test(question) && CHANGE.test(clause) && !/占/u.test(clause);
}

/**
 * A question about one day within a period (「五一假期最后一天……多少」) is not answered by a clause
 * that gives the period's figure without naming a day (「五一假期……共接待游客21.4万人次」).
 */
export function wholePeriodFor(question: string, clause: string): boolean {
  const day = question.match(DAY_OF_PERIOD)?.[0];
  if (!day || clause.includes(day)) return false;
  return !DAY_OF_PERIOD.test(clause) && !THAT_DAY.test(clause) && !DAY.test(clause);
}

/**
 * A question naming a day or holiday (「5月19日那天……」, 「国庆期间……」) is answered by that day's
 * figure: a sentence that names another day or period, and neither the question's nor 「当天」, gives
 * another period's figure (「今年春节假期……累计接待57.3万人次」).
 */
export function otherPeriod(question: string, sentence: string): boolean {
  const asked = timesIn(question);
  if (asked.length === 0) return false;
  const named = timesIn(sentence);
  // 「国庆假期」 and 「春节假期」 share the word 假期, not the holiday.
  const own = (times: string[]) => times.filter((t) => !GENERAL_TIMES.has(t));
  // 「中秋国庆长假……9月29日至10月6日，共接待游客11.6万人次」: a holiday asked, news gives its span of days.
  if (
    own(asked).length > 0 &&
    !asked.some((t) => DAY_ONLY.test(t)) &&
    !named.some((t) => HOLIDAY_ONLY.test(t)) &&
    DAY_SPAN.test(sentence)
  )
    return false;
  if (own(asked).length > 0 && own(named).length > 0 && !own(named).some((t) => own(asked).includes(t)))
    return !THAT_DAY.test(sentence);
  if (named.some((t) => asked.includes(t))) return false;
  if (named.length === 0) return /累计|以来/u.test(sentence) && !THAT_DAY.test(sentence);
  return !THAT_DAY.test(sentence);
}

// 「下一次哪天办」 asks for a coming occasion; news marks one with a word of the future.
const ASKS_NEXT = /下一?次|下一?届|下一?期|下一?场|下一?轮/u;
const FUTURE = /将|计划|预计|拟|下一?次|下一?届|下一?期|下一?场|下一?轮|届时|还会|明年|来年/u;

/**
 * 「唐闸非遗市集下一次哪天办」: a date whose clause names no future (「4月12日，……市集开市」) is the occasion
 * reported, not the next one.
 */
export function pastForNext(question: string, clause: string): boolean {
  return ASKS_NEXT.test(question) && !FUTURE.test(clause);
}

// 「能便宜多少」「少交多少钱」 ask for a difference: how much less or more than something else.
const ASKS_DIFFERENCE = /(?:便宜|省|少[交花付]?|多[交花付])了?(?:多少|几)/u;
// The words news gives a difference with: a subsidy, discount or cut (每餐再补贴3元, 优惠5元, 减免2元).
const DIFFERENCE = /补贴|补助|优惠|便宜|减|省|折|降|让利|少|低|多|高|差/u;

/**
 * 「80岁以上老人能便宜多少」 asks for a difference: a price or sum its clause gives with no word of a
 * reduction or a gap (「80岁以上老人每餐8元」) is a price, not how much less is paid.
 */
export function priceForDifference(question: string, clause: string): boolean {
  return ASKS_DIFFERENCE.test(question) && !DIFFERENCE.test(clause);
}

// A question about what is done (已经建好), and the words news marks a plan or target with.
const DONE = /已经|已/u;
const PLANNED = /计划|拟|预计|目标|力争|争取|(?<!即)将(?!近)/u;

/**
 * A question about what is already done (「已经建好几部」) is not answered by a plan's figure
 * (「今年计划完成加装电梯46部，目前已建成12部」: the clause of 46部 plans, that of 12部 is done).
 */
export function plannedFigure(question: string, clause: string): boolean {
  return DONE.test(question) && PLANNED.test(clause) && !DONE.test(clause);
}

// A question about one occasion (这次新聘, 本次活动), and the words news marks a running total with
// (「至此……已达150人」, 累计, 以来): the total since the start is not what the occasion added.
const THIS_OCCASION = /这次|本次|此次|这一次|这回/u;
const RUNNING_TOTAL = /至此|累计|以来|已达|总数/u;

/**
 * A question about one occasion is not answered by a sentence giving the running total (「新招募的
 * 42名志愿者……。至此，民间河长已达150人」 for 「这次新聘了多少名」), unless the sentence names the
 * occasion itself.
 */
export function runningTotal(question: string, sentence: string): boolean {
  return THIS_OCCASION.test(question) && RUNNING_TOTAL.test(sentence) && !THIS_OCCASION.test(sentence);
}

/**
 * A date answer carries its year: 「4月10日」 from an article dated 2023-04-10 is 「2023年4月10日」.
 * The year is the article's, or the one before when the month named lies well after the article's
 * (a December day recalled in a February article). Unchanged when it has a year or the article none.
 */
export function withYear(answer: string, articleDate: string): string {
  if (/(?:19|20)\d{2}年/u.test(answer)) return answer;
  const m = answer.match(/^(\d{1,2})月/u);
  const date = articleDate.match(/^((?:19|20)\d{2})(?:-(\d{2}))?/u);
  if (!m || !date) return answer;
  let year = Number(date[1]);
  const articleMonth = date[2] ? Number(date[2]) : undefined;
  if (articleMonth !== undefined && Number(m[1]) > articleMonth + 2) year -= 1;
  return `${year}年${answer}`;
}

// A date that ends a period (展期至7月31日, 持续到4月中旬, 5月10日至*5月20日*) or starts one (4月18日起,
// *5月10日*至5月20日, 自3月1日开始).
const ENDS_BEFORE = /(?:至|到|截至|截止|直至|直到|为止)$/u;
const STARTS_AFTER = /^(?:起|开始|以来|至|到|—|-|～|~|启动|开幕|开放)/u;
const ENDS_AFTER = /^(?:结束|截止|为止|闭幕|闭馆|落幕|到期)/u;
const STARTS_BEFORE = /(?:从|自|于)$/u;

/**
 * Whether a date fits the end or start of a period the question asks for: 'fits' when the text
 * marks it so, 'other' when it marks it as the other end, undefined when it marks neither.
 */
export function dateBound(
  text: string,
  start: number,
  end: number,
  bound: 'start' | 'end',
): 'fits' | 'other' | undefined {
  const before = text.slice(Math.max(0, start - 4), start);
  const after = text.slice(end, end + 2);
  const ends = ENDS_BEFORE.test(before) || ENDS_AFTER.test(after);
  const starts = !ends && (STARTS_AFTER.test(after) || STARTS_BEFORE.test(before));
  if (!ends && !starts) return undefined;
  return (bound === 'end') === ends ? 'fits' : 'other';
}

// A question about now, and the words news marks a figure of the past with.
const NOW = /现在|目前|如今|眼下|当前|现有/u;
const PAST = /原来|原先|此前|以前|过去|去年|上年|之前|改造前|曾经?/u;

/**
 * A question about now (「现在有几条」) is not answered by a figure the words right before it mark as
 * past (「由原来的1条增加到2条」: 1条; 「去年仅有80家」), back to the figure or mark before.
 */
export function pastFigure(question: string, text: string, start: number): boolean {
  if (!NOW.test(question)) return false;
  const before = text.slice(Math.max(0, start - 8), start).replace(/^.*[\d，,；;。！？]/su, '');
  return PAST.test(before) && !NOW.test(before);
}

// Places that hold things a figure may count (企业, 商户, 项目): a park, a zone, a centre.
const HOLDING_PLACE =
  /\p{Script=Han}{2,10}?(产业园区|产业园|科技园|园区|开发区|高新区|基地|街区|商圈|综合体|中心|大厦)/gu;

/**
 * 「崇川跨境电商产业园已入驻企业68家」 counts the park's firms: when the question's words stand in the
 * clause inside the name of such a place (two of them or more), and the question does not say the
 * place's kind (产业园), the figure is the place's, not the one asked (崇川的跨境电商企业).
 */
export function insideOtherPlace(question: string, clause: string, terms: string[]): boolean {
  for (const m of clause.matchAll(HOLDING_PLACE)) {
    if (question.includes(m[1]!)) continue;
    const held = terms.filter((t) => t.length >= 2 && m[0].includes(t));
    if (held.length >= 2) return true;
  }
  return false;
}

/**
 * 「该项目总投资1.5亿美元，其中一期投资6000万美元」: a question asking for the whole (总投资多少)
 * wants the figure the sentence marks as the whole, not a phase's. True when the figure at `start`
 * stands in a clause marked as a phase or part while another clause of the sentence marks the whole.
 */
export function phaseForWhole(question: string, text: string, start: number): boolean {
  if (!ASKS_WHOLE.test(question) || PHASE.test(question)) return false;
  const clauses = text.split(/(?<=[，,；;。])/u);
  let at = 0;
  for (const clause of clauses) {
    const end = at + clause.length;
    if (start >= at && start < end) {
      if (!PHASE.test(clause.slice(0, start - at))) return false;
      return clauses.some((c) => c !== clause && WHOLE_MARK.test(c) && !PHASE.test(c) && /\d/u.test(c));
    }
    at = end;
  }
  return false;
}

/**
 * 「总投资2.4亿元，其中一期投资8000万元」: a question naming a phase (一期投资多少) wants that phase's
 * figure. True when the figure at `start` stands in a clause without the phase while another clause
 * of the sentence names it.
 */
export function wholeForPhase(question: string, text: string, start: number): boolean {
  const phase = question.match(NAMED_PHASE)?.[0];
  if (!phase) return false;
  const clauses = text.split(/(?<=[，,；;。])/u);
  let at = 0;
  for (const clause of clauses) {
    const end = at + clause.length;
    if (start >= at && start < end) {
      if (clause.includes(phase)) return false;
      return clauses.some((c) => c !== clause && c.includes(phase) && /\d/u.test(c));
    }
    at = end;
  }
  return false;
}

/**
 * A correction notice (更正) quotes the wrong figure and gives the right one: 「“新增停车位860个”有误，
 * 应为“680个”」. True when the figure ending at `end` is the one the text then calls wrong.
 */
export function correctedFigure(text: string, end: number): boolean {
  return /^[^，,。；;“”"]{0,4}[”"」』]?(?:一处)?(?:有误|错误|系笔误|不准确|表述有误|不实)/u.test(text.slice(end));
}

// A question for a cap (最多能充多少钱, 最高补贴多少).
const ASKS_CAP = /最多|最高|上限|封顶|至多/u;
// 「1元钱能充4小时」「10元可乘坐3次」: a sum and what it buys, a rate.
const RATE_AFTER = /^钱?(?:就)?(?:能|可|可以)\p{Script=Han}{0,4}?(?:\d|[一二两三四五六七八九十半])/u;

/**
 * 「扫码即可充电，1元钱能充4小时」: a sum that buys a measure is a rate's price, not the cap a
 * question asks for (一张卡最多能充多少钱). True when the figure ending at `end` is such a price and
 * the question asks for a cap.
 */
export function rateForCap(question: string, text: string, end: number): boolean {
  return ASKS_CAP.test(question) && RATE_AFTER.test(text.slice(end));
}

// Families whose figures measure (a length, an area, a sum, a share, a span of time, an age): they
// count no thing, whatever noun follows them.
const MEASURING = new Set(['length', 'area', 'weight', 'money', 'share', 'duration', 'age']);
// The thing a question counts with no measure word of a family (停多少车, 开了几个科): a short noun
// closing the question right after 多少/几(个). Not a unit, a numeral or a word of measure asked
// in one character (多少钱, 几点, 多少度, 多大, 多久…).
const COUNTED_THING = /(?:多少|几)个?(\p{Script=Han}{1,4}?)[呢啊呀吗]?(?:[？?！!。]|$)/u;
const NOT_THING = new RegExp(
  `^(?:${UNIT_ALT}|[一二两三四五六七八九十百千万亿钱点度号岁成倍分折级楼路届期天年月周])`,
  'u',
);
// Nouns for people hold one of these (工人, 队员, 患者, 市民, 游客, 学生, 老师, 孩子, 观众, 家属…).
// What is measured rather than counted: goods, materials, water and power, land and ways (吞吐多少货物 is
// answered by 30万吨, 修了多少路 by 12公里); a noun holding one of these takes any measure.
const MASS_NOUN = /[水电气油粮煤粉料货物垃圾土沙石钢铁肉菜米面茶酒奶雨雪地田林路道河绿]/u;
const PERSON_NOUN = /[人员者民客生手师工士友孩童娃宝亲长户兵警医众宾属伴侣妈爸爷奶姐哥叔姨]/u;

/**
 * 「停车场一天停多少车」, 「夜门诊开了几个科」 count things: a figure that measures (1.2公里, 2.6亿元,
 * 30%), or a head count (260人次) when the thing counted is no person, answers neither. True when the
 * figure is refused. Only when the question names no family of its own (units none, or the bare 个).
 */
export function measureForCount(question: string, units: readonly string[], unit: string | undefined): boolean {
  if (unit === undefined || !(units.length === 0 || (units.length === 1 && units[0] === '个'))) return false;
  const thing = question.match(COUNTED_THING)?.[1];
  if (!thing || NOT_THING.test(thing)) return false;
  const family = FAMILY_OF.get(unit);
  if (family === undefined) return false;
  if (MEASURING.has(family)) return !MASS_NOUN.test(thing);
  return family === 'people' && !PERSON_NOUN.test(thing);
}

/**
 * 「学田站新出入口在哪里」: where the thing asked is, not the longer name of the place the question
 * already names (「地铁2号线学田站」 ends in its 学田站). True when a place candidate ends in a word of
 * the question of three or more characters (two-character words, 公园 or 广场, name kinds, not places).
 */
export function namesAskedPlace(span: string, terms: readonly string[]): boolean {
  return terms.some((t) => t.length >= 3 && span.endsWith(t));
}
