/**
 * "What's new" questions: 最近有什么新闻, 上个月有什么新闻, 今天有啥消息, 有什么新鲜事 — a
 * reader asking for the latest articles (of a period), not for a topic. Pure: the text left
 * once its time words are taken out (timeWindow) is matched whole.
 */

// Where "here" is, for a local paper: the district, the city, or simply 这里 / 本地.
const HERE = '(?:崇川区?|南通市?|咱们?(?:这里|这儿|区里)?|我们(?:这里|这儿)?|本地|当地|区里|这里|这边)?';
const WHATS_NEW = new RegExp(
  `^${HERE}(?:都|又)?(?:有|发生了?|出了)?(?:什么|啥|哪些|些什么|没有)?(?:新|最新|重要|大)?的?(?:新闻|消息|报道|事情?|动态|新鲜事|大事)(?:吗|么|呢|没有)?$|^(?:最新|新)(?:的)?(?:新闻|消息|报道|动态)?$|^(?:有什么|有啥)(?:新鲜事|新东西|新情况)$`,
);

/** Whether the text (time words already out) asks for the latest articles. */
export function asksWhatsNew(rest: string): boolean {
  const b = rest.replace(/[\s\p{P}\p{S}]+/gu, '');
  return b === '' || WHATS_NEW.test(b);
}
