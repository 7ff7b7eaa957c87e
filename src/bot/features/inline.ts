/**
 * Inline mode: `@bot 老旧小区` in any chat lists matching articles; an empty query, the newest.
 */
import { Composer, type Context } from 'grammy';
import type { InlineQueryResultArticle } from 'grammy/types';
import { formatArticleCard, formatDate, formatResult, RELATED_HEADER, RELATED_LABEL } from '../format.ts';
import type { BotDeps } from '../context.ts';

const INLINE_RESULTS = 10;

export function inlineFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('inline_query', async (ctx) => {
    const query = ctx.inlineQuery.query.trim().slice(0, 200);
    const preview = { is_disabled: true };
    let results: InlineQueryResultArticle[];
    if (!query) {
      results = deps.library.latest(INLINE_RESULTS).map((a) => ({
        type: 'article',
        id: a.id,
        title: a.headline,
        description: `${formatDate(a.date)} ${a.paragraphs[0]?.slice(0, 60) ?? ''}`,
        input_message_content: {
          message_text: formatArticleCard(a),
          parse_mode: 'HTML',
          link_preview_options: preview,
        },
      }));
    } else {
      results = deps.library.search(query, INLINE_RESULTS).map((r, k) => {
        // A result that may not hold the answer is marked so in the list and in the message shared.
        const related = r.confidence === 'related';
        return {
          type: 'article',
          id: `${r.articleId}-${k}`.slice(0, 64),
          title: related ? `${RELATED_LABEL}${r.headline}` : r.headline,
          description: `${formatDate(r.date)} ${r.answer.slice(0, 80)}`,
          input_message_content: {
            message_text: related ? `<i>${RELATED_HEADER}</i>\n\n${formatResult(r)}` : formatResult(r),
            parse_mode: 'HTML',
            link_preview_options: preview,
          },
        };
      });
    }
    await ctx.answerInlineQuery(results, {
      cache_time: 300,
      // Button text is plain text, not HTML.
      ...(results.length === 0 && query
        ? { button: { text: `没有找到「${query.slice(0, 20)}」的报道`, start_parameter: 'help' } }
        : {}),
    });
  });
  return composer;
}
