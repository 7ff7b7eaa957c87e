/**
 * Distinct keywords as subscribers would follow them, taken from the archive itself: runs of two
 * to four Chinese characters from the headlines and bodies, in order of first appearance.
 */
import type { Issue } from '../../corpus/types.ts';

export function archiveKeywords(issues: readonly Issue[], count: number): string[] {
  const found = new Set<string>();
  for (const length of [2, 3, 4])
    for (const issue of issues)
      for (const article of issue.articles)
        for (const text of [article.headline, ...article.paragraphs])
          for (const run of text.match(/\p{Script=Han}+/gu) ?? [])
            for (let k = 0; k + length <= run.length; k += length) {
              found.add(run.slice(k, k + length));
              if (found.size >= count) return [...found];
            }
  return [...found];
}
