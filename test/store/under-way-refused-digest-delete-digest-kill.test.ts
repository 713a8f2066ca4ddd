/**
 * Issue 25 (review rv-c R1, the class): with a digest and `onDelete: delete`, a kill -9 while Telegram's refusal of a
 * digest message's delete (its only line's note deleted; the message older than 48 hours) was on its way, the note
 * written back while the service was stopped beside a new note. The start-up scan queues one digest listing both behind
 * the delete caught mid-send; the delete, sent again, is refused: the digest gives the note's line up to the message
 * that stayed (publish/left-message-back.ts), which is edited to list it, and goes with the new note alone. A process:
 * the kill -9 is the point (in process, a stop waits for the answer).
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { killLeftoverServices, note, sandbox, Service } from '../helpers/service.js';

const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const it = itWithFakes({ telegram: { token: TOKEN } });
afterAll(killLeftoverServices);

describe('a digest message\'s only note back beside a new note while stopped after a kill -9 caught the refusal of that message\'s delete', () => {
  it('the message that stayed is edited to list the note back, the new note goes in a digest of its own: each shown once', async ({ telegram }) => {
    const group = telegram.addChat(-100657, 'supergroup');
    // publish.digest.windowMs 600: removals wait the shortest window (three quiet periods, not 3 s); a step here, not the subject.
    const sb = sandbox(`watch:\n  quietMs: 200\n  reconcileMinutes: 0\ndelivery:\n  callTimeoutMs: 60000\npublish:\n  onDelete: delete\n  translations: { mode: group, graceMs: 0 }\n  digest: { threshold: 1, windowMs: 600 }\ntelegram:\n  apiRoot: ${telegram.apiRoot}\n  registerCommands: false\nroutes:\n  - platform: telegram\n    chat: "${group.id}"\n`);
    const lines = () => telegram.sentTo(group.id).map((m) => m.text.split('\n').filter((l) => l.startsWith('• ')));
    const edits = () => telegram.calls.filter((c) => c.method === 'editMessageText').length;
    const refused = () => telegram.calls.filter((c) => c.method === 'deleteMessage' && c.status === 400).length;
    const [a, b, c] = ['a.md', 'b.md', 'c.md'].map((f) => path.join(sb.notes, f)) as [string, string, string];
    const first = Service.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN });
    await first.ready();
    await first.settled(30_000);
    writeFileSync(a, note('Alpha 1', 'Words about lanterns by the river.'));
    writeFileSync(b, note('Bravo 1', 'Words about boats by the river.'));
    await telegram.waitFor(() => lines().length > 0, 30_000, 'the digest posted');
    await first.settled(30_000);
    expect(lines()).toEqual([['• Alpha 1', '• Bravo 1']]);
    unlinkSync(a);
    await telegram.waitFor(() => edits() === 1, 30_000, 'the digest message edited to list Bravo alone');
    await first.settled(30_000);
    for (const m of telegram.sentTo(group.id)) m.date -= 3 * 86400; // past Telegram's 48 hours (the fake's checkDeletable)
    telegram.dropAnswers = { count: 1, methods: ['deleteMessage'], late: 'held', refusals: true };
    unlinkSync(b);
    await telegram.waitFor(() => telegram.answersHeld === 1, 30_000, 'the digest message\'s delete refused, its answer held');
    await first.kill9();
    writeFileSync(b, note('Bravo 2', 'Words about boats by the river.'));
    writeFileSync(c, note('Charlie 1', 'Words about bridges by the river.'));
    const svc = Service.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN });
    await svc.ready();
    await telegram.waitFor(() => refused() === 1, 30_000, 'the delete sent again and refused');
    await telegram.waitFor(() => lines().length === 2, 30_000, 'the new note\'s digest');
    await svc.settled(30_000);
    expect(lines()).toEqual([['• Bravo 2'], ['• Charlie 1']]);
    expect(svc.stderr).toMatch(/that digest gives the line up and the message is edited to show it/);
    expect(await svc.stop()).toBe(0);
  }, 120_000);
});
