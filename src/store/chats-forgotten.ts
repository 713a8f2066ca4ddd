/**
 * Chats whose subscriptions were removed because the chat is gone for good, or because the operator
 * forgot it (`notecast unsubscribe <chat>`): kept (the newest few) so `status` says where they went,
 * since no chat is left to say it in (issue 25, tester 28-1 F2).
 */
import { z } from 'zod';
import type { Store } from './store.js';

const KEY = 'chats.forgotten';
const KEEP = 20;

const ForgottenSchema = z.array(
  z.object({
    /** The chat as `status` names it (targetKey). */
    chat: z.string(),
    /** The platform's answer that said it is gone, or that the operator forgot it. */
    why: z.string(),
    at: z.number(),
    subscriptions: z.number(),
    calledOff: z.number(),
  }),
);
export type ForgottenChat = z.infer<typeof ForgottenSchema>[number];

export function forgottenChats(store: Pick<Store, 'getMeta'>): ForgottenChat[] {
  const raw = store.getMeta(KEY);
  if (!raw) return [];
  try {
    const parsed = ForgottenSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function recordForgottenChat(store: Pick<Store, 'getMeta' | 'setMeta'>, chat: ForgottenChat): void {
  store.setMeta(KEY, JSON.stringify([...forgottenChats(store).filter((c) => c.chat !== chat.chat), chat].slice(-KEEP)));
}
