/** `notecast status`: what the store knows, and why anything was not delivered. */
import { existsSync } from 'node:fs';
import { ConfigError, StoreError } from '../errors.js';
import { loadCommandConfig } from './runtime.js';
import { Store } from '../store/store.js';
import { targetKey } from '../store/types.js';
import type { Io } from './preview.js';

export function runStatus(opts: { config?: string; db?: string; json?: boolean }, io: Io): number {
  let config;
  try {
    config = loadCommandConfig(opts.config).config;
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.err(e.message);
    return 2;
  }
  const file = opts.db ?? config.store.path;
  if (!existsSync(file)) {
    io.err(`no state yet at ${file}: run \`notecast start\` first`);
    return 1;
  }
  let store: Store;
  try {
    store = new Store(file, { check: true, busyTimeoutMs: 2000 });
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    io.err(`notecast status: ${e.message}`);
    return 1;
  }
  try {
    const s = store.status();
    if (opts.json) {
      io.out(JSON.stringify(s));
      return 0;
    }
    const count = (o: Record<string, number>, k: string) => o[k] ?? 0;
    const notes = Object.values(s.notes).reduce((a, b) => a + b, 0);
    io.out(`notes:          ${notes} (${Object.entries(s.notes).map(([k, v]) => `${v} ${k}`).join(', ') || 'none'}); ${s.families} published ${s.families === 1 ? 'family' : 'families'} of translations`);
    io.out(`subscriptions:  ${s.subscriptions}`);
    io.out(`deliveries:     ${count(s.outbox, 'pending') + count(s.outbox, 'sending')} pending, ${count(s.outbox, 'done')} done, ${count(s.outbox, 'failed')} failed, ${count(s.outbox, 'skipped')} skipped`);
    const watch = store.getMeta('watch.mode');
    if (watch) {
      try {
        const w = JSON.parse(watch) as { mode: string; reason: string };
        io.out(`watching:       ${w.mode} (${w.reason})`);
      } catch {
        // an older record: nothing to show
      }
    }
    for (const platform of ['discord', 'telegram']) {
      const line = platformLine(platform, store.getMeta(`platform.${platform}`));
      if (line) io.out(line);
    }
    if (s.paused.length) {
      io.out('paused targets:');
      for (const p of s.paused) io.out(`  ${targetKey(p.target)}: ${p.reason} (since ${new Date(p.pausedAt).toISOString()})`);
    }
    if (s.failures.length) {
      io.out('failed deliveries:');
      for (const f of s.failures) io.out(`  #${f.id} ${f.kind} ${f.noteId ?? '(digest)'} → ${targetKey(f.target)}: ${f.error ?? 'unknown'} (${f.attempts} attempts)`);
    }
    const scheduled = store.scheduledNotes();
    if (scheduled.length) {
      io.out('scheduled notes:');
      for (const n of scheduled) io.out(`  ${n.file}: announced at ${new Date(n.dueAt).toISOString()}`);
    }
    const errors = store.noteErrors();
    if (errors.length) {
      io.out('notes with problems:');
      for (const e of errors) io.out(`  ${e.error}`);
    }
    return 0;
  } finally {
    store.close();
  }
}

/** `discord:        connecting since … (attempt 3: connect ECONNREFUSED)`, from the state the service keeps. */
function platformLine(platform: string, raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let c: { state?: string; since?: number; attempts?: number; reason?: string };
  try {
    c = JSON.parse(raw) as typeof c;
  } catch {
    return undefined;
  }
  const since = c.since ? ` since ${new Date(c.since).toISOString()}` : '';
  const why = c.reason ? ` (${c.attempts ? `attempt ${c.attempts}: ` : ''}${c.reason})` : '';
  return `${`${platform}:`.padEnd(16)}${c.state ?? 'unknown'}${since}${why}`;
}
