/**
 * When a reported path's quiet period is over: a burst is one batch because the watcher holds it
 * while any of its paths is still inside its quiet period (watcher.ts).
 *
 * Native events come as the file changes, so a timer from the report does. A poll sees a change
 * up to one interval late, and sees the rest of its burst only at a later pass: with a quiet period
 * shorter than the interval (2 s against 3 s by default) a timer from the report let the notes one
 * pass saw settle, and go out alone, before the next pass found the rest (issue 25/31: a burst of 7
 * posted as 1 + 5 + 1). So in poll mode a path's quiet period is over only once a pass that began
 * at least `quietMs` after its change has ended: that pass stat'ed every note after it began, so it
 * reported anything the burst changed before then, and those paths hold the batch in their turn.
 * The change's time is the note's mtime when the poll can vouch for it (see `changeTime`), so a lone
 * save still goes out within one interval and the quiet period of the save.
 */

export interface QuietPeriods {
  /** A path changed at `changedAt` (now for a native event): its quiet period starts again. */
  start(path: string, changedAt: number): void;
  has(path: string): boolean;
  readonly size: number;
  /** A poll pass that began at `startedAt` looked at the whole tree (poll mode). */
  passEnded(startedAt: number): void;
  clear(): void;
}

/** Native mode: a timer of `quietMs` from each report. */
export class TimedQuiet implements QuietPeriods {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly quietMs: number,
    private readonly over: (path: string) => void,
  ) {}

  get size(): number {
    return this.timers.size;
  }

  start(path: string): void {
    clearTimeout(this.timers.get(path));
    this.timers.set(
      path,
      setTimeout(() => {
        this.timers.delete(path);
        this.over(path);
      }, this.quietMs),
    );
  }

  has(path: string): boolean {
    return this.timers.has(path);
  }

  passEnded(): void {
    // no passes: events come as files change
  }

  clear(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}

/** Poll mode: over at the end of the first pass that began `quietMs` after the path's last change. */
export class PolledQuiet implements QuietPeriods {
  /** Each settling path's last change. */
  private readonly changedAt = new Map<string, number>();

  constructor(
    private readonly quietMs: number,
    private readonly over: (path: string) => void,
  ) {}

  get size(): number {
    return this.changedAt.size;
  }

  start(path: string, changedAt: number): void {
    this.changedAt.set(path, Math.max(changedAt, this.changedAt.get(path) ?? changedAt));
  }

  has(path: string): boolean {
    return this.changedAt.has(path);
  }

  passEnded(startedAt: number): void {
    for (const [path, at] of this.changedAt) {
      if (at + this.quietMs > startedAt) continue;
      this.changedAt.delete(path);
      this.over(path);
    }
  }

  clear(): void {
    this.changedAt.clear();
  }
}

/**
 * When a note a pass found changed was written, as far as the poll can tell: it changed after the
 * previous pass stat'ed it (`lookedFrom`) and before this stat (`now`). Its mtime inside that span
 * is taken; outside it (a file moved or copied in keeps an old mtime, a remote server's clock is
 * off) only `now` is sure not to end its quiet period early.
 */
export function changeTime(mtimeMs: number, lookedFrom: number, now: number): number {
  return mtimeMs > lookedFrom && mtimeMs <= now ? mtimeMs : now;
}
