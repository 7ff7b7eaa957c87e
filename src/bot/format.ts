/**
 * Pure reply formatting: search results, articles and lists as Telegram HTML that never exceeds
 * a message's 4096 characters, whatever the archive holds (a headline of a million characters
 * included): pieces are shortened at character boundaries before they are escaped, and a page is
 * never cut afterwards. Everything taken from articles or users is escaped here.
 */
import type { Article } from '../corpus/types.ts';
import type { SearchResult } from '../retrieval/index.ts';
import { clip, graphemeBoundaryBefore } from '../text/graphemes.ts';
import { escapeHtml, formatDate } from '../telegram/html.ts';
import { MESSAGE_LIMIT } from '../telegram/limits.ts';
import { messages } from './messages.ts';

/** Results shown per message. */
export const PAGE_SIZE = 3;
/** Units of a passage a result shows around its answer: a few lines of a phone screen. */
const SNIPPET = 160;
/** Units of a passage each result of a list (更多结果) shows. */
const LIST_SNIPPET = 80;
/** Units of a headline in the answer and in lists: two lines of a phone at most. */
const ANSWER_HEADLINE = 60;
/** Units of a subtitle beside the date. */
const SUBTITLE = 30;
/** Units of a headline or subtitle a result or list shows. */
const HEADLINE = 200;
/** Units of a headline, subtitle or byline an article in full shows. */
const ARTICLE_HEAD = 1000;

/**
 * The passage cut to a window of at most `max` units centred on the answering sentence (on the
 * short answer, when the sentence alone is longer), at character boundaries, escaped, on one
 * line. No bold: a phone screen shows bold only for the short answer and headlines.
 */
export function formatSnippet(result: SearchResult, max = SNIPPET): string {
  const { passage } = result;
  let start = 0;
  let end = passage.length;
  if (passage.length > max) {
    const at = Math.max(0, passage.indexOf(result.answer));
    const sentenceEnd = at + result.answer.length;
    // The middle of what must be seen: the short answer in a long sentence, else the sentence.
    const direct = result.direct ? passage.indexOf(result.direct.text, at) : -1;
    const centre =
      result.answer.length > max && direct >= 0 && direct < sentenceEnd
        ? direct + result.direct!.text.length / 2
        : at + Math.min(result.answer.length, max) / 2;
    // Two units are kept for the ellipses.
    const room = max - 2;
    start = graphemeBoundaryBefore(
      passage,
      Math.max(0, Math.min(passage.length - room, Math.round(centre - room / 2))),
    );
    end = graphemeBoundaryBefore(passage, Math.min(passage.length, start + room));
  }
  const out = `${start > 0 ? '…' : ''}${escapeHtml(passage.slice(start, end))}${end < passage.length ? '…' : ''}`;
  return out.replace(/\s*\n\s*/g, ' ');
}

/** The short answer first, in bold (「答：<b>814亿元</b>」), for a result offered as the answer; '' otherwise. */
export function formatDirectAnswer(result: SearchResult, budget = HEADLINE): string {
  if (!result.direct || result.confidence === 'related') return '';
  return `${messages.directAnswer(escapeHtml(clip(result.direct.text, budget)))}\n`;
}

/**
 * One result: the short answer, bold headline (numbered when n is given), date (and subtitle),
 * the snippet; each piece within `budget` units.
 */
export function formatResult(result: SearchResult, n?: number, budget = SNIPPET): string {
  const icon = result.kind === 'photo' ? messages.photo : '';
  const number = n === undefined ? '' : `${n}. `;
  const headline = escapeHtml(clip(result.headline, Math.min(HEADLINE, budget)));
  const sub = result.subtitle ? ` · ${escapeHtml(clip(result.subtitle, Math.min(HEADLINE, budget)))}` : '';
  const answer = formatDirectAnswer(result, Math.min(HEADLINE, budget));
  const asOf =
    result.asOf && result.confidence !== 'related' ? `<i>${messages.asOf(escapeHtml(result.asOf))}</i>\n` : '';
  return `${answer}${asOf}<b>${number}${icon}${headline}</b>\n<i>${formatDate(result.date)}${sub}</i>\n${formatSnippet(result, budget)}`;
}

/**
 * The header over results that are only related, as honest as what they show: 「以下报道可能相关」
 * under an answer; 「这些报道可能有答案」 when the decision gives one shown an even chance of holding
 * the answer (SearchResult.mayAnswer); else 「没有找到确切答案」. The one choice for the bot, inline and the web pages.
 */
export function relatedHeaderFor(results: readonly SearchResult[], shown: readonly SearchResult[]): string {
  if (results.some((r) => r.confidence !== 'related')) return messages.moreRelatedHeader;
  return shown.some((r) => r.confidence === 'related' && r.mayAnswer)
    ? messages.mayAnswerHeader
    : messages.relatedHeader;
}

/**
 * The answer, first and alone, sized for a phone: 「答：…」 when there is a short answer, the
 * headline, the date and one passage centred on the answering sentence. A result that may not
 * hold the answer comes under the related header instead of 「答」. `before`: lines of HTML above
 * it (how a follow-up was read, a period with no article).
 */
export function formatAnswer(result: SearchResult, before: string[] = []): string {
  const related = result.confidence === 'related' ? `<i>${relatedHeaderFor([result], [result])}</i>\n` : '';
  const icon = result.kind === 'photo' ? messages.photo : '';
  const headline = escapeHtml(clip(result.headline, ANSWER_HEADLINE));
  const sub = result.subtitle ? ` · ${escapeHtml(clip(result.subtitle, SUBTITLE))}` : '';
  const lines = [
    ...before,
    `${related}${formatDirectAnswer(result, SUBTITLE)}<b>${icon}${headline}</b>`,
    `<i>${formatDate(result.date)}${sub}</i>`,
    formatSnippet(result, SNIPPET),
  ];
  return lines.join('\n');
}

/** Results after the first (更多结果), a page at a time, numbered from 2, each in brief. */
export function formatMorePage(question: string, results: SearchResult[], page: number): string {
  const rest = results.slice(1);
  const pages = Math.max(1, Math.ceil(rest.length / PAGE_SIZE));
  const shown = rest.slice(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE);
  const header = messages.resultsHeader(question, page, pages);
  const firstRelated = shown.findIndex((r) => r.confidence === 'related');
  const relatedHeader = relatedHeaderFor(results, shown);
  const blocks = shown.map((r, k) => {
    const icon = r.kind === 'photo' ? messages.photo : '';
    const n = page * PAGE_SIZE + k + 2;
    return `<b>${n}. ${icon}${escapeHtml(clip(r.headline, ANSWER_HEADLINE))}</b>\n<i>${formatDate(r.date)}</i> ${formatSnippet(r, LIST_SNIPPET)}`;
  });
  if (firstRelated >= 0) blocks.splice(firstRelated, 0, `<i>${relatedHeader}</i>`);
  return [header, ...blocks].join('\n\n');
}

/** An article in brief: bold headline, date, the opening of its first paragraph. */
export function formatArticleCard(article: Article, max = SNIPPET): string {
  const opening = clip(article.paragraphs[0] ?? '', max);
  return `<b>${escapeHtml(clip(article.headline, HEADLINE))}</b>\n<i>${formatDate(article.date)}</i>\n${escapeHtml(opening)}`;
}

/**
 * Renders with a shrinking budget (the units each headline and snippet may take) until the text
 * fits in a message: a reply is never cut afterwards, so never inside a tag or an entity.
 */
function fitToMessage(render: (budget: number) => string, budget = SNIPPET, limit = MESSAGE_LIMIT): string {
  for (; ; budget = Math.floor(budget / 2)) {
    const text = render(budget);
    if (text.length <= limit || budget <= 4) return text;
  }
}

/**
 * One page of results; headlines and snippets shrink if the page would pass Telegram's limit.
 * Results that may not hold the answer ("related") come after the answers (the ranking orders
 * them so), under a header of their own: they are never presented as the answer.
 */
export function formatResultsPage(question: string, results: SearchResult[], page: number): string {
  const pages = Math.max(1, Math.ceil(results.length / PAGE_SIZE));
  const shown = results.slice(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE);
  const header = messages.resultsHeader(question, page, pages);
  const firstRelated = shown.findIndex((r) => r.confidence === 'related');
  const relatedHeader = relatedHeaderFor(results, shown);
  return fitToMessage((budget) => {
    // 「答：」 once, over the first result: a short answer under each result would offer several.
    const blocks = shown.map((r, k) =>
      formatResult(page === 0 && k === 0 ? r : { ...r, direct: undefined }, page * PAGE_SIZE + k + 1, budget),
    );
    if (firstRelated >= 0) blocks.splice(firstRelated, 0, `<i>${relatedHeader}</i>`);
    return [header, ...blocks].join('\n\n');
  });
}

/**
 * An article in full, split at paragraph boundaries into messages within Telegram's limit
 * (a paragraph longer than a message is cut at sentence ends).
 */
export function formatArticle(article: Article): string[] {
  const byline = article.byline.length ? ` · ${messages.reporters(article.byline)}` : '';
  const head = fitToMessage(
    (budget) =>
      [
        `<b>${escapeHtml(clip(article.headline, budget))}</b>`,
        article.subtitle ? `<i>${escapeHtml(clip(article.subtitle, budget))}</i>` : '',
        `${formatDate(article.date)}${byline}`,
      ]
        .filter(Boolean)
        .join('\n'),
    ARTICLE_HEAD,
    MESSAGE_LIMIT - 200,
  );
  const blocks = [...article.paragraphs, ...article.captions.map((c) => `${messages.photo}${c}`)].flatMap((p) =>
    splitToFit(escapeHtml(p), MESSAGE_LIMIT - 200),
  );
  const parts: string[] = [];
  let current = head;
  for (const block of blocks) {
    if (current.length + block.length + 2 > MESSAGE_LIMIT - 40) {
      parts.push(current);
      current = block;
    } else current += `\n\n${block}`;
  }
  parts.push(current);
  return parts.length === 1 ? parts : parts.map((p, k) => `${p}\n\n${messages.part(k, parts.length)}`);
}

/**
 * Cuts escaped text at sentence ends (or hard) so each piece fits; never inside an entity or a
 * character.
 */
function splitToFit(html: string, max: number): string[] {
  const out: string[] = [];
  let rest = html;
  while (rest.length > max) {
    const end = max - 1;
    let cut = Math.max(rest.lastIndexOf('。', end), rest.lastIndexOf('！', end), rest.lastIndexOf('？', end)) + 1;
    if (cut <= 0) cut = graphemeBoundaryBefore(rest, max);
    const amp = rest.lastIndexOf('&', cut - 1);
    if (amp >= 0 && rest.indexOf(';', amp) >= cut) cut = amp;
    // One cluster longer than a message (hundreds of combining marks): cut it between code points.
    if (cut <= 0) cut = rest.codePointAt(max - 1)! > 0xffff ? max - 1 : max;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) out.push(rest);
  return out;
}

/**
 * An excerpt of an article (具体说说): bold headline, date, paragraphs [from, to) of `units` (its
 * paragraphs, or its captions when it has none), where they stand in it and, when `more` of it is
 * left to show, how to ask for it. A paragraph longer
 * than a message is shortened at a character boundary.
 */
export function formatExcerpt(article: Article, units: string[], from: number, to: number, more: boolean): string {
  return fitToMessage(
    (budget) =>
      [
        `<b>${escapeHtml(clip(article.headline, Math.min(budget, ANSWER_HEADLINE)))}</b>`,
        `<i>${formatDate(article.date)}</i>`,
        '',
        units
          .slice(from, to)
          .map((p) => escapeHtml(clip(p, budget)))
          .join('\n\n'),
        '',
        messages.excerptPlace(from, to, units.length, more),
      ].join('\n'),
    MESSAGE_LIMIT - 500,
  );
}

/** The newest articles, numbered, each with its date, under `header` (HTML). */
export function formatLatest(articles: Article[], header: string = messages.latestHeader): string {
  if (articles.length === 0) return messages.libraryEmpty;
  return fitToMessage((budget) => {
    const lines = articles.map(
      (a, k) => `${k + 1}. <b>${escapeHtml(clip(a.headline, budget))}</b>\n    <i>${formatDate(a.date)}</i>`,
    );
    return `${header}\n\n${lines.join('\n')}`;
  }, HEADLINE);
}
