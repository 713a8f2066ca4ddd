/**
 * Issue 25 (a reviewer's finding, open from session 29): with `onDelete: delete`, a note written back while its
 * message's delete was on its way was queued as a new post behind the delete (store/under-way.ts: a delete that has
 * left counts as no message). When the platform then refused the delete for good (Telegram: a message older than
 * 48 hours, "message can't be deleted"; Discord: a forum post without Manage Threads, 50013), the old message stayed
 * and the new post went too: the note showed twice. Now a delete that ends without deleting turns the post queued in
 * its shadow into an edit of the message that stayed (publish/undone-delete.ts): one message, showing the newest state.
 * In process, the fakes refuse the delete and keep the refusal back until the test lets it go (`refusals: true`).
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { REFUSING_DISCORD_TOKEN, REFUSING_TELEGRAM_TOKEN, refusingPlatforms, telegramChat, whileRefusing, write, writeSettled } from '../helpers/refusing-chat.js';
import { fileParseThreads } from '../helpers/inproc.js';
import { statusOf } from '../helpers/cli.js';
import { killLeftoverServices } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const it = itWithFakes({ telegram: { token: REFUSING_TELEGRAM_TOKEN }, discordToken: REFUSING_DISCORD_TOKEN });
afterAll(killLeftoverServices);

const platforms = (mode: 'group' | 'separate') => refusingPlatforms(mode, parseThreads);

describe.concurrent('a note written back while its message\'s delete is on its way, and the platform refuses that delete (onDelete: delete)', () => {
  for (const [name, chatOn] of platforms('group')) {
    it(`${name}: written back retitled: the message that stayed is edited, never a second one; later edits follow it`, chatOn(async (chat) => {
      await writeSettled(chat, 'Foxtrot 1');
      expect(chat.shown()).toEqual(['Foxtrot 1']);
      await whileRefusing(chat, () => write(chat, 'Foxtrot 2'));
      expect(chat.shown()).toEqual(['Foxtrot 2']);
      expect(chat.svc.stderr).toMatch(/its post queued behind the delete edits that message instead/);
      await writeSettled(chat, 'Foxtrot 3');
      expect(chat.shown()).toEqual(['Foxtrot 3']);
      expect(await chat.svc.stop()).toBe(0);
      expect(statusOf(chat.db).stdout).toMatch(/delete .*: .*its note came back meanwhile: delivery #\d+ edits the message that stayed/);
    }), 90_000);

    it(`${name}: written back unchanged: shown once`, chatOn(async (chat) => {
      await writeSettled(chat, 'Golf 1');
      await whileRefusing(chat, () => write(chat, 'Golf 1'));
      expect(chat.shown()).toEqual(['Golf 1']);
      expect(await chat.svc.stop()).toBe(0);
    }), 90_000);

    it(`${name}: written back, then drafted again before the refusal comes: the message stays alone, nothing posted`, chatOn(async (chat) => {
      await writeSettled(chat, 'Hotel 1');
      await whileRefusing(chat, async () => {
        await write(chat, 'Hotel 2');
        await write(chat, 'Hotel 2', 'published: false\n');
      });
      expect(chat.shown()).toEqual(['Hotel 1']);
      expect(await chat.svc.stop()).toBe(0);
    }), 90_000);
  }

  it('Telegram: written back, and its message deleted in the chat by someone else before the refusal comes: the note is posted, once', async ({ telegram }) => {
    const chat = await telegramChat(telegram, 'group', parseThreads);
    await writeSettled(chat, 'Juliet 1');
    await whileRefusing(chat, async () => {
      await write(chat, 'Juliet 2');
      for (const m of telegram.sentTo(-100777)) m.deleted = true; // an admin deletes it (the bot's refusal already on its way)
    });
    expect(chat.shown()).toEqual(['Juliet 2']);
    expect(chat.svc.stderr).toMatch(/the message a refused delete left is gone after all: the note back is posted/);
    expect(await chat.svc.stop()).toBe(0);
  }, 90_000);

  it('Telegram: a family whose last member went while its message\'s delete is refused, another member back: that message is edited to show it', async ({ telegram }) => {
    const chat = await telegramChat(telegram, 'group', parseThreads);
    const page = (title: string, lang: string) => `---\ntitle: ${title}\nlang: ${lang}\n---\n\nWords about lanterns by the river, in ${lang}.\n`;
    const save = async (file: string, text: string) => {
      chat.svc.forgetBatched([file]);
      writeFileSync(path.join(chat.notes, file), text);
      await chat.svc.batched([file]);
    };
    const from = chat.svc.events.length;
    await save('x-en.md', page('Lima in English', 'en'));
    await save('x-ja.md', page('Lima in Japanese', 'ja'));
    await chat.svc.idle(from, 20_000);
    expect(chat.shown()).toHaveLength(1); // one message for the family
    const logFrom = chat.svc.stderr.length;
    unlinkSync(path.join(chat.notes, 'x-en.md'));
    await chat.svc.waitFor(() => /"action":"retract"/.test(chat.svc.stderr.slice(logFrom)), 20_000, 'the first member\'s removal decided');
    await chat.svc.idle(from, 20_000);
    chat.refuseNextDelete();
    const lastFrom = chat.svc.stderr.length;
    unlinkSync(path.join(chat.notes, 'x-ja.md'));
    await chat.svc.waitFor(() => /"action":"retract"/.test(chat.svc.stderr.slice(lastFrom)), 20_000, 'the last member\'s removal decided');
    await chat.svc.waitFor(() => chat.held() === 1, 20_000, 'the family message\'s delete refused, its answer held');
    await save('x-ja.md', page('Lima in Japanese, back', 'ja'));
    const answered = chat.svc.events.length;
    chat.answer();
    await chat.svc.idle(answered, 20_000);
    expect(chat.refused()).toBe(1);
    expect(chat.shown()).toEqual(['Lima in Japanese, back']);
    expect(await chat.svc.stop()).toBe(0);
  }, 90_000);

  for (const mode of ['group', 'separate'] as const) {
    for (const [name, chatOn] of platforms(mode)) {
      it(`${name}, translations ${mode === 'group' ? 'grouped' : 'announced separately'}: written back after the refusal came: the message that stayed is edited`, chatOn(async (chat) => {
        await writeSettled(chat, 'Mike 1');
        await whileRefusing(chat, async () => {});
        expect(chat.shown()).toEqual(['Mike 1']);
        await writeSettled(chat, 'Mike 2');
        expect(chat.shown()).toEqual(['Mike 2']);
        expect(await chat.svc.stop()).toBe(0);
      }), 90_000);
    }
  }

  for (const [name, chatOn] of platforms('separate')) {
    it(`${name}, translations announced separately: written back retitled: the message that stayed is edited`, chatOn(async (chat) => {
      await writeSettled(chat, 'India 1');
      await whileRefusing(chat, () => write(chat, 'India 2'));
      expect(chat.shown()).toEqual(['India 2']);
      expect(await chat.svc.stop()).toBe(0);
    }), 90_000);
  }
});
