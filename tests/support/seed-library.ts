/** The seed archive as a NewsLibrary, built once per test file into a temporary index file. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openIndex } from '../../src/retrieval/index-store.ts';
import { NewsLibrary } from '../../src/retrieval/news-library.ts';

export function seedLibrary(): NewsLibrary {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'library-'));
  return NewsLibrary.fromOpened(openIndex({ corpusDir: 'seeds', indexFile: path.join(dir, 'index.json') }));
}
