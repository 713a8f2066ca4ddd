/**
 * Review rv34-a of tester 38 F2 (df2dd25a): what `status` and the log say of a note back to the message its refused
 * delete left, in orders refused-delete-back-said.test.ts does not try.
 * R1: a second save while the note's edit back is in flight (its answer held): the note came back once, so one log line
 *     and one edit named on the failed delete's line, in `group` as in `separate`.
 * R2: the note goes again after coming back, and that second delete is refused too: the first failed delete's line must
 *     no longer tell the operator the message is the note's and not to be deleted by hand.
 */
import { unlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { REFUSING_DISCORD_TOKEN, REFUSING_TELEGRAM_TOKEN, telegramChat, whileRefusing, write, writeSettled, type Chat } from '../helpers/refusing-chat.js';
import { fileParseThreads } from '../helpers/inproc.js';
import { statusOf } from '../helpers/cli.js';
import { killLeftoverServices } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const it = itWithFakes({ telegram: { token: REFUSING_TELEGRAM_TOKEN }, discordToken: REFUSING_DISCORD_TOKEN });
afterAll(killLeftoverServices);

const BACK_SAID = /; its note came back afterwards: delivery #(\d+) edits the message that stayed instead of posting it again \(the note's message now: do not delete it by hand\)/g;
const editsNamed = (text: string) => [...text.matchAll(BACK_SAID)].map((m) => Number(m[1]));

/** The failed deletes' errors in `status --json` (oldest first), and the log lines saying the note came back to the message that stayed. */
function saidOf(chat: Chat): { deletes: string[]; logged: { delivery: number }[] } {
  const json = JSON.parse(statusOf(chat.db, { json: true }).stdout) as { failures: { id: number; kind: string; error: string | null }[] };
  const deletes = json.failures.filter((f) => f.kind === 'delete').sort((a, b) => a.id - b.id).map((f) => f.error ?? '');
  const logged = chat.svc.stderr.split('\n').filter((l) => l.includes('the message that stayed')).map((l) => JSON.parse(l) as { delivery: number });
  return { deletes, logged };
}

describe.concurrent('rv34-a: a note back to the message its refused delete left', () => {
  for (const mode of ['group', 'separate'] as const) {
    it(`R1 Telegram, ${mode}: saved again while its edit back is in flight: said once (one log line, one edit named)`, async ({ telegram }) => {
      const chat = await telegramChat(telegram, mode, parseThreads);
      await writeSettled(chat, 'Oscar 1');
      await whileRefusing(chat, async () => {});
      // The edit back to the message that stayed is carried out, its answer held: it is in flight.
      telegram.dropAnswers = { count: 1, methods: ['editMessageText'], late: 'held' };
      const from = chat.svc.events.length;
      await write(chat, 'Oscar 2');
      await chat.svc.waitFor(() => telegram.answersHeld === 1, 20_000, 'the edit back in flight');
      await write(chat, 'Oscar 3');
      telegram.answerLate();
      await chat.svc.idle(from, 20_000);
      expect(chat.shown()).toEqual(['Oscar 3']);
      const said = saidOf(chat);
      expect(said.deletes).toHaveLength(1);
      expect(editsNamed(said.deletes[0]!), said.deletes[0]).toHaveLength(1);
      expect(said.logged).toHaveLength(1);
      expect(await chat.svc.stop()).toBe(0);
    }, 90_000);
  }

  it('R2 Telegram, separate: back, then gone again and that delete refused too: the first failed delete no longer says "do not delete it by hand"', async ({ telegram }) => {
    const chat = await telegramChat(telegram, 'separate', parseThreads);
    await writeSettled(chat, 'Oscar 1');
    await whileRefusing(chat, async () => {});
    await writeSettled(chat, 'Oscar 2');
    expect(chat.shown()).toEqual(['Oscar 2']);
    expect(editsNamed(saidOf(chat).deletes[0]!)).toHaveLength(1); // said, as the change intends
    // The note goes again; Telegram refuses this delete too (the message is past 48 hours).
    chat.refuseDeletes();
    const logFrom = chat.svc.stderr.length;
    const from = chat.svc.events.length;
    unlinkSync(path.join(chat.notes, 'n1.md'));
    await chat.svc.waitFor(() => /"action":"retract"/.test(chat.svc.stderr.slice(logFrom)), 20_000, 'the second removal decided');
    await chat.svc.idle(from, 20_000);
    expect(chat.refused()).toBe(2);
    expect(chat.shown()).toEqual(['Oscar 2']); // the message stays, its note deleted: it is to be deleted by hand now
    const { deletes } = saidOf(chat);
    expect(deletes).toHaveLength(2);
    // No failed delete's line may tell the operator to keep a message whose note is gone.
    for (const line of deletes) expect(line).not.toContain('do not delete it by hand');
    expect(await chat.svc.stop()).toBe(0);
  }, 90_000);
});
