/**
 * What a command's arguments may be. Commands that take none (/help, /privacy, /forget, /stats…)
 * answer arguments with their usage line instead of acting: /forget 订阅 must not delete
 * everything. A keyword or search words must hold something to search for.
 */
import { removeInvisible } from '../text/normalize.ts';

/** Whether the text after a command holds anything but spaces and invisible characters. */
export function hasArguments(match: string): boolean {
  return removeInvisible(match).trim() !== '';
}

/**
 * Whether a command's words can be searched or followed: they hold a letter or a digit (not only
 * punctuation or emoji), and are not another command pasted after the first (/subscribe /latest).
 */
export function searchableWords(text: string): boolean {
  const t = removeInvisible(text).trim();
  return /[\p{L}\p{N}]/u.test(t) && !t.startsWith('/');
}
