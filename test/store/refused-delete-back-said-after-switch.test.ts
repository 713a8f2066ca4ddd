/**
 * Review rv34-a's unproved note, proved: a family's message whose delete was refused for good while translations were
 * `group`, the service restarted `separate`, the note back. Its family's message is edited (family-after-switch.ts
 * editShown), and that edit is one of a message a refused delete left: said on the failed delete's line and in the log
 * as every other note back to such a message (refused-delete-back-said.test.ts). On main it went as a plain edit, said
 * nowhere: the failed delete's line still read as "this message should be gone" beside the note's live message.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { REFUSING_TELEGRAM_TOKEN, telegramChat, whileRefusing, writeSettled } from '../helpers/refusing-chat.js';
import { fileParseThreads } from '../helpers/inproc.js';
import { InProcessCli } from '../helpers/inproc-cli.js';
import { statusOf } from '../helpers/cli.js';
import { killLeftoverServices } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const it = itWithFakes({ telegram: { token: REFUSING_TELEGRAM_TOKEN } });
afterAll(killLeftoverServices);

const BACK_SAID = /; its note came back afterwards: delivery #(\d+) edits the message that stayed instead of posting it again \(the note's message now: do not delete it by hand\)/g;

it('Telegram: a family\'s delete refused while group, the note back after a switch to separate: its family\'s message is edited, said on the failed delete and in the log', async ({ telegram }) => {
  const chat = await telegramChat(telegram, 'group', parseThreads);
  await writeSettled(chat, 'Oscar 1');
  await whileRefusing(chat, async () => {});
  expect(await chat.svc.stop()).toBe(0);
  writeFileSync(chat.sb.config, readFileSync(chat.sb.config, 'utf8').replace('mode: group', 'mode: separate'));
  chat.svc = InProcessCli.start(chat.sb, [], { TELEGRAM_BOT_TOKEN: REFUSING_TELEGRAM_TOKEN }, undefined, parseThreads);
  await chat.svc.ready();
  await chat.svc.settled();
  await writeSettled(chat, 'Oscar 2');
  expect(chat.shown()).toEqual(['Oscar 2']); // the family's message, edited: shown once
  const json = JSON.parse(statusOf(chat.db, { json: true }).stdout) as { failures: { kind: string; noteId: string | null; error: string | null }[] };
  const failed = json.failures.filter((f) => f.kind === 'delete');
  expect(failed.map((f) => f.noteId)).toEqual(['family:n1']);
  const named = [...(failed[0]!.error ?? '').matchAll(BACK_SAID)].map((m) => Number(m[1]));
  expect(named, failed[0]!.error ?? '').toHaveLength(1);
  const logged = chat.svc.stderr.split('\n').filter((l) => l.includes('the message that stayed')).map((l) => JSON.parse(l) as { delivery: number; notes: string[] });
  expect(logged).toEqual([expect.objectContaining({ delivery: named[0], notes: ['family:n1', 'n1'] })]);
  expect(await chat.svc.stop()).toBe(0);
}, 90_000);
