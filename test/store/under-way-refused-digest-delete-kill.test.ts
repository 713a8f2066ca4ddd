/**
 * Issue 25: with a digest and `onDelete: delete`, a kill -9 while Telegram's refusal of a digest message's delete (its
 * only line's note deleted; the message older than 48 hours) was on its way, the note written back while the service
 * was stopped. The start-up scan queues the note's post behind the delete caught mid-send; the delete, sent again, is
 * refused: the post becomes the edit of the digest message that stayed (store/under-way.ts digestMessageTakenOver),
 * never a second message. A process: the kill -9 is the point (in process, a stop waits for the answer).
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { killLeftoverServices, note, sandbox, Service } from '../helpers/service.js';

const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const it = itWithFakes({ telegram: { token: TOKEN } });
afterAll(killLeftoverServices);

describe('a digest message\'s only note back while stopped after a kill -9 caught the refusal of that message\'s delete', () => {
  it('the digest message that stayed is edited to show it, once; a later edit follows it', async ({ telegram }) => {
    const group = telegram.addChat(-100656, 'supergroup');
    // publish.digest.windowMs 600: removals wait the shortest window (three quiet periods, not 3 s); a step here, not the subject.
    const sb = sandbox(`watch:\n  quietMs: 200\n  reconcileMinutes: 0\ndelivery:\n  callTimeoutMs: 60000\npublish:\n  onDelete: delete\n  translations: { mode: group, graceMs: 0 }\n  digest: { threshold: 1, windowMs: 600 }\ntelegram:\n  apiRoot: ${telegram.apiRoot}\n  registerCommands: false\nroutes:\n  - platform: telegram\n    chat: "${group.id}"\n`);
    const shown = () => telegram.sentTo(group.id).map((m) => m.text.split('\n')[0]);
    const edits = () => telegram.calls.filter((c) => c.method === 'editMessageText').length;
    const refused = () => telegram.calls.filter((c) => c.method === 'deleteMessage' && c.status === 400).length;
    const [a, b] = [path.join(sb.notes, 'a.md'), path.join(sb.notes, 'b.md')];
    const first = Service.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN });
    await first.ready();
    await first.settled(30_000);
    writeFileSync(a, note('Alpha 1', 'Words about lanterns by the river.'));
    writeFileSync(b, note('Bravo 1', 'Words about boats by the river.'));
    await telegram.waitFor(() => shown().length > 0, 30_000, 'the digest posted');
    await first.settled(30_000);
    expect(shown()).toHaveLength(1); // one digest message listing both
    unlinkSync(a);
    await telegram.waitFor(() => edits() === 1, 30_000, 'the digest message edited to list Bravo alone');
    await first.settled(30_000);
    for (const m of telegram.sentTo(group.id)) m.date -= 3 * 86400; // past Telegram's 48 hours (the fake's checkDeletable)
    telegram.dropAnswers = { count: 1, methods: ['deleteMessage'], late: 'held', refusals: true };
    unlinkSync(b);
    await telegram.waitFor(() => telegram.answersHeld === 1, 30_000, 'the digest message\'s delete refused, its answer held');
    await first.kill9();
    writeFileSync(b, note('Bravo 2', 'Words about boats by the river.'));
    const svc = Service.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN });
    await svc.ready();
    await telegram.waitFor(() => refused() === 1, 30_000, 'the delete sent again and refused');
    const from = await svc.settled(30_000);
    expect(shown()).toEqual(['Bravo 2']);
    writeFileSync(b, note('Bravo 3', 'Words about boats by the river.'));
    await telegram.waitFor(() => shown()[0] === 'Bravo 3', 30_000, 'the later edit');
    await svc.idle(from, 30_000);
    expect(shown()).toEqual(['Bravo 3']);
    expect(await svc.stop()).toBe(0);
  }, 120_000);
});
