/**
 * What reading a question asks of the archive, by name. The question reader is a pure function
 * of the question, the weights and these answers: the ranking answers them from the index, tests
 * from a small set of words.
 */
export interface ArchiveLookup {
  /** A word of the archive's dictionary (jieba's, with the names found in the corpus). */
  isWord(term: string): boolean;
  /** The term stands in some passage of the archive. */
  occurs(term: string): boolean;
  /** How many passages of the archive hold the term (0 when none). */
  passageCount?(term: string): number;
  /** Phrases of the archive the term may abbreviate (长护险: 长期护理保险); none when it abbreviates none. */
  abbreviates(term: string): string[];
}
