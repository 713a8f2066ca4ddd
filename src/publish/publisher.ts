/** Turns batches of file changes into committed outbox rows. A note's new record and its deliveries
 * are written in one transaction, so a crash leaves either both or neither. */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/schema.js';
import { NoteError } from '../errors.js';
import type { Logger } from '../log.js';
import { noteIdOf, type ReadOptions } from '../notes/read.js';
import { realRootNow } from '../notes/real-root.js';
import { errorHashOf, knownLookup, parseJobOf, settleThreadReads, type BatchOptions, type ChangedFile, type FolderReader } from './batch-read.js';
import type { SummaryOptions } from '../summary/build.js';
import { openParser, type Parser, type ParseResult, type ParserOptions, type ParseThreads } from './parse-pool.js';
import type { KnownNote, NotePlace, Store } from '../store/store.js';
import { targetKey, type NoteRow, type SearchText, type Target } from '../store/types.js';
import type { NewPost } from './scheduled-digest.js';
import { NewPosts } from './new-posts.js';
import { NoteErrors } from './note-errors.js';
import { decideNote, type Action, type Policy } from './decide.js';
import { decideRemovals, followIntoCopies } from './moved-into-copy.js';
import { routeTargets, routedNowhere, savedQueries, postControlsOf } from './route.js';
import { SavedSearches } from '../search/saved.js';
import type { Batch } from '../watch/batch.js';
import { familiesTouched, followMovedMembers, followRenamedFamilies, noteFamiliesPostedSeparately, syncFamily, targetsWanting, type NewFamilyPost, type TouchedFamily } from './family-outbox.js';
import { assignFamilyKey, newClaims } from './family-key.js';
import { noNotes } from '../store/family-rows.js';
import { BatchRecords, storeFamilyReads } from './family-reads.js';
import { inPathOrder, revisedRecord, unsentFamilies, writtenInOrder } from './family-unsent.js';
import { PendingRemovals, removedNotes } from './removals.js';
import { guardRemovals, readHeldRemovals } from './held-removals.js';
import { HeldRewrites } from './held-rewrites.js';
import { restReader } from './rotation-rest.js';
import { ReportClock } from './report-clock.js';
import { decideOrder, findRenames, type Rename } from './rename-match.js';
import { enqueueNoteChange, handOverInBatch, heldAsCopy } from './note-outbox.js';
import { applyRenames } from './rename-apply.js';
import { deletedNotesReplaced } from './replaced-deleted.js';
import { contentsDecided, dropGoneCopies, overwrittenByAnother, keepBackCopy, replaceCopiedOver, withDueCopies, type CopyContext } from './kept-copies.js';
import { replaceRewritten } from './replaced-rewrites.js';
import { decisionLogger } from './decision-log.js';
import { followFamilyMessages, regroupAfterSeparate } from './family-after-switch.js';
import { returnToKeptMessages } from './kept-messages.js';
import { SummaryMisses } from './summary-misses.js';
import { parseChunk, splitLate } from './late-notes.js';
import { longSummaryMaker, summariesShownBy, summaryMaker } from './summary-maker.js';
export interface PublisherDeps extends Pick<ParserOptions, 'aside'> {
  root: string;
  store: Store;
  config: Config;
  read: ReadOptions;
  summary: SummaryOptions;
  /** Platforms with a running adapter; routes to others are ignored. */
  platforms: ReadonlySet<string>;
  log: Logger;
  /** Called after deliveries were committed. */
  onEnqueued: () => void;
  /** Notes whose stored record changed (their lookup words were written with them). */
  onNote?: (row: NoteRow) => void;
  onRemoved?: (id: string) => void;
  now?: () => number;
  parseThreads?: ParseThreads | undefined; // shared by an in-process test's starts (AppOptions.parseThreads); its own without
  acceptRemovals?: boolean | undefined; // AppOptions.acceptRemovals
}

export interface BatchResult { scanned: number; parsed: number; announced: number; errors: number; heldRemovals: number }

interface Decided {
  row: NoteRow;
  action: Action;
  text?: SearchText | undefined; // the note's words for the lookup index, when it was just parsed
  seen?: string | undefined; // the file's stat when it was just read (KnownNote.seen)
  prev?: NoteRow | undefined; // the note's record before this batch
  /** Where that record lies, read with it in the same synchronous stretch as the write (Store.storedNote); null: it has none. */
  place?: NotePlace | null | undefined;
}

const DB_CHUNK = 500;
/** Files read, parsed and committed together (two chunks are in flight, three at a first run): bounds a start-up scan's memory. */
const BATCH_CHUNK = 500;

export class Publisher {
  private readonly now: () => number;
  /** New announcements per chat, one digest per chat and batch above the threshold (new-posts.ts). */
  private readonly newPosts: NewPosts;
  private readonly errors: NoteErrors;
  private records: BatchRecords | undefined; // a first start's records while the store holds no other: what deciding families reads (family-reads.ts)
  private readonly reader: FolderReader;
  private readonly pending = new PendingRemovals();
  private readonly held: HeldRewrites;
  private readonly reportClock = new ReportClock();
  private readonly misses = new SummaryMisses();
  /** The held removals the operator confirmed (--accept-removals, held-removals.ts): applied whatever their number. */
  private accepted: ReadonlySet<string>;
  /** Worker threads parsing each note within `notes.parseTimeoutMs` (parse-pool.ts); FolderSync has it release memory before `idle`. */
  readonly parser: Parser;
  /** Saved searches, compiled once, that new notes are matched against. */
  private readonly searches = new SavedSearches();
  private searchesRead: { version: string; queries: Set<string> } | undefined;

  constructor(private readonly deps: PublisherDeps) {
    this.now = deps.now ?? Date.now;
    this.newPosts = new NewPosts(deps.store, deps.config, this.now, deps.log);
    this.reader = { root: deps.root, realRoot: realpathSync.native(deps.root), maxBytes: deps.read.maxBytes, parseBudgetMs: deps.config.notes.parseTimeoutMs, markSeen: (seen) => deps.store.markSeen(seen) };
    this.held = new HeldRewrites(deps.root, deps.config, this.reportClock.reported, this.reader, deps.store); // the store: status says what is held (held-files.ts); the reader, whose realRoot each batch looks up
    this.errors = new NoteErrors({ ...deps, realRoot: () => this.reader.realRoot, putNote: (row) => this.putNote(row) });
    this.accepted = new Set(deps.acceptRemovals ? readHeldRemovals(deps.store).map((h) => h.file) : []);
    this.parser = openParser({ read: deps.read, summary: deps.summary, budgetMs: deps.config.notes.parseTimeoutMs, aside: deps.aside }, deps.parseThreads);
    deps.store.summaries.madeBy(summaryMaker(deps.root, deps.read, deps.summary), longSummaryMaker({ ...deps, parser: this.parser, parseBudgetMs: deps.config.notes.parseTimeoutMs }));
  }

  private policy(firstRun: boolean, afterRestore: boolean): Policy {
    const p = this.deps.config.publish;
    return { onChange: p.onChange, onDelete: p.onDelete, firstRun, announceExisting: p.announceExisting, afterRestore };
  }

  /**
   * Processes one batch, a chunk of files at a time: each chunk is read and parsed while the one
   * before is decided and committed (BATCH_CHUNK), so memory stays bounded whatever the batch's size.
   */
  async processBatch(batch: Batch, opts: BatchOptions = {}): Promise<BatchResult> {
    const { firstRun = false, onProgress, mtimes } = opts, policy = this.policy(firstRun, opts.afterRestore === true);
    const startedAt = this.reportClock.begin(opts.reportedAt, this.now()); // edits in place are remembered from the watcher's report (report-clock.ts)
    this.reader.realRoot = realRootNow(this.deps.root, this.reader.realRoot); // the folder notes.dir leads to now: a release symlink may have been swapped (real-root.ts)
    const due = withDueCopies(this.deps, batch, knownLookup(this.deps.store, batch.changed.length + batch.removed.length), opts.release ? this.pending : undefined); // each note once, with the copies whose claim is due
    const { files: joined, known: knownBefore, infoBefore } = this.held.withEdited(due.files, due.known); // and paths edited lately (held-rewrites.ts)
    const replaced = new Set<string>(), known = (rel: string) => (replaced.has(rel) ? undefined : knownBefore(rel)); // notes copied over are gone (kept-copies.ts)
    const result: BatchResult = { scanned: 0, parsed: 0, announced: 0, errors: 0, heldRemovals: 0 }, renamed = new Set<string>();
    const leftAside = opts.late?.take([...joined, ...batch.removed], this.reader), files = leftAside?.size ? joined.filter((f) => !leftAside.has(f)) : joined; // notes set aside while they parse are this batch's, unless their files hold the text being parsed (late-notes.ts)
    for (const rel of removedNotes(this.deps, batch.removed, known)) this.pending.add(rel, known(rel)!);
    this.newPosts.beginBatch();
    this.records = policy.firstRun && !opts.release && noNotes(this.deps.store.sql) ? new BatchRecords(storeFamilyReads(this.deps.store)) : undefined;
    const merges = files.length > DB_CHUNK ? this.deps.store.indexMerges.defer() : undefined; // many commits: FTS5 merges once, at the end (store/fts.ts)
    try {
      // Each chunk is read and handed to the parser while the chunk before it is decided and committed: the workers parse while the main thread writes.
      const rest = restReader({ reader: { ...this.reader, store: this.deps.store }, known, o: { mtimes, trustStat: opts.trustStat === true, startedAt }, onRead: (read) => ((result.scanned += read.scanned), (result.errors += this.errors.recordUnreadable(read.failed))), firstRun: policy.firstRun }, files); // a rotation's rest too (rotation-rest.ts)
      const readAndParse = (from: number) => {
        const changed = rest.read(from, BATCH_CHUNK);
        onProgress?.(Math.min(files.length, from + BATCH_CHUNK), files.length);
        const parsed = rest.parsed(changed, (cs) => parseChunk(this.parser, cs, (c) => parseJobOf(c, this.reader.realRoot, c.known || !policy.firstRun || policy.announceExisting ? undefined : { now: this.now() }), { reader: this.reader, preParsed: opts.preParsed, aside: !!opts.late && !policy.firstRun }));
        parsed.catch(() => undefined); // awaited below; not an unhandled rejection if a commit throws first
        return { changed, parsed };
      };
      // A first run reads two chunks ahead: the parse threads have the one after next while this thread commits (no record depends on another's; issue 31).
      const inFlight: ReturnType<typeof readAndParse>[] = [];
      let readTo = 0;
      const readAhead = (chunks: number) => {
        for (; inFlight.length < chunks && readTo < files.length; readTo += BATCH_CHUNK) inFlight.push(readAndParse(readTo));
      };
      readAhead(policy.firstRun ? 2 : 1);
      for (let next = inFlight.shift(); next; next = inFlight.shift()) {
        const now = splitLate(opts.late, next.changed, await next.parsed, { whole: this.pendingRemovals > 0, grouped: this.deps.config.publish.translations.mode === 'group', recorded: (rel) => known(rel)?.hash }, opts.reportedAt);
        const { changed, results, failed } = settleThreadReads(now.changed, now.results, { mtimes, startedAt });
        result.errors += this.errors.recordUnreadable(failed);
        if (!policy.firstRun || policy.announceExisting) await summariesShownBy(this.deps, results.flatMap((r) => (r.ok ? [r.note] : [])), this.pending);
        readAhead(policy.firstRun ? 2 : 1);
        const ctx = contentsDecided(this.deps, results, this.held.heldFiles(), this.pending); // a rewrite beyond recognition or a copy over a note waits with the removals, its note free to move (held-rewrites.ts); released, each is its note's removal and a new note or a copy (replaced-rewrites.ts, kept-copies.ts)
        const replace = (rel: string) => (this.pending.delete(rel), this.commitRemovals([rel], known, policy, result), replaced.add(rel));
        if (opts.release) replaceCopiedOver(this.deps, changed, results, ctx, replace);
        const found = findRenames(changed, results, known, this.pending, { ...this.deps, firstRun }, infoBefore); // a removal (in this batch or a recent one) whose note reappears under a new name is a rename
        this.renameAll(found.renames, renamed, deletedNotesReplaced(changed, results, known, this.deps, found.renames));
        for (const a of found.ambiguous) this.deps.log.warn(a, `more than one possible rename between ${a.file} and ${a.candidates.join(', ')}: notecast took it as a note deleted (its messages kept or deleted as publish.onDelete says) and a new note (announced); to have a note's messages follow it, rename or move notes one at a time`);
        const renamedTo = new Set(found.renames.map((r) => r.to.rel));
        if (opts.release || policy.afterRestore) replaceRewritten(this.deps, changed, results, renamedTo, replace); // after the renames (a file a note moved to is no rewrite); at once after a restore, whose scan sees every move whole and announces nothing new
        const hold = this.held.holder(changed, results, known, this.pending, renamedTo, opts.release ? undefined : { overwritten: (i, prev) => overwrittenByAnother(this.deps, ctx, results[i], prev), beside: (i) => found.original?.(changed[i]!, results[i]) });
        result.announced += this.commit(this.decide(results, changed, policy, result, { order: decideOrder(changed, found.renames), ctx }, hold)) + (await this.retryMisses());
      }
    } finally {
      this.records = undefined;
      this.newPosts.endBatch();
      merges?.end();
      await this.parser.endBatch();
    }
    return result;
  }

  /** Lets the parser's threads go (the service is stopping). */
  close(): Promise<void> {
    return this.parser.close();
  }

  /** Whether this note's (or a member of this family's) file is gone and its removal not yet decided (a post of it waits: deliverer.ts). */
  readonly removalPending = (postId: string): boolean => this.pending.hasPost(postId, (id) => this.deps.store.getNote(id)?.info.translationKey);

  /** --accept-removals is spent: the removals held at the start are applied, or none was waiting. */
  endAccepting(): void {
    this.accepted = new Set();
  }

  /** Removals and rewrites waiting to be acted on (see removals.ts, held-rewrites.ts). */
  get pendingRemovals(): number {
    return this.pending.size + this.held.size;
  }

  /** Decides the held rewrites (held-rewrites.ts), and the copies of removed notes (kept-copies.ts): before the removals they waited with are applied. */
  async releaseHeld(): Promise<void> {
    const files = this.held.take().filter((abs) => existsSync(abs));
    if (files.length || this.pending.size) await this.processBatch({ changed: files, removed: [] }, { release: true });
    await summariesShownBy(this.deps, [], this.pending); // applyRemovals (next, synchronously) may show another member of a removed note's family
  }

  /** Acts on the removals gathered so far whose files are still gone: all of them, or none above the threshold. */
  applyRemovals(): BatchResult {
    const result: BatchResult = { scanned: 0, parsed: 0, announced: 0, errors: 0, heldRemovals: 0 };
    const gone = this.pending.take().filter((rel) => !existsSync(path.join(this.deps.root, rel)));
    const known = knownLookup(this.deps.store, gone.length);
    this.commitRemovals(dropGoneCopies(this.deps, gone.filter((rel) => known(rel)), known), known, this.policy(false, false), result);
    this.endAccepting(); // --accept-removals applies the removals held at the start, once
    return result;
  }

  /** The guard (held-removals.ts): more than `watch.removalThreshold` new removals at once are held, not acted on. */
  private commitRemovals(removals: string[], known: (rel: string) => KnownNote | undefined, policy: Policy, result: BatchResult): void {
    this.records?.lose(); // records removed, copies dropped: the store answers from here on
    const { apply, held } = guardRemovals({ ...this.deps, threshold: this.deps.config.watch.removalThreshold, warn: (o, m) => this.deps.log.warn(o, m) }, removals, this.accepted, this.now());
    result.heldRemovals = held;
    const decided = decideRemovals(this.deps, apply.map((rel) => this.deps.store.storedNote(known(rel)!.id)), policy);
    if (decided.length) result.announced += this.commit(decided);
  }

  /** A chunk's renames (rename-apply.ts), with the deleted notes another note replaced set aside (replaced-deleted.ts), then what the batch keeps of each. */
  private renameAll(renames: readonly Rename[], renamed: Set<string>, replaced: readonly string[]): void {
    if (renames.length || replaced.length) this.records?.lose();
    for (const { file, aside } of applyRenames(this.deps.store, renames, replaced, (rel) => this.pending.has(rel))) this.pending.setAside(file, aside);
    for (const { from, fromId, to, by } of renames) {
      if (noteIdOf(to.rel) !== fromId) this.deps.onRemoved?.(fromId);
      this.pending.delete(from);
      to.known = true;
      renamed.add(from);
      this.deps.log.info({ from, to: to.rel, by }, 'note renamed');
    }
  }

  /** `order`: the indices of `parsed` in the order their notes are decided (decideOrder); `ctx`: the chunk's contents (kept-copies.ts); `hold`: whether one waits (held-rewrites.ts). */
  private decide(parsed: ParseResult[], changed: ChangedFile[], policy: Policy, result: BatchResult, { order, ctx }: { order: readonly number[]; ctx: CopyContext }, hold?: (i: number, prev: NoteRow | undefined) => boolean): Decided[] {
    const { store } = this.deps, now = this.now(), grouped = this.deps.config.publish.translations.mode === 'group', queries = this.savedQueries();
    const records = this.records?.live ? this.records : undefined, ok = parsed.flatMap((r) => (r.ok ? [{ ...r.note, file: r.rel }] : []));
    const { reads, fresh, stored: revisable } = unsentFamilies(store, records ?? storeFamilyReads(store), grouped ? ok : [], records !== undefined); // families nothing was sent of, decided again (family-unsent.ts)
    const families = grouped ? reads.families(ok.map((n) => n.translationKey)) : undefined, sequence = inPathOrder(order, changed, revisable);
    const read = new Map(writtenInOrder(sequence, parsed).map((n) => [n.id, { translationKey: n.translationKey, lang: n.lang }] as const)); // in the order decided
    const decided: Decided[] = [], claims = newClaims((file) => existsSync(path.join(this.deps.root, file)), families, read), placed = new Set<string>();
    for (const i of sequence) {
      if (typeof i !== 'number') {
        decided.push(...revisedRecord(i, (row) => assignFamilyKey(reads, row, undefined, claims, this.deps.log)));
        continue;
      }
      const r = parsed[i]!;
      if (!r.ok) {
        this.errors.recordError(r.rel, new NoteError(r.rel, r.error.message, r.error.line, r.error.more), errorHashOf(r.error.message, changed[i]!.hash, this.reader.parseBudgetMs));
        result.errors++;
        continue;
      }
      result.parsed++;
      // A note the store never saw (a cold start's) has no record to read; the one read here is the one the write replaces (a second file of one id, a.md beside a.markdown, leaves the write to look its place up again).
      const stored = changed[i]!.known ? store.storedNote(r.note.id) : undefined, prev = stored?.row;
      if (hold?.(i, prev)) continue;
      const place = placed.has(r.note.id) ? undefined : stored ? stored.place : records && !records.has(r.note.id) ? null : undefined; // null: no record (a first start's, see family-reads.ts)
      placed.add(r.note.id);
      const d = keepBackCopy(this.deps, decideNote(prev, r.note, r.summary, now, policy, r.body), prev, ctx);
      const row = grouped ? assignFamilyKey(reads, d.row, fresh.has(d.row.id) ? undefined : prev, claims, this.deps.log) : d.row;
      // Saved searches are matched here, on the words the index is given in this same commit.
      const searches = queries.size ? this.searches.match(r.text.words, r.note.locale, queries) : [];
      if (searches.length) row.info = { ...row.info, searches };
      decided.push({ row, action: d.action, text: r.text, seen: changed[i]!.seen, prev, place });
    }
    return decided;
  }

  /** The saved searches to match, read again only when subscriptions were added or removed. */
  private savedQueries(): Set<string> {
    const version = this.deps.store.subscriptionsVersion();
    if (this.searchesRead?.version !== version) this.searchesRead = { version, queries: savedQueries(this.deps.config.routes, this.deps.store.savedSearches()) };
    return this.searchesRead.queries;
  }

  /** Scheduled notes whose date has come. */
  async releaseDue(): Promise<number> {
    const dueNow = this.deps.store.dueNotes(this.now());
    await summariesShownBy(this.deps, dueNow.map((r) => ({ id: r.id, translationKey: r.info.translationKey })), this.pending);
    const due = this.deps.store.summaries.shown(dueNow);
    if (!due.length) return 0;
    const decided = due.map((row) => ({ row: { ...row, state: 'published' as const, dueAt: null, announced: true, revision: Math.max(1, row.revision) }, action: { type: 'announce' } as Action }));
    return this.commit(decided) + (await this.retryMisses());
  }

  /** A note that made its batch fail for a reason of its own, or a path not read on purpose: recorded as its error (note-errors.ts). */
  recordFailure(abs: string, e: unknown): void {
    this.errors.recordFailure(abs, e);
  }

  recordSkipped(abs: string, why: string): void {
    this.errors.recordSkipped(abs, why);
  }

  /** Writes records and deliveries; announcements above the digest threshold per chat become one digest. */
  private commit(decided: Decided[]): number {
    if (this.deps.config.publish.translations.mode === 'group') return this.commitFamilies(decided);
    const { store, config, log } = this.deps, subs = store.subscriptions();
    const announce = decided.filter((d) => d.action.type === 'announce');
    let enqueued = 0;
    for (let i = 0; i < decided.length; i += DB_CHUNK) {
      const chunk = decided.slice(i, i + DB_CHUNK);
      store.transaction(() => {
        const fresh = new Map<string, { target: Target; posts: NewPost[] }>(), logDecision = decisionLogger(store, log); // chats an edit sends the note to only now
        const lostToCopies = handOverInBatch(store, config, this.deps.platforms, chunk.filter((d) => d.action.type !== 'announce'));
        for (const d of chunk) {
          // Announced notes are written with their deliveries below, in the same transaction.
          if (d.action.type === 'announce') continue;
          this.putNote(d.row, d.text, d.seen, d.place);
          const change = enqueueNoteChange(store, config, this.deps.platforms, d.row, d.action, d.prev, true, log, lostToCopies.get(d.row.id));
          enqueued += change.enqueued + followFamilyMessages(store, log, d.row, d.action, d.prev, (r) => routeTargets(r.info, config.routes, subs, this.deps.platforms));
          for (const { target, post } of change.posts) fresh.set(targetKey(target), { target, posts: [...(fresh.get(targetKey(target))?.posts ?? []), post] });
          logDecision(d);
        }
        for (const { target, posts } of fresh.values()) enqueued += this.newPosts.enqueue(target, posts);
      });
    }
    store.transaction(() => {
      const perTarget = new Map<string, { target: Target; items: Decided[] }>();
      for (const d of noteFamiliesPostedSeparately(store, announce)) {
        // Chats where its family's message still shows the note (back while `separate`) get that message edited instead.
        const back = returnToKeptMessages(store, log, d.row, d.prev);
        enqueued += back.enqueued;
        for (const t of routeTargets(d.row.info, config.routes, subs, this.deps.platforms)) {
          const k = targetKey(t);
          if (!back.covered.has(k) && !heldAsCopy(store, log, d.row, t)) perTarget.set(k, { target: t, items: [...(perTarget.get(k)?.items ?? []), d] });
        }
        this.putNote(d.row, d.text, d.seen, d.place);
        log.info({ note: d.row.id, action: 'announce', revision: d.row.revision }, 'note changed');
      }
      for (const { target, items } of perTarget.values()) {
        enqueued += this.newPosts.enqueue(
          target,
          items.map((d) => ({ noteId: d.row.id, revision: d.row.revision, title: d.row.info.title, url: d.row.info.url, info: d.row.info, payload: { type: 'summary', summary: d.row.summary!, ...postControlsOf(d.row.info) } })),
        );
      }
    });
    return this.committed(decided, enqueued);
  }

  /** Writes a note's record (Store.putNote), which a first start's family reads are told of (family-reads.ts). */
  private readonly putNote = (row: NoteRow, text?: SearchText, seen?: string, place?: NotePlace | null): void => (this.deps.store.putNote(row, text, seen, place), this.records?.put(row));

  /** After a commit: the search index hears of each note, and the deliverer of new deliveries. */
  private committed(decided: Decided[], enqueued: number): number {
    for (const d of decided) {
      if (d.row.state === 'deleted') this.deps.onRemoved?.(d.row.id);
      else this.deps.onNote?.(d.row);
      const nowhere = d.action.type === 'none' || d.action.type === 'retract' ? undefined : routedNowhere(d.row.info, this.deps.config.routes);
      if (nowhere) this.deps.log.warn({ note: d.row.id, routes: nowhere }, 'note announced nowhere: every route its notecast.routes names leaves it out (no such route, or its filter does not pass the note)');
    }
    if (enqueued) this.deps.onEnqueued();
    return enqueued;
  }

  /**
   * `translations: group`: the notes' records first, then one message per family and chat (see
   * family-outbox.ts), all in one transaction. Posts still under a note's own id (announced before
   * grouping, or by `separate`) keep being edited and deleted as before.
   */
  private commitFamilies(decided: Decided[]): number {
    const { store, config } = this.deps;
    let enqueued = 0;
    const notBefore = this.now() + config.publish.translations.graceMs;
    store.transaction(() => {
      // Before the notes' new records are written: messages follow renamed notes (also those renamed while `separate`), and which chats wanted each family until now.
      const { changes, regrouped } = regroupAfterSeparate(store, followIntoCopies(store, decided));
      const movedAway = followRenamedFamilies(store, changes, (key) => targetsWanting(store, config, this.deps.platforms, key));
      const touched = familiesTouched(store, config, this.deps.platforms, changes, movedAway, regrouped), logDecision = decisionLogger(store, this.deps.log);
      for (const d of decided) {
        this.putNote(d.row, d.text, d.seen, d.place);
        // Posts under the note's own id (announced before grouping) follow it too; one not sent yet is called off when it goes.
        if (['update', 'retract', 'controls'].includes(d.action.type) || d.row.state === 'deleted' || d.row.state === 'draft') enqueued += enqueueNoteChange(store, config, this.deps.platforms, d.row, d.action).enqueued;
        logDecision(d);
      }
      enqueued += followMovedMembers(store, config, this.deps.platforms, changes, movedAway, touched); // now that both families are written
      enqueued += this.syncFamilies([...touched.values()], notBefore);
    });
    return this.committed(decided, enqueued);
  }

  /** Each family's messages brought up to date (inside a transaction); a message whose member's summary is not made yet is said, and synced again once it is (summary-misses.ts). */
  private syncFamilies(families: readonly TouchedFamily[], notBefore: number): number {
    const perTarget = new Map<string, { target: Target; posts: NewFamilyPost[] }>(), subscriptions = families.length ? this.deps.store.subscriptions() : [];
    let enqueued = 0;
    for (const f of families) {
      const r = syncFamily(this.deps.store, this.deps.config, this.deps.platforms, subscriptions, f, this.deps.log);
      enqueued += r.enqueued;
      this.misses.add(this.deps.log, f, r.missed);
      for (const p of r.posts) perTarget.set(targetKey(p.target), { target: p.target, posts: [...(perTarget.get(targetKey(p.target))?.posts ?? []), p] });
    }
    // Digests count families: nine translations of one note are one new note.
    for (const { target, posts } of perTarget.values()) enqueued += this.newPosts.enqueue(target, posts.map((p) => ({ noteId: p.familyId, revision: p.revision, title: p.member.info.title, url: p.member.info.url, info: p.member.info, payload: p.payload })), notBefore);
    return enqueued;
  }

  /** The families a commit synced without a member's summary (summary-misses.ts), synced again now that it is made. */
  private async retryMisses(): Promise<number> {
    const notBefore = this.now() + this.deps.config.publish.translations.graceMs;
    return this.committed([], await this.misses.retry(this.deps.store, (families) => this.deps.store.transaction(() => this.syncFamilies(families, notBefore))));
  }
}
