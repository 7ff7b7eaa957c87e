/**
 * Each chat's follow-up context in the shared store, as JSON: read back only while fresh, and
 * never in the way of an answer (a store that cannot be reached means no context, not an error).
 */
import type { ConversationStore } from '../../storage/conversation-store.ts';
import { DatabaseFallback } from '../../storage/fallback.ts';
import type { ChatContext } from './follow-up.ts';

/** How long a chat's last question is remembered for follow-ups (said in /privacy). */
export const CONTEXT_MINUTES = 30;
export const CONTEXT_TTL_MS = CONTEXT_MINUTES * 60 * 1000;

function parse(text: string | undefined): ChatContext | undefined {
  if (text === undefined) return undefined;
  try {
    const c = JSON.parse(text) as ChatContext;
    return typeof c.question === 'string' && typeof c.topic === 'string' ? c : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One circuit per store: a database that misses its deadline is left alone for a pause, so a
 * frozen server costs one short wait, not one per question (the answer never waits on context).
 */
const fallbacks = new WeakMap<ConversationStore, DatabaseFallback>();
function fallbackOf(store: ConversationStore): DatabaseFallback {
  let fallback = fallbacks.get(store);
  if (!fallback) {
    fallback = new DatabaseFallback({ deadlineMs: 1000, pauseMs: 5000 });
    fallbacks.set(store, fallback);
  }
  return fallback;
}

export async function loadContext(
  store: ConversationStore,
  chatId: number,
  now = Date.now(),
): Promise<ChatContext | undefined> {
  const text = await fallbackOf(store)
    .run(
      () => store.loadContext(chatId, CONTEXT_TTL_MS, now),
      () => undefined,
    )
    .catch(() => undefined);
  return parse(text);
}

export async function saveContext(
  store: ConversationStore,
  chatId: number,
  context: ChatContext,
  now = Date.now(),
): Promise<void> {
  await fallbackOf(store)
    .run(
      () => store.saveContext(chatId, JSON.stringify(context), now),
      () => {},
    )
    .catch(() => {});
}

/** Counts a question the archive could not answer (its text alone); skipped while the store is slow or gone. */
export async function countUnanswered(store: ConversationStore, question: string, now = Date.now()): Promise<void> {
  await fallbackOf(store)
    .run(
      () => store.countUnanswered(question, now),
      () => {},
    )
    .catch(() => {});
}
