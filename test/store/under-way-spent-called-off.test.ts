/**
 * Issue 25 (review): a delete whose try met a 5xx judged its own (an attempt spent: pending, attempts > 0) is "under way"
 * (store/under-way.ts deleteUnderWay: "never called off"), so the note back is posted anew behind it. An edit of the
 * note before the delete's next try makes syncFamily find the chat again through that waiting post
 * (chatsWithMessage: openPostTargets) and call the delete off (family-outbox.ts, `pendingDelete` in the wanted loop):
 * the old message, which the 5xx did not delete, stays beside the new post.
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

// The 6 s backoff is the test's room for two saves before the delete's next try. The removal waits the shortest
// window (three quiet periods, not 3 s): the note comes back only after the delete met its 502s.
const BASE = 'watch:\n  quietMs: 200\n  reconcileMinutes: 0\ndelivery:\n  baseDelayMs: 6000\n  maxDelayMs: 6000\npublish:\n  onDelete: delete\n  translations: { mode: group, graceMs: 0 }\n  digest: { windowMs: 600 }\n';

it('a delete with an attempt spent on a 5xx, the note back, then edited: the old message goes, one message left', async ({ telegram }: { telegram: FakeTelegram }) => {
  const a = telegram.addChat(-100321, 'supergroup');
  const b = telegram.addChat(-100654, 'supergroup');
  const sb = sandbox(`${BASE}telegram:\n  apiRoot: ${telegram.apiRoot}\n  registerCommands: false\nroutes:\n  - platform: telegram\n    chat: "${a.id}"\n  - platform: telegram\n    chat: "${b.id}"\n`);
  const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN }, undefined, parseThreads);
  await svc.ready();
  await svc.settled();
  const shown = (id: number) => telegram.sentTo(id).map((m) => m.text.split('\n')[0]!);
  const write = async (file: string, title: string) => {
    svc.forgetBatched([file]);
    writeFileSync(path.join(sb.notes, file), note(title, 'Words about lanterns by the river.'));
    await svc.batched([file]);
  };
  let from = svc.events.length;
  await write('n1.md', 'Golf 1');
  await svc.idle(from, 20_000);
  expect(shown(a.id)).toEqual(['Golf 1']);

  a.failNext = { count: 2 }; // chat A's next two sends answer 502 (deleting nothing)
  const logFrom = svc.stderr.length;
  unlinkSync(path.join(sb.notes, 'n1.md'));
  await svc.waitFor(() => a.failNext!.count === 1, 20_000, 'the delete met its first 502');
  await write('n2.md', 'Hotel'); // chat B's post of it is answered: the platform serves
  await svc.waitFor(() => shown(b.id).includes('Hotel'), 20_000, 'Hotel posted in B');
  await svc.waitFor(() => a.failNext!.count === 0, 20_000, 'the delete met its second 502');
  await svc.waitFor(() => /"kind":"delete".*"delivery will be retried"/.test(svc.stderr.slice(logFrom)), 5_000, 'an attempt spent');
  expect(shown(a.id)).toEqual(['Golf 1']);

  await write('n1.md', 'Golf 1'); // back: posted anew behind the delete (under way)
  await write('n1.md', 'Golf 2'); // edited before the delete's next try
  // Not a 9 s sleep: the delete's next try (6 s of backoff) reaching chat A is the signal, or, called off, the new post
  // beside the old message; an idle said after it is one after what follows (the posts that waited behind the delete).
  const deletesInA = () => telegram.calls.filter((c) => c.method === 'deleteMessage' && Number(c.payload.chat_id) === a.id).length;
  await telegram.waitFor(() => deletesInA() >= 3 || shown(a.id).filter((t) => t.startsWith('Golf')).length >= 2, 20_000, "the delete's next try in A");
  from = svc.events.length;
  await svc.idle(from, 20_000);
  expect(shown(a.id).filter((t) => t.startsWith('Golf'))).toEqual(['Golf 2']);
  expect(await svc.stop()).toBe(0);
}, 120_000);
