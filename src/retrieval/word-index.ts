/**
 * The word view of the index: jieba words of each passage in MiniSearch.
 *
 * Building goes through MiniSearch's own serialized form (`AsPlainObject`, what `toJSON` writes
 * and `loadJS` reads) instead of `addAll`: counting terms in plain Maps and loading the result is
 * about ten times faster than inserting 1.7 million tokens one by one into MiniSearch's radix tree,
 * and it is what keeps a cold build of a decade of issues within a few seconds. The result is the
 * same index `addAll` builds (a test checks that they score alike).
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { segment } from '../text/segment.ts';

export interface WordDoc {
  id: number;
  text: string;
}

export const WORD_FIELD = 'text';

export const wordIndexOptions: Options<WordDoc> = {
  fields: [WORD_FIELD],
  storeFields: [],
  extractField: (doc, field) => (field === 'id' ? String(doc.id) : doc.text),
  tokenize: (text) => segment(text).map((t) => t.text),
  processTerm: (term) => term,
  // Passages leave by `remove` (their terms found by segmenting them again). A term that the
  // dictionary has since cut differently is not found: MiniSearch warns ('version_conflict') and
  // later searches drop that stale entry, which is all that is needed here.
  logger: (level, message, code) => {
    if (code !== 'version_conflict') console[level](message);
  },
  searchOptions: { tokenize: (query) => query.split(' ').filter(Boolean), processTerm: (t) => t },
};

/** MiniSearch's serialized index of the texts (ids are their positions), built from token counts. */
export function buildWordIndexData(texts: string[]): AsPlainObject {
  const terms = new Map<string, Record<number, number>>();
  const documentIds: Record<number, string> = {};
  const fieldLength: Record<number, number[]> = {};
  let totalLength = 0;
  texts.forEach((text, id) => {
    const counts = new Map<string, number>();
    for (const { text: token } of segment(text)) counts.set(token, (counts.get(token) ?? 0) + 1);
    documentIds[id] = String(id);
    fieldLength[id] = [counts.size];
    totalLength += counts.size;
    for (const [term, n] of counts) {
      let postings = terms.get(term);
      if (!postings) {
        postings = {};
        terms.set(term, postings);
      }
      postings[id] = n;
    }
  });
  return {
    documentCount: texts.length,
    nextId: texts.length,
    documentIds,
    fieldIds: { [WORD_FIELD]: 0 },
    fieldLength,
    averageFieldLength: [texts.length > 0 ? totalLength / texts.length : 0],
    storedFields: {},
    dirtCount: 0,
    index: [...terms].map(([term, postings]) => [term, { 0: postings }]),
    serializationVersion: 2,
  } as AsPlainObject;
}

export function loadWordIndex(data: AsPlainObject): MiniSearch<WordDoc> {
  return MiniSearch.loadJS<WordDoc>(data, wordIndexOptions);
}
