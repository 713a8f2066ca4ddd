/**
 * Issue 25: with `onDelete: delete`, a kill -9 while Telegram's refusal of a note's message's delete (older than 48
 * hours) was on its way, the note written back while the service was stopped. The start-up scan decides against no
 * message (the delete caught mid-send is under way: store/under-way.ts) and queues a post behind it; the delete, sent
 * again, is refused: the post becomes an edit of the message that stayed (publish/undone-delete.ts), never a second
 * message. A process: the kill -9 is the point (in process, a stop waits for the answer).
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { killLeftoverServices, note, sandbox, Service } from '../helpers/service.js';

const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const it = itWithFakes({ telegram: { token: TOKEN } });
afterAll(killLeftoverServices);

describe('a note back while stopped after a kill -9 caught the refusal of its message\'s delete', () => {
  it('the message that stayed is edited to show it, once; a later edit follows it', async ({ telegram }) => {
    const group = telegram.addChat(-100655, 'supergroup');
    // The removal waits the shortest window (three quiet periods, 600 ms, not 3 s): the kill while its delete is held is the point.
    const sb = sandbox(`watch:\n  quietMs: 200\n  reconcileMinutes: 0\ndelivery:\n  callTimeoutMs: 60000\npublish:\n  onDelete: delete\n  translations: { mode: group, graceMs: 0 }\n  digest: { windowMs: 600 }\ntelegram:\n  apiRoot: ${telegram.apiRoot}\n  registerCommands: false\nroutes:\n  - platform: telegram\n    chat: "${group.id}"\n`);
    const shown = () => telegram.sentTo(group.id).map((m) => m.text.split('\n')[0]);
    const refused = () => telegram.calls.filter((c) => c.method === 'deleteMessage' && c.status === 400).length;
    const file = path.join(sb.notes, 'n1.md');
    const first = Service.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN });
    await first.ready();
    await first.settled(30_000);
    writeFileSync(file, note('Kilo 1', 'Words about lanterns by the river.'));
    await telegram.waitFor(() => shown().length > 0, 30_000, 'the note posted');
    await first.settled(30_000);
    for (const m of telegram.sentTo(group.id)) m.date -= 3 * 86400; // past Telegram's 48 hours (the fake's checkDeletable)
    telegram.dropAnswers = { count: 1, methods: ['deleteMessage'], late: 'held', refusals: true };
    unlinkSync(file);
    await telegram.waitFor(() => telegram.answersHeld === 1, 30_000, 'the delete refused, its answer held');
    await first.kill9();
    writeFileSync(file, note('Kilo 2', 'Words about lanterns by the river.'));
    const svc = Service.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN });
    await svc.ready();
    await telegram.waitFor(() => refused() === 1, 30_000, 'the delete sent again and refused');
    const from = await svc.settled(30_000);
    expect(shown()).toEqual(['Kilo 2']);
    writeFileSync(file, note('Kilo 3', 'Words about lanterns by the river.'));
    await telegram.waitFor(() => shown()[0] === 'Kilo 3', 30_000, 'the later edit');
    await svc.idle(from, 30_000);
    expect(shown()).toEqual(['Kilo 3']);
    expect(await svc.stop()).toBe(0);
  }, 120_000);
});
