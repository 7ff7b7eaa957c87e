/**
 * Inline mode: `@bot 老旧小区` in any chat lists matching articles; an empty query, the newest.
 * Every result stays within Telegram's limits, whatever the archive holds: a short title and
 * description, a message of one result.
 */
import { Composer, type Context, InlineKeyboard } from 'grammy';
import { articlePath, resultLinks } from '../article-links.ts';
import { sourceLinks } from '../keyboards.ts';
import type { InlineQueryResultArticle } from 'grammy/types';
import { clip } from '../../text/graphemes.ts';
import { removeInvisible } from '../../text/normalize.ts';
import { formatDate } from '../../telegram/html.ts';
import type { BotDeps } from '../deps.ts';
import { formatArticleCard, formatResult, relatedHeaderFor } from '../format.ts';
import { messages } from '../messages.ts';

const INLINE_RESULTS = 10;
/** Units of a query searched; a question past it is cut. */
const INLINE_QUERY = 200;
const TITLE = 100;
const DESCRIPTION = 120;

function result(
  id: string,
  title: string,
  description: string,
  html: string,
  url: string | undefined,
): InlineQueryResultArticle {
  return {
    type: 'article',
    id,
    title: clip(title, TITLE) || '…',
    description: clip(description, DESCRIPTION),
    input_message_content: { message_text: html },
    // With PUBLIC_URL, the list entry and the message shared both link to the page.
    ...(url ? { url, reply_markup: sourceLinks(new InlineKeyboard(), [url], 1) } : {}),
  };
}

export function inlineFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('inline_query', async (ctx) => {
    const query = clip(removeInvisible(ctx.inlineQuery.query).trim(), INLINE_QUERY, '');
    const link = resultLinks(deps.publicUrl, query, deps.library);
    const results = query
      ? deps.library.search(query, INLINE_RESULTS).map((r, k) => {
          // A result that may not hold the answer is marked so in the list and in the message shared.
          const related = r.confidence === 'related';
          return result(
            `${r.articleId.slice(0, 32)}-${k}`,
            related ? `${messages.relatedLabel}${r.headline}` : r.headline,
            `${formatDate(r.date)} ${r.answer}`,
            related ? `<i>${relatedHeaderFor([r], [r])}</i>\n\n${formatResult(r)}` : formatResult(r),
            link?.(r),
          );
        })
      : deps.library
          .latest(INLINE_RESULTS)
          .map((a) =>
            result(
              a.id.slice(0, 64),
              a.headline,
              `${formatDate(a.date)} ${a.paragraphs[0] ?? ''}`,
              formatArticleCard(a),
              deps.publicUrl && `${deps.publicUrl}${articlePath(a.id)}`,
            ),
          );
    await ctx.answerInlineQuery(results, {
      cache_time: 300,
      // Button text is plain text, not HTML.
      ...(results.length === 0 && query
        ? { button: { text: messages.inlineNothingFound(query), start_parameter: 'help' } }
        : {}),
    });
  });
  return composer;
}
