/**
 * The corpus folder to issues: the one place that reads issue files. A file that cannot be read
 * as an issue (gone, a dangling or looping symbolic link, not a regular file, over the size limit,
 * not text) is skipped with one warning naming it; the rest still load.
 */
import { type Logger, silentLogger } from '../logger.ts';
import fs from 'node:fs';
import path from 'node:path';
import { type DecodeWarning, decodeIssue, UnreadableIssueError } from './decode.ts';
import { parseIssue } from './parse-issue.ts';
import type { Issue } from './types.ts';

/** A corpus that cannot be loaded at all: the folder is missing or holds no issue. */
export class CorpusError extends Error {}

/** Issue files are plain text; anything else in the folder (notes, indexes) is not an issue. */
export const ISSUE_FILE = /\.(txt|md|text)$/i;

/**
 * The largest issue file read. A real issue is about 20 KB of text, a bumper issue a few hundred;
 * past 2 MB a file is not an issue but a mistake (a dump, a log) and would cost seconds to parse.
 * Larger files are skipped with a warning, and never read into memory.
 */
export const MAX_ISSUE_BYTES = 2 * 1024 * 1024;

/** The issue files in a folder, sorted by name (dated names sort by date). */
export function listIssueFiles(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CorpusError(
      code === 'ENOENT'
        ? `corpus folder not found: ${dir}`
        : `cannot read corpus folder ${dir}: ${code ?? String(err)}`,
    );
  }
  return names.filter((n) => ISSUE_FILE.test(n) && !n.startsWith('.')).sort();
}

/** A file system error as a short reason for a warning. */
function reason(err: unknown): string {
  if (err instanceof UnreadableIssueError) return err.message;
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'not found (removed, or a symbolic link to nothing)';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'not a regular file';
    default:
      return code ?? (err as Error).message ?? String(err);
  }
}

export const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;

/**
 * Which version of an issue file: its name, size, modification and change times (nanoseconds) and
 * inode, tab-separated. The change time is enough to see any edit: the system sets it at every
 * write, and no one can set it back (an edit that restores the size and the modification time
 * still moves it); a file replaced by a rename has another inode.
 */
export const fileVersion = (name: string, st: fs.BigIntStats) =>
  `${name}\t${st.size}\t${st.mtimeNs}\t${st.ctimeNs}\t${st.ino}`;

/** An issue file that could not be read, with the version it was in when that was found (when it could be opened). */
export class UnreadableFileError extends UnreadableIssueError {
  constructor(
    message: string,
    readonly version?: string,
  ) {
    super(message);
  }
}

/**
 * An issue file's bytes and the version they are of (stated on the open file before reading: a
 * write during the read moves the change time, so that version never matches the file again):
 * through symbolic links, but only from a regular file within the size limit (checked on the open
 * file, so a file swapped after the check is not read past it either). Throws UnreadableFileError
 * with a reason fit for a warning.
 */
export function readIssueFile(file: string, maxBytes = MAX_ISSUE_BYTES): { bytes: Buffer; version: string } {
  let fd: number;
  try {
    // Non-blocking: a named pipe called *.txt must not hang the bot.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (err) {
    throw new UnreadableFileError(reason(err));
  }
  let version: string | undefined;
  try {
    const st = fs.fstatSync(fd, { bigint: true });
    version = fileVersion(path.basename(file), st);
    if (!st.isFile()) throw new UnreadableIssueError('not a regular file');
    const size = Number(st.size);
    if (size > maxBytes)
      throw new UnreadableIssueError(`${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit for an issue`);
    // One byte more than the limit: a file still growing past it is caught here too.
    const buffer = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) break;
    }
    if (length > maxBytes) throw new UnreadableIssueError(`over the ${formatBytes(maxBytes)} limit for an issue`);
    return { bytes: buffer.subarray(0, length), version };
  } catch (err) {
    throw new UnreadableFileError(reason(err), version);
  } finally {
    fs.closeSync(fd);
  }
}

/** An issue file's bytes (see readIssueFile); throws UnreadableIssueError. */
export function readIssueBytes(file: string, maxBytes = MAX_ISSUE_BYTES): Buffer {
  return readIssueFile(file, maxBytes).bytes;
}

/** An issue file's text (decoded, line ends made LF); throws UnreadableIssueError. `warn` hears of bytes replaced. */
export function readIssueText(file: string, warn?: DecodeWarning): string {
  return decodeIssue(readIssueBytes(file), warn);
}

/** An issue's text to the issue; throws UnreadableIssueError when it holds no article. */
export function parseIssueText(text: string, source: string): Issue {
  const issue = parseIssue(text, { source });
  if (issue.articles.length === 0 && issue.photos.length === 0) throw new UnreadableIssueError('no article found');
  return issue;
}

/** Reads and parses one issue file; throws UnreadableIssueError. `warn` hears of bytes replaced. */
export function loadIssueFile(file: string, warn?: DecodeWarning): Issue {
  return parseIssueText(readIssueText(file, warn), path.basename(file));
}

/**
 * One line per issue file saying which version of it the folder holds now (fileVersion), or for
 * a file that cannot be stated, why. Never throws for a single file, and reads no file's content
 * (a start stats the files only). A copied or restored folder reads as changed: one rebuild.
 */
export function corpusFileLines(dir: string): string[] {
  return listIssueFiles(dir).map((name) => corpusFileLine(dir, name));
}

/** corpusFileLines' line for one file. */
export function corpusFileLine(dir: string, name: string): string {
  try {
    return fileVersion(name, fs.statSync(path.join(dir, name), { bigint: true }));
  } catch (err) {
    return `${name}\t${reason(err)}`;
  }
}

export interface LoadOptions {
  /** Told once about each file that is skipped (a warning). */
  logger?: Logger;
  /** Told after each file, for progress on large archives. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Told which version of each file was read (fileVersion), the skipped ones included (or, for a
   * file that could not be opened, its corpusFileLine): what the issues loaded hold.
   */
  onVersion?: (name: string, version: string) => void;
}

/** Loads every issue in the folder; throws CorpusError when there is none to load. */
export function loadCorpus(dir: string, { logger = silentLogger, onProgress, onVersion }: LoadOptions = {}): Issue[] {
  const files = listIssueFiles(dir);
  if (files.length === 0) throw new CorpusError(`no issue files (*.txt) in corpus folder ${dir}`);
  const issues: Issue[] = [];
  files.forEach((name, k) => {
    try {
      const { bytes, version } = readIssueFile(path.join(dir, name));
      onVersion?.(name, version);
      const text = decodeIssue(bytes, (message) => logger.warn(`${name}: ${message}`));
      issues.push(parseIssueText(text, name));
    } catch (err) {
      if (err instanceof UnreadableFileError) onVersion?.(name, err.version ?? corpusFileLine(dir, name));
      logger.warn(`skipped ${name}: ${reason(err)}`);
    }
    onProgress?.(k + 1, files.length);
  });
  if (issues.length === 0) throw new CorpusError(`no readable issue in corpus folder ${dir}`);
  return issues;
}
