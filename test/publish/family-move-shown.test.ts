/**
 * Issue 25, tester 38's F1: a note moved into another family where it becomes the member a chat of no language is
 * shown (`mv en/tea.md en/coffee.md`, Coffee's family holding only translations), then moved back. The chat's first
 * message of the note was deleted at the move and the note posted a second time at the move back, under `keep` too.
 * README (Edits): the chat keeps the message it first got for the note; it becomes the family's message there.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';

const parseThreads = fileParseThreads();

const note = (title: string, date: string, body: string, translated = false) =>
  `---\ntitle: ${title}\ndate: ${date}\n${translated ? 'translated: true\n' : ''}---\n\n${body}\n`;
const TEA = note('Tea', '2025-01-01', 'About tea and brewing it well.\n\n- water');
const COFFEE_JA = note('コーヒー', '2025-01-02', 'コーヒーと豆の話。\n\n- 豆', true);
const COFFEE_FR = note('Café', '2025-01-02', 'Le café et la mouture.\n\n- grains', true);

function sandbox(onDelete: 'keep' | 'delete'): InProcessService {
  return InProcessService.sandbox(
    {
      watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
      publish: { onDelete, translations: { mode: 'group', graceMs: 0 }, digest: { threshold: 1000, windowMs: 120 } },
      routes: [
        { platform: 'console', chat: 'en', filter: { lang: ['en'] } },
        { platform: 'console', chat: 'ja', filter: { lang: ['ja'] } },
        { platform: 'console', chat: 'all' },
      ],
    },
    { parseThreads },
  );
}

/** Posts (new messages) of a chat whose first line shows `title`. */
const postsOf = (s: InProcessService, chat: string, title: string) => s.sent(chat, 'post').filter((e) => e.text.split('\n')[0]!.includes(title)).length;
/** The live message of a chat whose first line shows `title`. */
const liveWith = (s: InProcessService, chat: string, title: string) => s.live(chat).filter((m) => m.text.split('\n')[0]!.includes(title));

describe.concurrent('a note moved to become the member a chat of no language is shown, then back (issue 25, tester 38 F1)', () => {
  it.for(['keep', 'delete'] as const)('the chat keeps the message it first got for the note; nothing deleted, nothing posted again (onDelete: %s)', { timeout: 90_000 }, async (onDelete, t: TestContext) => {
    const s = sandbox(onDelete);
    t.onTestFinished(() => s.stop());
    await s.start();
    const at = (rel: string) => path.join(s.notes, rel);
    for (const lang of ['en', 'ja', 'fr']) mkdirSync(at(`posts/${lang}`), { recursive: true });
    writeFileSync(at('posts/ja/coffee.md'), COFFEE_JA);
    writeFileSync(at('posts/fr/coffee.md'), COFFEE_FR);
    writeFileSync(at('posts/en/tea.md'), TEA);
    await s.settle(['posts/ja/coffee.md', 'posts/fr/coffee.md', 'posts/en/tea.md']);
    expect(liveWith(s, 'all', 'Tea').length).toBe(1);
    expect(liveWith(s, 'all', 'Café').length).toBe(1);
    const teaMessage = liveWith(s, 'all', 'Tea')[0]!.messageId;

    renameSync(at('posts/en/tea.md'), at('posts/en/coffee.md'));
    await s.settle(['posts/en/tea.md', 'posts/en/coffee.md']);
    expect(s.app!.store.getNote('posts/en/coffee')?.info.translationKey).toBe('coffee'); // it joined Coffee's family
    for (const chat of ['en', 'ja', 'all']) expect(s.sent(chat, 'delete'), chat).toEqual([]);
    expect(liveWith(s, 'all', 'Tea').map((m) => m.messageId)).toEqual([teaMessage]); // shown once, by its first message

    renameSync(at('posts/en/coffee.md'), at('posts/en/tea.md'));
    await s.settle(['posts/en/coffee.md', 'posts/en/tea.md']);
    for (const chat of ['en', 'ja', 'all']) expect(s.sent(chat, 'delete'), chat).toEqual([]);
    expect(liveWith(s, 'all', 'Tea').map((m) => m.messageId)).toEqual([teaMessage]);
    expect(liveWith(s, 'all', 'Café').length).toBe(1);
    for (const chat of ['en', 'all']) expect(postsOf(s, chat, 'Tea'), `${chat}: Tea announced once`).toBe(1);
    expect(postsOf(s, 'all', 'Café')).toBe(1);
    expect(s.anomalies).toEqual([]);
  });
});
