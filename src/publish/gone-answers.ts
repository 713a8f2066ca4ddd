/**
 * The chats' "gone" answers (outages.ts chatGone) kept in the store, one meta value: a chat is forgotten only at its
 * GONE_ANSWERS-th answer, and a count that started over at each restart (or each `sync --once`, whose run may end before
 * the checks do) would never get there: the chat's posts would wait, and every run exit 1, for ever.
 */
import { z } from 'zod';
import type { Store } from '../store/store.js';
import { targetKey, type Target } from '../store/types.js';
import { metaList } from './meta-keys.js';
import type { GoneAnswers, GoneBook } from './outages.js';

/** The store's meta key of the chats' "gone" answers (a JSON list of { chat, since, last, answers }). */
const GONE_ANSWERS_KEY = 'chats.goneAnswers';

const entrySchema = z.object({ chat: z.string(), since: z.number(), last: z.number(), answers: z.number().int().positive() });

export function goneAnswersIn(store: Pick<Store, 'getMeta' | 'setMeta'>): GoneBook {
  return {
    load: () => metaList(store, GONE_ANSWERS_KEY, entrySchema).map((e): [string, GoneAnswers] => [e.chat, { since: e.since, last: e.last, answers: e.answers }]),
    save: (all) => {
      try {
        store.setMeta(GONE_ANSWERS_KEY, JSON.stringify([...all].map(([chat, a]) => ({ chat, since: a.since, last: a.last, answers: a.answers }))));
      } catch {
        // The store cannot take it now (locked, full): the count stands in memory for this run, and is written with the next answer.
      }
    },
  };
}

/** A chat said to be gone and not forgotten yet (`status`): since when, and how many of GONE_ANSWERS answers so far. */
export type ChatSaidGone = z.infer<typeof entrySchema>;

/**
 * The chats said to be gone whose deliveries still wait (`status`): a count left by a chat nothing is sent to any more
 * (unsubscribed meanwhile, its posts called off) says nothing an operator could act on.
 */
export function chatsSaidGone(store: Pick<Store, 'getMeta' | 'sql'>): ChatSaidGone[] {
  const waiting = new Set((store.sql("SELECT DISTINCT platform, chat, thread FROM outbox WHERE status = 'pending'").all() as Target[]).map(targetKey));
  return metaList(store, GONE_ANSWERS_KEY, entrySchema).filter((e) => waiting.has(e.chat));
}
