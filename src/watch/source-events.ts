/** What a source of file events (native, or the poller) reports to the watcher, and how it is stopped. */

export interface Unsubscribable {
  unsubscribe(): Promise<void>;
}

export interface SourceEvents {
  /** A path under the folder changed (created, written, removed, renamed). */
  onPath: (absPath: string) => void;
  /** The source failed; its events may have been lost. `null` once it works again (native only). */
  onError: (err: unknown | null) => void;
  /** Paths never reported (ignored names: .git, node_modules…). */
  ignored: (absPath: string) => boolean;
}
