/**
 * The clock of a burst of removals (removals.ts says why removals wait): removals found by any path (the
 * start-up scan, a watcher batch, a reconcile pass) join the burst under way, which ends once none came
 * for a removal window after the latest; then the burst is judged whole (held-removals.ts).
 *
 * A window's end is known only once every removal made before it has been found. Native events do not
 * vouch for that: @parcel/watcher hands a change over at least 50 ms after it (src/Debounce.cc,
 * MIN_WAIT_TIME), later still on a busy loop, and 2.6.0 can lose it for good (watcher.ts). Judged at the
 * window's end on the events come so far, a removal made just before it and told just after started a
 * burst of its own (issue 25, tester 31-1 F7: a branch switch straddling a restart, its 3 removals the
 * scan found and 4 unlinked near the end of their window, applied as 3 and 4 under a threshold of 5, 7
 * messages deleted). So the watcher looks the tree over once the window has ended (native: each folder
 * by its own stat, watcher.ts `lookNow`; a poll pass in poll mode) and what that look finds counts from
 * the look before (`seenThrough`, `reportedBy`): the burst waits for it.
 */
import type { NotesWatcher } from '../watch/watcher.js';

export interface RemovalBurstDeps {
  /** The removal window (recent-edits.ts removalWindowMs). */
  windowMs: number;
  /** How soon to look again while a path reported before the window's end settles, or a poll pass is due. */
  recheckMs: number;
  watcher: Pick<NotesWatcher, 'seenThrough' | 'reportedBy' | 'lookNow'>;
  /** Removals (and rewrites held with them) waiting now. */
  waiting: () => number;
  /** Queues the judgement (FolderSync: through its batch queue, so a batch queued before it joins the burst first). */
  judge: () => void;
}

export class RemovalBurst {
  private timer: NodeJS.Timeout | undefined;
  /** When the latest removal of the burst now waiting was found, and how many waited then. */
  private lastAt: number | undefined;
  private waitingThen = 0;
  /** The watcher is looking the tree over for the window's end (`lookThrough`). */
  private looking = false;
  private stopped = false;

  constructor(private readonly deps: RemovalBurstDeps) {}

  /** A burst is waiting to be judged. */
  get open(): boolean {
    return this.lastAt !== undefined;
  }

  /**
   * Removals may have been found (a batch ran, a scan or a reconcile pass), the latest at `foundAt`: a watcher batch's
   * `removedAt`, now for a scan's. New ones move the burst's end to a window after the latest found.
   */
  found(foundAt = Date.now()): void {
    const waiting = this.deps.waiting();
    if (this.stopped || waiting === 0) return;
    if (waiting !== this.waitingThen || this.lastAt === undefined) {
      this.waitingThen = waiting;
      this.lastAt = Math.max(this.lastAt ?? 0, foundAt);
    }
    this.judgeAt(this.lastAt + this.deps.windowMs);
  }

  /**
   * Asked by the judgement: whether the burst has ended, and is closed (a removal found after is a new burst). If not,
   * the judgement is asked again when it may have: at the window's end, once the watcher's look is over, or shortly.
   */
  ended(): boolean {
    if (this.stopped || this.lastAt === undefined) return false;
    const endsAt = this.lastAt + this.deps.windowMs;
    if (Date.now() < endsAt) return this.judgeAt(endsAt);
    const { watcher } = this.deps;
    if (watcher.seenThrough() < endsAt && this.lookThrough()) return false;
    // A path changed within the window, still settling or held open by the watcher, may be the burst's next removal.
    if (watcher.seenThrough() < endsAt || watcher.reportedBy(endsAt)) return this.judgeAt(Date.now() + this.deps.recheckMs);
    this.lastAt = undefined;
    this.waitingThen = 0;
    return true;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Native mode: the watcher looks the tree over now, and the judgement is asked again once it is done; false in poll mode (passes come on their timer). */
  private lookThrough(): boolean {
    if (this.looking) return true;
    const look = this.deps.watcher.lookNow();
    if (!look) return false;
    this.looking = true;
    void look.finally(() => {
      this.looking = false;
      this.judgeAt(Date.now());
    });
    return true;
  }

  /** The judgement is asked at `at` (one timer: a later call moves it). False, for `ended`. */
  private judgeAt(at: number): false {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.stopped) return false;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.deps.judge();
    }, Math.max(0, at - Date.now()));
    this.timer.unref();
    return false;
  }
}
