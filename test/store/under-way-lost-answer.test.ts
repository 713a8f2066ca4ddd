/**
 * Issue 25 (review): a delete carried out whose answer was lost (a reset) is retried with its attempt given back (attempts 0), so
 * store/under-way.ts deleteUnderWay says it has not left; the note back meanwhile is taken as an edit of the deleted message.
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import type { FakeTelegram } from '../fakes/telegram/server.js';
import { itWithFakes } from '../helpers/fakes.js';
import { fileParseThreads, InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const TELEGRAM_TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const it = itWithFakes({ telegram: { token: TELEGRAM_TOKEN } });
afterAll(killLeftoverServices);

// publish.digest.windowMs 600: removals wait the shortest window (three quiet periods, not 3 s); a step here, not the subject.
const BASE = 'watch:\n  quietMs: 200\n  reconcileMinutes: 0\ndelivery:\n  baseDelayMs: 8000\n  maxDelayMs: 8000\npublish:\n  onDelete: delete\n  translations: { mode: group, graceMs: 0 }\n  digest: { windowMs: 600 }\n';

it('a delete carried out whose answer was lost, then the note back: posted anew', async ({ telegram }: { telegram: FakeTelegram }) => {
  const group = telegram.addChat(-100321, 'supergroup');
  const sb = sandbox(`${BASE}telegram:\n  apiRoot: ${telegram.apiRoot}\n  registerCommands: false\nroutes:\n  - platform: telegram\n    chat: "${group.id}"\n`);
  const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN }, undefined, parseThreads);
  await svc.ready();
  await svc.settled();
  const shown = () => telegram.sentTo(group.id).map((m) => m.text.split('\n')[0]!);
  const write = async (title: string) => {
    svc.forgetBatched(['n1.md']);
    writeFileSync(path.join(sb.notes, 'n1.md'), note(title, 'Words about lanterns by the river.'));
    await svc.batched(['n1.md']);
  };
  let from = svc.events.length;
  await write('Echo 1');
  await svc.idle(from, 20_000);
  expect(shown()).toEqual(['Echo 1']);

  telegram.dropAnswers = { count: 1, methods: ['deleteMessage'] }; // carried out, its answer lost (a reset)
  const logFrom = svc.stderr.length;
  unlinkSync(path.join(sb.notes, 'n1.md'));
  await svc.waitFor(() => /"action":"retract"/.test(svc.stderr.slice(logFrom)), 20_000, 'the removal decided');
  await svc.waitFor(() => telegram.dropAnswers.count === 0, 20_000, 'the delete carried out, its answer lost');
  await new Promise((r) => setTimeout(r, 500));
  expect(shown()).toEqual([]); // deleted in the chat; the delete waits to be tried again (attempt given back)

  await write('Echo 1'); // back before the delete is tried again
  // The delete's retry (8 s of backoff) reaching Telegram is the signal, not a 10 s sleep: an idle said after it is
  // one after what the retry leads to (the post goes right behind it).
  const deletes = () => telegram.calls.filter((c) => c.method === 'deleteMessage').length;
  await telegram.waitFor(() => deletes() >= 2, 20_000, "the delete's retry");
  from = svc.events.length;
  await svc.idle(from, 20_000);
  expect(shown()).toEqual(['Echo 1']);
  expect(await svc.stop()).toBe(0);
}, 90_000);
