/**
 * jieba's generated files (the compact dictionary, keyword-table stubs, a user dictionary with
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
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomically } from '../atomic-write.ts';

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
