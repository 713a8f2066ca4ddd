/**
 * rv-34c R4 (fixed: LateAnswers.judge judges it as the late answer of the post that took over, store/maybe-sent.ts
 * postTakingOver). A post whose send timed out (its request kept for a late answer) is called off (its note drafted) and the
 * note comes back: the new post takes over the called-off one's nonce and count (store.enqueue takeOverCalledOffSend /
 * calledOffCountFrom: "the same post") and is sent. The late answer of the first send then names a message the chat shows
 * beside the new post's, and LateAnswers.judge only logs it (status 'skipped'): the chat shows the note twice for good,
 * though the late answer names the second message exactly as in the 'done' case it deletes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const it = itWithFakes({ telegram: { token: TOKEN } });
afterAll(killLeftoverServices);

describe('a late answer of a called-off post its note\'s return took over (rv-34c R4)', () => {
  it('a timed-out post drafted and back, sent anew, then the late answer: the chat shows the note once', async ({ telegram }) => {
    const group = telegram.addChat(-100891, 'supergroup');
    const sb = sandbox(`watch:\n  quietMs: 200\n  reconcileMinutes: 0\ndelivery:\n  callTimeoutMs: 1000\n  baseDelayMs: 60000\n  maxDelayMs: 60000\ntelegram:\n  apiRoot: ${telegram.apiRoot}\n  registerCommands: false\nroutes:\n  - platform: telegram\n    chat: "${group.id}"\n`);
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready();
    await svc.settled(30_000);
    telegram.dropAnswers = { count: 1, methods: ['sendMessage'], late: 'held' };
    const file = path.join(sb.notes, 'n1.md');
    writeFileSync(file, note('Tango 1', 'Words about trains.'));
    await svc.waitFor(() => /telegram sendMessage: no answer within 1000 ms; its answer is awaited/.test(svc.stderr), 30_000, 'the send timed out, kept for a late answer');
    let from = svc.events.length;
    writeFileSync(file, note('Tango 1', 'Words about trains.', 'draft: true\n'));
    await svc.waitFor(() => /called off|note deleted or drafted before it was sent/.test(svc.stderr), 30_000, 'the post called off');
    from = svc.events.length;
    writeFileSync(file, note('Tango 1', 'Words about trains.'));
    await telegram.waitFor(() => telegram.messages.filter((m) => m.chatId === group.id).length === 2, 30_000, 'the new post sent');
    await svc.settled(30_000);
    telegram.answerLate();
    // Judged: the second message deleted (fixed), or only logged for the called-off post (the defect).
    await svc.waitFor(() => /named by a late answer, deleted|late answer for a called-off post/.test(svc.stderr), 30_000, 'the late answer judged');
    await svc.settled(30_000);
    expect(svc.stderr).not.toMatch(/late answer for a called-off post/);
    expect(await svc.stop()).toBe(0);
    // Seen: both messages stay ('late answer for a called-off post: ... look in the chat').
    expect(telegram.sentTo(group.id).map((m) => m.text.split('\n')[0])).toEqual(['Tango 1']);
  }, 120_000);
});
