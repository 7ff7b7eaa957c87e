/**
 * The index on disk: built once from the corpus and saved to INDEX_FILE; reloaded as long as the
 * issue files are unchanged (a fingerprint of their names, sizes and modification times), rebuilt
 * when they changed. The domain dictionary travels in the index and is handed to jieba on load.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from '../atomic-write.ts';
import type { Logger } from '../logger.ts';
import { listIssueFiles, loadCorpus } from '../corpus/load-corpus.ts';
import type { Issue } from '../corpus/types.ts';
import { loadDictionary } from '../text/segment.ts';
import { discoverWords, userDictionaryText } from './dictionary.ts';
import { collectGarbage, INDEX_VERSION, SearchIndex, type SerializedIndex } from './search-index.ts';

/** A fingerprint of the corpus folder's issue files and the index format. */
export function corpusFingerprint(corpusDir: string): string {
  const hash = createHash('sha1').update(`v${INDEX_VERSION}\n`);
  for (const name of listIssueFiles(corpusDir)) {
    const st = fs.statSync(path.join(corpusDir, name));
    hash.update(`${name}\t${st.size}\t${Math.round(st.mtimeMs)}\n`);
  }
  return hash.digest('hex');
}

export interface OpenOptions {
  corpusDir: string;
  indexFile: string;
  /** Progress lines (reading, building) for a terminal; default: none. */
  onProgress?: (line: string) => void;
  /** Told about skipped files and an index that could not be saved. */
  logger?: Logger;
  /** Rebuild even when the saved index is current. */
  rebuild?: boolean;
}

export interface OpenedIndex {
  index: SearchIndex;
  /** The parsed issues (kept for /latest and full-text reading). */
  issues: Issue[];
  built: boolean;
}

/** Where jieba's user dictionary for this index lives: beside the index file. */
const dictionaryFile = (indexFile: string) => `${indexFile}.userdict.txt`;

function installDictionary(indexFile: string, words: string[]): void {
  const file = dictionaryFile(indexFile);
  const text = userDictionaryText(words);
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) writeFileAtomically(file, text);
  loadDictionary(file);
}

/** The index file: the parsed issues beside the search index, so a warm start reads no issue. */
interface IndexFile {
  issues: Issue[];
  index: SerializedIndex;
}

/**
 * Writes the index file piece by piece (each part stringified, written and let go), so that a
 * large archive never holds its whole index as one string; through a temporary file and a rename.
 */
function saveIndexFile(file: string, issues: Issue[], index: SerializedIndex): void {
  writeFileAtomically(file, (write) => {
    const { grams, titleGrams, mini, ...head } = index;
    write(`{"index":${JSON.stringify(head).slice(0, -1)}`);
    write(`,"grams":${JSON.stringify(grams)}`);
    write(`,"titleGrams":${JSON.stringify(titleGrams)}`);
    write(`,"mini":${JSON.stringify(mini)}},"issues":[`);
    for (const [k, issue] of issues.entries()) write((k > 0 ? ',' : '') + JSON.stringify(issue));
    write(']}');
  });
}

function readSaved(indexFile: string, fingerprint: string): IndexFile | null {
  try {
    const data = JSON.parse(fs.readFileSync(indexFile, 'utf8')) as IndexFile;
    return data.index?.version === INDEX_VERSION && data.index.fingerprint === fingerprint ? data : null;
  } catch {
    return null; // missing or unreadable: rebuild
  }
}

/**
 * Builds the index from parsed issues: discovers the domain dictionary, hands it to jieba, then
 * segments and indexes every passage.
 */
export function buildIndex(
  issues: Issue[],
  fingerprint: string,
  indexFile: string,
  log?: (line: string) => void,
): { index: SearchIndex; serialized: SerializedIndex } {
  const words = discoverWords(issueTexts(issues));
  collectGarbage();
  installDictionary(indexFile, words);
  const showProgress = log && issues.length > 5;
  return SearchIndex.build(issues, words, fingerprint, showProgress ? log : undefined);
}

/** Saves the index with its issues, stamped with the corpus fingerprint it now matches. */
export function saveIndex(indexFile: string, issues: readonly Issue[], index: SearchIndex, fingerprint: string): void {
  saveIndexFile(indexFile, [...issues], { ...index.toJSON(), fingerprint });
}

/**
 * Before newly arrived issues are indexed in place: their domain words join the index's
 * dictionary, and jieba reloads it (saved beside the index file).
 */
export function extendDictionary(index: SearchIndex, issues: Issue[], indexFile: string): void {
  const words = discoverWords(issueTexts(issues)).filter((w) => !index.dictionary.includes(w));
  if (words.length > 0) {
    index.dictionary.push(...words);
    installDictionary(indexFile, index.dictionary);
  }
}

function issueTexts(issues: Issue[]): string[] {
  return issues.flatMap((i) => [
    ...i.articles.map((a) => [a.headline, a.subtitle, ...a.paragraphs, ...a.captions].join('\n')),
    ...i.photos.map((p) => [p.lead, ...p.captions].join('\n')),
  ]);
}

/** Loads the saved index when it is current, else builds it from the corpus and saves it. */
export function openIndex({ corpusDir, indexFile, onProgress: log, logger, rebuild }: OpenOptions): OpenedIndex {
  const fingerprint = corpusFingerprint(corpusDir);
  const saved = rebuild ? null : readSaved(indexFile, fingerprint);
  if (saved) {
    installDictionary(indexFile, saved.index.dictionary);
    return { index: SearchIndex.fromJSON(saved.index, saved.issues), issues: saved.issues, built: false };
  }
  const issues = loadCorpus(corpusDir, {
    logger,
    onProgress: log
      ? (done, total) => total > 20 && done % 50 === 0 && log(`reading issues ${done}/${total}`)
      : undefined,
  });
  log?.(`building the index of ${issues.length} issues`);
  const { index, serialized } = buildIndex(issues, fingerprint, indexFile, log);
  try {
    saveIndexFile(indexFile, issues, serialized);
  } catch (err) {
    logger?.warn(`could not save the index to ${indexFile}: ${(err as Error).message}`);
  }
  collectGarbage();
  return { index, issues, built: true };
}
