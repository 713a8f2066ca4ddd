/** Where a command writes: stdout and stderr, or a test's capture. Apart, so every command can take it without importing another. */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Where the log of `start` and `sync` goes instead of stderr (a test's capture); unset, stderr. */
  log?: NodeJS.WritableStream;
}
