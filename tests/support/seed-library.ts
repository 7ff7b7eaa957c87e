/** Seed archives as a NewsLibrary, in temporary folders. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openIndex } from '../../src/retrieval/index/index-store.ts';
import type { SearchIndex } from '../../src/retrieval/index/search-index.ts';
import { NewsLibrary } from '../../src/retrieval/library.ts';
import { loadDictionary } from '../../src/text/segment.ts';

let shared: { library: NewsLibrary; dictionary: string } | undefined;

/**
 * The seed archive, built once per worker process into a temporary index file and shared by the
 * test files that run there (unit files share workers): read-only, so no file sees another's
 * changes; a test that changes an archive makes its own (oneIssueArchive, openIndex). Each call
 * hands its domain dictionary to jieba again, as opening the index does: another file may have
 * loaded other words since.
 */
export function seedLibrary(): NewsLibrary {
  if (!shared) {
    const indexFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'library-')), 'index.json');
    const library = NewsLibrary.fromOpened(openIndex({ corpusDir: 'seeds', indexFile }));
    for (const change of ['addIssues', 'removeIssues', 'replace'] as const)
      library[change] = () => {
        throw new Error(`the shared seed library is read-only (${change}): make an archive of the test's own`);
      };
    shared = { library, dictionary: `${indexFile}.userdict.txt` };
  }
  loadDictionary(shared.dictionary);
  return shared.library;
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

/** A fresh index of the seeds and one more issue file (a constructed fixture), in a temporary folder. */
export function seedsWithIssue(file: string): SearchIndex {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seeds-with-'));
  const corpusDir = path.join(dir, 'corpus');
  fs.mkdirSync(corpusDir);
  for (const f of fs.readdirSync('seeds')) fs.copyFileSync(path.join('seeds', f), path.join(corpusDir, f));
  fs.copyFileSync(file, path.join(corpusDir, path.basename(file)));
  return openIndex({ corpusDir, indexFile: path.join(dir, 'index.bin') }).index;
}
