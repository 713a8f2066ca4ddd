/**
 * The outbox and posts changed as a whole rather than row by row: a family's messages following a
 * renamed note, a skipped edit that would change nothing, waits re-timed after the clock stepped
 * back. Asked through `Store.upkeep`.
 */
import type { Prepare } from './db.js';
import { readDigestPayload, readSummaryPayload } from './records.js';
import type { DigestItem, SummaryPayload, Target } from './types.js';
import { olderDigestLines } from './older-messages.js';

export class OutboxUpkeep {
  constructor(private readonly sql: Prepare) {}

  /** A family's messages follow its only member to its new key (the note was renamed): posts and deliveries move. */
  moveFamilyPosts(from: string, to: string): void {
    this.sql('UPDATE posts SET note_id = ? WHERE note_id = ?').run(to, from);
    this.sql('UPDATE OR REPLACE older_posts SET note_id = ? WHERE note_id = ?').run(to, from); // a repost's older messages (older-messages.ts)
    this.sql('UPDATE outbox SET note_id = ? WHERE note_id = ?').run(to, from);
    this.renameDigestLines(from, to);
  }

  /**
   * Digests (sent or waiting, and their edits) list a line by the id its post has: when that id
   * moves, the line's item moves with it, else the next edit of the digest finds no item for the
   * line and drops it (issue 25, tester 24 F2: a renamed note left its burst digest silently).
   */
  private renameDigestLines(from: string, to: string, target?: Target): void {
    this.rewriteDigestItems('noteId', from, (i) => ({ ...i, noteId: to }), target);
  }

  /** Digests (sent or waiting, and their edits) whose items have `field` = `value`: those items rewritten by `change`. */
  private rewriteDigestItems(field: 'noteId' | 'member', value: string, change: (i: DigestItem) => DigestItem, target?: Target): void {
    const rows = this.sql(
      `SELECT id, payload FROM outbox WHERE (kind = 'digest' OR (kind = 'edit' AND note_id LIKE 'digest:%'))
         AND (? IS NULL OR (platform = ? AND chat = ? AND thread = ?))
         AND (EXISTS (SELECT 1 FROM json_each(payload, '$.items') WHERE json_extract(value, '$.${field}') = ?) OR EXISTS (SELECT 1 FROM json_each(payload, '$.shown') WHERE json_extract(value, '$.${field}') = ?))`,
    ).all(target?.platform ?? null, target?.platform ?? null, target?.chat ?? null, target?.thread ?? null, value, value) as { id: number; payload: string }[];
    for (const r of rows) {
      const digest = readDigestPayload(r.payload);
      if (!digest) continue; // not one this code wrote: left as it is
      const items = digest.items.map((i) => (i[field] === value ? change(i) : i));
      const shown = digest.shown?.map((i) => (i[field] === value ? change(i) : i)); // what it went out with, found by the new id too
      this.sql('UPDATE outbox SET payload = ? WHERE id = ?').run(JSON.stringify({ ...digest, items, ...(shown ? { shown } : {}) }), r.id);
    }
  }

  /**
   * The digests queued and not sent yet in `target` that list `lineId` (a burst's digest waiting for the platform, or
   * behind the chat's other deliveries): a line there is the note's message to be, as a post waiting is (issue 25, fx26a).
   */
  waitingDigests(lineId: string, target: Target): { id: number; items: DigestItem[]; inFlight: boolean }[] {
    const rows = this.sql(
      `SELECT id, status, payload FROM outbox WHERE kind = 'digest' AND status IN ('pending', 'sending') AND platform = ? AND chat = ? AND thread = ?
         AND EXISTS (SELECT 1 FROM json_each(payload, '$.items') WHERE json_extract(value, '$.noteId') = ?)`,
    ).all(target.platform, target.chat, target.thread, lineId) as { id: number; status: string; payload: string }[];
    return rows.flatMap((r) => {
      const digest = readDigestPayload(r.payload);
      return digest ? [{ id: r.id, items: digest.items, inFlight: r.status === 'sending' }] : [];
    });
  }

  /**
   * A digest waiting or in flight lists `items` from now on. One in flight went out as it was: the lines it is recorded
   * with, once sent, are these, and its message is edited to them (digest-lines.ts recordSentDigest).
   */
  setWaitingDigestItems(id: number, items: DigestItem[]): void {
    this.sql("UPDATE outbox SET payload = json_set(payload, '$.items', json(?)), updated_at = ? WHERE id = ? AND kind = 'digest' AND status IN ('pending', 'sending')").run(JSON.stringify(items), Date.now(), id);
  }

  /**
   * A digest sent as `sent` while its row lists other lines (changed in flight): its message shows `sent` until an edit
   * of it goes, whatever the row lists (review rv32-b R3: a line taken out in flight was invisible to the readers).
   */
  recordDigestShown(id: number, sent: readonly DigestItem[]): void {
    this.sql("UPDATE outbox SET payload = json_set(payload, '$.shown', json(?)) WHERE id = ? AND kind = 'digest'").run(JSON.stringify(sent), id);
  }

  /** The chats with a digest waiting that lists `lineId` (see `waitingDigests`). */
  waitingDigestTargets(lineId: string): Target[] {
    return this.sql(
      `SELECT DISTINCT platform, chat, thread FROM outbox WHERE kind = 'digest' AND status IN ('pending', 'sending')
         AND EXISTS (SELECT 1 FROM json_each(payload, '$.items') WHERE json_extract(value, '$.noteId') = ?)`,
    ).all(lineId) as Target[];
  }

  /**
   * A renamed note's posts and deliveries follow its new id; a family's messages name the member
   * they show, and the renamed note is still that member (publish/family-follow.ts).
   */
  followRenamedNote(from: string, to: string): void {
    this.moveFamilyPosts(from, to); // the same two moves, by the note's own id
    this.showMemberInstead(from, to);
  }

  /** Families' messages that show member `from` show member `to` from now on (a rename, or a note moved into its copy: publish/moved-into-copy.ts). */
  showMemberInstead(from: string, to: string): void {
    this.sql("UPDATE outbox SET payload = json_set(payload, '$.member', ?) WHERE note_id LIKE 'family:%' AND kind IN ('post', 'edit') AND json_extract(payload, '$.member') = ?").run(to, from);
    this.rewriteDigestItems('member', from, (i) => ({ ...i, member: to })); // a digest's line names the member it shows too
  }

  /** The families whose messages (sent or waiting) were ever posted or edited to show `member`. */
  familiesShowing(member: string): string[] {
    const rows = this.sql("SELECT DISTINCT note_id FROM outbox WHERE json_extract(payload, '$.member') = ? AND kind IN ('post', 'edit') AND note_id LIKE 'family:%'").all(member) as { note_id: string }[];
    return rows.map((r) => r.note_id);
  }

  /** One chat's message (sent or waiting) shows member `to` instead of `from` from now on (a copy took it: publish/family-copies.ts). */
  showMemberInsteadIn(messageId: string, target: Target, from: string, to: string): void {
    this.sql("UPDATE outbox SET payload = json_set(payload, '$.member', ?) WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND kind IN ('post', 'edit') AND json_extract(payload, '$.member') = ?").run(to, messageId, target.platform, target.chat, target.thread, from);
  }

  /** One chat's message of a family follows a member that moved to another family (publish/family-follow.ts). */
  moveFamilyPostIn(from: string, to: string, target: Target): void {
    for (const table of ['posts', 'outbox']) {
      this.sql(`UPDATE ${table} SET note_id = ? WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ?`).run(to, from, target.platform, target.chat, target.thread);
    }
    this.renameDigestLines(from, to, target);
  }

  /** Posts held for a digest schedule (on purpose, not stuck), and when the first of those digests goes. */
  heldForDigest(): { posts: number; next: number | null } {
    const r = this.sql(
      `SELECT COUNT(*) AS n, MIN(json_extract(payload, '$.digestAt')) AS next FROM outbox
        WHERE kind = 'post' AND status IN ('pending', 'sending') AND json_extract(payload, '$.digestAt') IS NOT NULL`,
    ).get() as { n: number; next: number | null };
    return { posts: r.n, next: r.next };
  }

  /**
   * The content last sent to a target for a note, to skip an edit that changes nothing: its newest post or edit sent, or
   * being sent (what the message shows once that send lands: judged against what it showed before, a change made
   * meanwhile was taken as shown already, and the message kept the send's older content; issue 25, the model's seed
   * 311 class). `before`: only deliveries older than that one (what a chat shows when that delivery's turn comes).
   */
  lastSentPayload(noteId: string, target: Target, before = Number.MAX_SAFE_INTEGER): SummaryPayload | undefined {
    const r = this
      .sql("SELECT payload FROM outbox WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND kind IN ('post', 'edit') AND status IN ('done', 'sending') AND id < ? ORDER BY id DESC LIMIT 1")
      .get(noteId, target.platform, target.chat, target.thread, before) as { payload: string } | undefined;
    return r ? readSummaryPayload(r.payload) : undefined;
  }

  /** Every post and edit of a message in a chat that was sent (or is being sent), oldest first: what it has shown. */
  sentPayloads(noteId: string, target: Target): SummaryPayload[] {
    const rows = this
      .sql("SELECT payload FROM outbox WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND kind IN ('post', 'edit') AND status IN ('done', 'sending') ORDER BY id")
      .all(noteId, target.platform, target.chat, target.thread) as { payload: string }[];
    return rows.flatMap((r) => readSummaryPayload(r.payload) ?? []);
  }

  /** The member a family's message in a chat was first posted to show (a rename keeps it current, see followRenamedNote). */
  postedMember(noteId: string, target: Target): string | undefined {
    const r = this
      .sql("SELECT payload FROM outbox WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND kind = 'post' AND status = 'done' ORDER BY id LIMIT 1")
      .get(noteId, target.platform, target.chat, target.thread) as { payload: string } | undefined;
    return r ? readSummaryPayload(r.payload)?.member : undefined;
  }

  /** The notes (or families) a digest message in a chat still announces: their posts point at it, or a line a repost kept (older-messages.ts). */
  digestLines(target: Target, messageId: string): string[] {
    const rows = this.sql('SELECT note_id FROM posts WHERE platform = ? AND chat = ? AND thread = ? AND message_id = ? AND via_digest = 1 ORDER BY rowid')
      .all(target.platform, target.chat, target.thread, messageId) as { note_id: string }[];
    return [...rows.map((r) => r.note_id), ...olderDigestLines(this.sql, target, messageId)];
  }

  /**
   * The lines a digest message shows (or will, once its edit waiting goes): its digest delivery's
   * items, or a scheduled digest's held posts, then each edit of it since, the newest winning.
   */
  digestItemsShown(target: Target, messageId: string): Map<string, DigestItem> {
    const rows = this.sql(
      `SELECT note_id, kind, payload FROM outbox WHERE platform = ? AND chat = ? AND thread = ?
         AND ((message_id = ? AND status = 'done' AND kind IN ('digest', 'post')) OR (note_id = ? AND kind = 'edit' AND status != 'skipped')) ORDER BY id`,
    ).all(target.platform, target.chat, target.thread, messageId, `digest:${messageId}`) as { note_id: string | null; kind: string; payload: string }[];
    const items = new Map<string, DigestItem>();
    for (const r of rows) {
      const p = JSON.parse(r.payload) as { items?: DigestItem[]; shown?: DigestItem[]; summary?: { title?: string; url?: string }; member?: string };
      if (r.kind !== 'post') for (const i of [...(p.shown ?? []), ...(p.items ?? [])]) items.set(i.noteId, i); // sent, then as it is now
      // A held post's line shows the family's member its payload names, as a burst's digest line records it: the line is
      // found by it once the note's title changed (issue 25: a scheduled digest's line of a live note taken for a removed
      // one). A row without one (a note's own, `separate`) is found by its title and link, as before.
      else if (r.note_id && p.summary?.title !== undefined) items.set(r.note_id, { noteId: r.note_id, title: p.summary.title, url: p.summary.url, member: p.member });
    }
    return items;
  }

  /**
   * Pending deliveries due later than `horizon`, further ahead than any wait notecast sets: the
   * clock stepped back since they were queued. They are due `now` instead; returns how many.
   */
  dueNowIfBeyond(horizon: number, now: number): number {
    // A post held for a scheduled digest waits for a time of day, on purpose, however far ahead.
    return this.sql("UPDATE outbox SET next_attempt_at = ? WHERE status = 'pending' AND next_attempt_at > ? AND json_extract(payload, '$.digestAt') IS NULL").run(now, horizon).changes;
  }

  /** Posts (and digests) still queued or mid-send are set aside as skipped, with `why`; returns how many. */
  skipOpenPosts(why: string): number {
    return this.sql("UPDATE outbox SET status = 'skipped', last_error = ?, updated_at = ? WHERE status IN ('pending', 'sending') AND kind IN ('post', 'digest')").run(why, Date.now()).changes;
  }

  /** The clock stepped back by `stepMs`: every pending wait ends that much earlier (never before `now`). */
  shiftWaits(stepMs: number, now: number): number {
    // A scheduled digest's time is a time of day on the wall clock: it stays.
    return this.sql("UPDATE outbox SET next_attempt_at = MAX(?, next_attempt_at - ?) WHERE status = 'pending' AND next_attempt_at > ? AND json_extract(payload, '$.digestAt') IS NULL").run(now, stepMs, now).changes;
  }
}
