/**
 * What the bot remembers of conversations, beside the subscriptions in the same database (so it
 * holds across instances and restarts): each chat's follow-up context (its last question's topic
 * and results, as JSON, for a short while) and the questions the archive answered with nothing
 * (their text only, no user or chat, for `UNANSWERED_DAYS`), for operators to see what is missing.
 *
 * Tables are created with IF NOT EXISTS after the numbered migrations, in their own section:
 * they need no migration of their own and never change another table.
 */

import { graphemePrefix } from '../text/graphemes.ts';

/** How long an unanswered question is kept, in days (said in /privacy). */
export const UNANSWERED_DAYS = 30;
export const UNANSWERED_MS = UNANSWERED_DAYS * 24 * 60 * 60 * 1000;
/** Units of an unanswered question kept: enough to read it, never a long paste. */
export const UNANSWERED_CHARS = 100;

export interface UnansweredCount {
  question: string;
  count: number;
}

export interface ConversationStore {
  /** Keeps the chat's follow-up context (JSON), replacing the one before. */
  saveContext(chatId: number, text: string, now?: number): Promise<void>;
  /** The chat's context, or undefined when there is none or it is older than `maxAgeMs`. */
  loadContext(chatId: number, maxAgeMs: number, now?: number): Promise<string | undefined>;
  /** Counts one question answered with nothing (its text only). */
  countUnanswered(question: string, now?: number): Promise<void>;
  /** The most frequent unanswered questions of the last `maxAgeMs`, most asked first. */
  topUnanswered(limit: number, maxAgeMs: number, now?: number): Promise<UnansweredCount[]>;
  /** Forgets unanswered questions asked before `before` and contexts saved before it; resolves to rows removed. */
  pruneConversations(before: number): Promise<number>;
}

export const SQLITE_CONVERSATION_TABLES = `
  CREATE TABLE IF NOT EXISTS chat_context (
    chat_id    INTEGER PRIMARY KEY,
    text       TEXT    NOT NULL,            -- JSON: the last question's topic and results
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS unanswered (
    question TEXT    NOT NULL,              -- the text only: no user, no chat
    asked_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS unanswered_age ON unanswered (asked_at);`;

export const POSTGRES_CONVERSATION_TABLES = `
  CREATE TABLE IF NOT EXISTS chat_context (
    chat_id    BIGINT PRIMARY KEY,
    text       TEXT   NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS unanswered (
    question TEXT   NOT NULL,
    asked_at BIGINT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS unanswered_age ON unanswered (asked_at);`;

/**
 * The question as counted: spaces collapsed (and dropped between Chinese characters, which
 * Chinese writes without them), cut to UNANSWERED_CHARS at a character boundary.
 */
export function unansweredText(question: string): string {
  const flat = question
    .replace(/\s+/g, ' ')
    .replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, '$1')
    .trim();
  return graphemePrefix(flat, UNANSWERED_CHARS);
}
