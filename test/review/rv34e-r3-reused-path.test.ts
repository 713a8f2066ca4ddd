/**
 * rv-34e R3 (probe): s34-m4's postsToNewChats skip (chatsShowingInFamily) counts a family message as the note's own
 * message in a chat when its payload's `member` is the note's id. A note removed while `separate` leaves its family's
 * messages as they are (showing its id); another note later written at the same path (README, Deletes: another note,
 * told apart by what it says of itself) has that id. When an edit brings the new note to a chat only now, it gets no post
 * there: the removed note's family message is edited to show it instead.
 *
 * OPEN (it.fails, s34-mf, not fixed by the deadline). Diagnosis: family-after-switch.ts messagesShowing counts a family
 * message as `row`'s when its payload's `member` is row.id, with no check that it was posted for this note. Two callers
 * take it over: returnToFamilyMessages at the new note's announce (prev deleted, row published: the old family's `en`
 * message is edited to the new Japanese note: (a), older than s34-m4), and chatsShowingInFamily at the edit (prev is
 * the new note itself, so prev cannot tell: (b), s34-m4's skip). With `onDelete: delete` replaced-deleted.ts lets a new
 * note at a deleted path take the record over (no setAside), so nothing records "another note" afterwards. A fix needs
 * that judgement kept: e.g. at the announce, `sameNoteBy`-like evidence between prev.info and row.info (body sketch),
 * and, when another note, the family messages left by the removed note no longer counted for the id (their member
 * forgotten, or the message's shown content compared with the note) so the skip and the return both see none.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';

const parseThreads = fileParseThreads();
let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

const cfg = (mode: 'group' | 'separate') => ({
  watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
  publish: { onDelete: 'delete', translations: { mode, graceMs: 0 }, digest: { threshold: 1000, windowMs: 0 } },
  routes: [
    { platform: 'console', chat: 'en', filter: { lang: ['en'] } },
    { platform: 'console', chat: 'ja', filter: { lang: ['ja'] } },
  ],
});
const words = (seed: string) => Array.from({ length: 60 }, (_, i) => `${seed}${i}`).join(' ');
const note = (fm: string, body: string) => `---\n${fm}\n---\n\n${body}\n`;

async function restartWith(config: unknown): Promise<void> {
  await svc!.stop();
  const next = new InProcessService(svc!.notes, svc!.db, configSchema.parse(config), undefined, { parseThreads });
  for (const [chat, messages] of svc!.chats) next.chats.set(chat, messages);
  svc = next;
  await svc.start();
}

describe('rv-34e R3: a new note at a removed family member\'s path, brought to a chat by an edit while separate', () => {
  it.fails('gets its own post there; the removed note\'s family message is not edited to show it', { timeout: 90_000 }, async () => {
    svc = InProcessService.sandbox(cfg('group'), { parseThreads });
    await svc.start();
    writeFileSync(path.join(svc.notes, 'setup.md'), note('title: Setup old\nlang: en\ntranslationKey: setup\ndate: 2025-01-06\npermalink: /old/', words('old')));
    writeFileSync(path.join(svc.notes, 'setup-ja.md'), note('title: Setup JA\nlang: ja\ntranslationKey: setup\ndate: 2025-01-06', words('ja')));
    await svc.settle(['setup.md', 'setup-ja.md']);
    expect(svc.live('en').map((m) => [m.family, m.noteId])).toEqual([['setup', 'setup']]);

    await restartWith(cfg('separate'));
    rmSync(path.join(svc.notes, 'setup.md'));
    await svc.settle(['setup.md']);
    // Another note at the same path: Japanese, its own key, date and permalink.
    writeFileSync(path.join(svc.notes, 'setup.md'), note('title: Brand new\nlang: ja\ntranslationKey: brand\ndate: 2025-03-03\npermalink: /new/', words('new')));
    await svc.settle(['setup.md']);
    // Root (also on 07b6462): the new note's announce is read as the removed note "back" (same id): the removed note's
    // family message in `en`, a `lang: [en]` chat, is edited to show this Japanese note of another family.
    expect.soft(svc.live('en').map((m) => m.text).join('\n'), 'en untouched by a Japanese note of another family').not.toContain('Brand new');
    // Its edit makes it English: `en` is a chat it goes to only now.
    writeFileSync(path.join(svc.notes, 'setup.md'), note('title: Brand new EN\nlang: en\ntranslationKey: brand\ndate: 2025-03-03\npermalink: /new/', words('new')));
    await svc.settle(['setup.md']);
    const en = svc.live('en');
    // s34-m4's skip (chatsShowingInFamily): the chat counts as the new note's (that message's member is its id), no post.
    expect.soft(svc.sent('en', 'post').map((e) => e.noteId), 'the new note posted in en on its own').toContain('setup');
    expect.soft(en.filter((m) => m.family === 'setup').every((m) => !m.text.includes('Brand new')), 'the old family\'s message not taken by the new note').toBe(true);
  });
});
