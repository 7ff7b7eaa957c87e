/** Seed archives as a NewsLibrary, in temporary folders. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openIndex } from '../../src/retrieval/index/index-store.ts';
import { NewsLibrary } from '../../src/retrieval/library.ts';

/** The seed archive, built once per test file into a temporary index file. */
export function seedLibrary(): NewsLibrary {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'library-'));
  return NewsLibrary.fromOpened(openIndex({ corpusDir: 'seeds', indexFile: path.join(dir, 'index.json') }));
}

/**
 * A corpus folder of its own holding one seed issue, with its index opened, for tests that change
 * the folder while a library serves it.
 */
export function oneIssueArchive(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const corpusDir = path.join(dir, 'corpus');
  fs.mkdirSync(corpusDir);
  fs.copyFileSync('seeds/001_ee31270023d67050.txt', path.join(corpusDir, '2021-08-09.txt'));
  const indexFile = path.join(dir, 'cache', 'index.bin');
  const library = NewsLibrary.fromOpened(openIndex({ corpusDir, indexFile }));
  return { dir, corpusDir, indexFile, library };
}
