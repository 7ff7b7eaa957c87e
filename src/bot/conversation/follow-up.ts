/**
 * Reading a message against the chat's last question: 还有别的吗 / 下一个 (the next result),
 * 具体说说 / 详细点 (more of the last answer's article), a message that refers back (那它…, …呢,
 * 他/她/这个, or a bare question word: 什么时候开始的) read with the last topic, or a new question,
 * which drops the context. Pure: the words a text is about are computed by the caller.
 */

import type { Shown } from './detail.ts';

/** What the bot keeps of a chat's last question (as JSON in the shared store). */
export interface ChatContext {
  /** The question as searched (follow-ups already resolved). */
  question: string;
  /** The question without its question words: what it is about (唐闸古镇规划面积). */
  topic: string;
  /** Its focus, the thing asked about, which a follow-up may replace (面积). */
  focus: string;
  /** Its question words (多大, 什么时候), for a follow-up that has none (那常住人口呢). */
  ask: string;
  /** The stored results' key, and how many of them were offered one by one. */
  key?: string;
  shown: number;
  /** The article of the last answer, and its paragraphs shown by 具体说说 (detail.ts). */
  article?: string;
  detail?: Shown;
}

export type FollowUp =
  | { kind: 'next' }
  | { kind: 'detail' }
  | { kind: 'full' }
  /**
   * `question` is the message read with the last topic. `weak`: nothing in the message points back
   * (a short question of one word, 什么时候开学): it may as well be a question of its own. `own`:
   * the message without its pointers, with the last question's words of asking when it has none.
   * `ownWords`: how many things the message names itself. `selfContained`: the message reads as a question of its own (it names more than one thing);
   * only the archive can tell whether it still carries on from the last answer.
   */
  | { kind: 'refer'; question: string; weak: boolean; own: string; ownWords: number; selfContained?: boolean }
  | { kind: 'new'; question: string };

/** What a text is about, as the ranking reads it: its content words (weight 1) and its lighter words. */
export interface Words {
  content: string[];
  focus?: string;
  /** The content words that read as proper names (people, places, organisations). */
  names?: string[];
}

// Asking for the next result: 还有别的吗, 还有吗, 下一个, 换一个, 其他的呢, 更多.
const NEXT =
  /^(?:还有(?:没有)?(?:别的|其他|其它|其他的|别的的)?(?:报道|新闻|消息|结果)?(?:吗|么|呢|没有)?|(?:下|再来|换)一?(?:个|条|篇)|(?:其他|其它|别)的?(?:呢|吗|报道|结果)?|更多(?:结果)?|继续)$/;
// Asking for more of the same answer: 具体说说, 详细点, 再具体点, 能详细讲讲吗, 展开说说.
const DETAIL =
  /^(?:能|可以)?(?:再|请|麻烦)?(?:说|讲)?(?:得)?(?:具体|详细|仔细|多)(?:一)?(?:点|些|说说|讲讲|说一下|讲一下|介绍一下|介绍|说明)(?:吗|么|呢)?$|^(?:展开|详细|具体)(?:说说|讲讲|一下)?(?:吗)?$/;
// Asking for the whole article: 全文, 看原文, 发全文.
const FULL = /^(?:看|发|给我)?(?:全文|原文)$/;
// Words pointing back at the last topic: 它, 他/她, 这个, 那个项目, 这件事, 那里.
const POINTER = /它们?|他们?|她们?|这个|这项|这件事?|这事|那个|那件事?|那项|该项目|此事|那里|那边|这里|那儿|这儿/g;
// A message opening with 那 / 那么 carries on from the last one; one ending in 呢 asks the same of something else.
const OPENER = /^(?:那么?|那请问|那你说|还有|另外)/;
const ENDER = /呢$/;
// The question words at the end of a question (多大, 是多少, 什么时候, 在哪里), with 的/吗 after them.
const ASK =
  /(?:是|有|达到?|为|共|一共|总共)?(?:多少\p{Script=Han}?|几\p{Script=Han}|什么时候|何时|哪一?年|哪一?天|哪里|在哪里?|哪儿|是谁|谁|多大|多长|多高|多久|多远|怎么样|如何|是什么|(?:干|做)什么|有哪些|哪些)(?:的|了)?(?:吗|呢|啊|呀)?/u;
// Question words asking for a quantity, some with the unit of what they ask about (多大, 多少个).
const QUANTITY = /多少|几|多大|多长|多高|多久|多远/;
// Whether a text asks anything at all (a question word, or 吗).
const ASKS = /[吗么]$|什么|多少|几|哪|谁|怎么|如何|何时|是否|有没有/;

/** Punctuation and spaces off, for matching. */
const bare = (text: string) => text.replace(/[\s\p{P}\p{S}]+/gu, '');

/** The question's topic, focus and question words, kept for follow-ups. */
export function contextOf(question: string, words: Words): Pick<ChatContext, 'topic' | 'focus' | 'ask'> {
  const b = bare(question);
  const ask = b.match(ASK)?.[0] ?? '';
  return { topic: ask ? b.replace(ask, '') : b, focus: words.focus ?? '', ask };
}

/**
 * What the message asks, given the chat's last question (undefined: none, or expired); `wordsOf`
 * says what a text is about.
 */
export function readFollowUp(text: string, context: ChatContext | undefined, wordsOf: (t: string) => Words): FollowUp {
  const b = bare(text);
  // Asked with no question before, these get a word on how to start (the caller checks the context).
  if (NEXT.test(b)) return { kind: 'next' };
  if (DETAIL.test(b)) return { kind: 'detail' };
  if (FULL.test(b)) return { kind: 'full' };
  if (!context) return { kind: 'new', question: text };

  const pointed = POINTER.test(b);
  POINTER.lastIndex = 0;
  const opened = OPENER.test(b) || ENDER.test(b);
  const rest = b.replace(OPENER, '').replace(POINTER, '').replace(ENDER, '');
  const own = wordsOf(rest).content;
  // A question of its own names more than one thing and points at nothing said before; a short
  // one (a word or none: 什么时候开学, 在哪里) most often carries on from the last.
  const words = wordsOf(rest);
  // What makes a question its own: a name, a long compound (老旧小区改造), or three things named;
  // two common words (每天服务多少位老人) still leave its subject to the last question.
  const specific = (words.names?.length ?? 0) > 0 || own.some((w) => w.length >= 4) || own.length >= 3;
  const referring = pointed || !specific || (opened && own.length <= 2);
  if (!rest) return { kind: 'new', question: text };

  // The old focus gives way to new words sharing it (户籍人口多少, then 常住人口有多少).
  // Only a focus the topic ends on: the thing asked stands just before the question word in Chinese.
  let topic = context.topic;
  const { focus } = context;
  // A message opening with 那 or ending in 呢 asks the same of its new words (那常住人口呢 after 面积多大).
  // (Only after a question: a topic said alone, 寒假托管班, is all focus.)
  const replaced = context.ask !== '' && own.length > 0 && (opened || own.some((w) => shares(w, focus)));
  if (focus && topic.endsWith(focus) && focus.length < topic.length && replaced) topic = topic.slice(0, -focus.length);
  // What the topic says already need not be said twice (那唐闸古镇呢).
  for (const word of own) if (topic.includes(word)) topic = topic.replace(word, '');
  // The question words carry over, but a unit belongs to the old focus (多大 of an area): of a new
  // focus, a quantity is asked as 多少.
  const ask = ASKS.test(rest) ? '' : replaced && QUANTITY.test(context.ask) ? '多少' : context.ask;
  const question = `${topic}${rest}${ask}`;
  // A question naming at most one thing (有多少个摊位, 什么时候开学) lacks its subject: it is the last one's.
  const bareQuestion = own.length <= 1 && ASKS.test(rest);
  const weak = !pointed && !opened && !bareQuestion;
  return referring
    ? { kind: 'refer', question, weak, own: `${rest}${ask}`, ownWords: own.length }
    : { kind: 'refer', question, weak, own: text, ownWords: own.length, selfContained: true };
}

/**
 * Whether a message carries words of the last topic on (征集到了多少条建议 after 民生实事项目征集):
 * then the last answer's article is what it most likely asks about, whatever else it names.
 */
export function continuesTopic(message: string, context: ChatContext): boolean {
  return shares(bare(message), context.topic);
}

/** Whether two words share two characters in a row (常住人口 and 人口). */
function shares(a: string, b: string): boolean {
  for (let k = 0; k + 2 <= b.length; k++) if (a.includes(b.slice(k, k + 2))) return true;
  return false;
}
