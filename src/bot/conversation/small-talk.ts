/**
 * Messages that are not questions about the news: greetings, thanks, questions about the bot
 * itself, farewells, an emoji alone, text in another language. Pure: the text in, its kind out.
 *
 * A kind matches only the whole message (after punctuation, spaces and sentence-final particles
 * are dropped), so 「你好，唐闸古镇规划面积多大」 is a question with a greeting in front
 * (`withoutGreeting` takes the greeting off), never small talk.
 */

export type SmallTalk =
  | 'greeting'
  | 'thanks'
  | 'acknowledge'
  | 'identity'
  | 'abilities'
  | 'farewell'
  | 'emoji'
  /** Letters but no Chinese: the bot reads Chinese; the words it knows (GDP, AI, names) are still searched. */
  | 'foreign';

// Sentence-final particles and interjections carry tone, not meaning (你好呀, 谢谢啦, 在吗?).
const PARTICLES = /[啊呀呢吧啦哈嘛哦喔噢~～]+$/u;
const PUNCTUATION = /[\s\p{P}\p{S}]+/gu;
// Whom a greeting or thanks may be addressed to (谢谢你, 你好机器人, 小助手你好).
const ADDRESS = '(?:你|您|你们|机器人|小?助手|崇川新闻助手|bot)?';

const KINDS: [SmallTalk, RegExp][] = [
  [
    'greeting',
    new RegExp(
      `^${ADDRESS}(?:你好|您好|你们好|大家好|哈喽|哈啰|嗨|嘿|在吗|在不在|在么|有人吗|早上好|上午好|中午好|下午好|晚上好|早安|早|hi|hello|hey|hallo|nihao)+${ADDRESS}$`,
    ),
  ],
  [
    'thanks',
    new RegExp(
      `^(?:好的)?(?:谢谢|多谢|感谢|谢了|谢啦|辛苦了|thanks|thankyou|thx|ty)${ADDRESS}(?:了|啦)?$|^(?:太好了|真棒|好棒|不错|很好|厉害|赞)$`,
    ),
  ],
  ['acknowledge', /^(?:好的?|嗯+|哦+|噢+|行|可以|知道了|明白了?|了解了?|收到|ok|okay|好吧)$/],
  [
    'identity',
    /^(?:你|您)(?:是谁|是什么|叫什么(?:名字)?|是机器人吗|是人吗|是ai吗|是真人吗)$|^whoareyou$|^(?:你|您)是(?:谁|什么)(?:啊|呀)?$/,
  ],
  [
    'abilities',
    /^(?:你|您)?(?:能|会|可以)(?:做|干)?(?:什么|啥|些什么|嘛)$|^(?:你|您)有什么用$|^(?:怎么|如何)(?:用|使用)(?:你)?$|^(?:帮助|使用说明|help|whatcanyoudo)$/,
  ],
  ['farewell', /^(?:再见|拜拜|回见|下次见|晚安|bye|byebye|goodbye)$/],
];

/** The message as compared: lower case, without punctuation, spaces and final particles. */
function bare(text: string): string {
  return text.toLowerCase().replace(PUNCTUATION, '').replace(PARTICLES, '');
}

/** What kind of small talk the message is, or undefined for anything that may be a question. */
export function smallTalkOf(text: string): SmallTalk | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  // Nothing but emoji, symbols and punctuation (👍, 😊😊, ？？, 🎉!).
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return 'emoji';
  // Letters, but not a single Chinese character: another language (English, mostly: hello, thanks
  // too), answered with a line in English.
  if (!/\p{Script=Han}/u.test(trimmed) && /\p{L}/u.test(trimmed)) return 'foreign';
  const b = bare(trimmed);
  for (const [kind, pattern] of KINDS) if (pattern.test(b)) return kind;
  return undefined;
}

// A greeting or polite opening before a question (你好，…; 请问…; 麻烦问一下…).
const OPENING = new RegExp(
  `^\\s*(?:(?:${ADDRESS}(?:你好|您好|哈喽|嗨|在吗)${ADDRESS}|请问一下|请问|麻烦问一下|问一下|我想问一下|我想问)[\\s\\p{P}]*)+`,
  'u',
);

/** The question without a greeting or polite opening in front; the text itself when it has none. */
export function withoutGreeting(text: string): string {
  const rest = text.replace(OPENING, '');
  return rest.trim() ? rest.trim() : text.trim();
}
