/** Where a message notecast posted on Discord is found again, from the id it recorded. */
import type { Target } from '../../store/types.js';

/** Forum posts are threads: their message id is the thread's id, kept with this prefix. */
export const THREAD_PREFIX = 'thread:';

/** Where a posted message lives: a forum post's is its thread's starter message, whose id is the thread's. */
export function messageRef(target: Target, messageId: string): { channel: string; message: string } {
  if (messageId.startsWith(THREAD_PREFIX)) {
    const thread = messageId.slice(THREAD_PREFIX.length);
    return { channel: thread, message: thread };
  }
  return { channel: target.thread || target.chat, message: messageId };
}

/** A webhook's message in a thread is only found with `?thread_id=` (webhook.mdx, Edit/Delete Webhook Message). */
export function webhookMessageRef(target: Target, messageId: string) {
  const thread = messageId.startsWith(THREAD_PREFIX) ? messageId.slice(THREAD_PREFIX.length) : target.thread;
  const id = messageId.startsWith(THREAD_PREFIX) ? thread : messageId;
  return { id, thread, query: thread ? new URLSearchParams({ thread_id: thread }) : undefined };
}
