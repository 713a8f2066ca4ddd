/**
 * Issue 25, tester 38 F2: a note's (or a family's) message whose delete the platform refused for good, the note back
 * after that refusal was recorded. Its message is edited (under-way-refused-delete.test.ts), and the log and `status`
 * say so, as for a digest message a refused delete left (refused-digest-delete-back-afterwards.test.ts): the failed
 * delete's line names the edit and says the message is the note's now, not to be deleted by hand (an operator finishing
 * that delete would delete the live post), and one log line names the note, the chat and the message. On main the line
 * said only the refusal, and nothing was logged.
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { REFUSING_DISCORD_TOKEN, REFUSING_TELEGRAM_TOKEN, refusingPlatforms, telegramChat, whileRefusing, writeSettled, type Chat } from '../helpers/refusing-chat.js';
import { fileParseThreads } from '../helpers/inproc.js';
import { statusOf } from '../helpers/cli.js';
import { killLeftoverServices } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const it = itWithFakes({ telegram: { token: REFUSING_TELEGRAM_TOKEN }, discordToken: REFUSING_DISCORD_TOKEN });
afterAll(killLeftoverServices);

const platforms = (mode: 'group' | 'separate') => refusingPlatforms(mode, parseThreads);

/** What the failed delete's line says once the note came back to its message (store/under-way.ts shadowEditSaid). */
const BACK_SAID = /; its note came back afterwards: delivery #(\d+) edits the message that stayed instead of posting it again \(the note's message now: do not delete it by hand\)/g;

interface Said {
  /** The failed delete's line in `status`, as printed. */
  line: string;
  /** Its `error` in `status --json`. */
  json: string;
  /** The log lines saying the note came back to the message that stayed. */
  logged: { notes: string[]; target: string; message: string; deleteDelivery: number; delivery: number }[];
}

function saidOf(chat: Chat): Said {
  const printed = statusOf(chat.db);
  const json = JSON.parse(statusOf(chat.db, { json: true }).stdout) as { failures: { kind: string; error: string | null }[] };
  const failedDeletes = json.failures.filter((f) => f.kind === 'delete');
  expect(failedDeletes).toHaveLength(1); // the refused delete, still listed
  const logged = chat.svc.stderr.split('\n').filter((l) => l.includes('the message that stayed')).map((l) => JSON.parse(l) as Said['logged'][number]);
  return { line: printed.stdout.split('\n').find((l) => /#\d+ delete /.test(l)) ?? '', json: failedDeletes[0]!.error ?? '', logged };
}

/** The delivery ids the failed delete's line names as the note's edit back to its message. */
const editsNamed = (text: string) => [...text.matchAll(BACK_SAID)].map((m) => Number(m[1]));

describe.concurrent('a note back after its message\'s delete was refused for good: the log and status say the message is the note\'s again', () => {
  for (const mode of ['group', 'separate'] as const) {
    for (const [name, chatOn] of platforms(mode)) {
      it(`${name}, translations ${mode === 'group' ? 'grouped' : 'announced separately'}: the failed delete's line and one log line name the edit of the message that stayed`, chatOn(async (chat) => {
        await writeSettled(chat, 'Oscar 1');
        await whileRefusing(chat, async () => {});
        expect(editsNamed(saidOf(chat).line)).toEqual([]); // refused, nothing back yet
        await writeSettled(chat, 'Oscar 2');
        expect(chat.shown()).toEqual(['Oscar 2']);
        const said = saidOf(chat);
        const [edit] = editsNamed(said.line);
        expect(edit, said.line).toBeDefined();
        expect(editsNamed(said.json)).toEqual([edit]);
        expect(said.logged).toHaveLength(1);
        const noteId = mode === 'group' ? 'family:n1' : 'n1';
        expect(said.logged[0]).toMatchObject({ delivery: edit, target: expect.stringMatching(/^(telegram|discord):/) as unknown });
        expect(said.logged[0]!.notes).toContain(noteId);
        expect(said.logged[0]!.message).toMatch(/\d+$/); // Telegram's message id; a Discord forum post's thread:<id>
        // Edited again: an ordinary edit of the message that is there now; said no more.
        await writeSettled(chat, 'Oscar 3');
        expect(chat.shown()).toEqual(['Oscar 3']);
        const later = saidOf(chat);
        expect(editsNamed(later.line)).toEqual([edit]);
        expect(later.logged).toHaveLength(1);
        expect(await chat.svc.stop()).toBe(0);
      }), 90_000);
    }
  }

  it('Telegram: a family whose last member\'s delete was refused, one member back, then the other: its message is edited and said once, naming the family, the member and the message', async ({ telegram }) => {
    const chat = await telegramChat(telegram, 'group', parseThreads);
    const page = (title: string, lang: string) => `---\ntitle: ${title}\nlang: ${lang}\n---\n\nWords about lanterns by the river, in ${lang}.\n`;
    const save = async (file: string, text: string) => {
      const from = chat.svc.events.length;
      chat.svc.forgetBatched([file]);
      writeFileSync(path.join(chat.notes, file), text);
      await chat.svc.batched([file]);
      await chat.svc.idle(from, 20_000);
    };
    const remove = async (file: string) => {
      const logFrom = chat.svc.stderr.length;
      const from = chat.svc.events.length;
      unlinkSync(path.join(chat.notes, file));
      await chat.svc.waitFor(() => /"action":"retract"/.test(chat.svc.stderr.slice(logFrom)), 20_000, `${file}'s removal decided`);
      await chat.svc.idle(from, 20_000);
    };
    await save('x-en.md', page('Papa in English', 'en'));
    await save('x-ja.md', page('Papa in Japanese', 'ja'));
    const [message] = telegram.sentTo(-100777);
    expect(chat.shown()).toEqual(['Papa in English']);
    chat.refuseDeletes();
    await remove('x-en.md');
    await remove('x-ja.md');
    expect(chat.refused()).toBe(1); // the family's message stayed
    await save('x-ja.md', page('Papa in Japanese, back', 'ja'));
    expect(chat.shown()).toEqual(['Papa in Japanese, back']);
    const said = saidOf(chat);
    const [edit] = editsNamed(said.line);
    expect(edit, said.line).toBeDefined();
    expect(said.logged).toEqual([expect.objectContaining({ notes: ['family:x', 'x-ja'], target: 'telegram:-100777', message: String(message!.messageId), delivery: edit })]);
    await save('x-en.md', page('Papa in English, back', 'en'));
    expect(chat.shown()).toHaveLength(1); // the same message, an ordinary edit now
    expect(editsNamed(saidOf(chat).line)).toEqual([edit]);
    expect(saidOf(chat).logged).toHaveLength(1);
    expect(await chat.svc.stop()).toBe(0);
  }, 90_000);
});
