/**
 * Typed errors. Each carries the context a log line or a test needs. None of their text is ever
 * shown inside a chat: commands answer with their own replies (commands/types.ts), and each
 * adapter's one error handler says `COMMAND_FAILED_TEXT` (commands/index.ts).
 */

/**
 * The text of anything thrown: an Error's message, else the value as a string, with any credential
 * a request URL carries taken out. A library's network error names the URL it asked (node-fetch:
 * "request to https://api.telegram.org/bot<token>/sendMessage failed"), and this text is kept in
 * the state database and shown by `status`, which no logger's redaction reaches.
 */
export function errorText(e: unknown): string {
  return withoutUrlCredentials(e instanceof Error ? e.message : String(e));
}

/**
 * Hides the credentials a platform puts in its URLs: the Bot API's `/bot<token>/<method>`, a token
 * being `<bot id>:<secret>` (core.telegram.org/bots/api, "Making requests" and "Authorizing your bot"), a Discord webhook's `/webhooks/<id>/<token>`
 * (discord.com/developers/docs/resources/webhook, "Execute Webhook"), and a URL's `user:password@`.
 */
export function withoutUrlCredentials(text: string): string {
  return text
    .replace(/\/bot\d+:[^/\s'"]*/g, '/bot[redacted]')
    .replace(/\/webhooks\/(\d+)\/[^/?\s'"]+/g, '/webhooks/$1/[redacted]')
    .replace(/(\/\/)[^/@\s'"]+@/g, '$1[redacted]@');
}

/** One problem of a note, on its line (1-based) when it has one. */
export interface NoteProblem {
  message: string;
  line?: number | undefined;
}

/**
 * A note that cannot be read, parsed or validated. `line` is 1-based in the file. `more`: the
 * note's other problems found at once (every wrong front matter key), which `check` lists too.
 */
export class NoteError extends Error {
  override readonly name = 'NoteError';
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly more: readonly NoteProblem[] = [],
  ) {
    super(message);
  }

  /** Every problem: this one first. */
  problems(): NoteProblem[] {
    return [{ message: this.message, line: this.line }, ...this.more];
  }

  /** `file:line: message`, the shape editors and `notecast check` use; other problems are counted. */
  format(): string {
    const also = this.more.length ? ` (and ${this.more.length} more: \`notecast check\` lists them)` : '';
    return `${this.line === undefined ? this.file : `${this.file}:${this.line}`}: ${this.message}${also}`;
  }
}

/** A config file or environment problem; `path` names the key, e.g. `routes.0.platform`. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly source: string,
    readonly issues: { path: string; message: string; line?: number }[],
  ) {
    super(issues.map((i) => `${source}${i.line ? `:${i.line}` : ''}: ${i.path ? `${i.path}: ` : ''}${i.message}`).join('\n'));
  }
}

/** The state database cannot be used: corrupted, locked by another instance, unreadable. One line for the operator. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** The database was written by an older release: `start` brings it up to date; a command that only reads leaves it as it is. */
export class OutdatedStoreError extends StoreError {
  constructor(file: string, readonly version: number, readonly latest: number) {
    super(file, `${file} was written by an older release of notecast (schema ${version} of ${latest}); start notecast once to bring it up to date (reading it here writes nothing)`);
  }
}

/** A platform refused our credentials (401, an invalid token): retrying cannot help; the operator must fix the token. */
export class PlatformAuthError extends Error {
  override readonly name = 'PlatformAuthError';
  constructor(
    readonly platform: string,
    message: string,
  ) {
    super(message);
  }
}
