/**
 * What a question asks for, read off its question word: 多少/几/多大 a quantity (in the unit the
 * question names: 多少辆 -> 辆), 谁/哪位 a person, 哪里/哪个社区 a place, 哪家企业/哪个单位 an
 * organisation, 什么时候/哪天 a date; and the question's own words around the question phrase.
 */
import { normalize } from '../../text/normalize.ts';
import { dictionaryVersion, segment, tagHan } from '../../text/segment.ts';

export type DirectKind = 'quantity' | 'person' | 'place' | 'organization' | 'date' | 'thing';

/** What a question asks for, read off its question word. */
export interface AskedFor {
  kind: DirectKind;
  /** Units the answer should carry: the measure word the question names (多少辆 -> 辆), or a family (面积 -> 平方米…). */
  units: string[];
  /** The question names its own measure word (多少辆), not only a family. */
  namedUnit: boolean;
  /** 「能收多少孩子」: the noun a quantity question counts right after 多少, naming no measure word nor family. */
  counted?: string;
  /** 「多少钱一度」「一张多少钱」: the measure the figure is per (度, 张). */
  per?: string;
  /** 「多久上门一次」: how often, answered by 每周, 每月, 每3天. */
  frequency: boolean;
  /** 「每个月哪天」: a day that comes back (每月第二个周六, 每周三). */
  recurring: boolean;
  /** 「新增就业里高校毕业生有多少」: the part of a whole the question asks for (高校毕业生). */
  part?: string;
  /** 第几: an ordinal (第八个) is asked for. */
  ordinal: boolean;
  /** 几点: a time of day (早上7点) is asked for. */
  clock: boolean;
  /** The noun asked about (哪个社区 -> 社区) or the title of the person asked for (副区长是谁 -> 副区长). */
  noun?: string;
  /** The question asks where something is or happens (在哪里, 落户在哪): 在/于 before a place counts. */
  where: boolean;
  /** For a date: the word the question times, the one right after 什么时候 (or before it: 持续到什么时候). */
  event?: string;
  /** For a date: the question asks when something ends (到什么时候, 哪天结束) or starts (从哪天, 什么时候开始). */
  bound?: 'start' | 'end';
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
  /** 「打什么电话」「热线是多少」: a telephone number is asked for. */
  phone?: boolean;
  /** 「要不要钱」「老人要买票吗」: whether it costs anything, answered by 免费, 免票, 半价. */
  free?: boolean;
  /** 「以前是什么地方」「前身是什么」: what a place was before (原来的废弃停车场). */
  former?: boolean;
  /** 「周一开门吗」「周末开不开」: the day asked whether a place is open (周一), answered by 周一闭馆. */
  openDay?: string;
}

// Made once here rather than at every call (isHan runs for every token of every sentence scored).
const HAN_WORD = /^\p{Script=Han}+$/u;
const HAN_CHAR = /\p{Script=Han}/u;
/** Whether the text is Han characters only. */
export const isHan = (s: string) => HAN_WORD.test(s);

// ---------------------------------------------------------------------------------------------
// Units and the families they belong to. A question that counts people in 位 is answered by 人次
// as well; one that asks for an area is not answered by a sum of money.

const UNIT_FAMILIES: Record<string, string[]> = {
  // (Patients are counted in cases: 接诊中暑患者12例.)
  people: ['人次', '余人', '人', '名', '位', '例'],
  // The currency stays the one given (1.2亿美元): a sum in another currency is no 元 figure.
  money: [
    '亿元',
    '万元',
    '千元',
    '元',
    ...['美元', '欧元', '港元', '日元', '英镑'].flatMap((c) => [`亿${c}`, `万${c}`, c]),
  ],
  area: ['平方公里', '平方千米', '平方米', '公顷', '亩'],
  // (Rain and small sizes are given in 毫米, 厘米.)
  length: ['公里', '千米', '毫米', '厘米', '米'],
  weight: ['万吨', '吨', '千克', '公斤'],
  share: ['%', '‰', '个百分点', '成'],
  // (工作日 counts days: 公示5个工作日.)
  duration: ['小时', '分钟', '秒', '个月', '个工作日', '工作日', '天', '年', '周'],
  // How many times: 跳了多少下 is answered by 218次.
  times: ['次', '下', '回', '遍'],
  // Trees and plants are counted in 棵 or 株 (种树2300余株 answers 多少棵树).
  plants: ['棵', '株'],
  // Machines are counted in 台 or 部 (加装电梯38部 answers 几台电梯).
  machines: ['台', '部'],
  // Books are counted in 本 or 册 (一次最多可借5册 answers 几本书).
  volumes: ['册', '本'],
  // An age: 收2至3周岁的幼儿 answers 收多大的孩子.
  age: ['周岁', '岁'],
};
// Measure words, longest first so that 人次 is read before 人.
const UNITS = [
  ...new Set([
    ...Object.values(UNIT_FAMILIES).flat(),
    ...'个 家 块 辆 条 场 处 件 组 套 株 棵 项 所 座 栋 幢 间 台 部 支 只 张 份 册 本 户 级 届 期 批 次 倍 岁 起 宗 例 箱 袋 单 首 种 类 圈 轮 门 床 盏 把 颗 头 匹 根 米 艘 架 枚 幅 尊 篇 堂 节 层 趟 盆 瓶 桶 罐 斤 筐'.split(
      ' ',
    ),
    '下',
    '批次',
    '户次',
    '人次',
    '辆次',
    '架次',
    '车次',
    '场次',
  ]),
].sort((a, b) => b.length - a.length);
export const UNIT_ALT = UNITS.join('|');
export const FAMILY_OF = new Map<string, string>();
for (const [family, units] of Object.entries(UNIT_FAMILIES)) for (const u of units) FAMILY_OF.set(u, family);

// Words that say which family of unit a question wants when it names no measure word.
const FAMILY_CUES: [RegExp, string][] = [
  [/率|比例|占比|比重|百分之|百分比|增幅|增速|增长了?多少|降幅/, 'share'],
  // A subsidy or discount is given as a sum or as a share of the price.
  [/补贴|补助|优惠|折扣|减免/, 'money share'],
  // Amounts (总额, 额度) and credit are sums of money.
  [
    // (A fee, a price, a wage, a fine are sums too: 挂号费, 票价, 月薪, 罚款, 租金.)
    /钱|金额|资金|投资|投入|奖金|慰问金|收入|营收|销售额|产值|生产总值|gdp|预算|经费|价格|费用|造价|总额|额度|授信|贷款|融资|善款|捐款|[^免]费|收费|票价|价钱|单价|月薪|年薪|工资|薪酬|罚款|租金|人民币|外资|订单|成交额|交易额|贸易额|[捐筹]/,
    'money',
  ],
  [/面积|多大|占地/, 'area'],
  // 多长时间 asks how long in time, not in length.
  [/多久|多长时间|几天|几年|几个月|工期|历时|时长/, 'duration'],
  [/多长|长度|全长|多远|距离|多高|高度|多宽|多深/, 'length'],
  [/多重|重量|产量|吨/, 'weight'],
  [/人口|人数|多少人|几人/, 'people'],
  // 「初一新生有多少」「志愿者有多少」: a noun of persons right before the question word asks a head count.
  [/\p{Script=Han}(?:人|员|者|民|客|生|手)(?:有|是|共有|一共有)?(?:多少|几个)[？?]?$/u, 'people'],
  // 多少工人, 几名学生, 多少志愿者: a noun of persons (its last character one that forms such nouns:
  // 工人, 队员, 志愿者, 居民, 游客, 学生, 选手) counted is a head count, never a sum or a length.
  [
    /(?:多少|几)[名位个]?\p{Script=Han}{0,3}?(?:人|员|者|民|客|生|手)(?!\p{Script=Han}*(?:费|钱|元|价|数额|面积|长))/u,
    'people',
  ],
  // Rain or snow is measured by its depth (降雨量420毫米; 下了多少雨).
  [/雨量|降雨|降水|降雪|多少(?:雨|雪)/, 'length'],
];

// Question phrases that carry their own measure: they decide over a topic word elsewhere in the
// question (「充1块钱能充多久」 asks for a duration, though it speaks of money).
const PHRASE_CUES: [RegExp, string][] = [
  // 「收多大的孩子」「几岁能报名」: 多大 of a person asks an age, not an area.
  [/几岁|多少岁|多大(?:的)?(?:孩子|儿童|幼儿|小孩|宝宝|学生|年纪|岁数)|年龄|年纪|岁数/, 'age'],
  // 多少人民币 asks a sum in 元 (人 opens the currency's name, no head count).
  [/多少人民币/, 'money'],
  [/多久|多长时间|多少天|多少小时|多少分钟|多少年|几天|几年|几个月|几小时|几分钟/, 'duration'],
  [/多少钱|多少元|多少万元|多少亿元/, 'money'],
  [/多大面积|面积多大|多少平方米|多少亩/, 'area'],
  [/多远|多长(?!时间)|多高|多宽|多深/, 'length'],
  [/多重/, 'weight'],
  // 「外地游客占多少」 asks what part of a whole: a share, whatever the whole counts.
  [/占(?:了|到)?(?:多少|几成|百分之)/, 'share'],
];

// ---------------------------------------------------------------------------------------------
// Question words.

const DATE_QUESTION =
  /什么时候|什么时间|啥时候|啥时|何时|哪天|哪一天|哪日|几月几[日号]|几号|哪年|哪一年|哪个月|几月份?|截至何时|哪个时间/;
const PERSON_QUESTION = /谁|哪位|哪一位|什么人|何人|哪些人/;
// The end or the start of a period asked for: 「展到什么时候」「哪天结束」, 「从哪天开始」「什么时候起」.
const WHEN = '(?:什么时候|什么时间|啥时候|啥时|何时|哪天|哪一天|几月几[日号]|几号)';
const ASKS_END = new RegExp(`(?:到|至|截至)${WHEN}|${WHEN}(?:结束|截止|为止|闭幕|闭馆|到期)`, 'u');
const ASKS_START = new RegExp(`(?:从|自)${WHEN}|${WHEN}(?:开始|起)`, 'u');
// 「多少钱一张」「坐一趟要多久」「每人多少」: one of a measure word says what the figure is per, which
// news says otherwise (票价每人80元, 单程约45分钟); it names no topic a sentence must hold.
const PER_ONE = new RegExp(`^(?:一|每)(?:${UNIT_ALT}|班|度)$`, 'u');
// 里 (not of 公里, 邻里, 这里…), 当中, 之中 after a word: what follows is a part of it.
const PART_MARK =
  /(?<=\p{Script=Han}{2})(?<![公邻这那哪城家村夜心万千百])(?:里面?|当中|之中)(?:的)?(?=\p{Script=Han}{2})/u;
// The measure of 一度/一张/每人 in a question, and 「多久……一次」 asking how often.
// (一下 of 请问一下 is a verb's complement, no measure.)
const PER_MEASURE = new RegExp(`(?:一|每)(?!下)(${UNIT_ALT}|班|度)`, 'u');
const FREQUENCY = /(?:多久|多长时间|几天|几个月)\p{Script=Han}{0,6}?一次|多久一回/u;
const BOUND_WORDS = /^(?:结束|截止|为止|到期|开始)$/u;
// 几点关门, 几点开门: the verb says which end of the day's span is asked (direct-candidates' spanPart);
// news gives the span as times (19:00至22:30开放), seldom with the verb.
const CLOCK_BOUND_WORDS = /^(?:关门|开门|闭馆|开馆|打烊|下班|上班|营业|停止)$/u;
// A role noun the title list lacks, by the characters that form nouns of persons (快递员, 厨师,
// 骑手, 手艺人, 组长): 「快递员叫什么」 asks a person's name, as 「主任叫什么」 does.
const ROLE_NOUN_END = /\p{Script=Han}(?:员|师|手|人|长)(?:的名字|名字)?$/u;
// 「传承人叫什么名字」: a role's holder asked for by name.
const NAMED_ROLE_QUESTION = /(?:叫什么(?:名字)?|姓什么|名字是什么|是什么名字)/u;
// 几点开门, 开到几点: a time of day.
const CLOCK_QUESTION = /几点|几时(?!候)/u;
const QUANTITY_QUESTION =
  /多少|几|多大|多长|多高|多重|多远|多久|多宽|多深|百分之|(?:率|比例|占比)(?:为|是|达|达到|有)?$/;
const PLACE_NOUNS =
  '街道|社区|小区|村|镇|乡|园区|公园|广场|学校|小学|中学|大学|场馆|场地|地方|城市|区域|地点|路段|路|街|景区|小镇|片区|点位|酒店|医院|会场|车站|站|码头';
const ORG_NOUNS =
  '单位|企业|公司|部门|机构|组织|协会|团队|团体|银行|集团|工厂|项目方|社会组织|学会|商会|合作社|品牌|院校|高校|媒体|平台';
// 哪个社区, 哪些中小微企业: the noun asked about may carry a short modifier.
// (哪两个社区, 哪几家企业: which ones, so many of them.)
const WHICH_WORDS = '(?:哪个|哪些|哪家|哪一家|哪一个|哪所|哪座|哪条|什么|哪[两三四五六七八九十几][个家所座])';
const WHICH = `${WHICH_WORDS}\\p{Script=Han}{0,3}?`;
const PLACE_QUESTION = new RegExp(
  `在哪里|在哪儿|哪里|哪儿|在哪|去哪|到哪|什么地方|何处|何地|哪座|哪所|${WHICH}(?:${PLACE_NOUNS})`,
  'u',
);
const ORG_QUESTION = new RegExp(`${WHICH}(?:${ORG_NOUNS})`, 'u');
// The same, capturing the noun asked about.
const ORG_NOUN = new RegExp(`${WHICH}(${ORG_NOUNS})`, 'u');
const PLACE_NOUN = new RegExp(`${WHICH}(${PLACE_NOUNS})`, 'u');
// 多少辆, 几个: the measure word the question names.
const NAMED_UNIT = new RegExp(`(?:多少|几)(${UNIT_ALT})`, 'u');
// Nouns whose first character is also a measure word (多少*家*庭, 多少*床*位, 多少*人*民币): after 多少
// they are the thing counted, with no measure word named.
const MEASURE_LED_NOUN = new RegExp(
  `^(?:${[
    '家庭',
    '家长',
    '家属',
    '床位',
    '人民币',
    '人口',
    '人数',
    '名额',
    '名单',
    '次数',
    '天数',
    '户数',
    '个数',
    '件数',
    '场地',
    '场馆',
    '场所',
    '部门',
    '门店',
    '门票',
    '台阶',
    '项目',
    '期间',
    '条件',
    '所有',
    '位置',
    '头发',
    '批准',
  ].join('|')})`,
  'u',
);

// 「坐几路公交」「几路车能到」: which bus to take is asked by 几路 and named by the route's number
// (19路). (「有几路公交经过」 asks how many routes; 路 is no measure word elsewhere: 路段, 一路.)
const ROUTE_QUESTION =
  /(?:坐|乘|搭|转)\p{Script=Han}?(?:几|多少)路(?!段|口)|(?:几|多少)路(?:公交车?|车|巴士)?(?:能|可以)?(?:到|去|直达)/u;

/** The measure word a question names after 多少/几, unless it opens a noun (多少家庭, 多少床位). */
function namedUnitOf(q: string): string | undefined {
  if (ROUTE_QUESTION.test(q)) return '路';
  const m = q.match(NAMED_UNIT);
  if (!m) return undefined;
  const at = (m.index ?? 0) + m[0].length - m[1]!.length;
  return MEASURE_LED_NOUN.test(q.slice(at)) ? undefined : m[1];
}
/** Per noun asked about, the pattern of it with its modifier (哪些中小微企业); nouns are few (the *_NOUNS and TITLES). */
const modifiedNouns = new Map<string, RegExp>();
function modifiedNoun(noun: string): RegExp {
  let pattern = modifiedNouns.get(noun);
  if (!pattern) {
    pattern = new RegExp(`${WHICH_WORDS}(\\p{Script=Han}{0,3}?)${literal(noun)}`, 'u');
    if (modifiedNouns.size >= 1000) modifiedNouns.clear();
    modifiedNouns.set(noun, pattern);
  }
  return pattern;
}

/** Titles and roles printed beside a name (区委书记胡拥军, 孙燕同志). */
export const TITLES = [
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
export const PERSON_WORDS = new Set(['居民', '市民', '村民', '党员', '同志', '志愿者', '代表', '委员']);
/** Roles that name who wrote or photographed the story: a name beside them is a byline, not an answer. */
export const BYLINE_ROLES = ['记者', '通讯员', '摄影', '编辑'];

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
  // When the question is asked (the present), never what the answer's sentence speaks of: news
  // states a figure without 现在 (「步道全长12.6公里」 answers 「步道现在有多长」).
  '现在',
  '目前',
  '如今',
  '眼下',
  '当前',
  '现今',
  // Words that point at what both sides know (那个花园, 那天, 这些天): the text names the thing itself.
  '那个',
  '这个',
  '那些',
  '这些',
  '那天',
  '这天',
  '那边',
  '这边',
  // The frame of a yes-or-no question (有没有年卡, 要不要钱): the text states the thing, not the frame.
  '有没有',
  '是不是',
  '能不能',
  '可不可以',
  '要不要',
  '会不会',
]);

/**
 * Runs of single characters jieba could not make words of are one name (铂/特 -> 铂特), unless a
 * character is a function word.
 */
function joinSingles(tokens: { text: string; start: number }[]): { text: string; start: number }[] {
  const single = (x: string) => x.length === 1 && HAN_CHAR.test(x) && !FUNCTION_CHARS.has(x);
  const out: { text: string; start: number; singles: boolean }[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    const adjacent = prev !== undefined && prev.start + prev.text.length === t.start;
    if (prev?.singles && single(t.text) && adjacent) prev.text += t.text;
    // 博物|苑, 三号|线, 月|卡: a one-character head noun closes the name or word before it.
    // (Not after a figure and its measure word: 一张|卡 counts one card.)
    else if (
      adjacent &&
      HEAD_CHARS.has(t.text) &&
      (prev.text.length >= 2 || TIME_CHARS.has(prev.text)) &&
      !COUNTED_ONE.test(prev.text)
    )
      prev.text += t.text;
    else out.push({ ...t, singles: single(t.text) });
  }
  return out;
}
// Persons an age is asked of (多大的孩子): news names them by many words.
const AGED_PERSON = /^(?:孩子|小孩|儿童|幼儿|宝宝|学生|老人|小朋友)$/u;
// A figure and its measure word (一张, 每个, 3块): what follows is counted, not named.
const COUNTED_ONE = new RegExp(`^(?:[一二两三四五六七八九十几每]+|\\d+)(?:${UNIT_ALT})$`, 'u');
// Head nouns of names and tickets written as one character (博物苑, 3号线, 体育馆, 月卡, 年票).
const HEAD_CHARS = new Set([...'苑园馆站线院厂场楼桥港湖河巷街卡票证']);
const TIME_CHARS = new Set([...'年月周日']);
const FUNCTION_CHARS = new Set([...'的了是在有和与及去给都对把被上中为让从到向将就也还又等之其这那个位次们年月日']);

// A search asks for the question and for each passage's form of it, alternately: a few readings are
// kept (the least recently used dropped), while jieba reads with the same dictionaries (its words come
// from jieba's cuts).
const ASKED_KEPT = 16;
const askedMemo = new Map<string, AskedFor | undefined>();
let askedDictionary = -1;

/** What kind of short answer the question asks for; undefined when it asks for none of them. */
export function askedFor(question: string): AskedFor | undefined {
  const dictionary = dictionaryVersion();
  if (askedDictionary !== dictionary) {
    askedMemo.clear();
    askedDictionary = dictionary;
  }
  if (askedMemo.has(question)) {
    const asked = askedMemo.get(question);
    askedMemo.delete(question);
    askedMemo.set(question, asked);
    return asked;
  }
  const asked = readAsked(question);
  if (askedMemo.size >= ASKED_KEPT) askedMemo.delete(askedMemo.keys().next().value as string);
  askedMemo.set(question, asked);
  return asked;
}

// 「打什么电话」「热线是多少」「报名电话多少」: a telephone number.
const PHONE_QUESTION = /(?:什么|哪个|啥)(?:电话|热线|号码)|(?:电话|热线|号码)(?:号码)?(?:是)?多少/u;
// 「要不要钱」「收费吗」「老人要买票吗」: whether something costs anything.
const FREE_QUESTION =
  /要不要钱|要钱吗|收费吗|收不收费|收不收钱|收钱吗|免费吗|是不是免费|花钱吗|(?:要|需要)(?:买|购)票吗|要不要(?:买)?票|要门票吗|(?:有|能)?优惠吗|打折吗|减免吗/u;
// 「以前是什么地方」「原来是干什么的」「前身是什么」: what a place was before.
const FORMER_QUESTION = /(?:以前|原来|原先|过去|早先|之前)(?:是|为)?(?:什么|干什么|做什么)|前身是什么/u;
// 「周一开门吗」「周末开不开」「周一闭馆吗」: whether a place is open on a day.
const OPEN_DAY_QUESTION =
  /(周[一二三四五六日天]|星期[一二三四五六日天]|周末|节假日)(?:\p{Script=Han}{0,2}?(?:开门|开放|开馆|营业|开不开|开|闭馆|休息|关门)(?:吗|不开|不开门|不开放)|吗$)/u;
// (「周一吗」: the verb may have been taken out as the headline's word, 开门 of 「分馆开门迎客」.)
// 「周几开放」「哪几天可以打疫苗」: days of the week (每周二、周四).
const WEEKDAY_QUESTION = /周几|星期几|礼拜几|哪几天/u;

/** The question's content words, the phrase of a special question (电话, 要不要钱, 哪几天) taken out. */
function specialAsked(q: string): AskedFor | undefined {
  const phone = q.match(PHONE_QUESTION);
  const free = phone ? null : q.match(FREE_QUESTION);
  const former = phone || free ? null : q.match(FORMER_QUESTION);
  const openDay = phone || free || former ? null : q.match(OPEN_DAY_QUESTION);
  const weekday = phone || free || former || openDay ? null : q.match(WEEKDAY_QUESTION);
  const m = phone ?? free ?? former ?? openDay ?? weekday;
  if (!m) return undefined;
  const at = m.index ?? 0;
  const rest = `${q.slice(0, at)} ${q.slice(at + m[0].length)}`;
  const terms = [
    ...new Set(
      joinSingles(segment(rest))
        .map((t) => t.text)
        .filter((t) => t.length >= 2 && isHan(t) && !QUESTION_STOP.has(t)),
    ),
  ];
  return {
    kind: weekday ? 'date' : 'thing',
    units: [],
    namedUnit: false,
    frequency: false,
    // The days of the week come back each week; more than one may answer (周二、周四).
    recurring: weekday !== null,
    ordinal: false,
    clock: false,
    where: false,
    plural: weekday !== null,
    origin: false,
    terms,
    anchors: [],
    phone: phone !== null,
    free: free !== null,
    former: former !== null,
    ...(openDay ? { openDay: openDay[1] } : {}),
  };
}

function readAsked(question: string): AskedFor | undefined {
  // Spoken 啥 is 什么 (叫啥名字, 啥地方, 啥时候).
  const q = normalize(question)
    .replace(/\s+/g, '')
    .replace(/啥/gu, '什么')
    // 那几天, 这几年: a demonstrative (those days), no question word.
    .replace(/([这那])几(?=天|年|日|周|个|次|回|场)/gu, '$1些')
    // 有没有年卡啊，多少钱: a spoken particle closing a clause carries nothing.
    .replace(/(?<=\p{Script=Han})[啊呀呢吧嘛哦](?=[，,。？?！!]|$)/gu, '');
  const special = specialAsked(q);
  if (special) return special;
  let kind: DirectKind | undefined;
  let phrase: RegExpMatchArray | null = null;
  let noun: string | undefined;
  const roleName = q.match(NAMED_ROLE_QUESTION);
  // 「书记是哪个」: 哪个 after a title asks who holds it.
  const heldBy = q.match(/是哪个(?=[呢啊呀？?]?$)/u);
  const titled = heldBy && TITLES.some((t) => !PERSON_WORDS.has(t) && q.slice(0, heldBy.index).endsWith(t));
  // 「哪个副区长签的约」: 哪个 right before a title (or its deputy) asks who holds it.
  const which = q.match(/哪个(副)?/u);
  const whichAt = (which?.index ?? 0) + (which?.[0].length ?? 0);
  const whichTitle = which && TITLES.some((t) => !PERSON_WORDS.has(t) && q.startsWith(t, whichAt)) ? which : null;
  const person =
    q.match(PERSON_QUESTION) ??
    (titled ? heldBy : null) ??
    whichTitle ??
    (roleName &&
    (TITLES.some((t) => !PERSON_WORDS.has(t) && q.slice(0, roleName.index).endsWith(t)) ||
      ROLE_NOUN_END.test(q.slice(0, roleName.index)))
      ? roleName
      : null);
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
    // 「苑长是谁」: a head the title list lacks, one character and 长, before the question phrase.
    noun ??= q.match(/(\p{Script=Han}长)(?=是谁|是哪位|叫什么|姓什么)/u)?.[1];
    // 副馆长 asks for the deputy, though the title list holds only 馆长.
    if (noun && !noun.startsWith('副') && q.includes(`副${noun}`)) noun = `副${noun}`;
  } else if (org) {
    [kind, phrase] = ['organization', org];
    noun = q.match(ORG_NOUN)?.[1];
  } else if (place) {
    [kind, phrase] = ['place', place];
    noun = q.match(PLACE_NOUN)?.[1];
    // 在哪个码头: a noun the list lacks is asked by its own name, the word after 哪个.
    const which = q.match(/哪(?:个|座|所|条|一个)(\p{Script=Han}{2,4})/u);
    const first = which ? segment(which[1]!)[0] : undefined;
    if (!noun && first && first.start === 0 && isHan(first.text) && first.text.length >= 2) noun = first.text;
  } else {
    const quantity = q.match(QUANTITY_QUESTION);
    if (quantity) [kind, phrase] = ['quantity', quantity];
    else {
      const thing = thingAsked(q, roleName);
      if (thing) [kind, phrase, noun] = ['thing', thing.phrase, thing.noun];
    }
  }
  if (!kind || !phrase) return undefined;
  // 哪几个原则 asks for the items, not for how many.
  if (kind === 'quantity' && /哪几/.test(q)) return undefined;

  let units: string[] = [];
  let namedUnit = false;
  const ordinal = kind === 'quantity' && /第几/.test(q);
  const clock = kind === 'quantity' && CLOCK_QUESTION.test(q);
  if (kind === 'quantity') {
    const named = namedUnitOf(q);
    if (named) {
      units = [named];
      namedUnit = true;
    } else {
      // The question word's own measure (充1块钱能充*多久*) before the topic's words (块钱).
      const families = (PHRASE_CUES.find(([cue]) => cue.test(q)) ?? FAMILY_CUES.find(([cue]) => cue.test(q)))?.[1];
      if (families) units = families.split(' ').flatMap((f) => UNIT_FAMILIES[f]!);
    }
  }
  // The question's own words, the question phrase (and a named unit) taken out.
  const at = phrase.index ?? 0;
  const after = q.slice(at + phrase[0].length);
  // The verb that only carries the question (有/是/为 多少) goes with it, or jieba glues it to a word (全马有).
  // (到/从 before a date question say which end of a period is asked: 展到什么时候, 从哪天.)
  const lead = q.slice(0, at).replace(/(?:一共|总共|共有|大约|大概|有|是|为|共|约|到|至|从|自)$/u, '');
  let rest = `${lead}${' '.repeat(at - lead.length)} ${namedUnit ? after.slice(units[0]!.length) : after}`;
  rest = rest.replace(/多少|几点|几时|几|哪些|哪个|哪家|哪位|哪里|哪儿|叫什么名字|叫什么|什么|是谁|谁|何时|何处/g, ' ');
  // The noun asked about, with its modifier (哪些中小微企业), says which sentence speaks of it.
  if (noun) {
    const which = q.match(modifiedNoun(noun));
    rest += ` ${which ? which[1] + noun : noun}`;
  }
  const bound = kind !== 'date' ? undefined : ASKS_END.test(q) ? 'end' : ASKS_START.test(q) ? 'start' : undefined;
  const per = q.match(PER_MEASURE)?.[1];
  const frequency = kind === 'quantity' && FREQUENCY.test(q);
  const recurring = kind === 'date' && /每(?:个)?(?:月|周|星期|年)/u.test(q);
  // (结束, 开始 then say which end is asked, as the question word does; the text need not say them.)
  const age = units.includes('周岁');
  const words = joinSingles(segment(rest)).filter(
    (t) =>
      t.text.length >= 2 &&
      !QUESTION_STOP.has(t.text) &&
      !/^\d+$/.test(t.text) &&
      !PER_ONE.test(t.text) &&
      !(bound && BOUND_WORDS.test(t.text)) &&
      !(clock && CLOCK_BOUND_WORDS.test(t.text)) &&
      // 「收多大的孩子」: whose age is asked the text says in its own words (2至3周岁的幼儿).
      !(age && AGED_PERSON.test(t.text)),
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
  const plural = /哪些|哪几|哪[两三四五六七八九十]/.test(q);
  // 「新增就业里高校毕业生有多少」: a noun alone between 里/当中/之中 and the question phrase is the part
  // asked for (not 「小区里新开的养老中心」, where 里 only says where).
  const mark = kind === 'quantity' ? q.slice(0, at).match(PART_MARK) : null;
  const stretch = mark ? lead.slice((mark.index ?? 0) + mark[0].length) : '';
  const part = /^\p{Script=Han}{2,6}$/u.test(stretch) && !/的|在|了/u.test(stretch) ? stretch : undefined;
  // 「多少孩子」: with no measure word or family asked, the noun right after 多少 is what is counted.
  let counted: string | undefined;
  if (kind === 'quantity' && units.length === 0 && /^(?:多少|几)$/u.test(phrase[0])) {
    const next = tagHan(after.match(/^\p{Script=Han}+/u)?.[0] ?? '')[0];
    if (next && next.word.length >= 2 && /^(?:n|nz|vn)$/.test(next.tag)) counted = next.word;
    // 「有多少公共充电桩」: a noun phrase that closes the question is what is counted, whatever word
    // opens it (an attribute such as 公共, 新建).
    const run = after.match(/^(\p{Script=Han}{2,8}?)[呢啊呀吗]?(?:[？?！!。]|$)/u)?.[1];
    const first = run ? tagHan(run)[0] : undefined;
    // (Not a span asked with a second question word: 几点到几点.)
    if (!counted && run && first && /^(?:n|nz|vn|b|a|j|x)$/.test(first.tag) && !/几|多少/u.test(run)) counted = run;
  }
  return {
    bound,
    kind,
    units,
    namedUnit,
    counted,
    part,
    per,
    frequency,
    recurring,
    ordinal,
    clock,
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

// 「开的是什么花」「要建什么生产线」: the noun after 什么 names the kind of thing asked for.
const WHAT_NOUN = /什么(?=\p{Script=Han})/u;
const THING_TAG = /^(?:n|nz|ng|vn|j|nt)$/;
// Kinds whose things news names by what they are about, at length, not by a short name ending in
// the kind (什么会: 「区委常委会第十次会议」; 什么活动, 什么内容, 什么工作): no short answer.
const GENERAL_THINGS = /^(?:会|会议|大会|活动|事|事情|东西|意思|内容|工作|情况|问题|措施|政策|服务|项目)$/u;

/**
 * A thing asked for by its kind: the noun after 什么 (什么花, 什么生产线), or the thing a name is asked
 * of (培训班叫什么名字). Undefined when 什么 stands alone (修好了什么): nothing then says which
 * words of a sentence would be the answer.
 */
function thingAsked(
  q: string,
  roleName: RegExpMatchArray | null,
): { phrase: RegExpMatchArray; noun: string } | undefined {
  if (roleName) {
    const before = segment(q.slice(0, roleName.index)).filter((t) => isHan(t.text));
    const last = before[before.length - 1];
    if (!last || last.start + last.text.length !== roleName.index) return undefined;
    // A one-character word closes a longer noun (读书|会).
    const prev = before[before.length - 2];
    const noun =
      last.text.length === 1 && prev && prev.start + prev.text.length === last.start
        ? prev.text + last.text
        : last.text;
    return noun.length >= 2 ? { phrase: roleName, noun } : undefined;
  }
  const what = q.match(WHAT_NOUN);
  if (!what) return undefined;
  const thing = (noun: string) => (GENERAL_THINGS.test(noun) ? undefined : { phrase: what, noun });
  const rest = q.slice((what.index ?? 0) + 2).match(/^\p{Script=Han}+/u)?.[0] ?? '';
  // One or two characters closing the question are the noun, whatever jieba tags them (什么花).
  const last = rest.replace(/[呢啊呀]$/u, '');
  if (last.length >= 1 && last.length <= 2 && last === q.slice(-last.length)) return thing(last);
  const next = tagHan(rest)[0];
  if (!next || !THING_TAG.test(next.tag)) return undefined;
  return thing(next.word);
}

/** A word as a regular expression that matches it literally. */
export function literal(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
