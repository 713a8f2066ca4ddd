/**
 * The model's "never double" rule on posts (route-model.ts violations; issue 25), and its one
 * allowance for a note that moved home.
 *
 * A title is one write of one note, so two messages posted in one chat showing it are that note
 * announced twice, even if one was deleted since; renamed and moved notes count like any other (a
 * move is never announced again). The allowance (the lead's decision on the
 * split-burst property's family leave under `onDelete: delete`): a note that joins another family's
 * message has its own message withdrawn (its old family, empty, has nothing left to show: under
 * `delete` the message goes, family-outbox.ts), while the chat shows the note in that other
 * family's message. The note never left the chat; when it leaves that family again it needs a
 * message of its own, and posting one is no second announcement. So a post of a note is excused
 * when, before it, the chat's message that showed the note as its own was deleted while another
 * live message of that chat was its family's message (the note "moved home"). Each such withdrawal
 * excuses one later post, no more; a post with no such withdrawal before it is a double as ever.
 */
import type { ConsoleEvent } from './inproc.js';

/** The write a message shows: its note's tag, the first `N<seq>` of its text (the title, or the body's first words under a generic title). */
export const tagOf = (text: string) => /\bN\d+\b/.exec(text)?.[0] ?? text.split('\n')[0] ?? '';

/** `<target> <title>` of a note's post, the key the rule counts by. */
const keyOf = (target: string, title: string) => `${target} ${title}`;

/**
 * Withdrawals among `events` from index `from` on: deletes of a message showing a note (by its tag)
 * while another live message of the same chat stood for the family the note is in now
 * (`familyOfTitle`: its translation key as the store has it at this step's end; undefined for a note
 * no longer published, whose message a removal withdrew). Returns `<target> <title>` → event indexes.
 */
export function movedHomeWithdrawals(events: readonly ConsoleEvent[], from: number, familyOfTitle: (title: string) => string | undefined): Map<string, number[]> {
  const found = new Map<string, number[]>();
  // Each chat's live messages as the events left them so far: the family each stood for, the tag it showed.
  const live = new Map<string, Map<string, { family: string | null; title: string }>>();
  for (const [i, e] of events.entries()) {
    const chat = live.get(e.target) ?? new Map<string, { family: string | null; title: string }>();
    live.set(e.target, chat);
    const m = chat.get(e.messageId);
    if (e.event !== 'delete') {
      chat.set(e.messageId, { family: e.family ?? null, title: tagOf(e.text) });
      continue;
    }
    chat.delete(e.messageId);
    if (i < from || !m) continue;
    const family = familyOfTitle(m.title);
    if (family === undefined || family === m.family) continue;
    if (![...chat.values()].some((o) => o.family === family)) continue;
    const k = keyOf(e.target, m.title);
    found.set(k, [...(found.get(k) ?? []), i]);
  }
  return found;
}

/**
 * The posts announcing one note twice in one chat: `<target> <title> was posted N times (ids)`.
 * `restored`: titles a restore brought back (posted again by right); `retired`: keys allowed a second
 * post (route-model.ts noteRetired); `movedHome`: withdrawals (movedHomeWithdrawals), each excusing
 * one post of a new message after it. A post sent again keeps its message id (the same message).
 */
export function postedTwice(events: readonly ConsoleEvent[], restored: ReadonlySet<string>, retired: ReadonlySet<string>, movedHome: ReadonlyMap<string, readonly number[]>): string[] {
  const posted = new Map<string, Set<string>>();
  const excused = new Map<string, number>();
  for (const [i, e] of events.entries()) {
    if (e.event !== 'post') continue;
    const title = tagOf(e.text);
    if (restored.has(title)) continue;
    const k = keyOf(e.target, title);
    const ids = posted.get(k) ?? new Set<string>();
    posted.set(k, ids);
    if (ids.has(e.messageId)) continue;
    ids.add(e.messageId);
    // A withdrawal before this post, not yet spent on another, excuses it.
    const before = (movedHome.get(k) ?? []).filter((at) => at < i).length;
    if (ids.size > 1 && before > (excused.get(k) ?? 0)) excused.set(k, (excused.get(k) ?? 0) + 1);
  }
  // A note whose own message gave way to its family's may be posted once more for a family split off (noteRetired).
  return [...posted].filter(([k, ids]) => ids.size - (excused.get(k) ?? 0) > (retired.has(k) ? 2 : 1)).map(([k, ids]) => `${k} was posted ${ids.size} times (${[...ids].join(', ')})`);
}
