/**
 * Each chat's follow-up context in the shared store, as JSON: read back only while fresh, and
 * never in the way of an answer (a store that cannot be reached means no context, not an error).
 */
import type { ConversationStore } from '../../storage/conversation-store.ts';
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

export async function loadContext(
  store: ConversationStore,
  chatId: number,
  now = Date.now(),
): Promise<ChatContext | undefined> {
  return parse(await store.loadContext(chatId, CONTEXT_TTL_MS, now).catch(() => undefined));
}

export async function saveContext(
  store: ConversationStore,
  chatId: number,
  context: ChatContext,
  now = Date.now(),
): Promise<void> {
  await store.saveContext(chatId, JSON.stringify(context), now).catch(() => {});
}
