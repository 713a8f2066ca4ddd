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
  /**
   * The folder being watched is gone from under the source (moved away, removed): the source reports nothing more of what
   * is at its path, even once a folder is there again (native: @parcel/watcher drops the root's watch at its IN_MOVE_SELF or
   * IN_DELETE_SELF). The watcher watches the path anew once a folder is there (watcher.ts).
   */
  onRootLost?: () => void;
  /** The source failed; its events may have been lost. `null` once it works again (native only). */
  onError: (err: unknown | null) => void;
  /** Paths never reported (ignored names: .git, node_modules…). */
  ignored: (absPath: string) => boolean;
}
