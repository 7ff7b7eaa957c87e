/**
 * A domain dictionary discovered from the corpus itself at index time, so that the names of
 * people, places, companies and programmes (胡拥军, 博嘉生物, 唐闸古镇, 十个一) reach jieba as
 * whole words instead of falling apart into characters.
 *
 * Sources, each a pattern of how such names are printed:
 * - quoted programme names: “十个一”, “红色直播间”;
 * - people before or after their titles: 区委书记胡拥军, 胡拥军强调;
 * - places by their suffix: 唐闸古镇, 十里坊小学, 城南新村, 碧林湾社区;
 * - companies: 江苏博嘉生物医学科技有限公司 gives 博嘉生物医学科技有限公司 and the short 博嘉生物.
 * A candidate is kept when jieba would otherwise cut it apart.
 */
import { cutHan, tagHan } from '../../text/segment.ts';

const HAN = '\\p{Script=Han}';
const QUOTED = new RegExp(`[“"「]((?:${HAN}|[a-z0-9]){2,8})[”"」]`, 'gu');
const TITLES = '(?:书记|副书记|区长|副区长|主任|副主任|部长|主席|副主席|理事长|局长|社长|校长|院长|总经理|董事长|员)';
const TITLED_NAME = new RegExp(`${TITLES}(${HAN}{2,3}?)(?=[，,、。出主参强指表要说带率前一调介等])`, 'gu');
const NAME_SAYS = new RegExp(`(${HAN}{2,3}?)(?=强调|指出|表示|要求|叮嘱|说道|一行)`, 'gu');
const PLACE_SUFFIX = /(街道|社区|小区|古镇|新村|小学|中学|公园|科技园|产业园|广场|剧院|医院|商圈)/gu;
const COMPANY_SUFFIX = /有限公司|集团/g;
const HAN_TAIL = /\p{Script=Han}{2,16}$/u;

/** Common Chinese surnames: a person's name in news text almost always opens with one. */
export const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤俞仇成邢葛柏包鲍储单邬卞缪殷管景季吉翟冒巫濮施洪倪凌符尤庞聂蓝申焦左詹祝阮牛齐柴樊房耿滕晏闵辛谈芮乔宗花霍蒲苗宁温裴梅欧舒童颜牟岳骆纪屈项奚娄鞠',
]);

/** Whether jieba would cut the word into more than one piece. */
function fallsApart(word: string): boolean {
  return cutHan(word).length > 1;
}

/**
 * The place name ending in the suffix at `at`: the nouns jieba reads just before it
 * (「队前往唐闸古镇」 -> 唐闸古镇), or nothing when a verb or particle stands there.
 */
function placeName(text: string, at: number, suffix: string): string | undefined {
  const before = text.slice(Math.max(0, at - 6), at).match(/\p{Script=Han}+$/u)?.[0];
  if (!before) return undefined;
  const tagged = tagHan(before);
  let name = '';
  for (let k = tagged.length - 1; k >= 0; k--) {
    const { word, tag } = tagged[k]!;
    if (!/^(n|ns|nr|nz|nt|j|x|m|eng)/.test(tag) || name.length + word.length > 5) break;
    name = word + name;
    if (!/^(ns|nr|nz)/.test(tag)) break;
  }
  return name.length >= 2 ? name + suffix : undefined;
}

/** Domain words found in the texts, sorted; only those jieba would otherwise split. */
export function discoverWords(texts: string[]): string[] {
  const counts = new Map<string, number>();
  const add = (w: string | undefined, min = 1) => {
    if (!w || w.length < 2 || w.length > 12) return;
    counts.set(w, Math.max(counts.get(w) ?? 0, 0) + 1);
    if (min > 1) minimum.set(w, min);
  };
  const minimum = new Map<string, number>();
  for (const text of texts) {
    for (const m of text.matchAll(QUOTED)) add(m[1]);
    for (const m of text.matchAll(TITLED_NAME)) if (SURNAMES.has(m[1]![0]!)) add(m[1]);
    for (const m of text.matchAll(NAME_SAYS)) if (SURNAMES.has(m[1]![0]!)) add(m[1], 2);
    for (const m of text.matchAll(PLACE_SUFFIX)) add(placeName(text, m.index ?? 0, m[1]!));
    for (const m of text.matchAll(COMPANY_SUFFIX)) {
      const at = m.index ?? 0;
      const name = text.slice(Math.max(0, at - 16), at).match(HAN_TAIL)?.[0];
      if (!name) continue;
      const full = (name + m[0]).replace(/^(江苏|南通|上海)/, '');
      add(full);
      // The short name a company goes by: its first four characters, when the article that
      // names the company uses them again on their own.
      const short = full.slice(0, 4);
      if (text.split(short).length > 2) add(short);
    }
  }
  const words: string[] = [];
  for (const [w, n] of counts) {
    if (n >= (minimum.get(w) ?? 1) && /^\p{Script=Han}+$/u.test(w) && fallsApart(w)) words.push(w);
  }
  return words.sort();
}

/** jieba's user-dictionary text: one "word frequency tag" line each, a frequency that wins. */
export function userDictionaryText(words: string[]): string {
  return `${words.map((w) => `${w} 200000 nz`).join('\n')}\n`;
}
