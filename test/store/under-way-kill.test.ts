/**
 * Issue 25, tester 32-1 F6: with `onDelete: delete`, a kill -9 while a note's message's delete was on its way (carried
 * out by Telegram, its answer late), the note written back while the service was stopped: the start-up scan decided to
 * announce it, took the message (still recorded) for its message and skipped the post; the re-queued delete then found
 * the message gone and nothing was ever posted. The scan decides against what the chat shows once the re-queued delete
 * is answered (store/under-way.ts). A process: the kill -9 is the point (in process, a stop waits for the answer).
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { killLeftoverServices, note, sandbox, Service } from '../helpers/service.js';

const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const it = itWithFakes({ telegram: { token: TOKEN } });
afterAll(killLeftoverServices);

describe.concurrent('a note back while stopped after a kill -9 caught its message\'s delete (F6)', () => {
  for (const title of ['Echo 1', 'Echo 2']) {
    it(`written back ${title === 'Echo 1' ? 'unchanged' : 'retitled'}: posted anew once, and a later edit follows it`, async ({ telegram }) => {
      const group = telegram.addChat(-100654, 'supergroup');
      // The removal waits the shortest window (three quiet periods, 600 ms, not 3 s): the kill while its delete is held is the point.
      const sb = sandbox(`watch:\n  quietMs: 200\n  reconcileMinutes: 0\ndelivery:\n  callTimeoutMs: 60000\npublish:\n  onDelete: delete\n  translations: { mode: group, graceMs: 0 }\n  digest: { windowMs: 600 }\ntelegram:\n  apiRoot: ${telegram.apiRoot}\n  registerCommands: false\nroutes:\n  - platform: telegram\n    chat: "${group.id}"\n`);
      const shown = () => telegram.sentTo(group.id).map((m) => m.text.split('\n')[0]);
      const file = path.join(sb.notes, 'n1.md');
      const first = Service.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN });
      await first.ready();
      await first.settled(30_000);
      writeFileSync(file, note('Echo 1', 'Words about lanterns by the river.'));
      await telegram.waitFor(() => shown().length > 0, 30_000, 'the note posted');
      await first.settled(30_000);
      expect(shown()).toEqual(['Echo 1']);
      telegram.dropAnswers = { count: 1, methods: ['deleteMessage'], late: 'held' };
      unlinkSync(file);
      await telegram.waitFor(() => telegram.answersHeld === 1, 30_000, 'the delete carried out, its answer held');
      await first.kill9();
      writeFileSync(file, note(title, 'Words about lanterns by the river.'));
      const svc = Service.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN });
      await svc.ready();
      await telegram.waitFor(() => shown().length > 0, 30_000, 'the note posted anew');
      const from = await svc.settled(30_000);
      expect(shown()).toEqual([title]);
      writeFileSync(file, note('Echo 3', 'Words about lanterns by the river.'));
      await telegram.waitFor(() => shown()[0] === 'Echo 3', 30_000, 'the later edit');
      await svc.idle(from, 30_000);
      expect(shown()).toEqual(['Echo 3']);
      expect(await svc.stop()).toBe(0);
    }, 120_000);
  }
});
