/**
 * The WHERE terms that read open deliveries (pending or sending) through the partial index `outbox_open` (db.ts), of
 * one chat or of all: a query with its own terms only (`status = 'pending' AND (? IS NULL OR platform = ? …)`) scans
 * every delivery ever made, and the outbox keeps them all (35,000 notes × chats). SQLite uses a partial index only
 * when the query's WHERE contains the index's WHERE term itself (sqlite.org/partialindex.html, "Queries Using Partial
 * Indexes").
 */
import type { Target } from './types.js';

export function openIn(chat?: Target): string {
  return chat ? "status IN ('pending', 'sending') AND platform = ? AND chat = ? AND thread = ?" : "status IN ('pending', 'sending')";
}

/** The values `openIn(chat)`'s placeholders take, in order. */
export function openInArgs(chat?: Target): string[] {
  return chat ? [chat.platform, chat.chat, chat.thread] : [];
}
