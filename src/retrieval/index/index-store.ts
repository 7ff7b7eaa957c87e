/**
 * The index on disk: built once from the corpus and saved to INDEX_FILE; reloaded as long as the
 * issue files are the versions it was built from (a fingerprint of each file's name, size, times
 * and inode as it was read, not as the folder was when the index was saved), rebuilt otherwise.
 * The file is columns of typed arrays and string tables (index-file.ts), the largest of them left
 * in the file and read as questions need them (FILE_COLUMNS), the file kept open while the index
 * lives; the parsed issues travel beside them as JSON, read only when asked for (the bot's article
 * list and full texts; a search alone never parses them). The domain dictionary travels in the
 * index and is handed to jieba on load, the one time jieba loads.
 *
 * Faults never stop a start: a damaged or foreign index file is rebuilt over (one warning); an
 * index folder that cannot be written leaves the bot running without saving (one warning); a save
 * cut short by a crash leaves a temporary file that the next start removes. A save is synced to
 * disk before it is renamed into place, so the file under the real name is always one written
 * whole: a start checks what it reads of it (the columns left in the file a block at a time, as
 * questions first read them), and a block found damaged then is a damaged index too: see
 * OpenedIndex.rebuild.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { processIsAlive, writeFileAtomically } from '../../atomic-write.ts';
import type { Logger } from '../../logger.ts';
import { corpusFileLines, loadCorpus } from '../../corpus/load-corpus.ts';
import type { Issue } from '../../corpus/types.ts';
import { cachedFile } from '../../text/jieba.ts';
import { loadDictionary } from '../../text/segment.ts';
import { discoverWords, userDictionaryText } from '../question/dictionary.ts';
import {
  type ColumnSources,
  IndexFileError,
  type IndexFileReader,
  openIndexFile,
  readColumns,
  syncFolderOf,
  writeIndexFile,
  writeIndexFileInSlices,
} from './index-file.ts';
import { type ProgressReport, progressReporter } from './build-progress.ts';
import { collectGarbage, FILE_COLUMNS, INDEX_VERSION, SearchIndex } from './search-index.ts';

/**
 * A fingerprint of issue files (which version of each, as corpusFileLines and fileVersion write
 * it, in name order) and the index format. An index is stamped with the versions it holds, as
 * they were read; a start compares that with the folder as it is.
 */
export function fingerprintOf(fileLines: Iterable<string>): string {
  const hash = createHash('sha1').update(`v${INDEX_VERSION}\n`);
  for (const line of fileLines) hash.update(`${line}\n`);
  return hash.digest('hex');
}

/** The fingerprint of the corpus folder's issue files as they are now. */
export function corpusFingerprint(corpusDir: string): string {
  return fingerprintOf(corpusFileLines(corpusDir));
}

/** File versions in name order, as fingerprintOf takes them. */
export const versionLines = (files: ReadonlyMap<string, string>) =>
  [...files.keys()].sort().map((name) => files.get(name)!);

export interface OpenOptions {
  corpusDir: string;
  indexFile: string;
  /** Progress lines (reading, building) for a terminal; default: none. */
  onProgress?: (line: string) => void;
  /** Told about skipped files, an index rebuilt or not saved. */
  logger?: Logger;
  /** Rebuild even when the saved index is current. */
  rebuild?: boolean;
}

export interface OpenedIndex {
  index: SearchIndex;
  /** The parsed issues (kept for /latest and full-text reading); read from the index file when first asked for. */
  readonly issues: Issue[];
  built: boolean;
  /** Which version of each issue file the index holds (fileVersion, by name), skipped files included. */
  files: ReadonlyMap<string, string>;
  /**
   * A new index for one whose file turned out damaged while it was used (`damage`: the
   * IndexFileError a first read of a block threw): built from `issues` (the ones the caller holds;
   * by default the corpus folder as it is now), saved over the damaged file and loaded back, with
   * one warning. The caller then asks again what failed.
   */
  rebuild(damage: IndexFileError, issues?: Issue[]): SearchIndex;
}

/** What the index file's JSON header says besides its column list. */
interface IndexMeta {
  version: number;
  fingerprint: string;
}

const ISSUES_COLUMN = 'issues.json';

/** Where jieba's user dictionary for this index lives: beside the index file. */
const dictionaryFile = (indexFile: string) => `${indexFile}.userdict.txt`;

/** Index files this process could not write, so each is warned about once. */
const unwritable = new Set<string>();

function reportUnwritable(indexFile: string, err: unknown, warn?: (line: string) => void): void {
  if (unwritable.has(indexFile)) return;
  unwritable.add(indexFile);
  warn?.(
    `cannot write the index beside ${indexFile} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): ` +
      'running without saving it, so every start rebuilds it; make the folder writable or set INDEX_FILE',
  );
}

/**
 * Hands the domain dictionary to jieba (which reads it from a file): the file beside the index,
 * rewritten only when its words changed; when that folder cannot be written, a file of the same
 * text in jieba's private cache, checked by content like everything there.
 */
function installDictionary(indexFile: string, words: string[], warn?: (line: string) => void): void {
  const text = userDictionaryText(words);
  let file: string | null = dictionaryFile(indexFile);
  try {
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) writeFileAtomically(file, text);
  } catch (err) {
    reportUnwritable(indexFile, err, warn);
    const digest = createHash('sha1').update(text).digest('hex').slice(0, 16);
    file = cachedFile(`userdict-${digest}.txt`, Buffer.byteLength(text), () => text);
  }
  // Nowhere to write: jieba without the domain words still cuts every text.
  if (file) loadDictionary(file);
  else loadDictionary();
}

/** A temporary name for writing `file`, unique to this process. */
const temporaryFile = (file: string) => `${file}.${process.pid}.tmp`;

/**
 * Removes temporary files that a save killed midway (kill -9, power loss) left beside the index
 * or its dictionary: `NAME.PID.tmp` whose process is gone. A running process's file is its own.
 */
export function removeStaleTemporaryFiles(indexFile: string): void {
  const dir = path.dirname(indexFile);
  const bases = [path.basename(indexFile), path.basename(dictionaryFile(indexFile))];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^(.*)\.(\d+)\.tmp$/.exec(name);
    if (!m || !bases.includes(m[1]!) || processIsAlive(Number(m[2]))) continue;
    fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** Writes the index and its issues to `file` (through a temporary file and a rename). */
function saveIndexFile(file: string, issues: readonly Issue[], index: SearchIndex, fingerprint: string): void {
  const meta: IndexMeta = { version: INDEX_VERSION, fingerprint };
  const issuesJson = Buffer.from(JSON.stringify(issues));
  const tmp = temporaryFile(file);
  try {
    writeIndexFile(tmp, meta, { ...index.toColumns(), [ISSUES_COLUMN]: issuesJson });
    fs.renameSync(tmp, file);
    syncFolderOf(file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/** The issues as JSON.stringify writes them, in pieces of about a megabyte. */
function* issuesJson(issues: readonly Issue[]): Iterable<Uint8Array> {
  let batch = '[';
  for (const [k, issue] of issues.entries()) {
    batch += `${k > 0 ? ',' : ''}${JSON.stringify(issue)}`;
    if (batch.length >= 1 << 19) {
      yield Buffer.from(batch);
      batch = '';
    }
  }
  yield Buffer.from(`${batch}]`);
}

/**
 * saveIndex a slice at a time, for a bot answering meanwhile: the index and issues are taken as
 * they are when this is called (later changes do not reach this save), then written between turns
 * of the event loop. Resolves whether the index was saved; aborted by `signal`, it stops at the
 * next slice, leaving no file but the one saved before. Rejects with an IndexFileError when a
 * column the index left in its file is found damaged as it is copied (OpenedIndex.rebuild).
 */
export async function saveIndexInSlices(
  indexFile: string,
  issues: readonly Issue[],
  index: SearchIndex,
  fingerprint: string,
  { warn, signal }: { warn?: (line: string) => void; signal?: AbortSignal } = {},
): Promise<boolean> {
  // Taken before the first await: nothing changes the index between these lines.
  const sources: ColumnSources = [
    ...index.columnSources(),
    [ISSUES_COLUMN, { type: 'u8', pieces: () => issuesJson(issues) }],
  ];
  const meta: IndexMeta = { version: INDEX_VERSION, fingerprint };
  const tmp = temporaryFile(indexFile);
  try {
    await writeIndexFileInSlices(tmp, meta, sources, signal);
    await fs.promises.rename(tmp, indexFile);
    syncFolderOf(indexFile);
    return true;
  } catch (err) {
    await fs.promises.rm(tmp, { force: true }).catch(() => {});
    // The index being saved read a damaged block of its own file: the caller's to rebuild.
    if (err instanceof IndexFileError) throw err;
    if (!signal?.aborted) reportUnwritable(indexFile, err, warn);
    return false;
  }
}

type Saved = { index: SearchIndex; issues: () => Issue[] } | { stale: string };

/**
 * The saved index when it is current, or why not (missing, of an older version or corpus,
 * damaged). Throws nothing: any fault of the file is a reason to rebuild. The issues are read
 * from the file only when `issues()` is called. `justWritten`: this process saved the file a
 * moment ago, so the columns left in it are not read through to check them.
 */
function readSaved(indexFile: string, fingerprint: string, justWritten = false): Saved {
  let reader: IndexFileReader;
  try {
    reader = openIndexFile(indexFile);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { stale: '' }; // nothing saved there yet
    if (!(err instanceof IndexFileError)) return { stale: `unreadable (${(err as Error).message})` };
    // The JSON index of earlier versions is replaced without a warning.
    return { stale: startsLikeJson(indexFile) ? '' : `damaged (${err.message})` };
  }
  let keepOpen = false;
  try {
    const { version, fingerprint: saved } = (reader.meta ?? {}) as Partial<IndexMeta>;
    if (version !== INDEX_VERSION || saved !== fingerprint) return { stale: '' };
    const columns = readColumns(reader, [ISSUES_COLUMN], FILE_COLUMNS, !justWritten);
    const index = SearchIndex.fromColumns(columns, fingerprint);
    // The file stays open until the issues are read: a rebuild by another process renames a new
    // file over this one, and the issues read later must be those of the index loaded now.
    keepOpen = true;
    const issues = () => {
      try {
        const json = reader.read(ISSUES_COLUMN);
        if (!(json instanceof Uint8Array)) throw new IndexFileError('the issues column is missing');
        const parsed = JSON.parse(Buffer.from(json.buffer, json.byteOffset, json.length).toString()) as unknown;
        if (!Array.isArray(parsed)) throw new IndexFileError('the issues column holds no list');
        return parsed as Issue[];
      } finally {
        reader.close();
      }
    };
    return { index, issues };
  } catch (err) {
    return { stale: `damaged (${(err as Error).message})` };
  } finally {
    if (!keepOpen) reader.close();
  }
}

function startsLikeJson(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    const first = Buffer.alloc(1);
    fs.readSync(fd, first, 0, 1, 0);
    fs.closeSync(fd);
    return first[0] === 0x7b;
  } catch {
    return false;
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
  warn?: (line: string) => void,
  report?: ProgressReport,
): { index: SearchIndex } {
  const words = discoverWords(issueTexts(issues));
  collectGarbage();
  installDictionary(indexFile, words, warn);
  const showProgress = log && issues.length > 5;
  return SearchIndex.build(issues, words, fingerprint, showProgress ? log : undefined, report);
}

/**
 * Saves the index with its issues, stamped with the corpus fingerprint it now matches. A folder
 * that cannot be written is warned about once (through `warn`) and otherwise ignored: the bot
 * goes on from memory. Returns whether the index was saved.
 */
export function saveIndex(
  indexFile: string,
  issues: readonly Issue[],
  index: SearchIndex,
  fingerprint: string,
  warn?: (line: string) => void,
): boolean {
  try {
    saveIndexFile(indexFile, issues, index, fingerprint);
    return true;
  } catch (err) {
    reportUnwritable(indexFile, err, warn);
    return false;
  }
}

/**
 * Before newly arrived issues are indexed in place: their domain words join the index's
 * dictionary, and jieba reloads it (saved beside the index file).
 */
export function extendDictionary(
  index: SearchIndex,
  issues: Issue[],
  indexFile: string,
  warn?: (line: string) => void,
): void {
  const known = new Set(index.dictionary);
  const words = discoverWords(issueTexts(issues)).filter((w) => !known.has(w));
  if (words.length > 0) {
    index.dictionary.push(...words);
    installDictionary(indexFile, index.dictionary, warn);
  }
}

function issueTexts(issues: Issue[]): string[] {
  return issues.flatMap((i) => [
    ...i.articles.map((a) => [a.headline, a.subtitle, ...a.paragraphs, ...a.captions].join('\n')),
    ...i.photos.map((p) => [p.lead, ...p.captions].join('\n')),
  ]);
}

/** Loads the saved index when it is current, else builds it from the corpus and saves it. */
export function openIndex(options: OpenOptions): OpenedIndex {
  const { corpusDir, indexFile, onProgress: log, logger, rebuild } = options;
  const warn = logger && ((line: string) => logger.warn(line));
  const rebuildDamaged = (damage: IndexFileError, issues?: Issue[]): SearchIndex => {
    warn?.(`the saved index ${indexFile} is damaged (${damage.message}); rebuilding it`);
    if (!issues) return openIndex({ ...options, rebuild: true }).index;
    // Issues the caller holds (a bot's, changed since it started maybe): the file is stamped with
    // no corpus's fingerprint, so that only this process uses it until a save stamps it.
    return buildSavedAndReloaded(issues, '', indexFile, log, warn);
  };
  removeStaleTemporaryFiles(indexFile);
  const lines = corpusFileLines(corpusDir);
  const saved = rebuild ? { stale: '' } : readSaved(indexFile, fingerprintOf(lines));
  const read = new Map<string, string>();
  // A build's progress: on the terminal when there is one, else a log line every few seconds.
  const report = progressReporter({ onProgress: log, logger });
  const readIssues = () =>
    loadCorpus(corpusDir, {
      logger,
      onVersion: (name, version) => read.set(name, version),
      onProgress: report && ((done, total) => total > 20 && report('reading issues', done, total)),
    });
  if ('index' in saved) {
    installDictionary(indexFile, saved.index.dictionary, warn);
    let issues: Issue[] | undefined;
    return {
      index: saved.index,
      get issues() {
        if (!issues) {
          try {
            issues = saved.issues();
          } catch (err) {
            warn?.(`the issues saved in ${indexFile} are unreadable (${(err as Error).message}); reading the corpus`);
            issues = readIssues();
          }
        }
        return issues;
      },
      built: false,
      files: new Map(lines.map((line) => [line.split('\t')[0]!, line])),
      rebuild: rebuildDamaged,
    };
  }
  if (saved.stale) warn?.(`the saved index ${indexFile} is ${saved.stale}; rebuilding it`);
  const issues = readIssues();
  // Stamped with the versions read, not the folder as it was before: a file written meanwhile
  // does not match, and the next start reads it.
  const fingerprint = fingerprintOf(versionLines(read));
  log?.(`building the index of ${issues.length} issues`);
  const index = buildSavedAndReloaded(issues, fingerprint, indexFile, log, warn, report);
  return { index, issues, built: true, files: read, rebuild: rebuildDamaged };
}

/**
 * Builds the index of `issues`, saves it stamped with `fingerprint`, and loads it back from what
 * was saved: it leaves its passage texts in the file, as it does at every later start, so the
 * memory a running bot holds does not depend on whether it built. When it cannot be saved, the
 * index built in memory.
 */
function buildSavedAndReloaded(
  issues: Issue[],
  fingerprint: string,
  indexFile: string,
  log?: (line: string) => void,
  warn?: (line: string) => void,
  report?: ProgressReport,
): SearchIndex {
  const large = issues.length > 20;
  const { index: built } = buildIndex(issues, fingerprint, indexFile, log, warn, large ? report : undefined);
  const reloaded: Saved = saveIndex(indexFile, issues, built, fingerprint, warn)
    ? readSaved(indexFile, fingerprint, true)
    : { stale: '' };
  const index = 'index' in reloaded ? reloaded.index : built;
  collectGarbage();
  return index;
}
