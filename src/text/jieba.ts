/**
 * jieba, the segmenter, as the project uses it: the mixed segmenter (dictionary and HMM) with its
 * part-of-speech tags, loaded once.
 *
 * nodejieba's own binding builds a second copy of the dictionary and the HMM model at every load,
 * for TextRank keyword extraction, which the project never calls: about half its load time and
 * memory. native/jieba is a binding of the same cppjieba sources that nodejieba ships, built at
 * install (`npm install` → scripts/build-native.mjs), that loads only the segmenter: same cuts,
 * same tags. When it could not be built, nodejieba's binding serves instead, with one warning.
 * The binding is checked by content before it is loaded; the files jieba reads that the project
 * generates live in a private cache, checked by content too (see "The private cache" below).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import nodejieba from 'nodejieba';
import { writeFileAtomically } from '../atomic-write.ts';

/** A tagged word: jieba's part-of-speech tags (nr person, ns place, v verb, x unknown…). */
export interface TaggedWord {
  word: string;
  tag: string;
}

interface Binding {
  /** Loads the dictionary, the HMM model and the user dictionaries ('|'-joined; '' for none). */
  load(dictPath: string, hmmPath: string, userDictPaths: string): void;
  cut(text: string, hmm: boolean): string[];
  tag(text: string): TaggedWord[];
  /** The same as one string, each item followed by JOINED (native/jieba only: far cheaper to return). */
  cutJoined?(text: string, hmm: boolean): string;
  tagJoined?(text: string): string;
}

/** What follows each item of cutJoined and tagJoined (native/jieba's kSeparator). */
const JOINED = '\u0001';

/** A text whose joined result splits back unambiguously (anything else goes to cut or tag, which also reject a non-string). */
const joinable = (text: string) => typeof text === 'string' && !text.includes(JOINED);

/** cutJoined's string as words. */
function wordsOf(joined: string): string[] {
  const words = joined.split(JOINED);
  words.pop();
  return words;
}

/** tagJoined's string as tagged words. */
function taggedOf(joined: string): TaggedWord[] {
  const items = joined.split(JOINED);
  const out: TaggedWord[] = [];
  for (let k = 0; k + 1 < items.length; k += 2) out.push({ word: items[k]!, tag: items[k + 1]! });
  return out;
}

/** The files nodejieba ships; DEFAULT_DICT and friends are exported at run time but not typed. */
export const JIEBA_FILES = nodejieba as unknown as {
  DEFAULT_DICT: string;
  DEFAULT_HMM_DICT: string;
  DEFAULT_USER_DICT: string;
};

const BINDING_FILE = path.join('native', 'jieba', 'build', 'Release', 'jieba.node');

/** The project's folder holding the built binding, searched upward from this module (src/ or dist/). */
function bindingPath(): string | undefined {
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, BINDING_FILE);
    if (fs.existsSync(file)) return file;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Keyword extraction's tables as one-line stubs: nodejieba's binding loads them at every load, and
 * the project never extracts keywords (its full idf table alone costs ~0.5 s and 50 MB). Kept in
 * the private cache, checked by content; without a cache, nodejieba's own tables serve.
 */
function keywordStubs(): { idfDict?: string; stopWordDict?: string } {
  const idfDict = cachedFile('idf-stub.utf8', 64, () => '的 1.0\n');
  const stopWordDict = cachedFile('stop-stub.utf8', 64, () => '的\n');
  return idfDict && stopWordDict ? { idfDict, stopWordDict } : {};
}

/** nodejieba's binding in the same shape (loads the TextRank copy too). */
const nodejiebaBinding: Binding = {
  load: (dict, hmmDict, userDict) =>
    void nodejieba.load({ dict, hmmDict, userDict: userDict || JIEBA_FILES.DEFAULT_USER_DICT, ...keywordStubs() }),
  cut: (text, hmm) => nodejieba.cut(text, hmm),
  tag: (text) => nodejieba.tag(text),
};

let chosen: { binding: Binding; name: 'once' | 'nodejieba'; problem?: string } | undefined;

/** How many loads have succeeded: jieba's dictionaries are the process's one copy, whoever loads them. */
let loads = 0;

/**
 * Why the built binding must not be loaded, or '' when it may. A shared object cut short (a copy
 * or a build killed half-way) is mapped past its end when loaded, and the process dies of SIGBUS
 * with no word: so the file is checked first, by content. The build records its SHA-256
 * (scripts/build-native.mjs writes jieba.node.json); a build without a record must at least hold
 * every byte its ELF headers point to.
 */
export function bindingFault(file: string): string {
  const bytes = fs.readFileSync(file);
  const record = `${file}.json`;
  if (fs.existsSync(record)) {
    let expected: unknown;
    try {
      expected = (JSON.parse(fs.readFileSync(record, 'utf8')) as { sha256?: unknown }).sha256;
    } catch {
      return `its build record ${record} is unreadable; npm install builds it again`;
    }
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== expected)
      return 'it is not the file that was built (cut short or changed); npm install builds it again';
    return '';
  }
  return elfFault(bytes);
}

/** For a 64-bit little-endian ELF file (Linux): what its headers point past the end of, or ''. Other formats pass. */
export function elfFault(bytes: Buffer): string {
  if (bytes.length < 4 || bytes.readUInt32BE(0) !== 0x7f454c46)
    return process.platform === 'linux' ? 'not an ELF file' : '';
  if (bytes.length < 64) return `cut short (${bytes.length} bytes)`;
  if (bytes[4] !== 2 || bytes[5] !== 1) return '';
  const end = (offset: bigint, length: bigint) => Number(offset + length);
  const phoff = bytes.readBigUInt64LE(0x20);
  const shoff = bytes.readBigUInt64LE(0x28);
  const phentsize = bytes.readUInt16LE(0x36);
  const phnum = bytes.readUInt16LE(0x38);
  const shentsize = bytes.readUInt16LE(0x3a);
  const shnum = bytes.readUInt16LE(0x3c);
  let needed = Math.max(end(phoff, BigInt(phentsize * phnum)), end(shoff, BigInt(shentsize * shnum)));
  if (end(phoff, BigInt(phentsize * phnum)) <= bytes.length)
    for (let k = 0; k < phnum; k++) {
      const at = Number(phoff) + k * phentsize;
      needed = Math.max(needed, end(bytes.readBigUInt64LE(at + 8), bytes.readBigUInt64LE(at + 0x20)));
    }
  return needed > bytes.length
    ? `cut short (${bytes.length} of at least ${needed} bytes); npm install builds it again`
    : '';
}

function choose(): NonNullable<typeof chosen> {
  if (!chosen) {
    const file = bindingPath();
    try {
      if (!file) throw new Error(`${BINDING_FILE} is not built (npm install builds it)`);
      const fault = bindingFault(file);
      if (fault) throw new Error(`${file} refused: ${fault}`);
      chosen = { binding: createRequire(import.meta.url)(file) as Binding, name: 'once' };
    } catch (err) {
      chosen = { binding: nodejiebaBinding, name: 'nodejieba', problem: (err as Error).message };
    }
  }
  return chosen;
}

/**
 * jieba as the project calls it. One object, so that tests can watch its calls
 * (`vi.spyOn(jieba, 'cut')`).
 */
export const jieba = {
  /**
   * Which binding serves: 'once' (native/jieba) or 'nodejieba' (the fallback, with why), so that
   * a start can say so once.
   */
  binding(): { name: 'once' | 'nodejieba'; problem?: string } {
    const { name, problem } = choose();
    return problem ? { name, problem } : { name };
  },

  /**
   * Loads jieba's dictionary (and HMM model) with the given user dictionaries, or nodejieba's own
   * user dictionary when none is given, as nodejieba does. A later call replaces the first. Call
   * it before cutting or tagging (segment.ts does).
   */
  load(dictPath: string, userDictPaths: string[] = []): void {
    const userDicts = userDictPaths.length > 0 ? userDictPaths.join('|') : JIEBA_FILES.DEFAULT_USER_DICT;
    choose().binding.load(dictPath, JIEBA_FILES.DEFAULT_HMM_DICT, userDicts);
    loads++;
  },

  /**
   * Which load is in place (0 before any): a load that fails keeps the one before, so only
   * successful loads count. What was learnt from jieba's answers holds while this stays the same.
   */
  loadCount: (): number => loads,

  /** jieba's words for the text (HMM guesses unknown words when `hmm`). */
  cut(text: string, hmm: boolean): string[] {
    const { binding } = choose();
    return binding.cutJoined && joinable(text) ? wordsOf(binding.cutJoined(text, hmm)) : binding.cut(text, hmm);
  },

  /** jieba's words for the text with their part-of-speech tags (HMM on, as nodejieba's tag). */
  tag(text: string): TaggedWord[] {
    const { binding } = choose();
    return binding.tagJoined && joinable(text) ? taggedOf(binding.tagJoined(text)) : binding.tag(text);
  },
};

/**
 * The private cache: jieba's generated files (the compact dictionary, keyword-table stubs, a user dictionary with
 * nowhere else to go) in a private folder, each checked by content before jieba reads it: jieba
 * aborts the process on a malformed dictionary line and takes whatever size it is given, so a
 * file found in the cache is used only when its SHA-256 matches the record written with it and it
 * is no larger than it can be. Anything else is made again, with one notice.
 *
 * The folder is the project's `.cache/jieba` (mode 0700); on a read-only checkout, a folder of this
 * user's own under the temporary folder (0700, refused when another user owns it or it is a link).
 * When neither can be written (a full disk, a read-only system), the caller goes without the
 * cache: nothing here throws, and no issue file is ever blamed for it.
 */

/** One-line notices for the start to log (a cached file refused, the cache unwritable). */
const notices: string[] = [];

/** The notices gathered since the last call, each said once. */
export function takeCacheNotices(): string[] {
  return notices.splice(0);
}

export function notice(line: string): void {
  if (!notices.includes(line)) notices.push(line);
}

/** The project folder (the one with package.json) above this module, in src/ or in a build. */
function projectRoot(): string | undefined {
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Whether `dir` is a real folder of this user's that no one else can enter (made so when it is ours). */
function isPrivate(dir: string): boolean {
  const st = fs.lstatSync(dir);
  if (!st.isDirectory() || st.isSymbolicLink()) return false;
  if (typeof process.getuid === 'function' && st.uid !== process.getuid()) return false;
  if ((st.mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
  return true;
}

function privateFolder(dir: string): string | undefined {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    return isPrivate(dir) ? dir : undefined;
  } catch {
    return undefined;
  }
}

let folder: string | null | undefined;

/**
 * The private cache folder, or null when there is none to be had. JIEBA_CACHE_DIR, when set, is
 * the one folder tried (tests; hosts that keep caches elsewhere).
 */
export function cacheFolder(): string | null {
  if (folder === undefined) {
    const root = projectRoot();
    const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
    const candidates = (
      process.env.JIEBA_CACHE_DIR
        ? [process.env.JIEBA_CACHE_DIR]
        : [root && path.join(root, '.cache', 'jieba'), path.join(os.tmpdir(), `chongchuan-jieba-${uid}`)]
    ).filter((d): d is string => Boolean(d));
    folder = null;
    for (const dir of candidates) {
      const found = privateFolder(dir);
      if (found) {
        folder = found;
        break;
      }
    }
  }
  return folder;
}

/** Forgets the folder chosen (tests change JIEBA_CACHE_DIR). */
export function resetCacheFolder(): void {
  folder = undefined;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Why the cached file cannot be used, or '' when it can. */
function fault(file: string, maxBytes: number): string {
  const record = `${file}.sha256`;
  if (!fs.existsSync(file)) return 'missing';
  const st = fs.lstatSync(file);
  if (!st.isFile()) return 'not a regular file';
  if (st.size > maxBytes) return `${st.size} bytes, more than the ${maxBytes} it can be`;
  const expected = fs.readFileSync(record, 'utf8').trim();
  if (sha256(fs.readFileSync(file)) !== expected)
    return 'changed or cut short since it was written (its SHA-256 differs)';
  return '';
}

/**
 * The path of `name` in the private cache holding `make()`'s text: the cached file when it checks
 * out, else made (again) now. Null when there is no cache to write to: the caller goes without.
 * `maxBytes` bounds what a sound file can weigh.
 */
export function cachedFile(name: string, maxBytes: number, make: () => string): string | null {
  const dir = cacheFolder();
  if (!dir) {
    notice(`no private cache folder can be written (${path.join('.cache', 'jieba')} nor the temporary folder)`);
    return null;
  }
  const file = path.join(dir, name);
  let why: string;
  try {
    why = fault(file, maxBytes);
  } catch (err) {
    why = `unreadable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
  }
  if (!why) return file;
  if (why !== 'missing') notice(`the cached ${file} was refused: ${why}; made again`);
  try {
    const text = make();
    fs.rmSync(file, { force: true, recursive: false });
    writeFileAtomically(file, text);
    writeFileAtomically(`${file}.sha256`, `${sha256(text)}\n`);
    return file;
  } catch (err) {
    notice(`cannot write ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    return null;
  }
}
