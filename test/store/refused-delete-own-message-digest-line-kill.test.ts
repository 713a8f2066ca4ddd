/**
 * Issue 25, a note's own message whose delete was refused, its note back as a line of a digest, across a kill -9: the
 * service killed while Telegram's refusal of that delete (the message older than 48 hours) was on its way; the note
 * written back while it was stopped beside a new note. The start-up scan queues one digest listing both behind the
 * delete caught mid-send; the delete, sent again, is refused: the digest gives the note's line up to its own message
 * (publish/left-message-back.ts), edited to show the note's post, and goes with the new note alone (was: the message
 * that stayed and the digest's line, the note shown twice). A process: the kill -9 is the point.
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { killLeftoverServices, note, sandbox, Service } from '../helpers/service.js';

const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const it = itWithFakes({ telegram: { token: TOKEN } });
afterAll(killLeftoverServices);

describe('a note\'s own message, a kill -9 while the refusal of its delete came, the note back beside a new note while stopped', () => {
  it('its own message is edited to the note\'s post, the new note goes in a digest of its own: each shown once', async ({ telegram }) => {
    const group = telegram.addChat(-100659, 'supergroup');
    // publish.digest.windowMs 600: removals wait the shortest window (three quiet periods, not 3 s); a step here, not the subject.
    const sb = sandbox(`watch:\n  quietMs: 200\n  reconcileMinutes: 0\ndelivery:\n  callTimeoutMs: 60000\npublish:\n  onDelete: delete\n  translations: { mode: group, graceMs: 0 }\n  digest: { threshold: 1, windowMs: 600 }\ntelegram:\n  apiRoot: ${telegram.apiRoot}\n  registerCommands: false\nroutes:\n  - platform: telegram\n    chat: "${group.id}"\n`);
    const texts = () => telegram.sentTo(group.id).map((m) => m.text);
    const edits = () => telegram.calls.filter((c) => c.method === 'editMessageText').length;
    const refused = () => telegram.calls.filter((c) => c.method === 'deleteMessage' && c.status === 400).length;
    const [b, c] = ['b.md', 'c.md'].map((f) => path.join(sb.notes, f)) as [string, string];
    const first = Service.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN });
    await first.ready();
    await first.settled(30_000);
    writeFileSync(b, note('Bravo 1', 'Words about boats by the river.'));
    await telegram.waitFor(() => texts().length > 0, 30_000, 'the note posted');
    await first.settled(30_000);
    expect(texts().map((t) => t.split('\n')[0])).toEqual(['Bravo 1']); // its own message, not a digest
    for (const m of telegram.sentTo(group.id)) m.date -= 3 * 86400; // past Telegram's 48 hours (the fake's checkDeletable)
    telegram.dropAnswers = { count: 1, methods: ['deleteMessage'], late: 'held', refusals: true };
    unlinkSync(b);
    await telegram.waitFor(() => telegram.answersHeld === 1, 30_000, 'the message\'s delete refused, its answer held');
    await first.kill9();
    writeFileSync(b, note('Bravo 2', 'Words about boats by the river.'));
    writeFileSync(c, note('Charlie 1', 'Words about bridges by the river.'));
    const svc = Service.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN });
    await svc.ready();
    await telegram.waitFor(() => refused() === 1, 30_000, 'the delete sent again and refused');
    await telegram.waitFor(() => texts().length === 2, 30_000, 'the new note\'s digest');
    await svc.settled(30_000);
    expect(edits(), 'the message that stayed edited').toBe(1);
    expect(texts().filter((t) => t.includes('Bravo')), 'messages naming Bravo').toHaveLength(1);
    expect(texts()[0]!.split('\n')[0]).toBe('Bravo 2');
    expect(texts().slice(1)).toEqual(['📚 1 new note\n\n• Charlie 1']);
    expect(svc.stderr).toMatch(/that digest gives the line up and the message is edited to show it/);
    expect(svc.stderr).not.toMatch(/shows it twice/);
    expect(await svc.stop()).toBe(0);
  }, 120_000);
});
