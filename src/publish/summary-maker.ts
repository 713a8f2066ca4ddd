/**
 * How a summary not made at a first run (store/deferred-summaries.ts) is made when first shown: the
 * note's file read and parsed as the parse threads do, and summarised with the same options, so it
 * is the summary the cold start would have stored. A note longer than DEFER_SUMMARY_UP_TO is
 * summarised on the parse threads, within its budget, as the cold start did (`longSummaryMaker`).
 */
import path from 'node:path';
import type { Config } from '../config/schema.js';
import { NoteError } from '../errors.js';
import type { Logger } from '../log.js';
import { noteIdOf, parseNoteText, readNoteTextSync, type ReadOptions } from '../notes/read.js';
import type { SummaryOptions } from '../summary/shape.js';
import { TOO_LONG_HERE, type LongSummary, type LongSummaryMaker, type SummaryMaker } from '../store/deferred-summaries.js';
import type { Store } from '../store/store.js';
import type { NoteRow } from '../store/types.js';
import { errorHashOf } from './batch-read.js';
import { summaryHash } from './decide.js';
import type { PendingRemovals } from './removals.js';
import { familiesPostedSeparately } from './family-adopt.js';
import { regroupAfterSeparate } from './family-after-switch.js';
import { familyPostId } from './family.js';
import { DEFER_SUMMARY_UP_TO, type Parser, type ParseResult, type TextJob } from './parse-pool.js';
import type { SummaryBuilder } from './parse-note.js';

/** The note's file as it is now; undefined when it is gone or cannot be read. */
function readRow(root: string, read: ReadOptions, row: NoteRow): { text: string; hash: string } | undefined {
  try {
    return readNoteTextSync(root, path.join(root, row.file), row.file, read.maxBytes, read.realRoot);
  } catch {
    // The file is gone or unreadable: the watcher's batch records that; nothing to show meanwhile.
    return undefined;
  }
}

/**
 * The summariser on the main thread, loaded by the first `load` (DeferredSummaries.prepare, before a
 * deferred summary is shown), not at start: its ~80 modules cost ~0.15 s of CPU, and a service that
 * shows no deferred summary never needs them (issue 24). The parse threads load their own (parse-worker.ts).
 */
let builder: SummaryBuilder | undefined;

export function summaryMaker(root: string, read: ReadOptions, options: SummaryOptions): SummaryMaker {
  return {
    async load() {
      builder ??= (await import('../summary/build.js')).buildSummary;
    },
    make(row) {
      const file = readRow(root, read, row);
      if (!file) return undefined;
      // Not loaded: a show that missed `prepare`, which its caller makes good (summary-misses.ts).
      if (!builder) return TOO_LONG_HERE;
      // Longer: made on the parse threads, within a budget (`longSummaryMaker`), before it is shown.
      if (file.text.length > DEFER_SUMMARY_UP_TO) return file.hash === row.hash ? TOO_LONG_HERE : undefined;
      try {
        const { note, tokens } = parseNoteText(row.file, file.text, read, file.hash);
        const summary = builder(note, tokens, options);
        return { summary, summaryHash: summaryHash(summary), hash: file.hash };
      } catch {
        // No longer reads as a note: the watcher's batch records that; nothing to show meanwhile.
        return undefined;
      }
    },
  };
}

/** The record a batch writes of a note it could not read or parse, with no record before (Publisher.recordError). */
export function noteErrorRecord(rel: string, hash: string, message: string): NoteRow {
  const id = noteIdOf(rel);
  return {
    id, file: rel, hash, summaryHash: null, state: 'error', dueAt: null, revision: 0, announced: false, error: message, summary: null,
    info: { file: rel, title: rel, lang: '', locale: 'und', tags: [], translationKey: id, draft: false },
  };
}

export interface LongSummaryDeps {
  root: string;
  read: ReadOptions;
  parser: Pick<Parser, 'parse'>;
  /** notes.parseTimeoutMs: a note past it is recorded as the batch records it (batch-read.ts `errorHashOf`). */
  parseBudgetMs: number;
  log: Logger;
}

/**
 * The deferred summaries of notes longer than DEFER_SUMMARY_UP_TO, made on the parse threads (the
 * same job, budget and options as a cold start's, so the same summary, or the same error). Only a
 * file that still holds the text its record was written from is summarised.
 */
export function longSummaryMaker(deps: LongSummaryDeps): LongSummaryMaker {
  return async (rows) => {
    const out = new Array<LongSummary | undefined>(rows.length);
    const jobs: (TextJob & { hash: string })[] = [];
    const at: number[] = [];
    rows.forEach((row, i) => {
      const file = readRow(deps.root, deps.read, row);
      if (!file || file.hash !== row.hash || file.text.length <= DEFER_SUMMARY_UP_TO) return;
      jobs.push({ rel: row.file, text: file.text, hash: file.hash });
      at.push(i);
    });
    if (!jobs.length) return out;
    const results = await deps.parser.parse(jobs);
    results.forEach((r, j) => (out[at[j]!] = longSummaryOf(r, jobs[j]!.hash, deps)));
    return out;
  };
}

function longSummaryOf(r: ParseResult, hash: string, deps: LongSummaryDeps): LongSummary | undefined {
  if (r.ok) return r.summary ? { summary: r.summary, summaryHash: summaryHash(r.summary), hash } : undefined;
  // As Publisher.decide records a note whose parse failed (its message, and the digest a timeout is kept under).
  const message = new NoteError(r.rel, r.error.message, r.error.line, r.error.more).format();
  deps.log.error({ file: r.rel, err: message }, 'note skipped: cannot read it');
  return { error: noteErrorRecord(r.rel, errorHashOf(r.error.message, hash, deps.parseBudgetMs), message) };
}

/**
 * Before a synchronous decide and commit that may show these notes' families, or those of the
 * removals waiting: the deferred summaries only the parse threads may make (DeferredSummaries.prepareFamilies).
 * A family's message shows a note other than the one decided; so, in `separate`, does a member
 * leaving a family whose post waits (the others are posted on their own: family-after-switch.ts
 * leaveQueuedFamilyPosts). A `group` batch also shows the families `separate` left behind or
 * announced members of (regroupAfterSeparate, familiesPostedSeparately), whatever its notes.
 */
export function summariesShownBy(deps: { store: Store; config: Config }, notes: readonly { id: string; translationKey: string }[], waiting: PendingRemovals): Promise<void> {
  const { store } = deps;
  const ids = [...notes.map((n) => n.id), ...waiting.entries().map(([, k]) => k.id)];
  const except = new Set(notes.map((n) => n.id));
  if (deps.config.publish.translations.mode === 'group') {
    const regrouped = [...regroupAfterSeparate(store, [], false).regrouped, ...familiesPostedSeparately(store)];
    return store.summaries.prepareFamilies([...notes.map((n) => n.translationKey), ...regrouped], ids, except);
  }
  // `separate`: only a family whose post waits shows its members (each family read once).
  const waitingIds = ids.filter((id) => !except.has(id)); // the batch's own notes carry their key: no read of their rows (one read per note)
  const keys = new Set([...notes.map((n) => n.translationKey), ...waitingIds.flatMap((id) => store.getNote(id)?.info.translationKey ?? [])]);
  return store.summaries.prepareFamilies([...keys].filter((k) => store.openPostTargets(familyPostId(k)).length > 0), [], except);
}
