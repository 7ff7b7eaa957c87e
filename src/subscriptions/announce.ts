/**
 * New issues to queued notifications: for each issue not announced before, one message per
 * subscribed chat that the issue concerns, queued with the issue's "announced" mark in one
 * transaction.
 */
import type { Article, Issue } from '../corpus/types.ts';
import type { NewsLibrary } from '../retrieval/news-library.ts';
import { notificationFor } from './notification-text.ts';
import type { SubscriptionStore } from './subscription-store.ts';

/** Queues the announcements of the issues; returns how many notifications were queued. */
export function announceIssues(issues: Issue[], library: NewsLibrary, store: SubscriptionStore): number {
  let queued = 0;
  const subscribers = store.allByChat();
  for (const issue of issues) {
    if (store.unseen([issue.source]).length === 0) continue;
    const cache = new Map<string, Article[]>();
    const matches = (keyword: string) => {
      let found = cache.get(keyword);
      if (!found) {
        found = library
          .search(keyword, 50)
          .filter((r) => r.kind === 'article' && r.source === issue.source)
          .map((r) => library.article(r.articleId))
          .filter((a): a is Article => a !== undefined);
        cache.set(keyword, found);
      }
      return found;
    };
    const notifications: { chatId: number; text: string }[] = [];
    for (const [chatId, keywords] of subscribers) {
      const text = notificationFor(issue, keywords, matches);
      if (text) notifications.push({ chatId, text });
    }
    if (store.announce(issue.source, notifications)) queued += notifications.length;
  }
  return queued;
}
