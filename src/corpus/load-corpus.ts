/**
 * The corpus folder to issues: the one place that reads issue files. A file that cannot be read
 * as an issue is skipped with one warning naming it; the rest still load.
 */
import { type Logger, silentLogger } from '../logger.ts';
import fs from 'node:fs';
import path from 'node:path';
import { decodeIssue, UnreadableIssueError } from './decode.ts';
import { parseIssue } from './parse-issue.ts';
import type { Issue } from './types.ts';

/** A corpus that cannot be loaded at all: the folder is missing or holds no issue. */
export class CorpusError extends Error {}

/** Issue files are plain text; anything else in the folder (notes, indexes) is not an issue. */
export const ISSUE_FILE = /\.(txt|md|text)$/i;

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

/** Reads and parses one issue file; throws UnreadableIssueError (or a file system error). */
export function loadIssueFile(file: string): Issue {
  const text = decodeIssue(fs.readFileSync(file));
  const issue = parseIssue(text, { source: path.basename(file) });
  if (issue.articles.length === 0 && issue.photos.length === 0) throw new UnreadableIssueError('no article found');
  return issue;
}

export interface LoadOptions {
  /** Told once about each file that is skipped (a warning). */
  logger?: Logger;
  /** Told after each file, for progress on large archives. */
  onProgress?: (done: number, total: number) => void;
}

/** Loads every issue in the folder; throws CorpusError when there is none to load. */
export function loadCorpus(dir: string, { logger = silentLogger, onProgress }: LoadOptions = {}): Issue[] {
  const files = listIssueFiles(dir);
  if (files.length === 0) throw new CorpusError(`no issue files (*.txt) in corpus folder ${dir}`);
  const issues: Issue[] = [];
  files.forEach((name, k) => {
    try {
      issues.push(loadIssueFile(path.join(dir, name)));
    } catch (err) {
      const why =
        err instanceof UnreadableIssueError ? err.message : ((err as NodeJS.ErrnoException).code ?? String(err));
      logger.warn(`skipped ${name}: ${why}`);
    }
    onProgress?.(k + 1, files.length);
  });
  if (issues.length === 0) throw new CorpusError(`no readable issue in corpus folder ${dir}`);
  return issues;
}
