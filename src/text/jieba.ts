/**
 * jieba, the segmenter, as the project uses it: the mixed segmenter (dictionary and HMM) with its
 * part-of-speech tags, loaded once.
 *
 * nodejieba's own binding builds a second copy of the dictionary and the HMM model at every load,
 * for TextRank keyword extraction, which the project never calls: about half its load time and
 * memory. native/jieba is a binding of the same cppjieba sources that nodejieba ships, built at
 * install (`npm install` → scripts/build-native.mjs), that loads only the segmenter: same cuts,
 * same tags. When it could not be built, nodejieba's binding serves instead, with one warning.
 */
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
 * the project never extracts keywords (its full idf table alone costs ~0.5 s and 50 MB).
 */
function keywordStubs(): { idfDict: string; stopWordDict: string } {
  const dir = path.join(os.tmpdir(), 'chongchuan-jieba-stubs');
  const files = { idfDict: path.join(dir, 'idf.utf8'), stopWordDict: path.join(dir, 'stop.utf8') };
  if (!fs.existsSync(files.idfDict) || !fs.existsSync(files.stopWordDict)) {
    fs.mkdirSync(dir, { recursive: true });
    writeFileAtomically(files.idfDict, '的 1.0\n');
    writeFileAtomically(files.stopWordDict, '的\n');
  }
  return files;
}

/** nodejieba's binding in the same shape (loads the TextRank copy too). */
const nodejiebaBinding: Binding = {
  load: (dict, hmmDict, userDict) =>
    void nodejieba.load({ dict, hmmDict, userDict: userDict || JIEBA_FILES.DEFAULT_USER_DICT, ...keywordStubs() }),
  cut: (text, hmm) => nodejieba.cut(text, hmm),
  tag: (text) => nodejieba.tag(text),
};

let chosen: { binding: Binding; name: 'once' | 'nodejieba'; problem?: string } | undefined;

function choose(): NonNullable<typeof chosen> {
  if (!chosen) {
    const file = bindingPath();
    try {
      if (!file) throw new Error(`${BINDING_FILE} is not built (npm install builds it)`);
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
  },

  /** jieba's words for the text (HMM guesses unknown words when `hmm`). */
  cut: (text: string, hmm: boolean): string[] => choose().binding.cut(text, hmm),

  /** jieba's words for the text with their part-of-speech tags (HMM on, as nodejieba's tag). */
  tag: (text: string): TaggedWord[] => choose().binding.tag(text),
};
