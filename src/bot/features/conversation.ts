/**
 * A message in a private chat (or /search) to a reply: small talk gets a friendly word and
 * example questions; "what's new" the latest articles of the period named; a follow-up is read
 * with the chat's last question; any other question is searched, with its relative time words
 * resolved against today. The answer comes first and alone, sized for a phone; the other
 * results are a button away.
 */
import type { Context } from 'grammy';
import { isProperName, parseQuery, type SearchResult, timeWindow, type TimeWindow } from '../../retrieval/index.ts';
import { countUnanswered, loadContext, saveContext } from '../conversation/chat-context.ts';
import { answeringParagraph, firstExcerpt, nextExcerpt, type Shown, widen } from '../conversation/detail.ts';
import { exampleQuestions } from '../conversation/examples.ts';
import {
  type ChatContext,
  contextOf,
  continuesTopic,
  type FollowUp,
  readFollowUp,
  type Words,
} from '../conversation/follow-up.ts';
import { smallTalkOf, withoutGreeting } from '../conversation/small-talk.ts';
import { asksWhatsNew } from '../conversation/whats-new.ts';
import type { BotDeps } from '../deps.ts';
import { formatAnswer, formatExcerpt, formatLatest } from '../format.ts';
import { removeInvisible } from '../../text/normalize.ts';
import { resultLinks } from '../article-links.ts';
import { answerKeyboard, examplesKeyboard, excerptKeyboard, latestKeyboard } from '../keyboards.ts';
import { messages } from '../messages.ts';
import { sendArticle } from './article.ts';

/** Longer questions get a notice instead of a search. */
export const MAX_QUESTION = 300;
/** Results kept for 更多结果 and 还有别的吗. */
export const RESULTS_KEPT = 15;
/** Articles a "what's new" reply lists. */
const WHATS_NEW = 5;

/** What a text is about, as the ranking reads it. */
export function wordsOf(text: string): Words {
  const concepts = parseQuery(text).concepts;
  const content = concepts.filter((c) => c.weight >= 1).map((c) => c.terms[0]!);
  return { content, focus: concepts.find((c) => c.focus)?.terms[0], names: content.filter(isProperName) };
}

const answers = (results: SearchResult[]) => results.length > 0 && results[0]!.confidence !== 'related';

/** The examples as buttons, after a line of small talk (or any line that invites a question). */
async function replyWithExamples(ctx: Context, deps: BotDeps, text: string): Promise<void> {
  await ctx.reply(text, { reply_markup: examplesKeyboard(exampleQuestions(deps.library, 3)) });
}

/** A search's results, and a line to show above them (the period named holds no article). */
interface Found {
  results: SearchResult[];
  notice?: string;
}

/** Searches with the question's period (its relative time words) narrowing or boosting by date. */
function searchIn(deps: BotDeps, question: string): Found {
  const { window } = timeWindow(question, deps.today());
  if (!window) return { results: deps.library.search(question, RESULTS_KEPT) };
  const dates = { from: window.from, to: window.to };
  const held = deps.library.latest(1, dates).length > 0;
  if (!window.soft && held) {
    // The period holds articles: its answer, if it has one; else the best of any time.
    const narrowed = deps.library.search(question, RESULTS_KEPT, { dates: { ...dates, narrow: true } });
    if (answers(narrowed)) return { results: narrowed };
  }
  const results = deps.library.search(question, RESULTS_KEPT, { dates });
  const notice =
    !window.soft && !held
      ? messages.windowEmpty(window.words, window.from, window.to, deps.library.stats())
      : undefined;
  return { results, notice };
}

/** Searches and replies with the answer alone (更多结果 a button away), or says that nothing matches. */
export async function answerQuestion(
  ctx: Context,
  deps: BotDeps,
  question: string,
  before: string[] = [],
  found?: Found,
): Promise<void> {
  // Bidi controls and zero-width characters out: they would hide words and reorder the echo.
  const q = removeInvisible(question).trim();
  if (q.length > MAX_QUESTION) {
    await ctx.reply(messages.questionTooLong(q.length, MAX_QUESTION));
    return;
  }
  deps.counters.questions++;
  const { results, notice } = found ?? searchIn(deps, q);
  if (results.length === 0) {
    // What residents ask and the archive lacks, for the operators (/stats): the text alone.
    await countUnanswered(deps.subscriptions, q, deps.now());
    await ctx.reply(messages.noMatch(q));
    return;
  }
  const key = await deps.store.put(q, results, ctx.chat?.id);
  if (ctx.chat)
    await saveContext(
      deps.subscriptions,
      ctx.chat.id,
      { question: q, ...contextOf(q, wordsOf(q)), key, shown: 0, article: results[0]!.articleId },
      deps.now(),
    );
  await ctx.reply(formatAnswer(results[0]!, notice ? [...before, notice] : before), {
    reply_markup: answerKeyboard(key, results, 0, resultLinks(deps.publicUrl, q, deps.library)),
  });
}

/** The newest articles of the period named (最近, 上个月…); when it holds none, says so and lists the newest. */
async function whatsNew(ctx: Context, deps: BotDeps, window: TimeWindow | undefined): Promise<void> {
  const within = window ? deps.library.latest(WHATS_NEW, window) : [];
  const stats = deps.library.stats();
  const articles = within.length > 0 ? within : deps.library.latest(WHATS_NEW);
  const header = !window
    ? messages.latestHeader
    : within.length > 0
      ? messages.latestOf(window.words, window.from, window.to)
      : messages.latestNoneIn(window.words, window.from, window.to, stats);
  await ctx.reply(formatLatest(articles, header), { reply_markup: latestKeyboard(articles) });
}

/** The next stored result (还有别的吗, 下一个). */
async function nextResult(ctx: Context, deps: BotDeps, context: ChatContext): Promise<void> {
  const stored = context.key ? await deps.store.get(context.key) : undefined;
  const next = context.shown + 1;
  const result = stored?.results[next];
  if (!stored || !result || !context.key) {
    await ctx.reply(messages.noMoreResults);
    return;
  }
  await saveContext(
    deps.subscriptions,
    ctx.chat!.id,
    { ...context, shown: next, article: result.articleId, detail: undefined },
    deps.now(),
  );
  await ctx.reply(formatAnswer(result), {
    reply_markup: answerKeyboard(
      context.key,
      stored.results,
      next,
      resultLinks(deps.publicUrl, stored.question, deps.library),
    ),
  });
}

/**
 * More of the last answer's article (具体说说, 详细点): the paragraphs around the answering passage,
 * as much as a phone shows; asked again, the next paragraphs, until the article has all been shown.
 */
async function moreDetail(ctx: Context, deps: BotDeps, context: ChatContext): Promise<void> {
  const article = context.article ? deps.library.article(context.article) : undefined;
  if (!article) {
    await ctx.reply(messages.noMoreResults);
    return;
  }
  // An article of photos alone is told by its captions.
  const units = article.paragraphs.length > 0 ? article.paragraphs : article.captions;
  const lengths = units.map((p) => p.length);
  let excerpt: Shown | undefined;
  if (context.detail) excerpt = nextExcerpt(lengths, context.detail);
  else {
    const stored = context.key ? await deps.store.get(context.key) : undefined;
    const result = stored?.results[context.shown];
    const at = result?.articleId === article.id ? answeringParagraph(units, result.passage, result.answer) : 0;
    excerpt = firstExcerpt(lengths, at);
  }
  if (!excerpt || excerpt.to <= excerpt.from) {
    await ctx.reply(messages.detailDone, { reply_markup: excerptKeyboard(article.id, context.key) });
    return;
  }
  const shown = widen(context.detail, excerpt);
  await saveContext(deps.subscriptions, ctx.chat!.id, { ...context, detail: shown }, deps.now());
  const text = formatExcerpt(article, units, excerpt.from, excerpt.to, shown.to - shown.from < units.length);
  await ctx.reply(text, { reply_markup: excerptKeyboard(article.id, context.key) });
}

/**
 * What a follow-up asks, of the searches it may mean: read with the last topic, its own words
 * alone, or (when nothing in it points back) the message as it stands. What 它, 那 and a bare 多少
 * point at is the last answer: a search that offers that article as an answer wins, with it first
 * (unless the message points at nothing, shares no word with the last topic and answers as it
 * stands); else a message that answers as it stands (or reads as a question of its own) is asked
 * so; else the first search that answers.
 */
function followUpSearch(
  deps: BotDeps,
  follow: Extract<FollowUp, { kind: 'refer' }>,
  message: string,
  context: ChatContext,
): Found & { question: string } {
  // A message naming things of its own finds its sentence best by its own words; a bare one needs
  // the topic; one that points at nothing is read with the topic and as it stands.
  const order = follow.selfContained
    ? [message, follow.question]
    : follow.weak
      ? [follow.question, message, follow.own]
      : follow.ownWords >= 2
        ? [follow.own, follow.question]
        : [follow.question, follow.own];
  // A follow-up naming things of its own asks about them: a reading with the last topic whose first
  // result holds none of them (nor a word the archive writes for them) answers the old question,
  // not this one (如何办理出国护照 after 唐闸古镇常住人口有多少), so it is not tried.
  const ownTerms = parseQuery(follow.own)
    .concepts.filter((c) => c.weight >= 0.5)
    .map((c) => c.terms);
  const meetsOwn = (t: { question: string; results: SearchResult[] }) => {
    const first = t.results[0];
    if (t.question === message || t.question === follow.own || ownTerms.length === 0 || !first) return true;
    const text = `${first.headline}${first.passage}`;
    // A verb keeps its meaning without the aspect jieba glues on (投了 → 投), and two characters in
    // a row of a longer word are enough (疏散完 → 疏散).
    const met = (word: string) => {
      const w = word.replace(/^(\p{Script=Han})[了过着完]$/u, '$1');
      if (w.length <= 2) return text.includes(w);
      for (let k = 0; k + 2 <= w.length; k++) if (text.includes(w.slice(k, k + 2))) return true;
      return false;
    };
    return ownTerms.some((terms) => terms.some(met));
  };
  const tries = [...new Set(order)].map((question) => ({ question, ...searchIn(deps, question) })).filter(meetsOwn);
  if (tries.length === 0) return { question: message, ...searchIn(deps, message) };
  const alone = tries.find((t) => t.question === message);
  // A question of its own sharing no word with the last topic, answered as it stands, is asked so.
  if (follow.selfContained && alone && answers(alone.results) && !continuesTopic(message, context)) return alone;
  for (const t of tries) {
    const same = t.results.findIndex((r) => r.articleId === context.article && r.confidence !== 'related');
    if (same >= 0) return { ...t, results: [t.results[same]!, ...t.results.filter((_, k) => k !== same)] };
  }
  // A question of its own that the last answer's article does not answer is asked as it stands.
  if (alone && (answers(alone.results) || follow.selfContained)) return alone;
  // A message that points back is read with the topic, even when that finds only related reporting;
  // one that points at nothing is read with it only when that answers.
  if (!follow.weak && !follow.selfContained && tries[0]!.results.length > 0) return tries[0]!;
  if (follow.weak && alone) return tries.find((t) => answers(t.results)) ?? alone;
  return tries.find((t) => answers(t.results)) ?? tries.find((t) => t.results.length > 0) ?? tries[0]!;
}

/** Any text a user sends the bot as a message. */
export async function answerMessage(ctx: Context, deps: BotDeps, message: string): Promise<void> {
  const text = removeInvisible(message);
  const kind = smallTalkOf(text);
  if (kind === 'foreign') {
    // The bot reads Chinese; the words it knows (GDP, AI, a name) may still find something. Latin
    // words in a Chinese paper are names and abbreviations, so whatever they find is shown (under
    // the related header when it may not answer): it is what the resident typed.
    const results = text.length <= MAX_QUESTION ? deps.library.search(text, RESULTS_KEPT) : [];
    // Shown even when only related: a bare keyword (GDP) rarely reads as a whole question.
    if (results.length > 0) await answerQuestion(ctx, deps, text, [messages.foreignFound], { results });
    else await replyWithExamples(ctx, deps, messages.smallTalk.foreign);
    return;
  }
  if (kind) {
    await replyWithExamples(ctx, deps, messages.smallTalk[kind]);
    return;
  }
  const question = withoutGreeting(text);
  if (question.length > MAX_QUESTION) {
    await ctx.reply(messages.questionTooLong(question.length, MAX_QUESTION));
    return;
  }
  const { window, rest } = timeWindow(question, deps.today());
  if (asksWhatsNew(rest)) {
    await whatsNew(ctx, deps, window);
    return;
  }
  const context = ctx.chat ? await loadContext(deps.subscriptions, ctx.chat.id, deps.now()) : undefined;
  const follow = readFollowUp(question, context, wordsOf);
  if ((follow.kind === 'next' || follow.kind === 'detail' || follow.kind === 'full') && !context) {
    await replyWithExamples(ctx, deps, messages.noContext);
    return;
  }
  if (follow.kind === 'next') return nextResult(ctx, deps, context!);
  if (follow.kind === 'detail') return moreDetail(ctx, deps, context!);
  if (follow.kind === 'full') {
    if (!context!.article || !(await sendArticle(ctx, deps, context!.article, 0, context!.key)))
      await ctx.reply(messages.noMoreResults);
    return;
  }
  if (follow.kind === 'refer') {
    const chosen = followUpSearch(deps, follow, question, context!);
    const before = chosen.question === question ? [] : [messages.followUpAs(chosen.question)];
    return answerQuestion(ctx, deps, chosen.question, before, chosen);
  }
  await answerQuestion(ctx, deps, follow.question);
}
