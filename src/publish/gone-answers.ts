/**
 * The chats' "gone" answers (outages.ts chatGone) kept in the store, one meta value: a chat is forgotten only at its
 * GONE_ANSWERS-th answer, and a count that started over at each restart (or each `sync --once`, whose run may end before
 * the checks do) would never get there: the chat's posts would wait, and every run exit 1, for ever.
 */
import { z } from 'zod';
import type { Store } from '../store/store.js';
import { metaList } from './meta-keys.js';
import type { GoneAnswers, GoneBook } from './outages.js';

/** The store's meta key of the chats' "gone" answers (a JSON list of { chat, since, last, answers, threads }; chat: outages.ts goneChatKey). */
const GONE_ANSWERS_KEY = 'chats.goneAnswers';

/**
 * A delivery still open: waiting, or being tried now. A chat's count stands while any of the posts that met its answers
 * is open, and `status` lists it exactly then: a retry in flight (`sending`, its send and the getChat check under way)
 * neither starts the count over nor takes the chat off the list (tester 32-1 F1: it blinked out for each retry).
 */
const OPEN: readonly string[] = ['pending', 'sending'];

const entrySchema = z.object({ chat: z.string(), since: z.number(), last: z.number(), answers: z.number().int().positive(), threads: z.array(z.string()).default([]), deliveries: z.array(z.number().int()).default([]) });

export function goneAnswersIn(store: Pick<Store, 'getMeta' | 'setMeta' | 'sql'>): GoneBook {
  return {
    load: () => metaList(store, GONE_ANSWERS_KEY, entrySchema).map((e): [string, GoneAnswers] => [e.chat, { since: e.since, last: e.last, answers: e.answers, threads: e.threads, deliveries: e.deliveries }]),
    save: (all) => {
      try {
        store.setMeta(GONE_ANSWERS_KEY, JSON.stringify([...all].map(([chat, a]) => ({ chat, since: a.since, last: a.last, answers: a.answers, threads: a.threads, deliveries: a.deliveries }))));
      } catch {
        // The store cannot take it now (locked, full): the count stands in memory for this run, and is written with the next answer.
      }
    },
    stillOpen: (deliveries) => {
      try {
        return openAmong(store, deliveries, OPEN);
      } catch {
        return undefined; // the store cannot answer now: the counts stand, asked again at the next answer
      }
    },
  };
}

/** Which of `deliveries` are in one of `statuses`. */
function openAmong(store: Pick<Store, 'sql'>, deliveries: readonly number[], statuses: readonly string[]): Set<number> {
  const rows = store.sql('SELECT id FROM outbox WHERE id IN (SELECT value FROM json_each(?)) AND status IN (SELECT value FROM json_each(?))').all(JSON.stringify(deliveries), JSON.stringify(statuses)) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}

/** A chat said to be gone and not forgotten yet (`status`): since when, and how many of GONE_ANSWERS answers so far. */
export type ChatSaidGone = z.infer<typeof entrySchema>;

/**
 * The chats said to be gone whose answering deliveries are still open (`status`), as the count itself stands: a count
 * whose posts were called off (unsubscribed meanwhile) says nothing an operator could act on, and starts over at the
 * chat's next answer.
 */
export function chatsSaidGone(store: Pick<Store, 'getMeta' | 'sql'>): ChatSaidGone[] {
  return metaList(store, GONE_ANSWERS_KEY, entrySchema).filter((e) => openAmong(store, e.deliveries, OPEN).size > 0);
}
