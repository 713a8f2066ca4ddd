/**
 * Issue 25, tester 23-1 F7: an announced note moved, edited and drafted at once (`mv en/n2.md en/n1.md`, a line added,
 * `draft: true`), and a new unrelated note written at its old path. Undrafted, the note moves to where its title went
 * (moved-off-retitled.ts) and the new note is posted; drafted, the moved file was left out of that reading (a draft
 * "has nothing to post"), so en/n2.md was the note edited in place: its messages edited to show the new note, which
 * was never posted on its own (README: "never an edit showing another note in the old one's message"). Which note a
 * file is does not depend on whether it is to be posted: the draft is the note moved (its messages deleted with
 * `onDelete: delete`, kept showing it with `keep`), and the old path a new note, posted. So while the service is
 * stopped, while it runs, and when the first run had only recorded the note (never announced: the new note is still
 * new, and posted).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessService, type ConsoleEvent, fileParseThreads } from '../helpers/inproc.js';

const parseThreads = fileParseThreads();
let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

// The tester's bodies: about 30 words each, too short for the rewrite rule to call them two notes (README, Edits).
const B1 = 'maple river gamma delta delta cedar lantern meadow stone river harbor violet meadow stone alpha maple meadow cedar harbor violet violet gamma maple lantern copper delta stone forest cloud delta unique1.';
const B5 = 'forest copper alpha beta stone cloud maple harbor violet river lantern cedar gamma meadow delta stone beta alpha forest copper maple cloud river harbor lantern violet gamma cedar meadow beta unique5.';
const T1 = 'Title 1 harbor gamma gamma', T5 = 'Title 5 copper cloud';
const OLD = 'en/n2.md', MOVED = 'en/n1.md';
const note = (title: string, body: string, fm = '') => `---\ntitle: ${title}\n${fm}---\n${body}\n`;

function sandbox(onDelete: 'keep' | 'delete'): InProcessService {
  const s = InProcessService.sandbox({
    watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
    publish: { onDelete, translations: { mode: 'group', graceMs: 0 }, digest: { threshold: 1000, windowMs: 120 } },
    routes: [
      { platform: 'console', chat: 'all' },
      { platform: 'console', chat: 'en', filter: { lang: ['en'] } },
    ],
  }, { parseThreads });
  mkdirSync(path.join(s.notes, 'en'));
  return s;
}

/** The move, the edit and the draft, then the new note at the old path. */
function moveDraftAndRecreate(s: InProcessService, fm: string): void {
  const abs = (rel: string) => path.join(s.notes, rel);
  renameSync(abs(OLD), abs(MOVED));
  writeFileSync(abs(MOVED), note(T1, `${B1} more words here.`, fm));
  writeFileSync(abs(OLD), note(T5, B5));
}

/** Messages whose post showed one title and a later edit another. */
function switched(events: readonly ConsoleEvent[]): string[] {
  const first = new Map<string, string>();
  const out: string[] = [];
  for (const e of events) {
    const k = `${e.target} ${e.messageId}`, title = e.text.split('\n')[0]!;
    if (e.event === 'post') first.set(k, title);
    else if (e.event === 'edit' && first.has(k) && !title.startsWith(first.get(k)!.slice(0, 7))) out.push(`${k}: posted as ${first.get(k)}, edited to ${title}`);
  }
  return out;
}

const CASES = [
  ['while stopped', 'announced'],
  ['while running', 'announced'],
  ['while stopped', 'only recorded by the first run'],
] as const;

describe('a note moved and drafted (or kept out) at once, a new note at its old path (tester 23-1 F7)', () => {
  for (const [when, first] of CASES)
    for (const onDelete of ['keep', 'delete'] as const)
      for (const [how, fm] of [['drafted', 'draft: true\n'], ['announce: false', 'notecast: {announce: false}\n']] as const)
        it(`${when}, the note ${first}, ${how}, onDelete: ${onDelete}: the new note is posted, no message shows another note`, { timeout: 60_000 }, async () => {
          const s = (svc = sandbox(onDelete));
          const announced = first === 'announced';
          if (!announced) writeFileSync(path.join(s.notes, OLD), note(T1, B1));
          await s.start();
          if (announced) {
            writeFileSync(path.join(s.notes, OLD), note(T1, B1));
            await s.settle([OLD]);
          }
          expect(s.sent('all', 'post')).toHaveLength(announced ? 1 : 0);
          if (when === 'while running') {
            moveDraftAndRecreate(s, fm);
            await s.settle([OLD, MOVED]);
          } else {
            await s.stop();
            moveDraftAndRecreate(s, fm);
            await s.start();
          }
          for (const chat of ['all', 'en']) {
            expect(s.sent(chat, 'post').filter((e) => e.text.startsWith(T5)), chat).toHaveLength(1);
            const kept = announced && (onDelete === 'keep' || how === 'announce: false');
            expect(s.live(chat).map((m) => m.text.split('\n')[0]).sort(), chat).toEqual(kept ? [T1, T5] : [T5]);
          }
          expect(switched(s.events)).toEqual([]);
          expect(s.app!.store.getNote('en/n1')).toMatchObject({ file: MOVED, info: { title: T1 } });
          expect(s.app!.store.getNote('en/n2')).toMatchObject({ file: OLD, info: { title: T5 } });
          expect(s.anomalies).toEqual([]);
        });
});

/**
 * The same class where an editor writes the moved file first and deletes the old one a moment later (README: a new
 * file sharing an announced note's name, title or URL and most of its body waits one removal window): a draft was
 * not held ("nothing to post"), so with `keep` the original's removal kept its message and the draft, undrafted
 * later, was posted as a new note: the note twice in one chat.
 */
describe('a note moved by a write-then-delete editor and drafted in that save (tester 23-1 F7, same class)', () => {
  it('onDelete: keep: undrafted later, its kept message is edited, nothing is posted again', { timeout: 60_000 }, async () => {
    const s = (svc = InProcessService.sandbox({
      watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
      publish: { onDelete: 'keep', translations: { mode: 'group', graceMs: 0 }, digest: { threshold: 1000, windowMs: 1500 } },
      routes: [{ platform: 'console', chat: 'all' }],
    }, { parseThreads }));
    mkdirSync(path.join(s.notes, 'en'));
    await s.start();
    writeFileSync(path.join(s.notes, OLD), note(T1, B1));
    await s.settle([OLD]);
    writeFileSync(path.join(s.notes, MOVED), note(T1, `${B1} more words here.`, 'draft: true\n'));
    // Batched, not settled: the held file keeps the service from idle until its window ends, the old file's removal first.
    await s.batched([MOVED]);
    rmSync(path.join(s.notes, OLD));
    await s.settle([OLD]);
    writeFileSync(path.join(s.notes, MOVED), note(T1, `${B1} more words here, and a last line.`));
    await s.settle([MOVED]);
    expect(s.sent('all', 'post')).toHaveLength(1);
    expect(s.live('all').map((m) => m.text.split('\n')[0])).toEqual([T1]);
    expect(s.anomalies).toEqual([]);
  });
});
