/** What the watcher hands on: settled changes, as absolute paths. */
export interface Batch {
  /** Absolute paths of notes added or changed. */
  changed: string[];
  /** Absolute paths of notes that are gone. */
  removed: string[];
  /** When the watcher was last told of a path in `removed` (the removal guard's burst is timed by it: sync.ts armRemovals); absent for a scan's. */
  removedAt?: number;
}
