/**
 * `notecast sync --once`: one pass for cron and CI. The same start-up as `start` (scan, compare
 * with the database, queue what changed since the last run), then it waits until every delivery
 * has finished or failed (the service's idle signal), bounded by `--timeout`, stops cleanly and
 * exits 0 (all delivered; posts held for a digest schedule wait on purpose) or 1 (something failed,
 * is still waiting, or a note could not be read), with one summary line.
 * The state database (with its `.mark`) is the only thing to keep between runs.
 */
import { readOptions, resolveSite } from '../config/load.js';
import { ConfigError } from '../errors.js';
import { secretsOf } from '../config/env.js';
import { createLogger, redact } from '../log.js';
import { startApp } from '../app.js';
import type { DeliveryEvent } from '../publish/deliverer.js';
import { heldRemovalsReport, readHeldRemovals, type HeldRemovalsReport } from '../publish/held-removals.js';
import { NOTE_PROBLEM } from '../store/records.js';
import { loadRuntime } from './runtime.js';
import { notesFolderProblem } from './paths.js';
import { platformAdaptersOf, startFailure, type StateRunOptions } from './start.js';
import type { Io } from './io.js';
import type { ParseThreads } from '../publish/parse-pool.js';
import { outboxCounts } from '../store/status.js';
import { heldEndsBy } from '../store/held-unanswered.js';

export interface SyncOptions extends StateRunOptions {
  /** Seconds to wait for deliveries before giving up on this run (they stay queued for the next). */
  timeout: number;
}

/**
 * What one run did, counted from its own delivery events; `waiting` and `heldForDigest` are read
 * from the outbox at the end (posts held for a digest schedule wait on purpose: not `waiting`).
 */
export interface SyncSummary {
  event: 'sync';
  delivered: number;
  skipped: number;
  failed: number;
  waiting: number;
  heldForDigest: number;
  /** Edits and deletes waiting for chats nothing names to take the bot back (store/paused-chats.ts): not `waiting`, no exit 1. */
  waitingForBot: number;
  /** When the first held digest goes (ISO time), or null. */
  digestAt: string | null;
  /** Notes that could not be read (their errors are in the log and in `notecast status`). */
  unreadable: number;
  /** Removals the guard holds (more than watch.removalThreshold at once: publish/held-removals.ts), `earlier` of them held before this run; null when none. */
  heldRemovals: HeldRemovalsReport | null;
  timedOut: boolean;
  ms: number;
}

/** `threads`: idle parse threads its service takes from and gives back (AppOptions.parseThreads); without, its own. */
export async function runSyncOnce(opts: SyncOptions, io: Io, threads?: ParseThreads): Promise<number> {
  const runtime = await loadRuntime(opts.config, io, { serves: false });
  if (typeof runtime === 'number') return runtime;
  const { env, config, templates } = runtime;
  if (opts.announceExisting) config.publish.announceExisting = true;
  delete config.http.port; // one pass serves no health endpoint (and never fights `start` for its port)
  const json = opts.json ?? config.console.json;
  const notesDir = opts.notes ?? config.notes.dir;
  const dbPath = opts.db ?? config.store.path;
  const secrets = secretsOf(env);
  const log = createLogger({ level: env.NOTECAST_LOG_LEVEL ?? config.log.level, secrets, pretty: !json && process.stderr.isTTY, destination: io.log });
  const fail = (why: string): number => {
    io.err(`notecast sync: ${redact(why, secrets)}`);
    return 1;
  };
  const folderProblem = notesFolderProblem(notesDir);
  if (folderProblem) return fail(folderProblem);
  const platformAdapters = await platformAdaptersOf(config, env, templates);
  if (platformAdapters instanceof Error) {
    io.err(platformAdapters.message);
    return 2;
  }

  const started = Date.now();
  const counts = { delivered: 0, skipped: 0, failed: 0 };
  const onDelivery = (e: DeliveryEvent) => {
    if (e.outcome === 'done') counts.delivered++;
    else if (e.outcome === 'skipped') counts.skipped++;
    else if (e.outcome === 'failed') counts.failed++;
  };
  let idle!: () => void;
  const settled = new Promise<void>((resolve) => (idle = resolve));
  let app: Awaited<ReturnType<typeof startApp>>;
  // A post held after two unanswered sends whose hold ends within --timeout is waited for: its last send goes in this run.
  let heldDue: ((at: number) => boolean) | undefined;
  try {
    app = await startApp({ platformAdapters, config, env, read: readOptions(config, resolveSite(config)), notesDir, dbPath, log, out: io.out, json, onDelivery, onIdle: () => { if (!heldDue?.(started + opts.timeout * 1000)) idle(); }, afterRestore: opts.afterRestore, moved: opts.moved, acceptRemovals: opts.acceptRemovals, parseThreads: threads });
  } catch (e) {
    const code = fail(startFailure(e, dbPath));
    return e instanceof ConfigError ? 2 : code; // what the config needs and lacks (a route's token), as `start`
  }
  heldDue = (at) => heldEndsBy(app.store.sql, at);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([settled.then(() => false), new Promise<boolean>((r) => (timer = setTimeout(() => r(true), opts.timeout * 1000)))]);
  clearTimeout(timer);
  const outbox = outboxCounts(app.store.sql);
  const held = app.store.upkeep.heldForDigest();
  const forBot = app.store.pausedChats.awaitingBot().reduce((n, w) => n + w.edits + w.deletes + w.other, 0);
  const unreadable = (app.store.sql(`SELECT COUNT(*) AS n FROM notes WHERE ${NOTE_PROBLEM}`).get() as { n: number }).n;
  const heldRemovals = heldRemovalsReport(readHeldRemovals(app.store), started);
  const finishedBefore = counts.delivered + counts.skipped + counts.failed;
  await app.stop(); // deliveries in flight finish first
  // Those that finished while stopping are no longer waiting (the store is closed by now).
  const waiting = (outbox.pending ?? 0) + (outbox.sending ?? 0) - held.posts - forBot - (counts.delivered + counts.skipped + counts.failed - finishedBefore);

  const digestAt = held.next === null ? null : new Date(held.next).toISOString();
  const summary: SyncSummary = { event: 'sync', ...counts, waiting, heldForDigest: held.posts, waitingForBot: forBot, digestAt, unreadable, heldRemovals, timedOut, ms: Date.now() - started };
  io.out(json ? JSON.stringify(summary) : summaryLine(summary));
  return summary.failed || summary.waiting || summary.unreadable ? 1 : 0;
}

/** `notecast sync: 3 delivered, 0 skipped, 1 failed, 2 still waiting (timed out…), 1 held for a digest at <time>, 25 removals held…, in 1.4 s` */
function summaryLine(s: SyncSummary): string {
  const why = s.waiting ? (s.timedOut ? ' (timed out: they go out on the next run)' : ' (paused chats or held notes: see `notecast status`)') : '';
  const digest = s.heldForDigest ? `, ${s.heldForDigest} held for a digest at ${s.digestAt} (the first run after then sends it)` : '';
  const unread = s.unreadable ? `, ${s.unreadable} ${s.unreadable === 1 ? 'note' : 'notes'} could not be read (see \`notecast status\`)` : '';
  const forBot = s.waitingForBot ? `, ${s.waitingForBot} waiting for chats to take the bot back (see \`notecast status\`)` : '';
  return `notecast sync: ${s.delivered} delivered, ${s.skipped} skipped, ${s.failed} failed, ${s.waiting} still waiting${why}${digest}${forBot}${unread}${heldLine(s.heldRemovals)}, in ${(s.ms / 1000).toFixed(1)} s`;
}

/** `, 25 removals held (more than watch.removalThreshold at once): a.md, b.md, …; \`notecast sync --once --accept-removals\` applies them` (held, not a failure: the exit code stays 0). */
function heldLine(h: HeldRemovalsReport | null): string {
  if (!h) return '';
  const earlier = h.earlier ? ` (${h.earlier === h.count ? 'all' : h.earlier} held since an earlier run, ${h.since})` : '';
  return `, ${h.count} ${h.count === 1 ? 'removal' : 'removals'} held (more than watch.removalThreshold at once)${earlier}: ${h.sample.join(', ')}${h.count > h.sample.length ? ', …' : ''}; \`notecast sync --once --accept-removals\` applies them`;
}
