/**
 * Issue 25, tester 36's F4: a family's only note moved into another language folder where its new key joins another
 * family (`mv posts/en/coffee.md posts/ja/tea.md`: Coffee is Japanese now, Tea's translation), then moved back. The note
 * never went away, so its messages stay and follow it (README, Edits: a chat filtered to its old language keeps its
 * message, edited to show it; Deletes: a rename's message follows it, never posted again). Its old messages were
 * deleted, even under `onDelete: keep`, and the move back posted Coffee a second time in the chats of English.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';
import { COFFEE, TEA, teaCoffeeSandbox, titles } from '../helpers/tea-coffee.js';

/** Shared by every start here: a start loads no parse thread again. */
const parseThreads = fileParseThreads();


/** Tester 36's chats: `en` and `ja` filtered to their language, `all` takes every note. */
const sandbox = (onDelete: 'keep' | 'delete') => teaCoffeeSandbox(onDelete, parseThreads);


/** Posts (new messages) of a chat whose text shows `title`. */
const postsOf = (s: InProcessService, chat: string, title: string) => s.sent(chat, 'post').filter((e) => e.text.includes(title)).length;

/** One file change: done while the service runs, or (`kill`) after a kill -9 and before the next start (its scan finds it). */
async function step(s: InProcessService, kill: boolean, change: () => void, paths: string[]): Promise<void> {
  if (!kill) {
    change();
    await s.settle(paths);
    return;
  }
  await s.kill();
  change();
  await s.start();
}

const CASES = (['keep', 'delete'] as const).flatMap((onDelete) => [false, true].map((kill) => [onDelete, kill] as const));

describe.concurrent('a note moved into a language folder where it joins a family, then back (issue 25, tester 36 F4)', () => {
  it.for(CASES)('its messages stay and follow it; the move back posts nothing (onDelete: %s, kill -9 between: %s)', { timeout: 90_000 }, async ([onDelete, kill], t: TestContext) => {
    const s = sandbox(onDelete);
    t.onTestFinished(() => s.stop());
    await s.start();
    const at = (rel: string) => path.join(s.notes, rel);
    mkdirSync(at('posts/en'), { recursive: true });
    mkdirSync(at('posts/ja'), { recursive: true });
    writeFileSync(at('posts/en/tea.md'), TEA);
    writeFileSync(at('posts/en/coffee.md'), COFFEE);
    await s.settle(['posts/en/tea.md', 'posts/en/coffee.md']);
    for (const chat of ['en', 'all']) expect(titles(s, chat), chat).toEqual(['Coffee', 'Tea']);

    await step(s, kill, () => renameSync(at('posts/en/coffee.md'), at('posts/ja/tea.md')), ['posts/en/coffee.md', 'posts/ja/tea.md']);
    expect(s.app!.store.getNote('posts/ja/tea')?.info.translationKey).toBe('tea'); // it joined Tea's family
    // Nothing went away: Coffee's messages stay, edited to show it as it is now (a Japanese note).
    for (const chat of ['en', 'all']) {
      expect(titles(s, chat), chat).toEqual(['Coffee', 'Tea']);
      expect(s.live(chat).find((m) => m.text.includes('Coffee'))?.text, chat).toContain('日本語');
    }
    expect(titles(s, 'ja')).toEqual(['Coffee']); // the chat of its new language gets it
    for (const chat of ['en', 'all', 'ja']) expect(s.sent(chat, 'delete'), chat).toEqual([]);

    // Edited while in Tea's family: its kept messages follow it too (tester 14-1: a kept message was never edited again).
    const postsAway = s.events.filter((e) => e.event === 'post').length;
    writeFileSync(at('posts/ja/tea.md'), COFFEE.replace('grinding.', 'grinding it fine.'));
    await s.settle(['posts/ja/tea.md']);
    for (const chat of ['en', 'all', 'ja']) expect(s.live(chat).filter((m) => m.text.includes('grinding it fine')).length, chat).toBe(1);
    expect(s.events.filter((e) => e.event === 'post').length).toBe(postsAway);

    await step(s, kill, () => renameSync(at('posts/ja/tea.md'), at('posts/en/coffee.md')), ['posts/ja/tea.md', 'posts/en/coffee.md']);
    for (const chat of ['en', 'all']) {
      expect(titles(s, chat), chat).toEqual(['Coffee', 'Tea']);
      expect(postsOf(s, chat, 'Coffee'), `${chat}: Coffee announced once`).toBe(1);
      expect(s.live(chat).find((m) => m.text.includes('Coffee'))?.text, chat).not.toContain('日本語');
    }
    expect(titles(s, 'ja')).toEqual(['Coffee']); // a chat of its old language keeps its message
    for (const chat of ['en', 'all', 'ja']) expect(s.sent(chat, 'delete'), chat).toEqual([]);

    // Its messages still follow it: an edit reaches each, nothing is posted.
    const posts = s.events.filter((e) => e.event === 'post').length;
    writeFileSync(at('posts/en/coffee.md'), COFFEE.replace('Coffee', 'Coffee beans'));
    await s.settle(['posts/en/coffee.md']);
    for (const chat of ['en', 'all', 'ja']) expect(s.live(chat).filter((m) => m.text.includes('Coffee beans')).length, chat).toBe(1);
    expect(s.events.filter((e) => e.event === 'post').length).toBe(posts);
    expect(s.anomalies).toEqual([]);
  });
});

// Then the note its new family's message showed goes (Tea removed): that family's message in a chat of no language would
// come to show the moved note, which the message kept for it there shows already. The kept message is the family's
// there from then on (README, Edits); the other stays with the note it showed, as any removed note's (`onDelete`).
describe.concurrent('a moved note\'s new family comes to show it where its kept message stands (issue 25, tester 36 F4)', () => {
  it.for(['keep', 'delete'] as const)('Tea removed after Coffee joined it: Coffee stays in its message, shown once, never deleted (onDelete: %s)', { timeout: 90_000 }, async (onDelete, t: TestContext) => {
    const s = sandbox(onDelete);
    t.onTestFinished(() => s.stop());
    await s.start();
    const at = (rel: string) => path.join(s.notes, rel);
    mkdirSync(at('posts/en'), { recursive: true });
    mkdirSync(at('posts/ja'), { recursive: true });
    writeFileSync(at('posts/en/tea.md'), TEA);
    writeFileSync(at('posts/en/coffee.md'), COFFEE);
    await s.settle(['posts/en/tea.md', 'posts/en/coffee.md']);
    const coffeeIn = (chat: string) => s.live(chat).find((m) => m.text.includes('Coffee'))?.messageId;
    const before = { en: coffeeIn('en'), all: coffeeIn('all') };
    renameSync(at('posts/en/coffee.md'), at('posts/ja/tea.md'));
    await s.settle(['posts/en/coffee.md', 'posts/ja/tea.md']);

    rmSync(at('posts/en/tea.md'));
    await s.settle(['posts/en/tea.md']);
    const expected = onDelete === 'keep' ? ['Coffee', 'Tea'] : ['Coffee'];
    for (const chat of ['en', 'all'] as const) {
      expect(titles(s, chat), chat).toEqual(expected);
      expect(coffeeIn(chat), `${chat}: Coffee's own message`).toBe(before[chat]);
      expect(s.sent(chat, 'delete').filter((e) => e.messageId === before[chat]), chat).toEqual([]);
    }
    expect(titles(s, 'ja')).toEqual(['Coffee']);

    // An edit reaches Coffee's one message in each chat; nothing is posted, Tea's message (kept) is not edited.
    const posts = s.events.filter((e) => e.event === 'post').length;
    writeFileSync(at('posts/ja/tea.md'), COFFEE.replace('grinding.', 'grinding it fine.'));
    await s.settle(['posts/ja/tea.md']);
    for (const chat of ['en', 'all', 'ja']) {
      expect(titles(s, chat), chat).toEqual(chat === 'ja' ? ['Coffee'] : expected);
      expect(s.live(chat).filter((m) => m.text.includes('grinding it fine')).length, chat).toBe(1);
    }
    expect(s.events.filter((e) => e.event === 'post').length).toBe(posts);

    // Moved back: its message follows it again, Tea's (kept) stays as it was; nothing posted, no message of Coffee deleted.
    const jaCoffee = coffeeIn('ja');
    renameSync(at('posts/ja/tea.md'), at('posts/en/coffee.md'));
    await s.settle(['posts/ja/tea.md', 'posts/en/coffee.md']);
    for (const chat of ['en', 'all'] as const) {
      expect(titles(s, chat), chat).toEqual(expected);
      expect(coffeeIn(chat), `${chat}: Coffee's own message`).toBe(before[chat]);
      expect(s.live(chat).find((m) => m.messageId === before[chat])?.text, chat).not.toContain('日本語');
    }
    expect(coffeeIn('ja')).toBe(jaCoffee); // a chat of its old language keeps its message
    expect(s.events.filter((e) => e.event === 'post').length).toBe(posts);
    const coffeeMessages = new Set([before.en, before.all, jaCoffee]);
    expect(s.events.filter((e) => e.event === 'delete' && coffeeMessages.has(e.messageId))).toEqual([]);
    expect(s.anomalies).toEqual([]);
  });
});
