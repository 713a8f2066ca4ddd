/** `notecast status`: what the store knows, and why anything was not delivered. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { OutdatedStoreError, StoreError, withoutUrlCredentials } from '../errors.js';
import { commandConfigOrSaid } from './command-config.js';
import { Store } from '../store/store.js';
import { isCannotOpen, stateFileProblem, unwritableStateProblem } from './paths.js';
import { runningInstance, type LockHolder } from '../store/lock.js';
import { holderNameOf } from '../store/file-lock.js';
import { startRefusal } from '../store/state.js';
import { parkedDeliveries } from '../store/parked.js';
import type { StatusCounts } from '../store/status.js';
import { targetKey, type Target } from '../store/types.js';
import type { Io } from './io.js';
import { countOf } from '../util/text.js';
import { forgottenChats, type ForgottenChat } from '../store/chats-forgotten.js';
import type { AwaitingBot } from '../store/paused-chats.js';
import { readUncertainSends, type UncertainSends } from '../publish/uncertain.js';
import { calledOffLooks, readLeftInChats, type CalledOffLook, type LeftInChats } from '../store/left-in-chats.js';
import { chatsSaidGone, type ChatSaidGone } from '../publish/gone-answers.js';
import { GONE_ANSWERS } from '../publish/outages.js';
import { editsNotSent, type EditNotSent } from '../publish/restored-notes.js';
import { postsSetAside, type PostSetAside } from '../store/restore-record.js';
import { editsNotSentToChats, type EditNotSentToChat } from '../store/edits-not-sent.js';
import { waitingOnHeld, type WaitingOnHeld } from '../store/held-unanswered.js';
import { copiesKeptBack } from '../store/kept-copies.js';
import { heldRemovalsReport, readHeldRemovals, type HeldRemovalsReport } from '../publish/held-removals.js';
import { heldFileText, readHeldFiles, type HeldFile } from '../publish/held-files.js';
import { readSlowNotes, slowNoteText, type SlowNote } from '../publish/slow-notes.js';
import { WEBHOOK_STATE_KEY, webhookText, type WebhookState } from '../adapters/telegram/webhook-watch.js';

/** Everything `status` shows; `--json` prints it as one object. */
interface StatusReport extends StatusCounts {
  database: string;
  /** The notes folder the service last started on (recorded in the database), null before it did. */
  notesDir: string | null;
  /** The service running on this database now, or null. */
  instance: LockHolder | null;
  /** Why the next start would refuse this database (a copy of it, or fewer records than its mark), or null. */
  startRefused: string | null;
  watch: { mode: string; reason: string } | null;
  /** Each platform's connection as the service last recorded it; `not running` (with `lastState`) when no service runs and it did not stop. */
  platforms: Record<string, { state?: string; since?: number; attempts?: number; reason?: string; lastState?: string }>;
  /** Telegram's webhook as the service last read it back (webhook mode: adapters/telegram/webhook-watch.ts), or null. */
  telegramWebhook: WebhookState | null;
  scheduled: { file: string; dueAt: number }[];
  /** Notes held for a chat's digest schedule (digest:"daily 09:00"): per chat and time, how many. */
  digests: { target: Target; at: number; notes: number }[];
  /** Notes that could not be read, as `file:line: message` (relative to the notes folder). */
  problems: string[];
  /** publish.waitUntilLive: pages whose first post waits for them (`waiting`), or gave up on at the limit (`held`). */
  pages: { url: string; state: string; since: number; checks: number; lastResult: string | null }[];
  /** Notes announced on their own because another note of their language has their translation key. */
  familyConflicts: { file: string; key: string; sameLanguageAs: string | null }[];
  /** Deliveries parked for a platform started without its token, or whose token was refused (store/parked.ts), per platform: they wait for the operator. */
  parked: Record<string, number>;
  /** Posts sent again after no answer came to them (publish/uncertain.ts); `unguarded` ones may show twice. */
  uncertainSends: UncertainSends;
  /** Messages a send whose answer never came may have made that stay in a chat after their note went: nothing can find them (store/left-in-chats.ts). */
  leftInChats: LeftInChats;
  /** Looks for such a message (deletes queued with a call-off, `onDelete: delete`) that wait or that failed. */
  calledOffLooks: CalledOffLook[];
  /** Edits of notes a start --after-restore recorded, not sent: their messages are unknown (publish/restored-notes.ts). */
  editsNotSent: EditNotSent[];
  /** Posts a start --after-restore set aside (probably sent after the backup was taken), newest first, at most 50. */
  setAside: PostSetAside[];
  /** Per note and chat, the latest edit not sent for want of a message there (a post set aside or failed, a message gone), newest first, at most 50. */
  editsNotSentToChats: EditNotSentToChat[];
  /** Edits and deletes of a held post's note waiting for it (store/held-unanswered.ts). */
  waitingOnHeld: WaitingOnHeld[];
  /** Files not announced because another note shows exactly their content to their chats (publish/kept-copies.ts): the note each copies. */
  copiesKeptBack: { file: string; copyOf: string }[];
  /** Removals the guard holds (more than watch.removalThreshold notes gone at once: publish/held-removals.ts), and the command that applies them; null when none. */
  heldRemovals: HeldRemovalsReport | null;
  /** Files the running service holds a removal window before it announces or edits them (publish/held-files.ts); none when no service runs. */
  heldFiles: HeldFile[];
  /** Notes the running service set aside while they parse (publish/slow-notes.ts); none when no service runs. */
  slowNotes: SlowNote[];
  /** Chats whose subscriptions went because the platform said the chat is gone, or by `notecast unsubscribe` (store/chats-forgotten.ts), the newest 20. */
  chatsForgotten: ForgottenChat[];
  /** Chats the platform says are gone, asked again before they are forgotten (publish/gone-answers.ts): their deliveries wait meanwhile. */
  chatsSaidGone: ChatSaidGone[];
  /** Chats refused the bot that nothing names any more, with the edits and deletes of their messages waiting for it (store/paused-chats.ts). */
  waitingForBot: AwaitingBot[];
}

export function runStatus(opts: { config?: string; db?: string; json?: boolean }, io: Io): number {
  const config = commandConfigOrSaid(opts.config, io)?.config;
  if (!config) return 2;
  const file = opts.db ?? config.store.path;
  if (!existsSync(file)) {
    io.err(`no state yet at ${file}: run \`notecast start\` first`);
    return 1;
  }
  const otherName = holderNameOf(file);
  if (otherName && !sameLog(file, otherName)) {
    io.err(`notecast status: the service runs on this database under another name, ${otherName} (a hard link, a bind mount or another path); read it there: notecast status --db ${otherName}. Through this name SQLite would not see its write-ahead log, and would write one of its own beside it that a later open replays over the file.`);
    return 1;
  }
  let store: Store;
  try {
    store = new Store(file, { check: true, busyTimeoutMs: 2000, readOnly: true }); // status never writes (a read-only mount works)
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    // SQLite's "unable to open database file" names no cause (a read-only folder: no -shm can be made).
    io.err(`notecast status: ${isCannotOpen(e) ? stateFileProblem(file) : e.message}`);
    return 1;
  }
  try {
    const report = readReport(store, file);
    // A database written before errorText hid URL credentials may still hold a token in a reason.
    if (opts.json) io.out(withoutUrlCredentials(JSON.stringify(report)));
    else for (const line of reportLines(report, config.publish.translations.mode)) io.out(withoutUrlCredentials(line));
    return 0;
  } finally {
    store.close();
  }
}

/**
 * Whether `file` and `other` (the running service's name for the same database) see one
 * write-ahead log: the folder itself reached by another path (a bind mount, read-only or not), not
 * a hard link elsewhere. SQLite names the log after the path, so then it reads the service's own.
 */
function sameLog(file: string, other: string): boolean {
  const mine = statSync(`${file}-wal`, { bigint: true, throwIfNoEntry: false });
  const theirs = statSync(`${other}-wal`, { bigint: true, throwIfNoEntry: false });
  return mine !== undefined && theirs !== undefined && mine.ino === theirs.ino && mine.dev === theirs.dev;
}

function parsed<T>(raw: string | undefined): T | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null; // an older record: nothing to show
  }
}

/**
 * A connection state written by a run that ended without stopping (kill -9, a crash, the machine lost) is no longer
 * true: no process holds that connection. A clean stop wrote `stopped`; a refused token stays refused until a start
 * with another token.
 */
function asLeftByEndedRun(c: StatusReport['platforms'][string]): StatusReport['platforms'][string] {
  if (c.state === undefined || c.state === 'stopped' || c.state === 'refused') return c;
  return { state: 'not running', since: c.since, lastState: c.state };
}

function readReport(store: Store, file: string): StatusReport {
  const platforms: StatusReport['platforms'] = {};
  for (const p of ['discord', 'telegram']) {
    const c = parsed<StatusReport['platforms'][string]>(store.getMeta(`platform.${p}`));
    if (c) platforms[p] = c;
  }
  const instance = runningInstance(file) ?? null;
  if (!instance) for (const [p, c] of Object.entries(platforms)) platforms[p] = asLeftByEndedRun(c);
  return {
    database: path.resolve(file),
    notesDir: store.getMeta('notes.dir') ?? null,
    instance,
    startRefused: instance ? null : (startRefusal(file, store) ?? null), // the running service's file is the one it checked
    ...store.status(),
    watch: parsed(store.getMeta('watch.mode')),
    platforms,
    telegramWebhook: parsed<WebhookState>(store.getMeta(WEBHOOK_STATE_KEY)),
    scheduled: store.scheduledNotes().map((n) => ({ file: n.file, dueAt: n.dueAt })),
    digests: heldForDigests(store),
    problems: store.noteErrors().map((e) => e.error),
    pages: store.livePages.pending().map((p) => ({ url: p.url, state: p.state, since: p.firstAt, checks: p.checks, lastResult: p.lastResult })),
    familyConflicts: familyConflicts(store),
    parked: parkedDeliveries(store), // store/parked.ts: a platform started without its token, or whose token was refused
    uncertainSends: readUncertainSends(store),
    leftInChats: readLeftInChats(store),
    calledOffLooks: calledOffLooks(store),
    editsNotSent: editsNotSent(store),
    setAside: postsSetAside(store),
    editsNotSentToChats: editsNotSentToChats(store),
    waitingOnHeld: waitingOnHeld(store.sql),
    copiesKeptBack: copiesKeptBack(store.sql),
    heldRemovals: heldRemovals(store),
    heldFiles: instance ? readHeldFiles(store) : [], // a record a run that ended left is void (its next start reads them again)
    slowNotes: instance ? readSlowNotes(store) : [], // the same
    chatsForgotten: forgottenChats(store),
    chatsSaidGone: chatsSaidGone(store),
    waitingForBot: store.pausedChats.awaitingBot(),
  };
}

/** What `status` and `check` say of held removals: how many, since when, which, and the command that applies them. */
export function heldRemovalsText(h: HeldRemovalsReport): string {
  return `${h.count} (more than watch.removalThreshold at once) since ${h.since}: ${h.sample.join(', ')}${h.count > h.sample.length ? ', …' : ''}; apply them with ${h.apply}`;
}

/** The held removals whose files are still gone (one put back since the service last looked is no longer held). */
function heldRemovals(store: Store): HeldRemovalsReport | null {
  const dir = store.getMeta('notes.dir');
  return heldRemovalsReport(readHeldRemovals(store).filter((h) => dir === undefined || !existsSync(path.join(dir, h.file))));
}

/** Split families (family-key.ts): a note under `<key>#<its id>`, and the note holding its language under `<key>`. */
function familyConflicts(store: Store): StatusReport['familyConflicts'] {
  const rows = store
    .sql(`SELECT n.file, json_extract(n.info, '$.keyAsWritten') AS key,
            (SELECT h.file FROM notes h WHERE h.state NOT IN ('deleted', 'error') AND json_extract(h.info, '$.translationKey') = json_extract(n.info, '$.keyAsWritten')
               AND json_extract(h.info, '$.lang') = json_extract(n.info, '$.lang') LIMIT 1) AS holder
          FROM notes n WHERE n.state NOT IN ('deleted', 'error') AND json_extract(n.info, '$.keyAsWritten') IS NOT NULL
            AND json_extract(n.info, '$.translationKey') = json_extract(n.info, '$.keyAsWritten') || '#' || n.id ORDER BY n.file LIMIT 50`)
    .all() as { file: string; key: string; holder: string | null }[];
  return rows.map((r) => ({ file: r.file, key: r.key, sameLanguageAs: r.holder }));
}

function heldForDigests(store: Store): StatusReport['digests'] {
  const rows = store
    .sql(`SELECT platform, chat, thread, json_extract(payload, '$.digestAt') AS at, COUNT(*) AS n FROM outbox
          WHERE kind = 'post' AND status IN ('pending', 'sending') AND json_extract(payload, '$.digestAt') IS NOT NULL GROUP BY platform, chat, thread, at ORDER BY at`)
    .all() as { platform: Target['platform']; chat: string; thread: string; at: number; n: number }[];
  return rows.map((r) => ({ target: { platform: r.platform, chat: r.chat, thread: r.thread }, at: r.at, notes: r.n }));
}

/** `translations`: the configured `publish.translations.mode`; with `separate` every note is its own announcement. */
function reportLines(s: StatusReport, translations: 'group' | 'separate'): string[] {
  const count = (o: Record<string, number>, k: string) => o[k] ?? 0;
  const notes = Object.values(s.notes).reduce((a, b) => a + b, 0);
  const published = count(s.notes, 'published');
  // Said only when translations share announcements; for lone notes, or `separate`, it would only repeat the count.
  const families = translations === 'group' && s.families < published ? `; the ${published} published are ${s.families} translation ${s.families === 1 ? 'family' : 'families'} (one announcement each)` : '';
  const lines = [
    `database:       ${s.database}`,
    `notes folder:   ${s.notesDir ?? '(not started on this database yet)'}`,
    `service:        ${s.instance ? `running: process ${s.instance.pid} on ${s.instance.host}, since ${s.instance.since}` : 'not running'}`,
    `notes:          ${notes} (${Object.entries(s.notes).map(([k, v]) => `${v} ${k}`).join(', ') || 'none'})${families}`,
    `subscriptions:  ${s.subscriptions}`,
    `deliveries:     ${count(s.outbox, 'pending') + count(s.outbox, 'sending')} pending, ${count(s.outbox, 'done')} done, ${count(s.outbox, 'failed')} failed, ${count(s.outbox, 'skipped')} skipped`,
  ];
  for (const [platform, n] of Object.entries(s.parked)) lines.push(`parked:         ${parkedText(platform, n, s.platforms[platform]?.state === 'refused')}`);
  if (s.heldRemovals) lines.push(`held removals:  ${heldRemovalsText(s.heldRemovals)}`);
  if (s.startRefused) lines.push(`next start:     refused: ${s.startRefused}`);
  if (s.watch) lines.push(`watching:       ${s.watch.mode} (${s.watch.reason})`);
  for (const [platform, c] of Object.entries(s.platforms)) lines.push(platformLine(platform, c));
  if (s.telegramWebhook) lines.push(`telegram hook:  ${webhookText(s.telegramWebhook)}`);
  const section = (title: string, rows: string[]) => rows.length && lines.push(title, ...rows.map((r) => `  ${r}`));
  section(
    'paused targets (/subscribe there resumes one; `notecast unsubscribe <chat>` forgets one gone for good):',
    s.paused.map((p) => `${targetKey(p.target)}${p.name ? ` (${p.name})` : ''}: ${p.reason} (since ${new Date(p.pausedAt).toISOString()})`),
  );
  section(
    'waiting for a chat to take the bot back (nothing names it any more; sent once the platform says the bot is back there; `notecast unsubscribe <chat>` drops them):',
    s.waitingForBot.map((w) => `${targetKey(w.target)}: ${awaitingText(w)} for the chat to take the bot back (refused: ${w.reason}, since ${new Date(w.since).toISOString()})`),
  );
  section(`chats said to be gone (asked again; forgotten at the ${GONE_ANSWERS}th answer, their posts waiting meanwhile):`, s.chatsSaidGone.map((c) => `${c.chat}: ${c.answers} of ${GONE_ANSWERS} answers since ${new Date(c.since).toISOString()}`));
  section('chats forgotten (subscriptions removed):', s.chatsForgotten.map((c) => `${c.chat}: ${c.why} (${new Date(c.at).toISOString()}; ${countOf(c.subscriptions, 'subscription')} removed, ${c.calledOff} waiting called off)`));
  section('failed deliveries:', s.failures.map((f) => `#${f.id} ${f.kind} ${f.noteId ?? '(digest)'} → ${targetKey(f.target)}: ${f.error ?? 'unknown'} (${countOf(f.attempts, 'attempt')})`));
  section('scheduled notes:', s.scheduled.map((n) => `${n.file}: announced at ${new Date(n.dueAt).toISOString()}`));
  section('digests waiting:', s.digests.map((d) => `${targetKey(d.target)}: ${d.notes} ${d.notes === 1 ? 'note' : 'notes'}, posted at ${new Date(d.at).toISOString()}`));
  section('notes with problems:', s.problems);
  section('translation keys shared in one language (announced as separate notes):', s.familyConflicts.map((c) => `${c.file}: "${c.key}", as ${c.sameLanguageAs ?? 'another note'}; give one of them its own translationKey`));
  section(
    'posts waiting for their page:',
    s.pages.map((p) => `${p.url}: ${p.state === 'held' ? 'held (not live at the time limit; asked again at the next start)' : 'waiting'} since ${new Date(p.since).toISOString()}, ${countOf(p.checks, 'request')}${p.lastResult ? `, last: ${p.lastResult}` : ''}`),
  );
  section(
    'edits not sent (notes recorded by --after-restore: their messages are unknown to this database; give one `notecast: {announce: again}` to post it anew):',
    s.editsNotSent.map((e) => `${e.file}: edited ${new Date(e.at).toISOString()}`),
  );
  section(
    'posts set aside by --after-restore (queued in the backup, most likely sent after it was taken; give a note `notecast: {announce: again}` if its chat lacks it):',
    s.setAside.map((p) => `#${p.delivery} ${p.file ?? p.note ?? '(digest)'}${p.title ? ` "${p.title}"` : ''} → ${targetKey(p.target)}, set aside ${new Date(p.at).toISOString()}`),
  );
  section(
    'edits not sent to chats without the message (give the note `notecast: {announce: again}` to post it anew there):',
    s.editsNotSentToChats.map((e) => `#${e.delivery} ${e.note}${e.file ? ` (${e.file})` : ''} → ${targetKey(e.target)} at ${new Date(e.at).toISOString()}: ${e.why}`),
  );
  section('files held a removal window (not announced or edited yet):', s.heldFiles.map(heldFileText));
  section('notes still parsing, set aside (the notes saved with them went on):', s.slowNotes.map(slowNoteText));
  section(
    'copies kept back (exactly another note\'s content, shown already: announced once their text differs; they take that note\'s messages if it changes or goes):',
    s.copiesKeptBack.map((c) => `${c.file}: a copy of ${c.copyOf}`),
  );
  const u = s.uncertainSends;
  if (u.total) {
    lines.push(`uncertain:      ${countOf(u.total, 'post')} whose answer never came (sent again, or called off and maybe shown); ${u.unguarded} without a platform key to recognise the resend (the chat may show those twice)`);
    section('latest posts whose answer never came:', u.recent.map(uncertainText));
  }
  section(
    'edits and deletes waiting for a held post (sent once it is: a signal that sends work, or delivery.heldMaxMs at most):',
    s.waitingOnHeld.map((w) => `#${w.delivery} ${w.kind} of ${w.note ?? '(digest)'} → ${targetKey(w.target)}: waits for held post #${w.held}`),
  );
  section('looks for the message a called-off post\'s unanswered send may have made (onDelete: delete):', s.calledOffLooks.map(lookText));
  if (s.leftInChats.total) {
    section(`messages that may stay in a chat after their note went (${s.leftInChats.total}; a send that got no answer may have made them, and nothing can find them: look in the chat and delete them by hand):`, s.leftInChats.recent.map(leftText));
  }
  return lines;
}

/** One post whose answer never came: what recognises its resend, or that it was called off and may show in the chat. */
function uncertainText(r: UncertainSends['recent'][number]): string {
  const what = r.calledOff !== undefined
    ? `called off (${r.calledOff}): ${r.outcome ?? 'the chat may show it'}`
    : `${{ nonce: 'sent again, recognised by its nonce', lookup: 'looked for before sending again', none: (r.sends ?? 1) > 1 ? `${r.sends} sends unanswered, each may have made a message` : 'sent again, may show twice' }[r.guard]}${r.outcome !== undefined ? `; ${r.outcome}` : ''}`;
  return `#${r.delivery} ${r.note ?? '(digest)'} → ${r.target} at ${new Date(r.at).toISOString()}: ${what} (${r.reason})`;
}

/** A look for a called-off post's message: waiting (how long, how many tries) or failed (then the chat may show it). */
function lookText(l: CalledOffLook): string {
  const state = l.state === 'failed'
    ? `failed (${l.lastError ?? 'no reason kept'}): the chat may show it; look there and delete it by hand`
    : `waiting since ${new Date(l.since).toISOString()}${l.attempts ? ` (${l.attempts} ${l.attempts === 1 ? 'try' : 'tries'}${l.lastError ? `: ${l.lastError}` : ''})` : ''}`;
  return `#${l.delivery} for post #${l.calledOff} ${l.note ?? '(digest)'} → ${targetKey(l.target)}: ${state}`;
}

/** A message that may stay in its chat: which post, note and chat, since when, and why nothing can find it. */
function leftText(l: LeftInChats['recent'][number]): string {
  const sent = l.sentAt !== null ? `sent ${new Date(l.sentAt).toISOString()}, ` : '';
  return `#${l.delivery} ${l.note ?? '(digest)'} → ${l.target}: ${sent}known since ${new Date(l.at).toISOString()}: ${l.why}`;
}

/** `2 edits, 1 delete wait`: what waits in a chat for the bot. */
function awaitingText(w: AwaitingBot): string {
  const parts = [countOf(w.edits, 'edit'), countOf(w.deletes, 'delete'), countOf(w.other, 'other change')].filter((p) => !p.startsWith('0 '));
  return `${parts.join(', ') || 'nothing'} ${w.edits + w.deletes + w.other === 1 ? 'waits' : 'wait'}`;
}

/** `3 deliveries for telegram, …`: why they are parked (store/parked.ts) and what sends them. */
function parkedText(platform: string, n: number, tokenRefused: boolean): string {
  const what = `${n} ${n === 1 ? 'delivery' : 'deliveries'} for ${platform}`;
  return tokenRefused ? `${what}, whose bot token was refused (401): they go out after a restart with a valid token` : `${what}, which is not configured (no token): they go out once it is`;
}

/** `discord:        connecting since … (attempt 3: connect ECONNREFUSED)`, from the state the service keeps. */
function platformLine(platform: string, c: StatusReport['platforms'][string]): string {
  const since = c.since ? ` since ${new Date(c.since).toISOString()}` : '';
  const why = c.reason ? ` (${c.attempts ? `attempt ${c.attempts}: ` : ''}${c.reason})` : '';
  if (c.state === 'not running') return `${`${platform}:`.padEnd(16)}not running (the run that ended without stopping was ${c.lastState === 'up' ? 'connected' : (c.lastState ?? 'in an unknown state')}${since})`;
  const state = c.state === 'refused' ? 'token refused' : (c.state ?? 'unknown');
  const waits = c.state === 'unreachable' ? ': its deliveries wait until it answers, spending no attempt' : '';
  return `${`${platform}:`.padEnd(16)}${state}${since}${why}${waits}`;
}

/** For `check`: why a start would refuse the database at `file` (a copy, a lost -wal…), when one is there. */
export function databaseRefusal(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const unwritable = unwritableStateProblem(file);
  if (unwritable) return unwritable;
  let store: Store;
  try {
    // Read only: `check` writes nothing, not even the migrations an older release's database waits for.
    store = new Store(file, { check: true, busyTimeoutMs: 2000, readOnly: true });
  } catch (e) {
    if (e instanceof OutdatedStoreError) return undefined; // `start` brings it up to date: no refusal
    if (!(e instanceof StoreError)) throw e;
    return isCannotOpen(e) ? stateFileProblem(file) : e.message;
  }
  try {
    return runningInstance(file) ? undefined : startRefusal(file, store);
  } finally {
    store.close();
  }
}

/**
 * For `check`: the removals the guard holds in the state database at `file`, as `status` says them, and the files a
 * service running on it holds a removal window; none when there is no database or it cannot be read (`databaseRefusal` says why).
 */
export function heldRemovalsIn(file: string): { removals: HeldRemovalsReport | null; files: HeldFile[] } | null {
  if (!existsSync(file)) return null;
  let store: Store;
  try {
    store = new Store(file, { check: true, busyTimeoutMs: 2000, readOnly: true });
  } catch (e) {
    if (e instanceof StoreError) return null;
    throw e;
  }
  try {
    return { removals: heldRemovals(store), files: runningInstance(file) ? readHeldFiles(store) : [] };
  } finally {
    store.close();
  }
}
