/**
 * The whole service in this process (startApp with the console adapter printing JSON lines), on a
 * temporary folder: no child process, so a model-based test can run hundreds of steps in seconds.
 * `settle(paths)` waits until the watcher has handed every given path over in a batch and the
 * service then said `idle` (everything handled, every delivery out): never a fixed sleep.
 */
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp, type AppOptions, type RunningApp } from '../../src/app.js';
import { configSchema, type Config } from '../../src/config/schema.js';
import { parseEnv } from '../../src/config/env.js';
import { silentLogger, type Logger } from '../../src/log.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import type { Batch } from '../../src/watch/batch.js';

/** One line the console adapter printed (see README, `start --json` events). */
export interface ConsoleEvent {
  event: 'post' | 'edit' | 'delete' | 'digest';
  target: string;
  noteId: string | null;
  family?: string;
  revision: number;
  messageId: string;
  text: string;
}

/** A message as a chat would show it, rebuilt from the console events. */
export interface ChatMessage {
  messageId: string;
  /** The family (`family:<key>`) or note the message stands for. */
  family: string | null;
  /** The note whose text it shows. */
  noteId: string | null;
  text: string;
  live: boolean;
}

export class InProcessService {
  app: RunningApp | undefined;
  readonly events: ConsoleEvent[] = [];
  /** Problems seen in the event stream itself (an edit of a message never posted). */
  readonly anomalies: string[] = [];
  readonly chats = new Map<string, Map<string, ChatMessage>>();
  private idles = 0;
  private seenPaths = new Set<string>();
  private waiters: (() => void)[] = [];

  constructor(
    readonly notes: string,
    readonly db: string,
    readonly config: Config,
    private readonly log: Logger = silentLogger(),
    /** Platform adapters (against the fakes), their tokens, and a clock the test moves. */
    private readonly extra: Partial<Pick<AppOptions, 'platformAdapters' | 'now'>> & { env?: Record<string, string> } = {},
  ) {}

  static sandbox(config: unknown, extra: InProcessService['extra'] = {}): InProcessService {
    const dir = mkdtempSync(path.join(tmpdir(), 'notecast-inproc-'));
    const notes = path.join(dir, 'notes');
    mkdirSync(notes);
    return new InProcessService(notes, path.join(dir, 'state', 'notecast.db'), configSchema.parse(config), silentLogger(), extra);
  }

  async start(): Promise<void> {
    const before = this.idles;
    this.app = await startApp({
      config: this.config,
      env: parseEnv(this.extra.env ?? {}),
      platformAdapters: this.extra.platformAdapters,
      now: this.extra.now,
      read: { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} } },
      notesDir: this.notes,
      dbPath: this.db,
      log: this.log,
      out: (line) => this.onLine(line),
      json: true,
      onIdle: () => this.bump(() => this.idles++),
      onBatch: (b) => this.bump(() => this.sawBatch(b)),
    });
    await this.waitFor(() => this.idles > before, 20_000, 'idle after start');
  }

  async stop(): Promise<void> {
    const app = this.app;
    this.app = undefined;
    await app?.stop();
  }

  /** Waits until every path was in a batch the service applied, then for its idle signal. */
  async settle(paths: readonly string[], timeoutMs = 20_000): Promise<void> {
    await this.batched(paths, timeoutMs);
    const at = this.idles;
    await this.waitFor(() => this.idles > at, timeoutMs, 'idle');
    this.seenPaths = new Set();
  }

  /** Waits until every path (relative to the notes folder) was in a batch the service applied. */
  async batched(paths: readonly string[], timeoutMs = 20_000): Promise<void> {
    const wanted = paths.map((p) => path.resolve(this.notes, p));
    await this.waitFor(() => wanted.every((p) => this.seenPaths.has(p) || [...this.seenPaths].some((s) => p.startsWith(s + path.sep))), timeoutMs, `batches with ${paths.join(', ')}`);
  }

  /** Idle signals so far: taken before a change whose handling queues nothing, whose idle may come with its batch. */
  get idleCount(): number {
    return this.idles;
  }

  /** Waits for the service's next idle signal. */
  async nextIdle(timeoutMs = 20_000): Promise<void> {
    const at = this.idles;
    await this.waitFor(() => this.idles > at, timeoutMs, 'idle');
  }

  /** Every event of one kind sent to a chat (`console:<chat>`). */
  sent(chat: string, kind?: ConsoleEvent['event']): ConsoleEvent[] {
    return this.events.filter((e) => e.target === `console:${chat}` && (!kind || e.event === kind));
  }

  /** Forgets the paths seen so far (before a step's file changes). */
  beginStep(): void {
    this.seenPaths = new Set();
  }

  live(chat: string): ChatMessage[] {
    return [...(this.chats.get(`console:${chat}`)?.values() ?? [])].filter((m) => m.live);
  }

  private bump(fn: () => void): void {
    fn();
    for (const w of this.waiters.splice(0)) w();
  }

  private sawBatch(b: Batch): void {
    for (const p of [...b.changed, ...b.removed]) this.seenPaths.add(path.resolve(p));
  }

  private onLine(line: string): void {
    const e = JSON.parse(line) as ConsoleEvent;
    this.events.push(e);
    let chat = this.chats.get(e.target);
    if (!chat) this.chats.set(e.target, (chat = new Map()));
    const m = chat.get(e.messageId);
    if (e.event === 'post' || e.event === 'digest') {
      if (m) this.anomalies.push(`message ${e.messageId} posted twice in ${e.target}`);
      chat.set(e.messageId, { messageId: e.messageId, family: e.family ?? e.noteId, noteId: e.noteId, text: e.text, live: true });
    } else if (!m?.live) {
      this.anomalies.push(`${e.event} of message ${e.messageId} in ${e.target}, which is ${m ? 'deleted' : 'not posted'}`);
    } else if (e.event === 'edit') {
      m.family = e.family ?? e.noteId; // a message follows its note to another family (a rename)
      m.noteId = e.noteId;
      m.text = e.text;
    } else {
      m.live = false;
    }
    for (const w of this.waiters.splice(0)) w();
  }

  async waitFor(pred: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pred()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }
}
