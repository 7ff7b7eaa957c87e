/**
 * Telegram's limits that replies must keep (Bot API documentation; a call past one is refused
 * with 400 Bad Request).
 */

/** A message's text, counted after entity parsing, in UTF-16 code units. */
export const MESSAGE_LIMIT = 4096;
/** callback_data of an inline button, in bytes. */
export const CALLBACK_DATA_BYTES = 64;
/** Results in one answerInlineQuery. */
export const INLINE_RESULTS_LIMIT = 50;
/** An inline result's id, in bytes. */
export const INLINE_RESULT_ID_BYTES = 64;
