/**
 * The corpus reader's limits on what one line of an issue may become. Printed newspaper text never
 * comes near them; they keep a malformed or hostile file (one 5 MB line, a run of a million spaces)
 * from turning into a headline nobody can display or a paragraph nothing can cut.
 */

/** Longest headline, in characters: a printed headline is one or two lines of at most ~30 characters. */
export const MAX_HEADLINE_CHARS = 60;

/** Longest subtitle (kicker and sub-headlines together), in characters. */
export const MAX_SUBTITLE_CHARS = 120;

/** Longest byline (「·金驰 许应田·」), in characters: a few names. */
export const MAX_BYLINE_CHARS = 30;

/**
 * Longest paragraph read from one line, in characters. A longer line is split into paragraphs at
 * sentence ends, and cut at a grapheme boundary where a single sentence runs longer still.
 */
export const MAX_PARAGRAPH_CHARS = 2000;
