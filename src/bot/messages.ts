/**
 * Every word the bot says to its users, in one place so wording can be reviewed and changed
 * together. Replies are Telegram HTML: a function that takes text from a user or an article
 * escapes it itself (and shortens it at a character boundary), so no call site can forget.
 * Button labels and callback notices are plain text.
 */
import type { LibraryStats } from '../retrieval/index.ts';
import type { UnansweredCount } from '../storage/conversation-store.ts';
import { ALL_ISSUES } from '../storage/subscriptions.ts';
import { clip } from '../text/graphemes.ts';
import { escapeHtml, formatDate } from '../telegram/html.ts';

/** How much of a user's text a reply echoes, in UTF-16 units. */
const ECHO = 40;

/** A short echo of the user's text (question, command, keyword), escaped for HTML. */
export function echo(text: string, max = ECHO): string {
  return escapeHtml(clip(text.replace(/\s+/g, ' ').trim(), max));
}

/** The command menu: each command with its Chinese and English description. */
export const MENU: [command: string, zh: string, en: string][] = [
  ['search', '搜索报道', 'Search the news'],
  ['latest', '最新报道', 'Latest articles'],
  ['subscribe', '订阅新报纸或关键词', 'Follow new issues or a keyword'],
  ['unsubscribe', '退订', 'Stop following'],
  ['subscriptions', '我的订阅', 'What you follow'],
  ['help', '使用帮助', 'How to use the bot'],
  ['privacy', '隐私说明', 'What the bot stores'],
];

export const messages = {
  // Questions and results
  resultsHeader: (question: string, page: number, pages: number) =>
    `🔎 「${echo(question)}」${pages > 1 ? ` 第${page + 1}/${pages}页` : ''}`,
  /** The short answer, already escaped HTML, before the result that holds it. */
  directAnswer: (html: string) => `答：<b>${html}</b>`,
  /** Above results that may not hold the answer. */
  relatedHeader: '没有找到确切答案，以下报道提到了……',
  /**
   * Above results none offered as the answer, of which one the decision still gives an even chance
   * of holding the answer: they may well answer, so the header does not say that nothing was found.
   */
  mayAnswerHeader: '这些报道可能有答案：',
  /** The same, after results that do answer. */
  moreRelatedHeader: '以下报道可能相关：',
  /** As of when an answer about the present holder or the latest news stands (the article's date). */
  asOf: (date: string) => `据${formatDate(date)}报道`,
  /** A short mark of one such result where there is no room for a header (an inline result's title). */
  relatedLabel: '〔可能相关〕',
  noMatch: (question: string) =>
    `没有在报道中找到与「${echo(question)}」相关的内容。\n可以换个说法或关键词再试，或用 /latest 看看最新报道。`,
  questionTooLong: (length: number, max: number) =>
    `问题太长了（${length} 字）。请把问题精简到 ${max} 字以内再发给我。`,
  searchUsage: (example: string) => `用法：/search 关键词\n例如：/search ${escapeHtml(example)}`,
  latestUsage: (max: number) => `用法：/latest [数量]，数量是 1 到 ${max} 之间的数字。\n例如：/latest 10`,
  /** The usage line of a command given arguments it cannot read (or takes none: nothing was done). */
  usage: {
    subscribe:
      '用法：/subscribe 订阅每期新报纸；/subscribe 关键词 在有相关新报道时提醒，关键词要有文字或数字。\n例如：/subscribe 老旧小区改造',
    unsubscribe: '用法：/unsubscribe 退订全部；/unsubscribe 关键词 退订这个关键词。\n用 /subscriptions 查看你的订阅。',
    subscriptions: '用法：/subscriptions（不带参数），列出你的订阅。',
    help: '用法：/help（不带参数）。',
    privacy: '用法：/privacy（不带参数），说明机器人保存了哪些数据。',
    forget: '用法：/forget（不带参数），删除与你的聊天有关的全部数据。这次没有删除任何数据。',
    stats: '用法：/stats（不带参数），显示运行状态。',
    reload: '用法：/reload（不带参数），重新扫描报道库。这次没有重新加载。',
  },
  /** /start with a deep link to an article the archive no longer holds (or a link garbled). */
  deepLinkGone: '<i>这个链接指向的文章不在报道库中（可能已更新，或者链接不完整）。</i>',
  /** A follow-up read with the last question's topic: says how it was understood. */
  followUpAs: (question: string) => `<i>（接着上一个问题：${echo(question, 30)}）</i>`,
  /** The period a question names holds no article: what the archive has instead. */
  windowEmpty: (words: string, from: string, to: string, stats: LibraryStats) =>
    `<i>报道库中没有${echo(words, 10)}（${from} 至 ${to}）的报道${
      stats.to && stats.to < from ? `，最新的报道是 ${formatDate(stats.to)}` : ''
    }。以下是其他时间的报道：</i>`,
  noMoreResults: '没有更多相关报道了。可以换个问法，或用 /latest 看看最新报道。',
  noContext: '我们还没聊到具体的报道。直接问我一个问题吧，比如：',
  unknownCommand: (command: string) => `不认识的命令 ${echo(command)}。发送 /help 查看可用的命令，或直接输入问题。`,
  textOnly: '我只能读懂文字问题。请用文字描述你想了解的内容，例如「老旧小区改造」。',
  reporters: (names: string[]) => `记者 ${echo(names.join(' '), 200)}`,
  photo: '📷 ',
  part: (k: number, parts: number) => `<i>（${k + 1}/${parts}）</i>`,
  /** Under an excerpt (具体说说): which paragraphs it holds, and how to go on when there are more. */
  excerptPlace: (from: number, to: number, total: number, more: boolean) =>
    `<i>（第 ${from + 1}${to - from > 1 ? `–${to}` : ''} 段，共 ${total} 段${more ? '。再说「详细点」接着看' : ''}）</i>`,
  /** 详细点 once the whole article has been shown. */
  detailDone: '这篇报道已经全部发给你了。可以接着问别的，或说「还有别的吗」看下一篇报道。',

  // Small talk (the example questions follow as buttons)
  smallTalk: {
    greeting: '你好！我是崇川新闻助手，能帮你从崇川区的新闻报道里找答案。试试这些问题：',
    thanks: '不客气！还想了解什么，直接问我就行，比如：',
    acknowledge: '好的。还有想了解的，直接问我，比如：',
    identity: '我是崇川新闻助手，一个读报机器人：你用中文提问，我从崇川区的新闻报道里找答案。比如：',
    abilities:
      '我能回答关于崇川区新闻的问题：数字、日期、地点、人物，也能列出最新报道（/latest）、订阅新报道（/subscribe）。试试：',
    farewell: '再见！有问题随时来问我。也可以试试：',
    emoji: '收到！我能回答关于崇川区新闻报道的问题，比如：',
    foreign:
      'I read questions in Chinese about the news of Chongchuan district; I searched the words I know.\n我读中文问题，回答崇川区新闻报道里的内容，比如：',
  },
  /** Before the results of a question in another language. */
  foreignFound: '<i>I read questions in Chinese; here is what the news says about the words I know.</i>',

  // Lists and greeting
  latestHeader: '🗞 最新报道',
  /** The newest articles of a period (最近, 上个月…), with its dates. */
  latestOf: (words: string, from: string, to: string) => `🗞 ${echo(words, 10)}的报道（${from} 至 ${to}）`,
  /** A period with no article: the archive ends before it (or starts after it). */
  latestNoneIn: (words: string, from: string, to: string, stats: LibraryStats) =>
    `报道库中没有${echo(words, 10)}（${from} 至 ${to}）的报道${
      stats.to ? `，报道库的报道截至 ${formatDate(stats.to)}` : ''
    }。这是最新的报道：`,
  libraryEmpty: '报道库中还没有文章。',
  welcome: (stats: LibraryStats) => {
    const period = stats.from && stats.to ? `，时间从 ${formatDate(stats.from)} 到 ${formatDate(stats.to)}` : '';
    return [
      '你好！我是<b>崇川新闻助手</b>，帮你在崇川区的新闻报道里找答案。',
      `报道库现有 ${stats.articles} 篇文章、${stats.issues} 期报纸${period}。`,
      '直接发问题给我就行，比如下面这些（点一下试试）：',
    ].join('\n');
  },
  help: [
    '<b>使用方法</b>',
    '直接发送问题，例如「唐闸古镇规划面积多大」。',
    '',
    '/search 关键词 — 搜索报道',
    '/latest [数量] — 最新报道',
    '/subscribe — 订阅每期新报纸的标题摘要',
    '/subscribe 关键词 — 有相关新报道时提醒',
    '/unsubscribe [关键词] — 退订（不带关键词则全部退订）',
    '/subscriptions — 我的订阅',
    '/privacy — 隐私说明；/forget 删除我的数据',
    '/help — 显示本帮助',
    '/start — 重新开始',
    '',
    '在任何聊天中输入 @本机器人 加关键词，也能搜索并分享报道。',
  ].join('\n'),

  // Inline mode (plain text)
  inlineNothingFound: (query: string) => `没有找到「${clip(query, 20)}」的报道`,

  // Buttons (plain text)
  fullTextButton: (n: number) => `📄 全文 ${n}`,
  /** A link to the result's page on the web (PUBLIC_URL), numbered when the reply shows several. */
  sourceButton: (n?: number) => (n === undefined ? '🔗 原文' : `🔗 原文 ${n}`),
  /** The one 全文 button under an answer. */
  answerFullText: '📄 全文',
  moreResults: (n: number) => `更多结果（${n}）▶`,
  backToResults: '◀ 返回结果',
  /** A button per listed article: its headline, short enough for a phone's row. */
  latestButton: (n: number, headline: string) => `${n}. ${clip(headline, 22)}`,
  previousPage: '◀ 上一页',
  nextPage: '下一页 ▶',
  previousPart: '◀ 上一部分',
  nextPart: '下一部分 ▶',
  exampleButton: (question: string) => `💬 ${clip(question, 60)}`,

  // Button notices (plain text, at most 200 characters)
  searchExpired: '这次搜索已过期，请重新提问。',
  articleGone: '找不到这篇文章了，报道库可能已更新。',
  exampleGone: '这个示例已经失效了，请直接输入问题。',
  buttonGone: '这个按钮已失效，请重新提问。',
  pressTooFast: '操作太频繁了，请稍等几秒。',

  // Flood
  sendingTooFast: '你发得太快了，请稍等几秒再问。',

  // Subscriptions
  keywordTooLong: (max: number) => `关键词太长了，请控制在 ${max} 字以内。`,
  subscribed: (keyword: string) =>
    keyword
      ? `✅ 已订阅关键词「${echo(keyword)}」。有相关新报道时会通知你。`
      : '✅ 已订阅每期新报纸。新一期收录后会发给你标题摘要。',
  alreadySubscribed: (keyword: string) => `你已经订阅了${keyword ? `关键词「${echo(keyword)}」` : '每期新报纸'}。`,
  tooManyKeywords: (max: number) => `最多可以关注 ${max} 个关键词，请先用 /unsubscribe 关键词 退订一些。`,
  unsubscribedAll: (n: number) => (n > 0 ? `已退订全部 ${n} 项订阅。` : '你目前没有任何订阅。'),
  unsubscribedKeyword: (keyword: string, removed: boolean) =>
    removed ? `已退订关键词「${echo(keyword)}」。` : `你没有订阅关键词「${echo(keyword)}」。`,
  noSubscriptions: '你目前没有订阅。\n/subscribe — 每期新报纸的标题摘要\n/subscribe 关键词 — 有相关新报道时提醒',
  subscriptionList: (keywords: string[]) =>
    `你的订阅：\n${keywords.map((k) => (k === ALL_ISSUES ? '• 每期新报纸' : `• 关键词「${echo(k)}」`)).join('\n')}`,
  /** What is stored where, for the storage in use: 'sqlite' (one server's file) or 'postgres' (a shared database). */
  privacy: (storage: string, contextMinutes: number, unansweredDays: number) =>
    [
      '<b>隐私说明</b>',
      storage === 'postgres'
        ? '数据保存在机器人的 PostgreSQL 数据库中（各个服务实例共用）：'
        : '数据保存在运行机器人的服务器上的数据库文件中：',
      '• 你的订阅：聊天编号和关注的关键词，用来发送新报道通知，直到你退订；',
      `• 你最近一个问题的主题和结果，用来理解「那它……」这样的追问，${contextMinutes} 分钟后失效；`,
      storage === 'postgres'
        ? '• 翻页和按钮用的搜索结果，在数据库中保留一天；'
        : '• 翻页和按钮用的搜索结果，在服务器内存中保留一天，重启即清除；',
      `• 没有找到答案的问题：只记问题文字，不记是谁、在哪个聊天里问的，保留 ${unansweredDays} 天，用来了解报道库缺少什么。`,
      '发送 /forget 即可删除与你的聊天有关的全部数据（没有找到答案的问题不含聊天信息，无法也无需按人删除）。',
    ].join('\n'),
  forgotten: '已删除关于你的全部数据（订阅、待发送的通知和最近的问题）。',
  /** The database could not take a change now (locked, unreachable). */
  storageUnavailable: '暂时无法保存，请稍后再试。',

  // Operators
  stats: (stats: LibraryStats, subscribers: number, questions: number, unanswered: UnansweredCount[] = [], days = 30) =>
    [
      '<b>运行状态</b>',
      `文章 ${stats.articles} 篇，报纸 ${stats.issues} 期`,
      `订阅用户 ${subscribers} 个`,
      `启动以来回答问题 ${questions} 次`,
      '',
      unanswered.length === 0
        ? `近 ${days} 天没有找不到答案的问题。`
        : `<b>近 ${days} 天没有找到答案的问题</b>（次数）：\n${unanswered
            .map((u) => `• ${echo(u.question, 40)}（${u.count}）`)
            .join('\n')}`,
    ].join('\n'),
  reloadUnsupported: '这个实例不支持重新加载。',
  reloading: '正在重新扫描报道库……',
  reloaded: (stats: LibraryStats) => `重新加载完成：${stats.articles} 篇文章，${stats.issues} 期报纸`,

  // The web pages (src/server/pages; plain text, escaped there)
  siteName: '崇川新闻助手',
  skipToContent: '跳到正文',
  searchLabel: '搜索报道',
  searchPlaceholder: '输入问题或关键词',
  searchButton: '搜索',
  newestIssues: '最新各期报纸',
  libraryCounts: (stats: LibraryStats) => `报道库现有 ${stats.articles} 篇文章、${stats.issues} 期报纸`,
  issueTitle: (date: string) => `报纸 · ${formatDate(date)}`,
  articleCount: (n: number) => `${n} 篇文章`,
  issueContents: '本期目录',
  photoNews: '图片新闻',
  previousArticle: '◀ 上一篇',
  nextArticle: '下一篇 ▶',
  notFoundTitle: '找不到这个页面',
  notFound: '这个链接指向的文章或报纸不在报道库中，可能已经移除，或者链接有误。',
  backHome: '回到首页',
  methodNotAllowed: '这个页面只能浏览（GET），不接受提交。',

  // The terminal chat (plain text)
  chatBanner: (stats: LibraryStats) =>
    `崇川新闻助手 · 终端聊天（未设置 BOT_TOKEN，没有连接 Telegram）：${stats.articles} 篇文章，${stats.issues} 期报纸。\n` +
    '输入问题或命令（/latest、/search 关键词、/help），输入 #1 按下回复里的第 1 个按钮，Ctrl+D 退出。\n',
  chatEdited: '（上一条消息已更新）',
  chatButtons: (labels: string[]) => `  按钮：${labels.map((b, k) => `#${k + 1} ${b}`).join('  ')}`,
  chatNoSuchButton: '（没有这个按钮）\n',
  chatRefused: (method: string, reason: string) => `（Telegram 会拒绝这次 ${method}：${reason}）\n`,
} as const;
