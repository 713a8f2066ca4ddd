/**
 * rv-34e R1: family.ts bestMatch (s34-m4) picks, among several notes of a chat's exact language under one key, the
 * original by `originalAmong`, which honours the member the chat's message shows only among the notes NOT marked
 * `translated: true`. So when the chat's family message shows an English note marked `translated: true`, and `separate`
 * left a second, unmarked English note under the same key (posted on its own there), going back to `group` switches the
 * chat's family message to the unmarked note: the same double as BENCH_MODEL_SEED=3300 path 1, with a marker.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { familyTargets } from '../../src/publish/family.js';
import type { NoteRow } from '../../src/store/types.js';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';

const parseThreads = fileParseThreads();
let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

const cfg = (mode: 'group' | 'separate') => ({
  watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
  publish: { translations: { mode, graceMs: 0 }, digest: { threshold: 1000, windowMs: 0 } },
  routes: [
    { platform: 'console', chat: 'en', filter: { lang: ['en'] } },
    { platform: 'console', chat: 'ja', filter: { lang: ['ja'] } },
  ],
});
const note = (title: string, lang: string, body: string, translated = false) =>
  `---\ntitle: ${title}\nlang: ${lang}\ntranslationKey: setup\n${translated ? 'translated: true\n' : ''}---\n\n${body}\n`;

async function restartWith(config: unknown): Promise<void> {
  await svc!.stop();
  const next = new InProcessService(svc!.notes, svc!.db, configSchema.parse(config), undefined, { parseThreads });
  for (const [chat, messages] of svc!.chats) next.chats.set(chat, messages);
  svc = next;
  await svc.start();
}

describe('rv-34e R1: a chat\'s member among same-language notes when the shown one is marked translated', () => {
  it('pure: familyTargets keeps the exact-language member the chat\'s message shows, marked or not', () => {
    const m = (id: string, lang: string, original?: boolean) => ({ id, info: { lang, locale: lang, original, translationKey: 'setup' } }) as unknown as NoteRow;
    const shownOne = m('en/setup', 'en', false); // `translated: true`
    const other = m('setup-2', 'en'); // unmarked
    const ja = m('setup-ja', 'ja');
    const got = familyTargets([shownOne, other, ja], [{ platform: 'console', chat: 'en', filter: { lang: ['en'] } }] as never, [], new Set(['console']), () => 'en/setup');
    expect(got.map((t) => t.member.id)).toEqual(['en/setup']);
  });

  it('group, separate with a second (unmarked) English note, group again: en shows each note once', { timeout: 90_000 }, async () => {
    svc = InProcessService.sandbox(cfg('group'), { parseThreads });
    await svc.start();
    writeFileSync(path.join(svc.notes, 'setup-en.md'), note('Setup EN', 'en', 'English words.', true));
    writeFileSync(path.join(svc.notes, 'setup-ja.md'), note('Setup JA', 'ja', 'Nihongo.'));
    await svc.settle(['setup-en.md', 'setup-ja.md']);
    expect(svc.live('en').map((x) => x.noteId)).toEqual(['setup-en']);

    await restartWith(cfg('separate'));
    writeFileSync(path.join(svc.notes, 'setup-en2.md'), note('Setup EN two', 'en', 'Other English words.'));
    await svc.settle(['setup-en2.md']);
    expect(svc.live('en').map((x) => x.noteId).sort()).toEqual(['setup-en', 'setup-en2']);

    await restartWith(cfg('group'));
    expect(svc.anomalies).toEqual([]);
    expect(svc.live('en').map((x) => x.noteId).sort(), 'en shows each English note once').toEqual(['setup-en', 'setup-en2']);
  });
});
