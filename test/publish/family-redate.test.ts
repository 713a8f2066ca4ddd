/**
 * Issue 25, the tester's `sO` (re-dating a translated post one file at a time): `_posts/en/2025-11-07-soup.md`
 * → `…-11-08-soup.md`, then a few seconds later the same for `_posts/ja/…`. The family key is the file name
 * with its date, so the first re-date took the English post to a family of its own and the untouched
 * translation was posted anew as the old family (every chat that wants both), then deleted when it was
 * re-dated too. A note renamed only in its date keeps its family (README, Translations); a translation
 * added later under the new date joins it, across restarts as live.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';
import { modelConfig } from '../helpers/route-model.js';

const parseThreads = fileParseThreads();

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

const CHATS = ['all', 'en', 'ja'] as const;
const body = (title: string, extra = '') => `---\ntitle: ${title}\n${extra}---\n\n${title}: a post about soups, their stocks and how long each one simmers.\n`;
const at = (lang: string, date: string) => `_posts/${lang}/2025-11-${date}-soup.md`;

describe('a translated post re-dated one file at a time', () => {
  it.each([
    { onDelete: 'keep', restart: false },
    { onDelete: 'delete', restart: false },
    { onDelete: 'keep', restart: true },
  ] as const)('keeps one message per chat, never posted again (onDelete: $onDelete, a restart between the re-dates: $restart)', async ({ onDelete, restart }) => {
    const s = (svc = InProcessService.sandbox(modelConfig(onDelete), { parseThreads }));
    await s.start();
    for (const l of ['en', 'ja', 'es']) mkdirSync(path.join(s.notes, `_posts/${l}`), { recursive: true });
    writeFileSync(path.join(s.notes, at('en', '07')), body('Soup recipes'));
    writeFileSync(path.join(s.notes, at('ja', '07')), body('スープのレシピ', 'translated: true\n'));
    await s.settle([at('en', '07'), at('ja', '07')]);
    const first = new Map(CHATS.map((c) => [c, s.live(c).map((m) => m.messageId)]));
    for (const c of CHATS) expect(first.get(c)).toHaveLength(1);

    const redate = async (lang: string) => {
      renameSync(path.join(s.notes, at(lang, '07')), path.join(s.notes, at(lang, '08')));
      await s.settle([at(lang, '07'), at(lang, '08')]);
    };
    await redate('en');
    if (restart) {
      await s.stop();
      renameSync(path.join(s.notes, at('ja', '07')), path.join(s.notes, at('ja', '08')));
      await s.start();
    } else await redate('ja');
    // A third language, later, under the new date: the same post.
    writeFileSync(path.join(s.notes, at('es', '08')), body('Recetas de sopa', 'translated: true\n'));
    await s.settle([at('es', '08')]);

    for (const c of CHATS) {
      expect(s.live(c).map((m) => m.messageId), c).toEqual(first.get(c));
      expect(s.sent(c, 'post'), c).toHaveLength(1);
      expect(s.sent(c, 'delete'), c).toEqual([]);
    }
    expect(s.live('en')[0]!.noteId).toBe('_posts/en/2025-11-08-soup');
    expect(s.live('ja')[0]!.noteId).toBe('_posts/ja/2025-11-08-soup');
    expect(s.live('all')[0]!.text).toContain('Español');
    expect(s.anomalies).toEqual([]);
  });
});
