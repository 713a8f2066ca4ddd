/**
 * A message kept for a note that moved into another family's message (tester 36's F4, issue 25), in the orders of events
 * family-join-by-move.test.ts does not try (review rv33-c). Same sandbox as that file: chats `en`, `ja` (filtered to
 * their language) and `all`, translations: group.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';
import { COFFEE, TEA, joinedTeaCoffee, note, teaCoffeeSandbox, titles } from '../helpers/tea-coffee.js';

const parseThreads = fileParseThreads();

const sandbox = (onDelete: 'keep' | 'delete') => teaCoffeeSandbox(onDelete, parseThreads);


const joined = (s: InProcessService) => joinedTeaCoffee(s);

describe.concurrent('a message kept for a note that moved into another family (issue 25, tester 36 F4, review rv33-c)', () => {
  // The kept message's note deleted: its kept messages go the way `onDelete` says.
  it.for(['keep', 'delete'] as const)('Coffee deleted while it sits in Tea\'s family: its kept messages go the way onDelete says (onDelete: %s)', { timeout: 90_000 }, async (onDelete, t: TestContext) => {
    const s = sandbox(onDelete);
    t.onTestFinished(() => s.stop());
    const at = await joined(s);
    rmSync(at('posts/ja/tea.md'));
    await s.settle(['posts/ja/tea.md']);
    const expected = onDelete === 'keep' ? ['Coffee', 'Tea'] : ['Tea'];
    for (const chat of ['en', 'all']) expect(titles(s, chat), chat).toEqual(expected);
    expect(titles(s, 'ja')).toEqual(onDelete === 'keep' ? ['Coffee'] : []);
  });

  // Tea removed and Coffee moved back while notecast was down (kill -9): one scan finds both.
  it.for(['keep', 'delete'] as const)('Tea removed and Coffee moved back during a kill -9: Coffee keeps its message, nothing posted (onDelete: %s)', { timeout: 90_000 }, async (onDelete, t: TestContext) => {
    const s = sandbox(onDelete);
    t.onTestFinished(() => s.stop());
    const at = await joined(s);
    const coffeeIn = (chat: string) => s.live(chat).find((m) => m.text.includes('Coffee'))?.messageId;
    const before = { en: coffeeIn('en'), all: coffeeIn('all') };
    const posts = s.events.filter((e) => e.event === 'post').length;
    await s.kill();
    rmSync(at('posts/en/tea.md'));
    renameSync(at('posts/ja/tea.md'), at('posts/en/coffee.md'));
    await s.start();
    const expected = onDelete === 'keep' ? ['Coffee', 'Tea'] : ['Coffee'];
    for (const chat of ['en', 'all'] as const) {
      expect(titles(s, chat), chat).toEqual(expected);
      expect(coffeeIn(chat), `${chat}: Coffee's own message`).toBe(before[chat]);
      expect(s.live(chat).find((m) => m.messageId === before[chat])?.text, chat).not.toContain('日本語');
    }
    expect(s.events.filter((e) => e.event === 'post').length).toBe(posts);
  });

  // rv33-c R1: the answer to Coffee's post arrives after the batch that moved Coffee into Tea's family (a post in
  // flight is its message to be: family-kept.ts keptPostInFlight). Deleted under `delete`, the move back posted it again.
  it.for(['keep', 'delete'] as const)('Coffee moved into Tea\'s family while its post\'s answer is held: its message follows it after (onDelete: %s)', { timeout: 90_000 }, async (onDelete, t: TestContext) => {
    const s = sandbox(onDelete);
    t.onTestFinished(() => s.stop());
    const faults = s.withFaults();
    await s.start();
    const at = (rel: string) => path.join(s.notes, rel);
    mkdirSync(at('posts/en'), { recursive: true });
    mkdirSync(at('posts/ja'), { recursive: true });
    writeFileSync(at('posts/en/tea.md'), TEA);
    await s.settle(['posts/en/tea.md']);
    faults.answerHeld = true;
    writeFileSync(at('posts/en/coffee.md'), COFFEE);
    await s.batched(['posts/en/coffee.md']);
    await s.waitFor(() => faults.hits > 0, 20_000, 'Coffee\'s post sent, its answer held');
    s.beginStep(); // the paths seen so far are forgotten: a wait below is for its own step's batch
    renameSync(at('posts/en/coffee.md'), at('posts/ja/tea.md'));
    await s.batched(['posts/en/coffee.md', 'posts/ja/tea.md']);
    faults.answerHeld = false;
    await s.waitFor(() => s.openDeliveries() === 0, 20_000, 'every delivery done');
    // The rule of 428504aa: the chats of its old language and of no language keep its message, whatever onDelete says.
    for (const chat of ['en', 'all']) t.expect.soft(titles(s, chat), `${chat} after the answer`).toEqual(['Coffee', 'Tea']);
    const posts = s.events.filter((e) => e.event === 'post').length;
    s.beginStep();
    writeFileSync(at('posts/ja/tea.md'), COFFEE.replace('grinding.', 'grinding it fine.'));
    await s.settle(['posts/ja/tea.md']);
    await s.waitFor(() => s.openDeliveries() === 0, 20_000, 'every delivery done');
    for (const chat of ['en', 'all', 'ja']) {
      t.expect.soft(s.live(chat).filter((m) => m.text.includes('About coffee and grinding.')).map((m) => m.messageId), `${chat}: a message of Coffee left showing its old text`).toEqual([]);
    }
    t.expect.soft(s.live('ja').filter((m) => m.text.includes('grinding it fine')).length).toBe(1);
    t.expect.soft(s.events.filter((e) => e.event === 'post').length, 'posts on the edit').toBe(posts);
    // Moved back: Coffee was announced in `en` and `all` once; it is never announced there again.
    renameSync(at('posts/ja/tea.md'), at('posts/en/coffee.md'));
    await s.settle(['posts/ja/tea.md', 'posts/en/coffee.md']);
    await s.waitFor(() => s.openDeliveries() === 0, 20_000, 'every delivery done');
    for (const chat of ['en', 'all']) {
      t.expect.soft(new Set(s.sent(chat, 'post').filter((e) => e.text.includes('Coffee')).map((e) => e.messageId)).size, `${chat}: Coffee announced once (messages posted for it)`).toBe(1);
      t.expect.soft(s.live(chat).filter((m) => m.text.includes('Coffee')).length, `${chat}: Coffee in one message`).toBe(1);
    }
  });

  // Tea removed while an edit of Coffee (in Tea's family) waits on a held platform: the messages change places with it waiting.
  it.for(['keep', 'delete'] as const)('Tea removed while Coffee\'s edit waits: Coffee stays in its own message, edited once (onDelete: %s)', { timeout: 90_000 }, async (onDelete, t: TestContext) => {
    const s = sandbox(onDelete);
    t.onTestFinished(() => s.stop());
    const faults = s.withFaults();
    const at = await joined(s);
    const coffeeIn = (chat: string) => s.live(chat).find((m) => m.text.includes('Coffee'))?.messageId;
    const before = { en: coffeeIn('en'), all: coffeeIn('all') };
    faults.held = true;
    writeFileSync(at('posts/ja/tea.md'), COFFEE.replace('grinding.', 'grinding it fine.'));
    await s.batched(['posts/ja/tea.md']);
    s.beginStep();
    rmSync(at('posts/en/tea.md'));
    await s.batched(['posts/en/tea.md']);
    faults.held = false;
    await s.waitFor(() => s.openDeliveries() === 0, 20_000, 'every delivery done');
    const expected = onDelete === 'keep' ? ['Coffee', 'Tea'] : ['Coffee'];
    for (const chat of ['en', 'all'] as const) {
      expect(titles(s, chat), chat).toEqual(expected);
      expect(coffeeIn(chat), `${chat}: Coffee's own message`).toBe(before[chat]);
      expect(s.live(chat).filter((m) => m.text.includes('grinding it fine')).length, chat).toBe(1);
    }
  });

  // rv33-c R1, kill -9: Coffee's post sent, its answer never recorded (kill -9), Coffee moved into Tea's family while down.
  it.for(['keep', 'delete'] as const)('Coffee\'s post unanswered at a kill -9, moved into Tea\'s family while down, then back: announced once (onDelete: %s)', { timeout: 90_000 }, async (onDelete, t: TestContext) => {
    const s = sandbox(onDelete);
    t.onTestFinished(() => s.stop());
    const faults = s.withFaults();
    await s.start();
    const at = (rel: string) => path.join(s.notes, rel);
    mkdirSync(at('posts/en'), { recursive: true });
    mkdirSync(at('posts/ja'), { recursive: true });
    writeFileSync(at('posts/en/tea.md'), TEA);
    await s.settle(['posts/en/tea.md']);
    faults.answerHeld = true;
    writeFileSync(at('posts/en/coffee.md'), COFFEE);
    await s.batched(['posts/en/coffee.md']);
    await s.waitFor(() => faults.hits > 0, 20_000, 'Coffee\'s post sent, its answer held');
    await s.kill();
    faults.answerHeld = false;
    renameSync(at('posts/en/coffee.md'), at('posts/ja/tea.md'));
    await s.start();
    await s.waitFor(() => s.openDeliveries() === 0, 20_000, 'every delivery done');
    for (const chat of ['en', 'all']) t.expect.soft(titles(s, chat), `${chat} after the restart`).toEqual(['Coffee', 'Tea']);
    s.beginStep(); // a start does not forget the paths its scan saw
    renameSync(at('posts/ja/tea.md'), at('posts/en/coffee.md'));
    await s.settle(['posts/ja/tea.md', 'posts/en/coffee.md']);
    await s.waitFor(() => s.openDeliveries() === 0, 20_000, 'every delivery done');
    for (const chat of ['en', 'all']) {
      t.expect.soft(new Set(s.sent(chat, 'post').filter((e) => e.text.includes('Coffee')).map((e) => e.messageId)).size, `${chat}: Coffee announced once (messages posted for it)`).toBe(1);
      t.expect.soft(s.live(chat).filter((m) => m.text.includes('Coffee')).length, `${chat}: Coffee in one message`).toBe(1);
    }
  });

  // rv33-c R2: a new note written at the path Coffee left (its old key) while Coffee sits in Tea's family: the kept
  // messages are set aside (family-kept.ts setKeptMessagesAside); left under the key, they were edited into the new note.
  it.for(['keep', 'delete'] as const)('a new note at Coffee\'s old path: Coffee keeps its message, the new note gets its own (onDelete: %s)', { timeout: 90_000 }, async (onDelete, t: TestContext) => {
    const s = sandbox(onDelete);
    t.onTestFinished(() => s.stop());
    const at = await joined(s);
    const coffeeIn = (chat: string) => s.live(chat).find((m) => m.text.startsWith('Coffee\n'))?.messageId;
    const before = { en: coffeeIn('en'), all: coffeeIn('all') };
    writeFileSync(at('posts/en/coffee.md'), note('Cocoa', '2025-01-03', 'About cocoa, a new note.\n\n- beans'));
    await s.settle(['posts/en/coffee.md']);
    await s.waitFor(() => s.openDeliveries() === 0, 20_000, 'every delivery done');
    for (const chat of ['en', 'all'] as const) {
      t.expect.soft(titles(s, chat), chat).toEqual(['Cocoa', 'Coffee', 'Tea']);
      t.expect.soft(coffeeIn(chat), `${chat}: Coffee's own message`).toBe(before[chat]);
    }
  });

  // Coffee (in Tea's family) removed, and written back before its kept messages' deletes were sent (platform held).
  it.for(['delete'] as const)('Coffee removed and back before the deletes went: its kept messages stay, showing it (onDelete: %s)', { timeout: 90_000 }, async (onDelete, t: TestContext) => {
    const s = sandbox(onDelete);
    t.onTestFinished(() => s.stop());
    const faults = s.withFaults();
    const at = await joined(s);
    const coffeeIn = (chat: string) => s.live(chat).find((m) => m.text.startsWith('Coffee\n'))?.messageId;
    const before = { en: coffeeIn('en'), all: coffeeIn('all'), ja: coffeeIn('ja') };
    faults.held = true;
    rmSync(at('posts/ja/tea.md'));
    await s.batched(['posts/ja/tea.md']);
    s.beginStep();
    writeFileSync(at('posts/ja/tea.md'), COFFEE.replace('grinding.', 'grinding it fine.'));
    await s.batched(['posts/ja/tea.md']);
    faults.held = false;
    await s.waitFor(() => s.openDeliveries() === 0, 20_000, 'every delivery done');
    for (const chat of ['en', 'all', 'ja'] as const) {
      t.expect.soft(titles(s, chat), chat).toEqual(chat === 'ja' ? ['Coffee'] : ['Coffee', 'Tea']);
      t.expect.soft(coffeeIn(chat), `${chat}: Coffee's message`).toBe(before[chat]);
      t.expect.soft(s.live(chat).filter((m) => m.text.includes('grinding it fine')).length, `${chat}: the edit shown once`).toBe(1);
    }
  });
});
