/**
 * What a note's new state means for the chats. Pure: the store's last record of the note and
 * the note as it is now in, a new record and one action out.
 */
import { createHash, hash } from 'node:crypto';
import type { Note } from '../notes/read.js';
import type { Summary } from '../summary/build.js';
import { DEFERRED_SUMMARY, summaryDeferred, type BodySketch, type NoteInfo, type NoteRow } from '../store/types.js';
import { noteInfo } from '../notes/info.js';
import { identityField } from '../notes/identity.js';

/**
 * `back`: a note back from deletion or draft with its messages kept (`onDelete: keep`): new in the chats
 * where its post was called off before it went out (called-off-chats.ts).
 */
export type Action =
  | { type: 'none'; why: string; back?: true }
  /** First announcement in every chat that wants it. */
  | { type: 'announce' }
  /** Edit the messages already posted. */
  | { type: 'update'; back?: true }
  /** Post anew (config `onChange: repost`, or front matter `announce: again`). */
  | { type: 'repost' }
  /** Delete the posted messages (config `onDelete: delete`). */
  | { type: 'retract' }
  /**
   * Only the author's controls changed (`silent`, `pin`, `routes`, `announce: false`): posts still
   * queued follow them (or are called off); messages already sent stay as they are.
   */
  | { type: 'controls' };

export interface Policy {
  onChange: 'edit' | 'repost' | 'ignore';
  onDelete: 'keep' | 'delete';
  /** First run over this folder: record notes silently unless `announceExisting`. */
  firstRun: boolean;
  announceExisting: boolean;
  /** The start-up scan after a restore: what the database does not know as announced was, most likely, announced after the backup. */
  afterRestore?: boolean;
}

export interface Decision {
  row: NoteRow;
  action: Action;
}

/**
 * Changes a reader would see; reading time is left out so a typo does not re-announce, and so are
 * the categories and front matter kept for templates (earlier releases hashed without them, so
 * upgrading edits nothing).
 */
export function summaryHash(s: Summary): string {
  const { readingMinutes: _ignored, categories: _categories, page: _page, ...shown } = s;
  // A point of plain words hashes as the string earlier releases stored, so upgrading edits nothing.
  const keyPoints = shown.keyPoints.map((p) => (p.length === 1 && !p[0]!.style ? p[0]!.text : p));
  return createHash('sha256').update(JSON.stringify({ ...shown, keyPoints })).digest('hex').slice(0, 32);
}

/**
 * Stands for a summary not made yet (store/types.ts DEFERRED_SUMMARY): the summary is a pure
 * function of the note's text and file (and the config), so the same digest means the same summary.
 */
function deferredSummaryHash(note: Pick<Note, 'hash' | 'file'>): string {
  // The one-shot digest (node:crypto `hash`, Node 20.12): the same digest without a Hash object, a quarter of the CPU
  // on a string this short (1.1-1.6 µs against 0.3-0.4, 100,000 alternated, load ~20); one per note at a cold start.
  return DEFERRED_SUMMARY + hash('sha256', `${note.hash}\n${note.file}`, 'hex').slice(0, 32);
}

/**
 * Whether a reader would see the same summary as the record's. A record whose summary was never
 * made (recorded by a first run, never shown since) is compared by what its summary is made from:
 * changed text may leave the summary as it was, and is taken as changed (nothing of it was shown).
 */
function sameSummary(prev: NoteRow, sHash: string, note: Note): boolean {
  return summaryDeferred(prev) ? prev.summaryHash === deferredSummaryHash(note) : prev.summaryHash === sHash;
}

/** What of a note's controls a queued post follows: whether it goes at all, where, and how. */
function postControlsKey(info: NoteInfo): string {
  const c = info.controls;
  return JSON.stringify([c?.announce === false, c?.silent === true, c?.pin === true, c?.routes ?? null]);
}

/** Whether the controls a queued post follows differ between two records of a note. */
function postControlsChanged(a: NoteInfo, b: NoteInfo): boolean {
  return postControlsKey(a) !== postControlsKey(b);
}

/** Why a start `--after-restore` records a note new to the backup without announcing it (restored-notes.ts follows those notes). */
export const AFTER_RESTORE_WHY = 'recorded without announcing after a restore (--after-restore)';

/** `summary` null: not made for this record (a first run's, see DEFERRED_SUMMARY); made when first shown. */
export function decideNote(prev: NoteRow | undefined, note: Note, summary: Summary | null, now: number, policy: Policy, body?: BodySketch): Decision {
  const sHash = summary ? summaryHash(summary) : deferredSummaryHash(note);
  const future = note.date && note.date.getTime() > now ? note.date.getTime() : null;
  const base: NoteRow = {
    id: note.id,
    file: note.file,
    hash: note.hash,
    summaryHash: sHash,
    state: 'published',
    dueAt: null,
    revision: prev?.revision ?? 0,
    announced: prev?.announced ?? false,
    // The body's sketch and written identity are kept so a rename and edit, or a path re-created with another note, can be told once the file is gone (rename-match.ts, another-note.ts).
    info: { ...noteInfo(note), ...(body ? { body } : {}), ...identityField(note.frontMatter) },
    summary,
    error: null,
  };
  const wasLive = !!prev?.announced && prev.state === 'published';

  if (note.draft) {
    const action: Action = wasLive && policy.onDelete === 'delete' ? { type: 'retract' } : { type: 'none', why: 'draft' };
    return { row: { ...base, state: 'draft' }, action };
  }
  const controls = note.frontMatter.notecast;
  if (controls?.announce === false) {
    // The author keeps it out of the chats; posts made before stay as they are, unedited.
    // Its old summary is kept, so taking the control out brings those posts up to date.
    const kept = wasLive ? { summaryHash: prev.summaryHash, summary: prev.summary } : {};
    const row = { ...base, ...kept, announced: prev?.announced ?? false, revision: prev?.revision ?? 0 };
    // Posts of it still queued are called off: what goes out follows the note as it is when sent.
    if (wasLive && postControlsChanged(prev.info, base.info)) return { row, action: { type: 'controls' } };
    return { row, action: { type: 'none', why: 'notecast.announce: false' } };
  }
  if (future !== null && !wasLive) {
    return { row: { ...base, state: 'scheduled', dueAt: future }, action: { type: 'none', why: `scheduled for ${new Date(future).toISOString()}` } };
  }
  if (!prev || !prev.announced) {
    if (!prev && policy.firstRun && !policy.announceExisting) {
      // Pointing notecast at an existing folder must not flood the chats.
      return { row: { ...base, announced: true, revision: 1 }, action: { type: 'none', why: 'existing note recorded on first run' } };
    }
    if (policy.afterRestore) return { row: { ...base, announced: true, revision: 1 }, action: { type: 'none', why: AFTER_RESTORE_WHY } };
    return { row: { ...base, announced: true, revision: 1 }, action: { type: 'announce' } };
  }
  if (prev.state !== 'published') {
    // Back from draft or deletion. With `onDelete: delete` its messages went: it is announced again, unless
    // the state is a restored backup, which cannot know whether the instance after it announced it already
    // (docs/operations.md: a restore announces nothing it knows as a draft; the model found the deleted case).
    if (policy.onDelete === 'delete' && (prev.state === 'deleted' || prev.state === 'draft')) {
      if (policy.afterRestore) return { row: { ...base, revision: prev.revision + 1 }, action: { type: 'none', why: AFTER_RESTORE_WHY } };
      return { row: { ...base, revision: prev.revision + 1 }, action: { type: 'announce' } };
    }
    // With `keep` they are still there: brought up to date. `back`: where its post was called off before it went
    // out, nothing is: it is new in those chats (called-off-chats.ts), unless the state is a restored backup, which
    // cannot know what went out after it.
    const back = !policy.afterRestore && (prev.state === 'deleted' || prev.state === 'draft') ? { back: true as const } : {};
    // Back at another path, its message unchanged (a `permalink`): a move whose new path came after its removal was applied
    // (a split move past the window); as a move, a path filter may pick it in chats it did not go to (the model's seed 501).
    const moved = 'back' in back && prev.file !== base.file;
    return { row: { ...base, revision: prev.revision + 1 }, action: sameSummary(prev, sHash, note) ? (moved ? { type: 'update', ...back } : { type: 'none', why: 'republished unchanged', ...back }) : { type: 'update', ...back } };
  }
  if (sameSummary(prev, sHash, note)) {
    // Moved, its message unchanged (a `permalink` written keeps its link): a path filter may pick it in chats it did not go to.
    const action: Action = postControlsChanged(prev.info, base.info) || prev.file !== base.file ? { type: 'controls' } : { type: 'none', why: 'summary unchanged' };
    return { row: { ...base, revision: prev.revision }, action };
  }
  // A rename or move whose message changes only in its link is no new content: the message follows it, edited, never
  // posted again (README, Deletes; tester 35's F6: `onChange: repost` posted it again, the first message's link dead).
  const again = note.frontMatter.announce === 'again' || controls?.announce === 'again';
  if ((again || policy.onChange === 'repost') && linkOnlyChange(prev, summary)) return { row: { ...base, revision: prev.revision + 1 }, action: { type: 'update' } };
  if (again) return { row: { ...base, revision: prev.revision + 1 }, action: { type: 'repost' } };
  if (policy.onChange === 'ignore') return { row: { ...base, revision: prev.revision }, action: { type: 'none', why: 'onChange: ignore' } };
  return { row: { ...base, revision: prev.revision + 1 }, action: { type: policy.onChange === 'repost' ? 'repost' : 'update' } };
}

/** Whether the new summary is the one on record but for its link (the file renamed or moved, `site.url` set). */
function linkOnlyChange(prev: NoteRow, summary: Summary | null): boolean {
  if (!summary || !prev.summary || summaryDeferred(prev) || prev.summary.url === summary.url) return false;
  return summaryHash({ ...summary, url: prev.summary.url }) === prev.summaryHash;
}

/** A removed file has nothing left to read: its error goes with it (else `status` and `sync --once` said it for good: issue 25, tester 19 F3). */
export function decideRemoval(prev: NoteRow, policy: Policy): Decision {
  const wasLive = prev.announced && prev.state === 'published';
  return {
    row: { ...prev, state: 'deleted', dueAt: null, error: null },
    action: wasLive && policy.onDelete === 'delete' ? { type: 'retract' } : { type: 'none', why: 'deleted' },
  };
}
