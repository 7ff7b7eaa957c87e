/**
 * Synonym and abbreviation groups (synonyms.json, each with the kind of usage it encodes): a query
 * word found in a group brings the group's other words along as alternatives, matched with lower
 * credit (RANKING.match.synonym).
 */
import data from './synonyms.json' with { type: 'json' };
import { normalize } from '../../text/normalize.ts';

const groups: string[][] = data.groups.map((g) => g.words.map(normalize));

/** Every group word, longest first, so a scan of the query finds 地区生产总值 before 生产总值. */
export const SYNONYM_KEYS: string[] = [...new Set(groups.flat())].sort((a, b) => b.length - a.length);

/** The other words of every group holding `word` (normalized); [] when it is in none. */
export function synonymsOf(word: string): string[] {
  const out = new Set<string>();
  for (const g of groups) if (g.includes(word)) for (const w of g) if (w !== word) out.add(w);
  return [...out];
}
