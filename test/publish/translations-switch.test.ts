/**
 * Issue 25, finding 2: after `publish.translations.mode` went from `group` to `separate`, edits of
 * a note announced as a family post were dropped without a word (its messages are the family's,
 * `family:<key>`, not its own). They now edit the family message that shows the note.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

const cfg = (mode: 'group' | 'separate') => ({
  watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
  // Removals wait the burst window; its shortest (windowMs 0: three quiet periods), as none of these is about its length.
  publish: { translations: { mode, graceMs: 0 }, digest: { threshold: 1000, windowMs: 0 } },
  routes: [
    { platform: 'console', chat: 'en', filter: { lang: ['en'] } },
    { platform: 'console', chat: 'ja', filter: { lang: ['ja'] } },
  ],
});
const note = (lang: string, body: string) => `---\ntitle: Setup ${lang}\nlang: ${lang}\ntranslationKey: setup\n---\n\n${body}\n`;

/** Stops the service and starts it again with `config`, on the same notes, database and chats (they go on from the messages they show). */
async function restartWith(config: unknown): Promise<void> {
  await svc!.stop();
  const next = new InProcessService(svc!.notes, svc!.db, configSchema.parse(config), undefined, { parseThreads });
  for (const [chat, messages] of svc!.chats) next.chats.set(chat, messages);
  svc = next;
  await svc.start();
}

describe('switching publish.translations from group to separate', () => {
  it('an edit of a note announced in a family edits the family message that shows it, and only that one', { timeout: 60_000 }, async () => {
    svc = InProcessService.sandbox(cfg('group'), { parseThreads });
    await svc.start();
    writeFileSync(path.join(svc.notes, 'setup.md'), note('en', 'First words.'));
    writeFileSync(path.join(svc.notes, 'setup-ja.md'), note('ja', 'Saisho.'));
    await svc.settle(['setup.md', 'setup-ja.md']);
    // Announced as the family `setup`: one message per chat, each showing its language's member.
    expect(svc.sent('en', 'post').map((e) => [e.family, e.noteId])).toEqual([['setup', 'setup']]);
    expect(svc.sent('ja', 'post').map((e) => [e.family, e.noteId])).toEqual([['setup', 'setup-ja']]);

    await restartWith(cfg('separate'));
    svc.beginStep();
    writeFileSync(path.join(svc.notes, 'setup.md'), note('en', 'Second words, edited.'));
    await svc.settle(['setup.md']);

    const edits = svc.sent('en', 'edit'); // a fresh service: only what the switched one sent
    expect(edits).toHaveLength(1);
    expect(edits[0]!.text).toContain('Second words, edited.');
    expect(svc.live('en')).toHaveLength(1); // edited in place, never posted again
    expect(svc.live('en')[0]!.text).toContain('Second words, edited.');
    expect(svc.sent('ja', 'edit')).toHaveLength(0); // the Japanese chat shows the other member
    expect(svc.sent('en', 'post')).toHaveLength(0);
    expect(svc.anomalies).toEqual([]); // the edit went to a message the chat has
  });

  it('a member removed while separate is gone from its family message once group is back, without waiting for an edit (issue 25, G)', { timeout: 60_000 }, async () => {
    svc = InProcessService.sandbox(cfg('group'), { parseThreads });
    await svc.start();
    writeFileSync(path.join(svc.notes, 'setup.md'), note('en', 'First words.'));
    writeFileSync(path.join(svc.notes, 'setup-ja.md'), note('ja', 'Saisho.'));
    await svc.settle(['setup.md', 'setup-ja.md']);
    expect(svc.live('en')[0]!.text).toContain('日本語'); // "also in" links the translation
    const switchTo = (mode: 'group' | 'separate') => restartWith(cfg(mode));
    await switchTo('separate');
    rmSync(path.join(svc.notes, 'setup-ja.md'));
    await svc.settle(['setup-ja.md']);
    expect(svc.live('en')[0]!.text).toContain('日本語'); // left as it is while separate (the log says so)

    await switchTo('group'); // start waits for idle: what the switch back does is done by then
    expect(svc.live('en')).toHaveLength(1);
    expect(svc.live('en')[0]!.text).toContain('First words.');
    expect(svc.live('en')[0]!.text).not.toContain('日本語');
    expect(svc.sent('en', 'post')).toHaveLength(0);
    expect(svc.anomalies).toEqual([]);
  });

  it('group, then separate with a new translation posted on its own, then group: the family message takes it in and its own message goes (issue 25, F1)', { timeout: 60_000 }, async () => {
    // Chats by language, with no filter: `separate` posts every translation to both.
    const byLocale = (mode: 'group' | 'separate') => ({
      ...cfg(mode),
      routes: [
        { platform: 'console', chat: 'en', locale: 'en' },
        { platform: 'console', chat: 'ja', locale: 'ja' },
      ],
    });
    svc = InProcessService.sandbox(byLocale('group'), { parseThreads });
    await svc.start();
    writeFileSync(path.join(svc.notes, 'setup.md'), note('en', 'First words.'));
    writeFileSync(path.join(svc.notes, 'setup-ja.md'), note('ja', 'Saisho.'));
    await svc.settle(['setup.md', 'setup-ja.md']);
    const switchTo = (mode: 'group' | 'separate') => restartWith(byLocale(mode));
    await switchTo('separate');
    writeFileSync(path.join(svc.notes, 'setup-fr.md'), note('fr', 'Premiers mots.'));
    await svc.settle(['setup-fr.md']);
    expect(svc.live('en')).toHaveLength(2); // separate: the French one on its own

    await switchTo('group'); // start waits for idle: the first group sync is done by then
    for (const chat of ['en', 'ja']) {
      expect(svc.live(chat)).toHaveLength(1); // one message for the family: French is in its "also in"
      expect(svc.live(chat)[0]!.text).toContain('Français');
      expect(svc.sent(chat, 'post')).toHaveLength(0);
      expect(svc.sent(chat, 'delete')).toHaveLength(1); // the French note's own message
    }
    expect(svc.live('en')[0]!.text).toContain('First words.');
    expect(svc.anomalies).toEqual([]);
  });
});

/**
 * Issue 25, round 4, finding 4: after `group` → `separate`, a translation renamed within its
 * language folder (its key, from its file name, changed) and then edited reached no chat, and
 * `group` again did not repair it. Its message was left under the family it had left, where neither
 * its edits nor the group start looked for it.
 */
describe('a translation renamed while separate (issue 25, finding 4)', () => {
  // One chat per filtered language, one for every note, and one by its locale alone (it is shown the Japanese member).
  const chats = (mode: 'group' | 'separate', onDelete: 'keep' | 'delete') => ({
    ...cfg(mode),
    publish: { onDelete, translations: { mode, graceMs: 0 }, digest: { threshold: 1000, windowMs: 0 } },
    routes: [...cfg(mode).routes, { platform: 'console', chat: 'all' }, { platform: 'console', chat: 'loc', locale: 'ja' }],
  });
  const text = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n${body}\n`;
  /** Each live message of a chat: the family (or note) the service keeps it under now, the note it shows, its title. */
  const shown = (chat: string) => {
    const under = svc!.app!.store.db.prepare('SELECT note_id AS id FROM posts WHERE chat = ? AND message_id = ?');
    const label = (messageId: string) => (under.get(chat, messageId) as { id: string } | undefined)?.id.replace(/^family:/, '');
    return svc!.live(chat).map((m) => [label(m.messageId), m.noteId, m.text.split('\n')[0]]).sort();
  };

  /** A grouped service with both language folders made; returns a path maker for its notes. */
  async function startGrouped(onDelete: 'keep' | 'delete'): Promise<(f: string) => string> {
    svc = InProcessService.sandbox(chats('group', onDelete), { parseThreads });
    await svc.start();
    const file = (f: string) => path.join(svc!.notes, f);
    for (const d of ['_posts/en', '_posts/ja']) mkdirSync(file(d), { recursive: true });
    return file;
  }

  it.each(['keep', 'delete'] as const)('mv _posts/ja/x.md _posts/ja/y.md, an edit, then group: every chat shows each family once, the edit included (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    const file = await startGrouped(onDelete);
    if (!svc) throw new Error('the service did not start');
    writeFileSync(file('_posts/en/x.md'), text('Ex', 'English words about the thing.'));
    writeFileSync(file('_posts/ja/x.md'), text('Ekkusu', 'Nihongo no kotoba desu.'));
    await svc.settle(['_posts/en/x.md', '_posts/ja/x.md']);
    expect(shown('ja')).toEqual([['x', '_posts/ja/x', 'Ekkusu']]);
    expect(shown('loc')).toEqual([['x', '_posts/ja/x', 'Ekkusu']]);

    await restartWith(chats('separate', onDelete));
    renameSync(file('_posts/ja/x.md'), file('_posts/ja/y.md'));
    await svc.settle(['_posts/ja/x.md', '_posts/ja/y.md']);
    writeFileSync(file('_posts/ja/y.md'), text('Ekkusu 2', 'Nihongo no kotoba desu. Kaimashita.'));
    await svc.settle(['_posts/ja/y.md']);
    // The edit reaches the message that shows the note, in each chat that has one.
    for (const chat of ['ja', 'loc']) expect(shown(chat)).toEqual([['x', '_posts/ja/y', 'Ekkusu 2']]);

    await restartWith(chats('group', onDelete)); // start waits for idle: the group start's work is done by then
    expect(shown('ja')).toEqual([['y', '_posts/ja/y', 'Ekkusu 2']]); // the message follows its note to its family
    expect(shown('en')).toEqual([['x', '_posts/en/x', 'Ex']]);
    // The message posted for the Japanese note follows it; the English one, never shown there, is posted.
    expect(shown('loc')).toEqual([['x', '_posts/en/x', 'Ex'], ['y', '_posts/ja/y', 'Ekkusu 2']]);
    expect(shown('all')).toEqual([['x', '_posts/en/x', 'Ex'], ['y', '_posts/ja/y', 'Ekkusu 2']]);
    for (const chat of ['all', 'en']) expect(svc.live(chat).find((m) => m.family === 'x')!.text).not.toContain('日本語'); // no longer a translation of x
    expect(svc.sent('ja', 'post')).toHaveLength(0);
    expect(svc.anomalies).toEqual([]);
  });

  it.each(['keep', 'delete'] as const)('a translation alone in its family moved to the other language folder under another name while separate: it shows once in every chat, its edit included (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    const file = await startGrouped(onDelete);
    if (!svc) throw new Error('the service did not start');
    writeFileSync(file('_posts/ja/z.md'), text('Zetto', 'Hitotsu dake no nooto desu.'));
    await svc.settle(['_posts/ja/z.md']);
    await restartWith(chats('separate', onDelete));
    renameSync(file('_posts/ja/z.md'), file('_posts/en/w.md'));
    await svc.settle(['_posts/ja/z.md', '_posts/en/w.md']);
    writeFileSync(file('_posts/en/w.md'), text('Zed', 'Hitotsu dake no nooto desu. Now in English.'));
    await svc.settle(['_posts/en/w.md']);
    expect(shown('en')).toEqual([['_posts/en/w', '_posts/en/w', 'Zed']]);

    await restartWith(chats('group', onDelete));
    for (const chat of ['all', 'ja', 'loc']) expect(shown(chat)).toEqual([['w', '_posts/en/w', 'Zed']]); // ja and loc: the message follows its note
    expect(shown('en')).toEqual([['_posts/en/w', '_posts/en/w', 'Zed']]); // posted on its own while separate, when it came into English
    for (const chat of ['all', 'ja', 'loc', 'en']) expect(svc.sent(chat, 'post')).toHaveLength(0); // group posts it nowhere again
    expect(svc.anomalies).toEqual([]);
  });
});
