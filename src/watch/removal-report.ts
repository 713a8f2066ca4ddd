/**
 * When a removal counts from (sync.ts armRemovals: its removal window). A path the watcher was told of
 * as removed (a `delete` event, a poll pass that found it gone) counts from that report. A path reported
 * for another change (a write, a create) and gone by the time its quiet period ended was removed after
 * that report, at a time no event has said yet: it counts from the flush that found it gone, when the
 * service is first told. Counted from the write's report, its window could be over before the batch was
 * even handed over, and the removal was judged at once, before the event of the move's other half came:
 * `mv a/setup.md intro.md` with an edit, a/setup.md's write reported just before, the moved note was
 * posted again (issue 25, the model's flaky "finding N13" case, 3 of 24 runs at load 25).
 */

/** What the watcher keeps of a path's latest report: when, the earliest it can have changed, and whether it said the path is gone. */
export interface PathReport {
  at: number;
  from: number;
  gone: boolean;
}

/** When a path found gone at a flush (`foundGoneAt`) counts as removed; undefined if it was never reported. */
export function removalReportedAt(report: PathReport | undefined, foundGoneAt: number): number | undefined {
  if (!report) return undefined;
  return report.gone ? report.at : Math.max(report.at, foundGoneAt);
}
