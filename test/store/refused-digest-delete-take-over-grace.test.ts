/**
 * Issue 25, s32's "f2 edge": translations grouped, a note back after its digest message's delete was refused and
 * recorded takes that message over (publish/left-message-back.ts): its post becomes the message's edit, marked
 * `insteadOfPost` (posted should the message be gone after all), and like any new announcement it waits the family's
 * grace. Saved again within that grace, the edit waiting takes the newest content (what-waits.ts): it must keep the mark,
 * else, the message gone by then (deleted in the chat), the edit is skipped as an edit not sent and the note shown
 * nowhere. It does (store.ts replacePayload keeps `insteadOfPost`): this holds the edge, on main as here.
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { fileParseThreads, InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox } from '../helpers/service.js';

const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const parseThreads = fileParseThreads();
const it = itWithFakes({ telegram: { token: TOKEN } });
afterAll(killLeftoverServices);

/** The family grace: long enough for a save and its batch under load before the take-over edit goes. */
const GRACE_MS = 8000;

it('the take-over edit waiting the grace, the note saved again, its message deleted in the chat meanwhile: the note is posted, with its newest text', async ({ telegram }) => {
  const group = telegram.addChat(-100661, 'supergroup');
  const sb = sandbox(`watch:\n  quietMs: 200\n  reconcileMinutes: 0\ndelivery:\n  callTimeoutMs: 60000\npublish:\n  onDelete: delete\n  translations: { mode: group, graceMs: ${GRACE_MS} }\n  digest: { threshold: 1, windowMs: 600 }\ntelegram:\n  apiRoot: ${telegram.apiRoot}\n  registerCommands: false\nroutes:\n  - platform: telegram\n    chat: "${group.id}"\n`);
  const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
  await svc.ready();
  await svc.settled();
  const shown = () => telegram.sentTo(group.id).filter((m) => !m.deleted).map((m) => m.text.split('\n')[0]!);
  const edits = () => telegram.calls.filter((c) => c.method === 'editMessageText').length;
  const write = async (files: Record<string, string>) => {
    svc.forgetBatched(Object.keys(files));
    for (const [file, title] of Object.entries(files)) writeFileSync(path.join(sb.notes, file), note(title, `Words about ${title} by the river.`));
    await svc.batched(Object.keys(files));
  };
  const remove = async (file: string) => {
    const from = svc.events.length, logFrom = svc.stderr.length;
    unlinkSync(path.join(sb.notes, file));
    await svc.waitFor(() => /"action":"retract"/.test(svc.stderr.slice(logFrom)), 20_000, `the removal of ${file} decided`);
    await svc.idle(from, 20_000);
  };
  let from = svc.events.length;
  await write({ 'a.md': 'Alpha 1', 'b.md': 'Bravo 1' });
  await svc.idle(from, 30_000);
  expect(shown()).toEqual(['📚 2 new notes']);
  await remove('a.md');
  for (const m of telegram.sentTo(group.id)) m.date -= 3 * 86400; // past Telegram's 48 hours: its delete is refused
  await remove('b.md');
  expect(telegram.calls.filter((c) => c.method === 'deleteMessage' && c.status === 400)).toHaveLength(1);
  const editsBefore = edits();
  await write({ 'b.md': 'Bravo 2' }); // takes the message over: its edit waits the grace
  expect(svc.stderr).toMatch(/that message is edited to show its post instead of posting it again/);
  await write({ 'b.md': 'Bravo 3' });
  // The case holds only while the take-over edit still waits: else this test proves nothing (a longer GRACE_MS).
  expect(edits(), 'the take-over edit still waiting its grace').toBe(editsBefore);
  for (const m of telegram.sentTo(group.id)) m.deleted = true; // an admin deletes the message that stayed
  from = svc.events.length;
  await svc.idle(from, 30_000);
  expect(shown()).toEqual(['Bravo 3']);
  expect(svc.stderr).toMatch(/the message a refused delete left is gone after all: the note back is posted/);
  expect(await svc.stop()).toBe(0);
}, 90_000);
