/**
 * The notes of the folder as the preview page shows them: read and summarised as `start` reads them
 * (worker threads, the parse budget), kept up to date by the project's watcher (watch/watcher.ts),
 * and each change announced to listeners (the page's event stream).
 */
import { realpathSync } from 'node:fs';
import { realRootNow } from '../../notes/real-root.js';
import path from 'node:path';
import type { Config } from '../../config/schema.js';
import type { Logger } from '../../log.js';
import { noteInfo } from '../../notes/info.js';
import type { ReadOptions } from '../../notes/read.js';
import { scanNotes } from '../../notes/scan.js';
import { alsoInFor } from '../../publish/family.js';
import { parseNoteFiles, type ParsedFile } from '../../publish/parse-files.js';
import { ParseThreads } from '../../publish/parse-pool.js';
import type { SummaryOptions } from '../../summary/build.js';
import type { Batch } from '../../watch/batch.js';
import { chooseWatchMode, type WatchMode } from '../../watch/mode.js';
import { watchNotes, type NotesWatcher } from '../../watch/watcher.js';
import { templatePayloadsOf, type PayloadsOf, type RoutePayloads } from './payloads.js';
import { Templates } from '../../render/templates/compile.js';
import { TemplateRenderError } from '../../render/templates/payloads.js';

export interface PreviewNotesOptions {
  root: string;
  read: ReadOptions;
  summary: SummaryOptions;
  parseBudgetMs: number;
  /** `group`: a note's payloads link its translations, as a family announcement does. */
  translations: 'group' | 'separate';
  watch: { mode: WatchMode; pollIntervalMs: number; pollSweepPasses?: number; quietMs: number; maxHoldMs: number };
  log: Logger;
  payloadsOf?: PayloadsOf | undefined;
  /** Idle parse threads its batches take from and give back (a test's, to count); without, one of its own, ended by `close`. */
  threads?: ParseThreads | undefined;
}

/** One note of the folder on the page: its facts and payloads, or why it cannot be read. */
export interface PreviewEntry {
  /** Path relative to the notes root. */
  file: string;
  title: string;
  lang?: string | undefined;
  date?: string | undefined;
  tags: string[];
  draft: boolean;
  error?: { message: string; line?: number | undefined } | undefined;
  routes: RoutePayloads[];
}

export class PreviewNotes {
  private readonly parsed = new Map<string, ParsedFile>();
  private watcher: NotesWatcher | undefined;
  private cached: PreviewEntry[] | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(version: number) => void>();
  /** The page's parse thread, kept idle between batches: a save does not load a thread's modules again (~0.6 s of CPU). */
  private readonly threads: ParseThreads;
  private readonly ownThreads: boolean;
  private readonly root: string;
  private read: ReadOptions | undefined;
  /** Grows with every change the page should show. */
  version = 0;

  constructor(private readonly o: PreviewNotesOptions) {
    this.root = path.resolve(o.root);
    this.ownThreads = !o.threads;
    this.threads = o.threads ?? new ParseThreads(1);
  }

  private started: Promise<void> | undefined;

  /** Reads every note, then follows the folder (once, however often called). */
  start(): Promise<void> {
    return (this.started ??= this.load());
  }

  private async load(): Promise<void> {
    this.read = { ...this.o.read, realRoot: realpathSync.native(this.root) };
    const files = await scanNotes(this.root);
    await this.parse(files);
    this.watcher = watchNotes({
      root: this.root,
      mode: this.o.watch.mode,
      pollIntervalMs: this.o.watch.pollIntervalMs,
      pollSweepPasses: this.o.watch.pollSweepPasses,
      quietMs: this.o.watch.quietMs,
      maxHoldMs: this.o.watch.maxHoldMs,
      onBatch: (b) => void (this.queue = this.queue.then(() => this.apply(b))),
      log: this.o.log,
    });
    await this.watcher.ready;
  }

  async close(): Promise<void> {
    await this.started?.catch(() => undefined);
    await this.watcher?.close();
    await this.queue;
    if (this.ownThreads) await this.threads.close();
    this.listeners.clear();
  }

  /**
   * New settings (the config file was saved): every note read again with them, then one change
   * announced. Queued behind the watcher's batches.
   */
  reconfigure(next: Partial<Pick<PreviewNotesOptions, 'read' | 'summary' | 'translations' | 'parseBudgetMs' | 'payloadsOf'>>): Promise<void> {
    this.queue = this.queue.then(async () => {
      Object.assign(this.o, next);
      if (this.read) this.read = { ...this.o.read, realRoot: this.read.realRoot };
      // Each note is replaced as it is read again: the page never shows an empty folder meanwhile.
      await this.apply({ changed: [...this.parsed.keys()], removed: [] });
    });
    return this.queue;
  }

  /** Called with the new version after each change; returns the unsubscribe. */
  onChange(listener: (version: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async apply(b: Batch): Promise<void> {
    try {
      if (this.read?.realRoot) this.read = { ...this.read, realRoot: realRootNow(this.root, this.read.realRoot) }; // a release symlink swapped (notes/real-root.ts)
      for (const f of b.removed) this.parsed.delete(f);
      await this.parse(b.changed);
    } catch (e) {
      this.o.log.warn({ err: e }, 'preview: a batch of notes could not be read');
    }
    this.cached = undefined;
    this.version++;
    for (const l of this.listeners) l(this.version);
  }

  private async parse(files: readonly string[]): Promise<void> {
    const results = await parseNoteFiles(
      files.map((file) => ({ root: this.root, file })),
      { read: this.read!, summary: this.o.summary, budgetMs: this.o.parseBudgetMs },
      this.threads,
    );
    for (const r of results) this.parsed.set(r.file, r);
    this.cached = undefined;
  }

  /** Every note, newest first (undated last, then by file). */
  entries(): PreviewEntry[] {
    return (this.cached ??= this.build());
  }

  private build(): PreviewEntry[] {
    const payloadsOf = (this.o.payloadsOf ??= templatePayloadsOf(Templates.defaults(), [])); // no config: the default templates
    const ok = [...this.parsed.values()].filter((r): r is Extract<ParsedFile, { ok: true }> => r.ok);
    const families = new Map<string, { info: ReturnType<typeof noteInfo> }[]>();
    const infos = new Map(ok.map((r) => [r.file, { info: noteInfo(r.note) }]));
    for (const r of ok) if (!r.note.draft) families.set(r.note.translationKey, [...(families.get(r.note.translationKey) ?? []), infos.get(r.file)!]);
    const out: PreviewEntry[] = [];
    for (const r of this.parsed.values()) {
      const file = path.relative(this.root, r.file).split(path.sep).join('/');
      if (!r.ok) {
        out.push({ file, title: file, tags: [], draft: false, error: { message: r.error.message, line: r.error.line }, routes: [] });
        continue;
      }
      const shown = infos.get(r.file)!;
      const members = this.o.translations === 'group' ? (families.get(r.note.translationKey) ?? []) : [];
      const alsoIn = members.includes(shown) ? alsoInFor(members, shown) : [];
      const base = { file, title: r.note.title, lang: r.note.lang, date: r.summary.date, tags: r.note.tags, draft: r.note.draft };
      try {
        out.push({ ...base, routes: payloadsOf({ note: r.note, summary: r.summary, alsoIn }) });
      } catch (e) {
        // A template that fails on this note's values is this note's error on the page, never the page's.
        if (!(e instanceof TemplateRenderError)) throw e;
        out.push({ ...base, error: { message: e.message }, routes: [] });
      }
    }
    return out.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.file.localeCompare(b.file));
  }
}

/** The settings of the config that decide what the page shows of a note, as `start` reads them. */
export function previewSettingsOf(config: Config, read: ReadOptions, templates?: Templates): Pick<PreviewNotesOptions, 'read' | 'summary' | 'translations' | 'parseBudgetMs' | 'payloadsOf'> {
  return {
    read,
    payloadsOf: templates ? templatePayloadsOf(templates, config.routes) : undefined,
    summary: { maxChars: config.summary.maxChars, maxPoints: config.summary.maxPoints, maxLinks: config.summary.maxLinks, maxPointChars: 200 },
    parseBudgetMs: config.notes.parseTimeoutMs,
    translations: config.publish.translations.mode,
  };
}

/** The preview's notes read as `start` reads them: the same config keys, the same watcher settings. */
export function previewNotesFor(config: Config, root: string, read: ReadOptions, log: Logger, templates?: Templates): PreviewNotes {
  return new PreviewNotes({
    root,
    ...previewSettingsOf(config, read, templates),
    watch: {
      mode: chooseWatchMode(root, config.watch.mode).mode,
      pollIntervalMs: config.watch.pollIntervalMs,
      pollSweepPasses: config.watch.pollSweepPasses,
      quietMs: config.watch.quietMs,
      maxHoldMs: Math.max(config.publish.digest.windowMs, config.watch.quietMs * 3),
    },
    log,
  });
}
