/**
 * Issue 25, tester round 14 (f1a, f2): a family's last member that leaves it for another family (by
 * `translationKey`, by `lang`, by a rename) takes its messages along: each follows it to the new family
 * where that one has no message in the chat, and is deleted where it has one, whatever `onDelete` says
 * (the note did not go away). Under `onDelete: keep` the old message stayed beside the new family's: two
 * messages showing one note in a chat, the old one never edited again.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

const note = (title: string, body: string, fm: Record<string, string>) =>
  `---\ntitle: ${title}\ndate: 2025-11-01\n${Object.entries(fm).map(([k, v]) => `${k}: ${v}\n`).join('')}---\n\n${body}\n`;
const EN = (title = 'Xylophone guide', lang = 'en') => note(title, 'Hold the mallets loosely and strike the bars in the middle.', { lang });
const JA = (title = 'Mokkin guide', fm: Record<string, string> = {}) => note(title, 'Bachi wo karuku motte, ban no mannaka wo utsu.', { lang: 'ja', translated: 'true', ...fm });

/** The tester's chats: `all` takes every note, `en` and `ja` their language only. */
function sandbox(onDelete: 'keep' | 'delete', mode: 'group' | 'separate'): InProcessService {
  return InProcessService.sandbox({
    watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
    publish: { onDelete, translations: { mode, graceMs: 0 }, digest: { threshold: 1000, windowMs: 120 } },
    routes: [
      { platform: 'console', chat: 'all' },
      { platform: 'console', chat: 'en', filter: { lang: ['en'] } },
      { platform: 'console', chat: 'ja', filter: { lang: ['ja'] } },
    ],
  }, { parseThreads });
}

const TITLES = ['Xylophone guide', 'Mokkin guide'];

/**
 * Per chat, the notes (by title: a renamed note's message keeps its old note id) shown by more than one
 * live message: none is announced twice. A family's message names its other members by language only.
 */
function shownTwice(s: InProcessService): string[] {
  return ['all', 'en', 'ja'].flatMap((chat) => TITLES.filter((t) => s.live(chat).filter((m) => m.text.includes(t)).length > 1).map((t) => `${chat}: ${t}`));
}

/** Live messages showing the note titled `title` whose text lacks its edited title `edited`: messages its edit did not reach. */
function notReached(s: InProcessService, title: string, edited: string): string[] {
  return ['all', 'en', 'ja'].flatMap((chat) => s.live(chat).filter((m) => m.text.includes(title) && !m.text.includes(edited)).map((m) => `${chat}: ${m.messageId} (${m.family})`));
}

/** How many live messages of a chat show the note titled `title`. */
const showing = (s: InProcessService, chat: string, title: string) => s.live(chat).filter((m) => m.text.includes(title)).length;

const write = (svc: InProcessService, rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(svc.notes, rel)), { recursive: true });
  writeFileSync(path.join(svc.notes, rel), text);
};

/** x-en.md and ja/x-ja.md, one family `x`, announced; stopped when test `t` finishes (the tests run at once: none stops another's). */
async function startWithFamily(t: TestContext, onDelete: 'keep' | 'delete', mode: 'group' | 'separate'): Promise<InProcessService> {
  const svc = sandbox(onDelete, mode);
  t.onTestFinished(() => svc.stop());
  await svc.start();
  write(svc, 'x-en.md', EN());
  write(svc, 'ja/x-ja.md', JA());
  await svc.settle(['x-en.md', 'ja/x-ja.md']);
  return svc;
}

const MODES = (['keep', 'delete'] as const).flatMap((onDelete) => (['group', 'separate'] as const).map((mode) => [onDelete, mode] as const));

const move = (from: string, to: string) => (svc: InProcessService) => renameSync(path.join(svc.notes, from), path.join(svc.notes, to));
const put = (rel: string, text: string) => (svc: InProcessService) => write(svc, rel, text);

/** A way out of family `x` and back: the two steps (each one change and the paths it touches), and the edit after. */
interface Leave {
  away: [(svc: InProcessService) => void, string[]];
  back: [(svc: InProcessService) => void, string[]];
  edit: { file: string; text: string; title: string; edited: string; chat: string };
}

const JA_EDIT = { file: 'ja/x-ja.md', text: JA('Mokkin guide two'), title: 'Mokkin guide', edited: 'Mokkin guide two', chat: 'ja' };
const LEAVES: [string, Leave][] = [
  ['by translationKey and back (f1a key)', { away: [put('ja/x-ja.md', JA('Mokkin guide', { translationKey: 'other' })), ['ja/x-ja.md']], back: [put('ja/x-ja.md', JA()), ['ja/x-ja.md']], edit: JA_EDIT }],
  [
    'by lang and back (f1a lang)',
    {
      away: [put('x-en.md', EN('Xylophone guide', 'ja')), ['x-en.md']],
      back: [put('x-en.md', EN()), ['x-en.md']],
      edit: { file: 'x-en.md', text: EN('Xylophone guide two'), title: 'Xylophone guide', edited: 'Xylophone guide two', chat: 'en' },
    },
  ],
  ['by a rename to a family of its own and back (f2 steps 4-6)', { away: [move('ja/x-ja.md', 'ja/z-ja.md'), ['ja/x-ja.md', 'ja/z-ja.md']], back: [move('ja/z-ja.md', 'ja/x-ja.md'), ['ja/x-ja.md', 'ja/z-ja.md']], edit: JA_EDIT }],
];

// The twelve cases mostly wait on quiet periods and removal windows: they run at once (three at a time), each on its own service.
describe.concurrent('a family left with no member by its note moving to another family (issue 25, tester 14-1)', () => {
  it.for(LEAVES.flatMap(([name, leave]) => MODES.map(([onDelete, mode]) => [name, onDelete, mode, leave] as const)))('%s: one message per note in each chat, every one edited (onDelete: %s, %s)', { timeout: 60_000 }, async ([, onDelete, mode, leave], t) => {
    const s = await startWithFamily(t, onDelete, mode);
    for (const [change, paths] of [leave.away, leave.back]) {
      change(s);
      await s.settle(paths);
      expect(shownTwice(s)).toEqual([]);
    }
    const { file, text, title, edited, chat } = leave.edit;
    write(s, file, text);
    await s.settle([file]);
    expect(notReached(s, title, edited)).toEqual([]);
    expect(showing(s, chat, edited)).toBe(1);
    expect(s.anomalies).toEqual([]);
  });
});
