/**
 * A post in flight when its note moved into another family (issue 25; review rv-34d R1-R3), in orders of events
 * family-kept-message.test.ts does not try: its send timed out (the row back to pending), a second move, an edit,
 * while its answer is held. The post is the kept message to be: never called off, followed once answered.
 * Same sandbox: chats `en`, `ja` (filtered to their language) and `all`, translations: group.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';
import { COFFEE, TEA, teaCoffeeSandbox, titles } from '../helpers/tea-coffee.js';

const parseThreads = fileParseThreads();

const sandbox = (onDelete: 'keep' | 'delete', delivery: Record<string, number> = {}) => teaCoffeeSandbox(onDelete, parseThreads, delivery);


/** Coffee announced once in `en` and `all` (one message posted for it, one live message showing it). */
function announcedOnce(s: InProcessService, t: TestContext): void {
  for (const chat of ['en', 'all']) {
    t.expect.soft(new Set(s.sent(chat, 'post').filter((e) => e.text.includes('Coffee')).map((e) => e.messageId)).size, `${chat}: Coffee announced once (messages posted for it)`).toBe(1);
    t.expect.soft(s.live(chat).filter((m) => m.text.includes('Coffee')).length, `${chat}: Coffee in one message`).toBe(1);
  }
}

describe.concurrent('a kept message whose post is in flight (rv-34d)', () => {
  // R1 claims "answer not yet recorded": a graceful stop (not a kill -9) while Coffee's post's answer is held leaves
  // its row pending (an unanswered send), not `sending`; Coffee moved into Tea's family while down, then back.
  it.for(['keep', 'delete'] as const)('Coffee\'s post unanswered at a stop, moved into Tea\'s family while down, then back: announced once (onDelete: %s)', { timeout: 120_000 }, async (onDelete, t: TestContext) => {
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
    const stopping = s.stop();
    faults.answerHeld = false;
    await stopping;
    renameSync(at('posts/en/coffee.md'), at('posts/ja/tea.md'));
    await s.start();
    await s.waitFor(() => s.openDeliveries() === 0, 20_000, 'every delivery done');
    for (const chat of ['en', 'all']) t.expect.soft(titles(s, chat), `${chat} after the restart`).toEqual(['Coffee', 'Tea']);
    s.beginStep();
    renameSync(at('posts/ja/tea.md'), at('posts/en/coffee.md'));
    await s.settle(['posts/ja/tea.md', 'posts/en/coffee.md']);
    await s.waitFor(() => s.openDeliveries() === 0, 20_000, 'every delivery done');
    announcedOnce(s, t);
  });

  // R1 claims "answer not yet recorded": Coffee's post reached the chats but its answer timed out (callTimeoutMs), so
  // its row waits, pending, to be sent again (not `sending`) when Coffee moves into Tea's family; then Coffee moves back.
  it.for(['keep', 'delete'] as const)('Coffee\'s post timed out (it reached the chat), moved into Tea\'s family before its retry, then back: announced once (onDelete: %s)', { timeout: 120_000 }, async (onDelete, t: TestContext) => {
    const s = sandbox(onDelete, { callTimeoutMs: 1000, baseDelayMs: 4000, maxDelayMs: 4000 });
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
    await s.waitFor(() => faults.hits >= 2 && s.app!.store.sql("SELECT 1 FROM outbox WHERE kind = 'post' AND status = 'sending'").get() === undefined, 20_000, 'Coffee\'s posts sent, timed out, waiting for a retry');
    faults.answerHeld = false;
    s.beginStep();
    renameSync(at('posts/en/coffee.md'), at('posts/ja/tea.md'));
    await s.batched(['posts/en/coffee.md', 'posts/ja/tea.md']);
    await s.waitFor(() => s.openDeliveries() === 0, 30_000, 'every delivery done');
    for (const chat of ['en', 'all']) t.expect.soft(titles(s, chat), `${chat} after the move`).toEqual(['Coffee', 'Tea']);
    s.beginStep();
    renameSync(at('posts/ja/tea.md'), at('posts/en/coffee.md'));
    await s.settle(['posts/ja/tea.md', 'posts/en/coffee.md']);
    await s.waitFor(() => s.openDeliveries() === 0, 30_000, 'every delivery done');
    announcedOnce(s, t);
  });

  // R1 with a second move while the first post's answer is still held: Coffee moved into Tea's family (its post in
  // flight is kept for it), then on to a family of its own (milk, no message anywhere), then the answer comes.
  // The control (`answered`): the same moves after the answer came pass (the kept message is adopted by Milk's family).
  it.for([['keep', 'held'], ['delete', 'held'], ['keep', 'answered'], ['delete', 'answered']] as const)('Coffee moved into Tea\'s family and on to Milk (onDelete: %s), its post\'s answer %s at the moves: announced once', { timeout: 120_000 }, async ([onDelete, answer], t: TestContext) => {
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
    if (answer === 'answered') {
      faults.answerHeld = false;
      await s.waitFor(() => s.openDeliveries() === 0, 20_000, 'every delivery done');
    }
    s.beginStep();
    renameSync(at('posts/en/coffee.md'), at('posts/ja/tea.md'));
    await s.batched(['posts/en/coffee.md', 'posts/ja/tea.md']);
    s.beginStep();
    renameSync(at('posts/ja/tea.md'), at('posts/ja/milk.md'));
    await s.batched(['posts/ja/tea.md', 'posts/ja/milk.md']);
    faults.answerHeld = false;
    await s.waitFor(() => s.openDeliveries() === 0, 20_000, 'every delivery done');
    for (const chat of ['all']) {
      t.expect.soft(new Set(s.sent(chat, 'post').filter((e) => e.text.includes('Coffee')).map((e) => e.messageId)).size, `${chat}: Coffee announced once (messages posted for it)`).toBe(1);
      t.expect.soft(s.live(chat).filter((m) => m.text.includes('Coffee')).length, `${chat}: Coffee in one message`).toBe(1);
    }
    t.expect.soft(s.live('en').filter((m) => m.text.includes('Coffee')).length, 'en: Coffee in one message').toBe(1);
  });

  // R1 with an edit while the answer is still held: Coffee moved into Tea's family, then edited, then the answer comes.
  it.for(['keep', 'delete'] as const)('Coffee moved into Tea\'s family and edited while its post\'s answer is held: the kept message shows the edit (onDelete: %s)', { timeout: 120_000 }, async (onDelete, t: TestContext) => {
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
    s.beginStep();
    renameSync(at('posts/en/coffee.md'), at('posts/ja/tea.md'));
    await s.batched(['posts/en/coffee.md', 'posts/ja/tea.md']);
    s.beginStep();
    writeFileSync(at('posts/ja/tea.md'), COFFEE.replace('grinding.', 'grinding it fine.'));
    await s.batched(['posts/ja/tea.md']);
    faults.answerHeld = false;
    await s.waitFor(() => s.openDeliveries() === 0, 20_000, 'every delivery done');
    for (const chat of ['en', 'all', 'ja']) {
      t.expect.soft(s.live(chat).filter((m) => m.text.includes('About coffee and grinding.')).map((m) => m.messageId), `${chat}: a message of Coffee left showing its old text`).toEqual([]);
    }
    for (const chat of ['en', 'all']) t.expect.soft(titles(s, chat), chat).toEqual(['Coffee', 'Tea']);
  });
});
