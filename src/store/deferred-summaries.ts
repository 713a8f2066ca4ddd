/**
 * Summaries made when first shown (issue 31). A first run records every note and announces none,
 * so it stores a digest in place of each summary (`DEFERRED_SUMMARY`); whoever shows a note (a
 * lookup, `/note`, a family's post, a scheduled release) asks here, and the summary is made from
 * the note's file then and kept in its record, as if it had been made when the note was read.
 * A note too long to summarise on the main thread (parse-pool.ts DEFER_SUMMARY_UP_TO) has its
 * summary made on the parse threads, within its budget: `prepare` is awaited before the
 * synchronous show paths (a reply, a commit), which then find it kept. `prepare` also loads the
 * summariser's modules on the main thread, the first time a deferred summary is to be shown:
 * a service that shows none never loads them (issue 24).
 */
import type { Summary } from '../summary/build.js';
import type { Prepare } from './db.js';
import { familiesOf } from './family-rows.js';
import { dropSearchText } from './fts.js';
import { notePlace, writeNoteRow } from './note-rows.js';
import { summaryDeferred, type NoteRow } from './types.js';

/** A summary made from a note's file as it is now; `hash`: that text's digest (`Note.hash`). */
export interface MadeSummary {
  summary: Summary;
  summaryHash: string;
  hash: string;
}

/**
 * What a `SummaryMaker` says of a note whose summary `prepare` makes, not `make`: too long to
 * summarise on the main thread, or the summariser not loaded yet.
 */
export const TOO_LONG_HERE = 'too long here';

export interface SummaryMaker {
  /** Loads what `make` needs (the summariser's modules), once; `prepare` awaits it before a deferred summary is shown. */
  load(): Promise<void>;
  /** Makes a note's summary from its file; undefined when the file is gone or no longer reads as a note; TOO_LONG_HERE when it still holds its record's text and `prepare` has to make its summary. */
  make(row: NoteRow): MadeSummary | typeof TOO_LONG_HERE | undefined;
}

/**
 * A summary made on a parse thread; or, when it could not be made there (past the note's budget),
 * `error`: the record a batch writes of a note it cannot parse, which the note gets in place of its own.
 */
export type LongSummary = MadeSummary | { error: NoteRow };

/** Makes, on the parse threads, the summaries of the rows too long for `SummaryMaker`; undefined for the others (and a file changed since its record). */
export type LongSummaryMaker = (rows: readonly NoteRow[]) => Promise<(LongSummary | undefined)[]>;

export class DeferredSummaries {
  private make: SummaryMaker | undefined;
  private makeLong: LongSummaryMaker | undefined;

  constructor(
    private readonly sql: Prepare,
    private readonly transaction: (fn: () => void) => void,
  ) {}

  /** The publisher, which knows how notes are read and summarised, says how. */
  madeBy(make: SummaryMaker, makeLong?: LongSummaryMaker): void {
    this.make = make;
    this.makeLong = makeLong;
  }

  /**
   * A note's summary: the stored one, else made now. Kept in the record only when the file still
   * holds the text the record was written from; a file changed since (its batch not yet in) shows
   * what it holds now, and that batch decides the edit as for any change. Null for a note too
   * long to summarise here whose summary `prepare` did not make: nothing is shown without it.
   */
  of(row: NoteRow): Summary | null {
    if (row.summary || !summaryDeferred(row) || !this.make) return row.summary;
    const made = this.make.make(row);
    if (!made || made === TOO_LONG_HERE) return null;
    this.keep(row, made);
    return made.summary;
  }

  /**
   * Whether `of` found no summary for a row only because `prepare` did not make it (its note too long
   * to summarise here, or the summariser not loaded; its file still holds the text of its record): a
   * show path that missed `prepare`, which the caller says and makes good (publish/summary-misses.ts).
   */
  waitsForThreads(row: NoteRow): boolean {
    return !row.summary && summaryDeferred(row) && this.make?.make(row) === TOO_LONG_HERE;
  }

  /** Rows about to be shown, each with its summary; one whose summary cannot be made now (its file gone) is left out. */
  shown(rows: readonly NoteRow[]): NoteRow[] {
    return rows.flatMap((row) => {
      const summary = this.of(row);
      return summary ? [{ ...row, summary }] : [];
    });
  }

  /**
   * Before rows may be shown: the summariser loaded here when one of them waits for its summary, and
   * the summaries `of` cannot make (notes too long for the main thread) made on the parse threads
   * and kept. A note whose summary ran out of its budget gets the error
   * record a batch gives such a note (as a cold start that summarised at once recorded it).
   */
  async prepare(rows: readonly NoteRow[]): Promise<void> {
    const waiting = rows.filter((r) => summaryDeferred(r));
    if (!waiting.length) return;
    await this.make?.load();
    if (!this.makeLong) return;
    const made = await this.makeLong(waiting);
    waiting.forEach((row, i) => {
      const m = made[i];
      if (m && 'error' in m) this.fail(row, m.error);
      else if (m) this.keep(row, m);
    });
  }

  /**
   * `prepare` for every note of these families (a family's message shows the member in each chat's
   * language) and of the families notes `ids` are in now (a rename or removal leaves their message
   * to another member); `except`: notes about to be written anew, with summaries of their own.
   */
  async prepareFamilies(keys: readonly string[], ids: readonly string[], except: ReadonlySet<string>): Promise<void> {
    if (!this.make || (!keys.length && !ids.length)) return;
    const all = new Set(keys);
    if (ids.length) {
      const rows = this.sql("SELECT json_extract(info, '$.translationKey') AS k FROM notes WHERE id IN (SELECT value FROM json_each(?))").all(JSON.stringify(ids)) as { k: string }[];
      for (const r of rows) all.add(r.k);
    }
    await this.prepare([...familiesOf(this.sql, all).values()].flat().filter((r) => !except.has(r.id)));
  }

  private keep(row: NoteRow, made: MadeSummary): void {
    if (made.hash !== row.hash) return;
    this.sql('UPDATE notes SET summary = ?, summary_hash = ? WHERE id = ? AND hash = ? AND summary IS NULL').run(JSON.stringify(made.summary), made.summaryHash, row.id, row.hash);
    row.summary = made.summary;
    row.summaryHash = made.summaryHash;
  }

  /** The note's record replaced by `error`, unless it changed meanwhile (its batch decides then); out of the lookup index as it never entered it. */
  private fail(row: NoteRow, error: NoteRow): void {
    this.transaction(() => {
      const now = this.sql('SELECT hash, summary_hash FROM notes WHERE id = ? AND summary IS NULL').get(row.id) as { hash: string; summary_hash: string | null } | undefined;
      const place = notePlace(this.sql, row.id);
      if (!now || !place || now.hash !== row.hash || now.summary_hash !== row.summaryHash) return;
      if (place.indexedHash !== null) dropSearchText(this.sql, place.rowid);
      writeNoteRow(this.sql, error, { before: { rowid: place.rowid, indexedHash: null } });
    });
  }
}
