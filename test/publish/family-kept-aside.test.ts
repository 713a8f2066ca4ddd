/**
 * The kept messages set aside (review rv-34d of s34-rc's rv33-c R2, issue 25) for Coffee when a new note (Cocoa) takes
 * its old key, in orders of events family-kept-message.test.ts does not try. Same sandbox as that file.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';
import { COFFEE, joinedTeaCoffee, note, teaCoffeeSandbox, titles } from '../helpers/tea-coffee.js';

const parseThreads = fileParseThreads();
const COCOA = note('Cocoa', '2025-01-03', 'About cocoa, a new note.\n\n- beans');

const sandbox = (onDelete: 'keep' | 'delete') => teaCoffeeSandbox(onDelete, parseThreads);


const joined = (s: InProcessService) => joinedTeaCoffee(s, { beginStep: true });

const coffeeIn = (s: InProcessService, chat: string) => s.live(chat).find((m) => m.text.startsWith('Coffee\n'))?.messageId;

describe.concurrent('review rv-34d: kept messages set aside (s34-rc R2)', () => {
  it.for(['keep', 'delete'] as const)('Cocoa written at Coffee\'s old path while down (kill -9): Coffee keeps its message, Cocoa posted (onDelete: %s)', { timeout: 120_000 }, async (onDelete, t: TestContext) => {
    const s = sandbox(onDelete);
    t.onTestFinished(() => s.stop());
    const at = await joined(s);
    const before = { en: coffeeIn(s, 'en'), all: coffeeIn(s, 'all') };
    await s.kill();
    writeFileSync(at('posts/en/coffee.md'), COCOA);
    await s.start();
    await s.waitFor(() => s.openDeliveries() === 0, 20_000, 'every delivery done');
    for (const chat of ['en', 'all'] as const) {
      t.expect.soft(titles(s, chat), chat).toEqual(['Cocoa', 'Coffee', 'Tea']);
      t.expect.soft(coffeeIn(s, chat), `${chat}: Coffee's own message`).toBe(before[chat]);
    }
  });

  it.for(['keep', 'delete'] as const)('Cocoa at Coffee\'s old path, then Coffee edited, then a restart: the kept message follows, nothing else (onDelete: %s)', { timeout: 120_000 }, async (onDelete, t: TestContext) => {
    const s = sandbox(onDelete);
    t.onTestFinished(() => s.stop());
    const at = await joined(s);
    const before = { en: coffeeIn(s, 'en'), all: coffeeIn(s, 'all') };
    writeFileSync(at('posts/en/coffee.md'), COCOA);
    await s.settle(['posts/en/coffee.md']);
    await s.waitFor(() => s.openDeliveries() === 0, 20_000, 'every delivery done');
    s.beginStep();
    writeFileSync(at('posts/ja/tea.md'), COFFEE.replace('grinding.', 'grinding it fine.'));
    await s.settle(['posts/ja/tea.md']);
    await s.waitFor(() => s.openDeliveries() === 0, 20_000, 'every delivery done');
    await s.stop();
    const events = s.events.length;
    await s.start();
    await s.waitFor(() => s.openDeliveries() === 0, 20_000, 'every delivery done');
    t.expect.soft(s.events.slice(events).map((e) => `${e.event} ${e.target} ${e.noteId}`), 'sent at the restart').toEqual([]);
    for (const chat of ['en', 'all'] as const) {
      t.expect.soft(titles(s, chat), chat).toEqual(['Cocoa', 'Coffee', 'Tea']);
      t.expect.soft(coffeeIn(s, chat), `${chat}: Coffee's own message`).toBe(before[chat]);
      t.expect.soft(s.live(chat).filter((m) => m.text.includes('About coffee and grinding.')).length, `${chat}: Coffee's old text left`).toBe(0);
    }
  });

  it.for(['keep', 'delete'] as const)('Cocoa at Coffee\'s old path, then Coffee removed: its kept messages go the way onDelete says (onDelete: %s)', { timeout: 120_000 }, async (onDelete, t: TestContext) => {
    const s = sandbox(onDelete);
    t.onTestFinished(() => s.stop());
    const at = await joined(s);
    writeFileSync(at('posts/en/coffee.md'), COCOA);
    await s.settle(['posts/en/coffee.md']);
    await s.waitFor(() => s.openDeliveries() === 0, 20_000, 'every delivery done');
    s.beginStep();
    rmSync(at('posts/ja/tea.md'));
    await s.settle(['posts/ja/tea.md']);
    await s.waitFor(() => s.openDeliveries() === 0, 20_000, 'every delivery done');
    for (const chat of ['en', 'all'] as const) t.expect.soft(titles(s, chat), chat).toEqual(onDelete === 'keep' ? ['Cocoa', 'Coffee', 'Tea'] : ['Cocoa', 'Tea']);
  });

  it.for(['keep', 'delete'] as const)('Cocoa at Coffee\'s old path and Coffee edited in one batch: both right (onDelete: %s)', { timeout: 120_000 }, async (onDelete, t: TestContext) => {
    const s = sandbox(onDelete);
    t.onTestFinished(() => s.stop());
    const at = await joined(s);
    const before = { en: coffeeIn(s, 'en'), all: coffeeIn(s, 'all') };
    writeFileSync(at('posts/en/coffee.md'), COCOA);
    writeFileSync(at('posts/ja/tea.md'), COFFEE.replace('grinding.', 'grinding it fine.'));
    await s.settle(['posts/en/coffee.md', 'posts/ja/tea.md']);
    await s.waitFor(() => s.openDeliveries() === 0, 20_000, 'every delivery done');
    for (const chat of ['en', 'all'] as const) {
      t.expect.soft(titles(s, chat), chat).toEqual(['Cocoa', 'Coffee', 'Tea']);
      t.expect.soft(coffeeIn(s, chat), `${chat}: Coffee's own message`).toBe(before[chat]);
      t.expect.soft(s.live(chat).filter((m) => m.text.includes('grinding it fine')).length, `${chat}: the edit shown`).toBe(1);
    }
  });
});
