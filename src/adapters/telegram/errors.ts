/** The Telegram adapter's one error classifier: every failed Bot API call is judged here. */
import { GrammyError, HttpError } from 'grammy';
import type { FailureClass } from '../types.js';

const GONE = /message to (edit|delete) not found|message can't be (edited|deleted)|MESSAGE_ID_INVALID/i;
const NO_ACCESS = /chat not found|bot was (blocked|kicked)|not a member|have no rights|not enough rights|CHAT_WRITE_FORBIDDEN|user is deactivated|TOPIC_CLOSED|message thread not found|bot is not a member|CHAT_ADMIN_REQUIRED/i;

export function isNotModified(e: unknown): boolean {
  return e instanceof GrammyError && /message is not modified/i.test(e.description);
}

export function classifyTelegramError(e: unknown): FailureClass {
  if (e instanceof GrammyError) {
    const reason = `telegram ${e.method}: ${e.error_code} ${e.description}`;
    if (e.parameters?.migrate_to_chat_id !== undefined) return { kind: 'moved', reason, to: String(e.parameters.migrate_to_chat_id) };
    if (e.error_code === 429) return { kind: 'rate-limited', reason, retryAfterMs: (e.parameters?.retry_after ?? 1) * 1000 };
    if (e.error_code >= 500) return { kind: 'transient', reason };
    if (GONE.test(e.description)) return { kind: 'gone', reason };
    if (e.error_code === 403 || e.error_code === 401 || NO_ACCESS.test(e.description)) return { kind: 'permanent', reason };
    return { kind: 'rejected', reason };
  }
  if (e instanceof HttpError) return { kind: 'transient', reason: `telegram network error: ${String(e.error instanceof Error ? e.error.message : e.error)}` };
  return { kind: 'transient', reason: e instanceof Error ? e.message : String(e) };
}
