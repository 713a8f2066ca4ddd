/**
 * The one allowance in the model's per-edit rule "a message never switches to show another note of
 * its language" (route-model.ts switchedNotes; issue 25, the model flaky under load).
 *
 * A loaded machine may hand one burst to the service in more than one batch (the watcher's quiet
 * window ends in the middle of it). A batch that has only the first half (a new note written at a
 * moved note's old path, the moved file not seen yet) can only take it for an edit in place, and its
 * edit may be sent before the second half comes; the later batch then decides the move and edits the
 * message back (recent-edits.ts). The service cannot know a second half is coming (holding every
 * edit for the removal window, ~6 s, is the only alternative, and is not wanted). So such an edit is
 * a transient: allowed only where
 *   - the step's changes reached the service in more than one batch,
 *   - the edit's delivery was queued by one of them before the last (its outbox id says which), and
 *   - at rest (the step's idle) the message shows the note it was posted for again, or none.
 * Everywhere else the per-edit rule is as strict as before: one batch, the last batch, a delivery
 * not queued by a batch of the step, or a message still showing the other note at rest.
 */
import type { AppliedBatch } from './inproc.js';

/**
 * Whether a delivery (its outbox id) was queued by a batch of this step that another batch of the
 * step followed: `log` is every batch applied so far, `from` the first of this step's, `seqBefore`
 * the outbox's sequence at the step's start (the last step's rest).
 */
export function queuedBeforeLastBatch(log: readonly AppliedBatch[], from: number, seqBefore: number | undefined, deliveryId: number | undefined): boolean {
  const step = log.slice(from);
  if (deliveryId === undefined || step.length < 2) return false;
  let after = seqBefore;
  for (const b of step.slice(0, -1)) {
    // Unknown (a batch of a start, before the app was up): not attributed, the rule stays strict.
    if (after === undefined || b.outboxSeq === undefined) return false;
    if (deliveryId > after && deliveryId <= b.outboxSeq) return true;
    after = b.outboxSeq;
  }
  return false;
}

/** A switch sent by a batch before the step's last: checked at rest (`TransientCheck.atRest`). */
export interface TransientSwitch {
  target: string;
  messageId: string;
  /** The note the message was posted for, and its language then. */
  note: number;
  lang: string;
  /** What the per-edit rule would have said. */
  problem: string;
}

/**
 * At rest: each transient switch's message shows the note it was posted for, or is gone. `shows`
 * gives the note a live message shows; `isSwitch(s, shown)`: the per-edit rule's test. Returns
 * the problems (switches still there) and how many were transients the later batch corrected.
 */
export function transientsAtRest(
  switches: readonly TransientSwitch[],
  shows: (s: TransientSwitch) => number | undefined,
  isSwitch: (s: TransientSwitch, shown: number) => boolean,
): { problems: string[]; corrected: number } {
  const problems: string[] = [];
  for (const s of switches) {
    const shown = shows(s);
    if (shown !== undefined && isSwitch(s, shown)) problems.push(`${s.problem}; a later batch of the step did not correct it: still so at rest`);
  }
  return { problems, corrected: switches.length - problems.length };
}
