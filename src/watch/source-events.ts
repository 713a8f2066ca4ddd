/** What a source of file events (native, or the poller) reports to the watcher, and how it is stopped. */

export interface Unsubscribable {
  unsubscribe(): Promise<void>;
}

export interface SourceEvents {
  /**
   * A path under the folder changed (created, written, removed, renamed); the poller says when, as far as it can tell
   * (quiet.ts changeTime); `gone`: the report says it was removed (a removal's window counts from it: removal-report.ts).
   */
  onPath: (absPath: string, changedAt?: number, gone?: boolean) => void;
  /** The poller ended a look at the whole tree that began at `startedAt` (quiet periods end on it: quiet.ts). */
  onPassEnded?: (startedAt: number) => void;
  /** The source failed; its events may have been lost. `null` once it works again (native only). */
  onError: (err: unknown | null) => void;
  /** Paths never reported (ignored names: .git, node_modules…). */
  ignored: (absPath: string) => boolean;
}
