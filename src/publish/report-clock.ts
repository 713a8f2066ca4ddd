/**
 * The time the edit-in-place window (recent-edits.ts) counts in: when the watcher reported the batch
 * being decided (sync.ts runBatch), not when the service got to it. Counted at the service's own pace,
 * a loaded machine shortened the window by however long the batches before took to decide, and a move's
 * other half reported well within it met an edit already forgotten: the moved note was posted again
 * (issue 25, the model's "bench seed 7, shrunk" case failed 2 of 2 runs beside three busy loops).
 * A batch with no report time (a start's scan, held rewrites released) counts from when it is decided.
 */
export class ReportClock {
  private reportedAt = Number.NEGATIVE_INFINITY;

  /** A batch begins to be decided at `now`, reported at `reportedAt` (or now); returns `now`. */
  begin(reportedAt: number | undefined, now: number): number {
    this.reportedAt = reportedAt ?? now;
    return now;
  }

  /** When the batch being decided was reported (RecentEdits' clock). */
  readonly reported = (): number => this.reportedAt;
}
