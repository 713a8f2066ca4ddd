/**
 * Summaries made when first shown (issue 31). A first run records every note and announces none,
 * so it stores a digest in place of each summary (`DEFERRED_SUMMARY`); whoever shows a note (a
 * lookup, `/note`, a family's post, a scheduled release) asks here, and the summary is made from
 * the note's file then and kept in its record, as if it had been made when the note was read.
 */
import type { Summary } from '../summary/build.js';
import type { Prepare } from './db.js';
import { summaryDeferred, type NoteRow } from './types.js';

/** A summary made from a note's file as it is now; `hash`: that text's digest (`Note.hash`). */
export interface MadeSummary {
  summary: Summary;
  summaryHash: string;
  hash: string;
}

/** Makes a note's summary from its file; undefined when the file is gone or no longer reads as a note. */
export type SummaryMaker = (row: NoteRow) => MadeSummary | undefined;

export class DeferredSummaries {
  private make: SummaryMaker | undefined;

  constructor(private readonly sql: Prepare) {}

  /** The publisher, which knows how notes are read and summarised, says how. */
  madeBy(make: SummaryMaker): void {
    this.make = make;
  }

  /**
   * A note's summary: the stored one, else made now. Kept in the record only when the file still
   * holds the text the record was written from; a file changed since (its batch not yet in) shows
   * what it holds now, and that batch decides the edit as for any change.
   */
  of(row: NoteRow): Summary | null {
    if (row.summary || !summaryDeferred(row) || !this.make) return row.summary;
    const made = this.make(row);
    if (!made) return null;
    if (made.hash === row.hash) {
      this.sql('UPDATE notes SET summary = ?, summary_hash = ? WHERE id = ? AND hash = ? AND summary IS NULL').run(JSON.stringify(made.summary), made.summaryHash, row.id, row.hash);
      row.summary = made.summary;
      row.summaryHash = made.summaryHash;
    }
    return made.summary;
  }

  /** Rows about to be shown, each with its summary; one whose summary cannot be made now (its file gone) is left out. */
  shown(rows: readonly NoteRow[]): NoteRow[] {
    return rows.flatMap((row) => {
      const summary = this.of(row);
      return summary ? [{ ...row, summary }] : [];
    });
  }
}
