/**
 * A note counts as announced in a chat only once a post there went out, or while one waits (issue 25,
 * the model's seed 311). A note whose posts were called off before they went out (store/called-off.ts:
 * deleted or drafted while they waited in an outage, parked, or in a grace period) and that comes back
 * with `onDelete: keep` (decide.ts `back`) is new in those chats, and only there: a chat that did get
 * it has its message edited, never a second one.
 */
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import { targetKey } from '../store/types.js';
import { callOffPost, chatsCalledOff, MAYBE_SHOWN } from '../store/called-off.js';
import { familyPostId } from './family.js';

/** The chats (target keys) where a post of any of `postIds` was called off and nothing of it went out since. */
export function calledOffIn(store: Store, postIds: readonly string[]): Set<string> {
  return new Set(postIds.flatMap((id) => chatsCalledOff(store, id).map(targetKey)));
}

/**
 * `translations: group`: the chats a family's members back in this batch (`backIds`) are new in: its
 * message there, or a member's own (posted while `separate`), was called off before it went out.
 */
export function familyNewIn(store: Store, translationKey: string, backIds: readonly string[]): Set<string> {
  return backIds.length ? calledOffIn(store, [familyPostId(translationKey), ...backIds]) : new Set();
}

/** The chats where a family has a message, sent or waiting (a family that got the note there is edited, not posted again). */
export function familyShownIn(store: Store, translationKey: string): Set<string> {
  const id = familyPostId(translationKey);
  return new Set([...store.postsOf(id).map((p) => targetKey(p.target)), ...store.openPostTargets(id).map(targetKey)]);
}

/**
 * Calls a waiting post off (store/called-off.ts). One whose send may have reached its chat (an answer lost, a stop
 * mid-send) is said: the chat may show it, and the note's next post there carries its nonce (store/maybe-sent.ts).
 * `removed`: the note went under `onDelete: delete`: that message, if there is one, is looked for and deleted.
 */
export function callOffSaying(store: Store, log: Logger | undefined, deliveryId: number, why: string, removed = false): void {
  if (!callOffPost(store, deliveryId, why, removed)) return;
  const next = removed
    ? removedLine(store, deliveryId)
    : "notecast status lists it, and the note's next post there carries the same nonce (Discord answers it with that message within its nonce window)";
  log?.warn({ delivery: deliveryId }, `waiting post called off (${why}); ${MAYBE_SHOWN}: ${next}`);
}

/**
 * The platforms whose adapter can look for a lost send's message (ChatAdapter.findLostSend: Discord's nonce, a forum's
 * active threads). Telegram cannot: no idempotency key (tdlib/telegram-bot-api#126), no method to read a chat's messages,
 * and deleteMessage takes a message's id (core.telegram.org/bots/api#deletemessage). The log promises no look there.
 */
const LOOKS_FOR_LOST_SENDS: ReadonlySet<string> = new Set(['discord']);

function removedLine(store: Store, deliveryId: number): string {
  const platform = (store.sql('SELECT platform FROM outbox WHERE id = ?').get(deliveryId) as { platform: string } | undefined)?.platform ?? 'the platform';
  return LOOKS_FOR_LOST_SENDS.has(platform)
    ? 'a delete looks for that message and removes it (notecast status says what it found)'
    : `${platform} cannot find that message (no idempotency key, no way to read a chat's messages): notecast status lists it; look in the chat and delete it by hand`;
}
