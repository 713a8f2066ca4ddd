/** What the watcher hands on: settled changes, as absolute paths. */
export interface Batch {
  /** Absolute paths of notes added or changed. */
  changed: string[];
  /** Absolute paths of notes that are gone. */
  removed: string[];
}
