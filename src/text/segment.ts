/**
 * Chinese word segmentation with jieba (./jieba.ts), plus the token shapes that jieba gets wrong on its own:
 * numbers with their units stay whole (「12000户」「13.1%」「69.3亿元」) and Latin words stay whole.
 *
 * jieba runs with HMM on (nodejieba 3.x leaves it off unless asked), so unknown names are
 * guessed as words instead of falling apart into single characters.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { cachedFile, JIEBA_FILES, jieba, notice, type TaggedWord } from './jieba.ts';

/** A token and where it starts in the segmented text. */
export interface Token {
  text: string;
  start: number;
}

// Number with an optional unit: 2023年, 13.1%, 69.3亿元, 12000户, 15%, 第八个 is not a number here.
const UNIT =
  '(?:%|‰|[万亿千百]?(?:平方公里|平方米|公里|亿元|万元|元|户|人次|人|名|个|块|只|张|米|处|项|家|件|吨|场|届|次|枚|幢|栋|所|座|辆|岁|倍|分|亩|天|年|月|日|号|批|条|起|位|级|期|台|套|间|栋))?';
const NUMBER = new RegExp(`\\d+(?:[.,]\\d+)*${UNIT}`, 'gu');
const LATIN = /[a-z][a-z0-9+#.-]*/gu;
const HAN_RUN = /[\p{Script=Han}]+/gu;

/**
 * The dictionaries this module last had jieba load: the main dictionary's path and a digest of the
 * user dictionary's text, and which of jieba's loads that was.
 */
let loaded: { key: string; load: number } | undefined;
/** Whether the dictionaries to cut with were chosen (loaded) since the start or useDefaultDictionary. */
let chosen = false;

// jieba's full dictionary (350,000 words) costs about 230 MB of native memory; the words seen at
// least MIN_WORD_FREQUENCY times in its source corpus (about 105,000) cost about 40 MB and cut
// news text the same way, HMM guessing the rare rest.
const MIN_WORD_FREQUENCY = 10;

/**
 * The compact dictionary file, made once per installed nodejieba into the private cache and
 * checked by its hash before each load (jieba.ts). Without a cache (a full or read-only
 * disk) jieba loads the full dictionary instead: more memory, the same cuts but for rare words.
 */
function compactDictionary(): string {
  const source = JIEBA_FILES.DEFAULT_DICT;
  try {
    const st = fs.statSync(source);
    const name = `dict-${st.size}-${Math.round(st.mtimeMs)}-${MIN_WORD_FREQUENCY}.utf8`;
    const make = () =>
      `${fs
        .readFileSync(source, 'utf8')
        .split('\n')
        .filter((line) => Number(line.split(' ')[1]) >= MIN_WORD_FREQUENCY)
        .join('\n')}\n`;
    // The compact dictionary is a part of the full one: never larger.
    const file = cachedFile(name, st.size, make);
    if (file) return file;
  } catch {
    // the source unreadable: jieba's own load says so
  }
  notice('jieba loads its full dictionary (about 190 MB more memory): the compact one could not be cached');
  return source;
}

/**
 * Loads jieba's dictionaries, adding the given user dictionary file ("word freq tag" per line).
 * Call once before the first cut when a domain dictionary exists. A later call reloads, unless
 * jieba already holds the same dictionaries (the same words, wherever their file is): a reload
 * costs a few hundred milliseconds and would make every answer remembered from jieba stale.
 */
export function loadDictionary(userDictFile?: string): void {
  const main = compactDictionary();
  let user = 'default';
  try {
    if (userDictFile) user = createHash('sha1').update(fs.readFileSync(userDictFile)).digest('hex');
  } catch {
    user = `unreadable ${userDictFile}`; // jieba's own load below says why
  }
  const key = `${main}\n${user}`;
  if (loaded?.key !== key || loaded.load !== jieba.loadCount()) {
    jieba.load(main, userDictFile ? [userDictFile] : []);
    loaded = { key, load: jieba.loadCount() };
  }
  chosen = true;
}

/**
 * Which load of the dictionaries the next cut uses (loading them first when none is chosen):
 * what is remembered of jieba's answers holds for one load only. Any load counts, the ones made
 * past this module too.
 */
export function dictionaryVersion(): number {
  ensureLoaded();
  return jieba.loadCount();
}

/**
 * Makes the next cut use jieba's dictionaries without domain words, as a process that opened no
 * index does (loading them then, unless jieba already holds them). jieba's dictionaries are one
 * per process: tests that share a process start from here, whatever an earlier one loaded.
 */
export function useDefaultDictionary(): void {
  chosen = false;
}

function ensureLoaded(): void {
  if (!chosen) loadDictionary();
}

/** jieba's words for a run of Han characters, HMM on. */
export function cutHan(run: string): string[] {
  ensureLoaded();
  return jieba.cut(run, true);
}

/** jieba's words for a run of text with their part-of-speech tags (nr person, ns place, x unknown…), HMM on. */
export function tagHan(run: string): TaggedWord[] {
  ensureLoaded();
  return jieba.tag(run);
}

/**
 * Splits normalized text into word tokens with their positions. Han runs go through jieba;
 * numbers (with units) and Latin words are single tokens; punctuation and spaces are dropped.
 */
export function segment(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = new RegExp(`${NUMBER.source}|${LATIN.source}|${HAN_RUN.source}`, 'gu');
  for (const m of text.matchAll(pattern)) {
    const piece = m[0];
    const at = m.index ?? 0;
    if (/^\p{Script=Han}/u.test(piece)) {
      let offset = at;
      for (const word of cutHan(piece)) {
        tokens.push({ text: word, start: offset });
        offset += word.length;
      }
    } else {
      tokens.push({ text: piece, start: at });
    }
  }
  return tokens;
}

/**
 * True when jieba reads a word across the junction of `a` and `b`: the sign that a page break cut
 * one word in two (「…批发配送、医」 / 「疗器械…」 reads 「医疗」).
 */
export function wordSpansJunction(a: string, b: string): boolean {
  const tail = a.match(/\p{Script=Han}{1,4}$/u)?.[0];
  const head = b.match(/^\p{Script=Han}{1,4}/u)?.[0];
  if (!tail || !head) return false;
  let offset = 0;
  for (const word of cutHan(tail + head)) {
    if (offset < tail.length && offset + word.length > tail.length) return true;
    offset += word.length;
  }
  return false;
}

/**
 * True when every occurrence of the two-character word in the text is cut between its two
 * characters by jieba, read in a small window around it: the characters belong to two other
 * words (市长 in 「城市长效」), not to one that merely contains the word (崇川 in 「崇川区」).
 */
export function onlyAcrossWords(text: string, word: string): boolean {
  if (word.length !== 2) return false;
  for (let at = text.indexOf(word), seen = 0; at >= 0 && seen < 5; at = text.indexOf(word, at + 1), seen++) {
    const from = Math.max(0, at - 4);
    const window = text.slice(from, at + 6).match(/\p{Script=Han}+/gu);
    let offset = from;
    let crossed = false;
    // Find the Han run that holds the occurrence and see where jieba cuts it.
    for (const run of window ?? []) {
      const runAt = text.indexOf(run, offset);
      offset = runAt + run.length;
      if (runAt > at || runAt + run.length < at + 2) continue;
      // Crossed when a word of two or more characters ends or starts between the two: two lone
      // characters side by side are a name jieba does not know (寺西 cut 寺 / 西), not two words.
      // Dictionary words only: a word jieba's HMM guessed from unknown characters (家快 in
      // 「8家快闪小店」) says nothing of where words end.
      let pos = runAt;
      let before = '';
      ensureLoaded();
      for (const token of jieba.cut(run, false)) {
        if (pos === at + 1 && (before.length > 1 || token.length > 1)) crossed = true;
        pos += token.length;
        before = token;
      }
    }
    if (!crossed) return false;
  }
  return true;
}
