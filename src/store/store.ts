/**
 * All durable state behind one typed interface: notes, subscriptions, the outbox, posts and
 * paused targets. Every method is one SQLite transaction (better-sqlite3 is synchronous).
 */
import { randomBytes } from 'node:crypto';
import type { Filter } from '../config/schema.js';
import { openDb, type Db, type OpenDbOptions, type Statement } from './db.js';
import { OutboxSignal } from './outbox-signal.js';
import { PausedChats } from './paused-chats.js';
import { dropSearchText, IndexMerges, writeSearchText } from './fts.js';
import { notePlace, writeNoteRow, type NotePlace } from './note-rows.js';
import { LookupRows } from './lookup.js';
import { LivePages } from './live-pages.js';
import { dueHeads, nextAttemptAt } from './due-queue.js';
import { OutboxUpkeep } from './upkeep.js';
import { SubscriptionRows } from './subscription-rows.js';
import { readStatus, type StatusCounts } from './status.js';
import { shadowEditEnded } from './under-way.js';
import type { DeliveryKind, DeliveryPayload, NewDelivery, NoteRow, OutboxRow, SearchText, Subscription, Target } from './types.js';
import { DeferredSummaries } from './deferred-summaries.js';
import { ChatMoveSignal, moveChatRows } from './chat-move.js';
import { keepOlderMessage } from './older-messages.js';
import { calledOffCountFrom, inheritMaybeSent, markCaughtMidSend, takeOverCalledOffSend, type CaughtSend } from './maybe-sent.js';
import { isInvalidOutbox, NOTE_PROBLEM, toKnown, toNote, toOutbox, type KnownNote, type KnownRecord, type NoteRecord, type OutboxRecord } from './records.js';

export type { KnownNote } from './records.js';
export { isStoreUnavailable } from './db.js';
export type { NotePlace } from './note-rows.js';
export type { StatusCounts } from './status.js';

/** A note's record with its place (see `Store.storedNote`). */
export interface StoredNote {
  row: NoteRow;
  place: NotePlace;
}

export class Store {
  readonly db: Db;

  private readonly statements = new Map<string, Statement>();
  /** A prepared statement, prepared once: preparing costs more than running most of these. */
  readonly sql = (text: string): Statement => {
    let st = this.statements.get(text);
    if (!st) this.statements.set(text, (st = this.db.prepare(text)));
    return st;
  };

  /** The lookup index's queries (search/index.ts asks them). */
  readonly lookup = new LookupRows(this.sql);
  readonly indexMerges = new IndexMerges(this.sql); // deferred through a batch of many commits (fts.ts)
  /** Pages asked before their note's first post (publish.waitUntilLive). */
  readonly livePages = new LivePages(this.sql);
  /** Notes' summaries made when first shown (issue 31: a first run makes none). */
  readonly summaries = new DeferredSummaries(this.sql, (fn) => this.transaction(fn));

  /** Outbox rows moved or re-timed as a whole: a renamed family, the clock stepping back. */
  readonly upkeep = new OutboxUpkeep(this.sql);
  /** Raised when a delivery may have become due: queued, its chat resumed or moved (the deliverer looks then). */
  readonly outboxOpened = new OutboxSignal();
  readonly chatMoved = new ChatMoveSignal(); // raised after moveChat, its records moved
  /** Chats the platform refused the bot in, and those of them waiting for it to be let back in. */
  readonly pausedChats = new PausedChats(this.sql, this.outboxOpened);
  private readonly subs = new SubscriptionRows(this.sql);

  constructor(file: string, opts?: OpenDbOptions) {
    this.db = openDb(file, opts);
    if (!opts?.readOnly) this.indexMerges.restore(); // a process stopped in a batch left FTS5's automerge off
  }

  /**
   * Folds the write-ahead log into the main file, so the `.db` alone is whole: the service does
   * this at a clean stop. Readers such as `status` never do (they would empty the log under the
   * running service and hide what it holds).
   */
  checkpoint(): void {
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // busy or failing disk: the -wal file stays and is read at the next start
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  // ── meta ──
  /**
   * How far the database has got, in two counts that only grow (outbox rows are never deleted and a
   * finished delivery never goes back to open): the newest outbox row, and how many have finished.
   */
  highWater(): { outbox: number; finished: number } {
    return this
      .sql("SELECT coalesce(max(id), 0) AS outbox, coalesce(max(id), 0) - (SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')) AS finished FROM outbox")
      .get() as { outbox: number; finished: number };
  }

  getMeta(key: string): string | undefined {
    return (this.sql('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.sql('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  // ── notes ──
  getNote(id: string): NoteRow | undefined {
    return this.storedNote(id)?.row;
  }

  /**
   * A note's record and where it lies (its rowid and indexed content), in one read. Handed back to
   * `putNote` in the same synchronous stretch, the place spares the write its own look-up.
   */
  storedNote(id: string): StoredNote | undefined {
    const r = this.sql('SELECT rowid, * FROM notes WHERE id = ?').get(id) as (NoteRecord & { rowid: number; indexed_hash: string | null }) | undefined;
    return r ? { row: toNote(r), place: { rowid: r.rowid, indexedHash: r.indexed_hash } } : undefined;
  }

  /** file → (id, hash, state) of every known note; the warm start compares digests against it. */
  noteIndex(): Map<string, KnownNote> {
    const rows = this.sql('SELECT id, file, hash, state, error IS NOT NULL AS has_error, seen FROM notes').all() as KnownRecord[];
    return new Map(rows.map((r) => [r.file, toKnown(r)]));
  }

  /** What `noteIndex` says of one file, by the file index: a save's batch costs the same whatever the number of notes. */
  knownNote(file: string): KnownNote | undefined {
    const r = this.sql('SELECT id, file, hash, state, error IS NOT NULL AS has_error, seen FROM notes WHERE file = ?').get(file) as KnownRecord | undefined;
    return r ? toKnown(r) : undefined;
  }

  /** Known notes under a folder (`prefix` ends in `/`), by a range of the file index. */
  knownUnder(prefix: string): Map<string, KnownNote> {
    // Every file under `prefix` sorts between it and it followed by the highest code point.
    const rows = this.sql('SELECT id, file, hash, state, error IS NOT NULL AS has_error, seen FROM notes WHERE file >= ? AND file < ?').all(prefix, `${prefix}\u{10FFFF}`) as KnownRecord[];
    return new Map(rows.map((r) => [r.file, toKnown(r)]));
  }

  /**
   * Notes whose words are not in the lookup index yet (a database from before the index, or a note
   * written without its text), a page at a time after `afterRowid`: the backfill's work list.
   */
  unindexedNotes(afterRowid: number, limit: number): { rowid: number; id: string; file: string; hash: string }[] {
    return this
      .sql("SELECT rowid, id, file, hash FROM notes WHERE rowid > ? AND state IN ('published', 'scheduled', 'draft') AND (indexed_hash IS NULL OR indexed_hash != hash) ORDER BY rowid LIMIT ?")
      .all(afterRowid, limit) as { rowid: number; id: string; file: string; hash: string }[];
  }

  /** Indexes a note's words if the note still has the content they were read from. */
  indexNote(id: string, hash: string, text: SearchText): boolean {
    return this.transaction(() => {
      const r = this.sql('SELECT rowid, indexed_hash FROM notes WHERE id = ? AND hash = ?').get(id, hash) as { rowid: number; indexed_hash: string | null } | undefined;
      if (r) writeSearchText(this.sql, r.rowid, hash, text, r.indexed_hash !== null);
      return !!r;
    });
  }

  /** Files of the notes not deleted (for the start-up scan's removals). */
  liveFiles(): string[] {
    return (this.sql("SELECT file FROM notes WHERE state != 'deleted'").all() as { file: string }[]).map((r) => r.file);
  }

  /** Records when files whose content was read unchanged were seen (see KnownNote.seen). */
  markSeen(seen: readonly { file: string; seen: string }[]): void {
    if (!seen.length) return;
    this.transaction(() => {
      for (const s of seen) this.sql('UPDATE notes SET seen = ? WHERE file = ?').run(s.seen, s.file);
    });
  }

  /**
   * Writes a note's record and, with `text`, its words in the lookup index, in one transaction: the
   * index never disagrees with the store. Without `text` the indexed words stay (an error on
   * record, a release of a scheduled note: the content did not change); a deleted note leaves the index.
   * `seen`: the file's stat when this content was read (KnownNote.seen). `place`: where the note's
   * record lies, from `storedNote` read in the same synchronous stretch (else it is looked up here; null: the caller knows it has none).
   */
  putNote(n: NoteRow, text?: SearchText, seen?: string, place?: NotePlace | null): void {
    // Inside a caller's transaction it is written as part of it: a nested one would be a SAVEPOINT,
    // at which FTS5 writes its pending words out as a segment of their own.
    if (this.db.inTransaction) this.writeNote(n, text, seen, place);
    else this.transaction(() => this.writeNote(n, text, seen, place));
  }

  private writeNote(n: NoteRow, text?: SearchText, seenFile?: string, place?: NotePlace | null): void {
    writeNoteRow(this.sql, n, { text, seenFile, before: place === null ? undefined : (place ?? notePlace(this.sql, n.id)) });
  }

  /** A renamed note keeps its posts and history under its new id. */
  renameNote(from: string, to: string): void {
    const replaced = this.sql('SELECT rowid, indexed_hash FROM notes WHERE id = ?').get(to) as { rowid: number; indexed_hash: string | null } | undefined;
    if (replaced?.indexed_hash) dropSearchText(this.sql, replaced.rowid);
    this.sql('DELETE FROM notes WHERE id = ?').run(to);
    this.sql('UPDATE notes SET id = ? WHERE id = ?').run(to, from);
    this.upkeep.followRenamedNote(from, to);
  }

  nextDue(): number | undefined {
    // `due_at IS NOT NULL` lets the partial index notes_due answer: asked after every batch, it must not scan every note.
    return (this.sql("SELECT MIN(due_at) AS t FROM notes WHERE due_at IS NOT NULL AND state = 'scheduled'").get() as { t: number | null }).t ?? undefined;
  }

  dueNotes(now: number): NoteRow[] {
    return (this.sql("SELECT * FROM notes WHERE due_at IS NOT NULL AND due_at <= ? AND state = 'scheduled'").all(now) as NoteRecord[]).map(toNote);
  }

  // ── subscriptions ──
  /** `locale` is the chat's language as the platform tells it (Discord guild locale, Telegram admin's language). */
  subscribe(target: Target, filter: Filter, createdBy?: string, locale?: string): { created: boolean; id: number } {
    return this.subs.add(target, filter, createdBy, locale);
  }

  /** Removes one subscription (by id) or all of a target's; returns how many went. */
  unsubscribe(target: Target, id?: number): number {
    return this.subs.remove(target, id);
  }

  /** Changes whenever a subscription is added, removed or moved, so readers can keep what they read. */
  subscriptionsVersion(): string {
    return this.subs.version();
  }

  /** The distinct saved searches (filter `words`) of every subscription, without reading the rest. */
  savedSearches(): string[] {
    return this.subs.savedSearches();
  }

  /** A target's subscriptions, or every one (kept in memory while none changes: not to be modified). */
  subscriptions(target?: Target): readonly Subscription[] {
    return this.subs.list(target);
  }

  // ── outbox ──
  enqueue(d: NewDelivery, now = Date.now()): number {
    const taken = takeOverCalledOffSend(this.sql, d), countFrom = taken?.from ?? calledOffCountFrom(this.sql, d); // its count and hold, with the nonce or without
    const r = this.sql(
      `INSERT INTO outbox(note_id, revision, platform, chat, thread, kind, payload, status, attempts, next_attempt_at, nonce, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?)`,
    ).run(d.noteId, d.revision, d.target.platform, d.target.chat, d.target.thread, d.kind, JSON.stringify(d.payload), d.notBefore ?? 0, taken?.nonce ?? randomBytes(12).toString('hex'), now, now);
    if (countFrom !== undefined) inheritMaybeSent(this.sql, Number(r.lastInsertRowid), countFrom);
    this.outboxOpened.raise();
    return Number(r.lastInsertRowid);
  }

  outboxRow(id: number): OutboxRow | undefined {
    return this.validOutbox(this.sql('SELECT * FROM outbox WHERE id = ?').get(id) as OutboxRecord | undefined);
  }

  /** The open (pending) delivery of `kind` for a note and target, which a newer revision may replace. */
  openDelivery(noteId: string, target: Target, kinds: DeliveryKind[]): OutboxRow | undefined {
    const r = this
      .sql(
        `SELECT * FROM outbox WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ? AND status = 'pending'
         AND kind IN (${kinds.map(() => '?').join(',')}) ORDER BY id DESC LIMIT 1`,
      )
      .get(noteId, target.platform, target.chat, target.thread, ...kinds) as OutboxRecord | undefined;
    return this.validOutbox(r);
  }

  /** A row read as its kind says; one that is not a delivery (see records.ts) is as good as absent. */
  private validOutbox(r: OutboxRecord | undefined): OutboxRow | undefined {
    const row = r ? toOutbox(r) : undefined;
    return row && !isInvalidOutbox(row) ? row : undefined;
  }

  /** Replaces a pending delivery's content with a newer revision (it has not been sent yet). */
  replacePayload(id: number, revision: number, payload: DeliveryPayload): void {
    // A post held for the chat's scheduled digest stays held for it, and an edit instead of a post (under-way.ts) one, with its newer content.
    const held = this.outboxRow(id)?.payload;
    const kept = held?.type === 'summary' && payload.type === 'summary' ? { ...payload, digestAt: held.digestAt ?? payload.digestAt, insteadOfPost: held.insteadOfPost ?? payload.insteadOfPost } : payload;
    this.sql("UPDATE outbox SET revision = ?, payload = ?, updated_at = ? WHERE id = ? AND status = 'pending'").run(revision, JSON.stringify(kept), Date.now(), id);
  }

  /** The posts to a target held for its scheduled digest at `digestAt`, oldest first. */
  heldForDigest(target: Target, digestAt: number): OutboxRow[] {
    const rows = this.sql(
      `SELECT * FROM outbox WHERE platform = ? AND chat = ? AND thread = ? AND kind = 'post' AND status IN ('pending', 'sending')
         AND json_extract(payload, '$.digestAt') = ? ORDER BY id`,
    ).all(target.platform, target.chat, target.thread, digestAt) as OutboxRecord[];
    return rows.map(toOutbox).filter((r): r is OutboxRow => !isInvalidOutbox(r)); // an invalid one fails on its own turn
  }

  /** The notes of one translation family (same `translationKey`), any state. */
  familyNotes(translationKey: string): NoteRow[] {
    const rows = this.sql("SELECT * FROM notes WHERE json_extract(info, '$.translationKey') = ? ORDER BY id").all(translationKey) as NoteRecord[];
    return rows.map(toNote);
  }

  /** Targets where a post of this note is still waiting or being sent. */
  openPostTargets(noteId: string): Target[] {
    return this.sql("SELECT DISTINCT platform, chat, thread FROM outbox WHERE note_id = ? AND kind = 'post' AND status IN ('pending', 'sending')").all(noteId) as Target[];
  }

  /** Notes waiting for their date, soonest first. */
  scheduledNotes(limit = 20): { file: string; dueAt: number }[] {
    return (this.sql("SELECT file, due_at FROM notes WHERE state = 'scheduled' AND due_at IS NOT NULL ORDER BY due_at LIMIT ?").all(limit) as { file: string; due_at: number }[]).map((r) => ({ file: r.file, dueAt: r.due_at }));
  }

  /** Notes whose last reading failed, with the problem as `file:line: message` (NOTE_PROBLEM: a removed note's is none). */
  noteErrors(limit = 50): { file: string; error: string }[] {
    return this.sql(`SELECT file, error FROM notes WHERE ${NOTE_PROBLEM} ORDER BY file LIMIT ?`).all(limit) as { file: string; error: string }[];
  }

  /** The head of each unpaused target's queue that is due now (due-queue.ts); a row that is no delivery fails, saying why. */
  dueHeads(now: number, limit: number, exclude: Set<string>): OutboxRow[] {
    return dueHeads(this.sql, (id, error) => this.markFailed(id, error), now, limit, exclude);
  }

  /** When the next pending delivery of an unpaused target becomes due (due-queue.ts: `digestsAfter`, `platforms`). */
  nextAttemptAt(digestsAfter?: number, platforms?: readonly string[], heldToo = false): number | undefined {
    return nextAttemptAt(this.sql, digestsAfter, platforms, heldToo);
  }

  markSending(id: number): void {
    this.sql("UPDATE outbox SET status = 'sending', attempts = attempts + 1, held = 0, updated_at = ? WHERE id = ?").run(Date.now(), id); // a held post let go
  }

  markDone(id: number, messageId: string | null, status: 'done' | 'skipped' = 'done', note?: string): void {
    this.sql('UPDATE outbox SET status = ?, message_id = ?, last_error = ?, updated_at = ? WHERE id = ?').run(status, messageId, note ?? null, Date.now(), id);
    if (status === 'skipped') shadowEditEnded(this.sql, id, `skipped: ${note ?? 'not sent'}`); // a failed delete's line may name it
  }

  markRetry(id: number, nextAttemptAt: number, error: string): void {
    this.sql("UPDATE outbox SET status = CASE WHEN kind = 'digest' AND json_array_length(payload, '$.items') = 0 THEN 'skipped' ELSE 'pending' END, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?").run(nextAttemptAt, error, Date.now(), id);
  }

  /** A platform (re)connected: its waiting deliveries are due now, parked or backing off. */
  wakePlatform(platform: string, now: number): number {
    // A post held for a scheduled digest waits for its time again (it may have been parked meanwhile).
    return this.sql("UPDATE outbox SET next_attempt_at = MAX(?, coalesce(json_extract(payload, '$.digestAt'), 0)) WHERE status = 'pending' AND platform = ? AND next_attempt_at > ?").run(now, platform, now).changes;
  }

  /** Back to pending without using up an attempt: the platform asked us to wait, or the chat is paused (it waits for /subscribe). */
  markRateLimited(id: number, nextAttemptAt: number, error: string): void {
    this.sql("UPDATE outbox SET status = 'pending', attempts = MAX(0, attempts - 1), next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?").run(nextAttemptAt, error, Date.now(), id);
  }

  markFailed(id: number, error: string): void {
    this.sql("UPDATE outbox SET status = 'failed', last_error = ?, updated_at = ? WHERE id = ?").run(error, Date.now(), id);
    shadowEditEnded(this.sql, id, `failed: ${error}`);
  }

  /** After a crash, deliveries caught mid-send go back to pending (a nonce lets Discord drop a duplicate); `keep`: one transaction. */
  recoverSending(keep?: (caught: CaughtSend[]) => void): number {
    return this.transaction(() => (markCaughtMidSend(this.sql, keep), this.sql("UPDATE outbox SET status = 'pending', updated_at = ? WHERE status = 'sending'").run(Date.now()).changes));
  }

  // ── posts ──
  postsOf(noteId: string): { target: Target; messageId: string; revision: number; viaDigest: boolean }[] {
    const rows = this.sql('SELECT * FROM posts WHERE note_id = ?').all(noteId) as { platform: string; chat: string; thread: string; message_id: string; revision: number; via_digest: number }[];
    return rows.map((r) => ({ target: { platform: r.platform as Target['platform'], chat: r.chat, thread: r.thread }, messageId: r.message_id, revision: r.revision, viaDigest: r.via_digest === 1 }));
  }

  postOf(noteId: string, target: Target): { messageId: string; viaDigest: boolean } | undefined {
    const r = this.sql('SELECT message_id, via_digest FROM posts WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ?').get(noteId, target.platform, target.chat, target.thread) as
      | { message_id: string; via_digest: number }
      | undefined;
    return r ? { messageId: r.message_id, viaDigest: r.via_digest === 1 } : undefined;
  }

  putPost(noteId: string, target: Target, messageId: string, revision: number, viaDigest = false): void {
    keepOlderMessage(this.sql, noteId, target, messageId); // the message (or digest line) it replaces stays known: its delete reaches it
    this.sql(
      `INSERT INTO posts(note_id, platform, chat, thread, message_id, revision, via_digest) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(note_id, platform, chat, thread) DO UPDATE SET message_id = excluded.message_id, revision = excluded.revision, via_digest = excluded.via_digest`,
    ).run(noteId, target.platform, target.chat, target.thread, messageId, revision, viaDigest ? 1 : 0);
  }

  dropPost(noteId: string, target: Target): void {
    this.sql('DELETE FROM posts WHERE note_id = ? AND platform = ? AND chat = ? AND thread = ?').run(noteId, target.platform, target.chat, target.thread);
  }

  // ── targets ── (store/paused-chats.ts)
  pause(target: Target, reason: string): void {
    this.pausedChats.pause(target, reason);
  }
  resume(target: Target): boolean {
    return this.pausedChats.resume(target);
  }
  isPaused(target: Target): boolean {
    return this.pausedChats.isPaused(target);
  }

  /** A chat that moved (Telegram group → supergroup): chat-move.ts says what follows; returns the queued posts called off. */
  moveChat(platform: string, from: string, to: string): number[] {
    const calledOff = this.transaction(() => moveChatRows(this.sql, platform, from, to, Date.now()));
    this.subs.moved();
    this.outboxOpened.raise();
    this.chatMoved.raise({ platform, from, to });
    return calledOff;
  }

  status(): StatusCounts {
    return readStatus(this.sql);
  }
}
