/**
 * A line of a scheduled digest (a subscription's `digest:"daily 09:00"`, sent by the deliverer with the posts it held)
 * follows its note as a message does (README, Edits: "a sent message follows its note … including a chat whose filter …
 * no longer picks the note after the edit … a filter change never deletes it: onDelete is about the note going away").
 * Issue 25 (the platform model's hunt, seed 700): a held note's line recorded no member, only its title, so once an edit
 * retitled the note and took it out of the chat's filter the line was taken for a removed note's: under
 * `onDelete: delete` it went (the digest edited without it, or deleted when it was the only line), under `keep` it
 * stayed with the old title. The `group` cases failed on main a026bf1 (the digest's edit never came); the `separate` ones
 * passed there (a note's own line follows every edit, publish/note-outbox.ts) and keep that mode to the same rule.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SteppedClock } from '../fakes/clock.js';
import { useFakeTelegram } from '../helpers/fakes.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const TOKEN = '123456:DIGEST-lines-abcdefghijklmnopqrstuvwxyz';
const ADMIN = 12;
const fake = useFakeTelegram({ token: TOKEN });
afterAll(killLeftoverServices);

const configOf = (apiRoot: string, onDelete: 'keep' | 'delete', translations: 'group' | 'separate') =>
  `telegram:\n  apiRoot: ${apiRoot}\n  registerCommands: false\nwatch:\n  quietMs: 200\n` +
  `publish:\n  onDelete: ${onDelete}\n  translations:\n    mode: ${translations}\n    graceMs: 0\n  digest:\n    threshold: 1000\n    windowMs: 600\n`;

describe('a scheduled digest\'s line of a note edited out of the chat\'s filter', () => {
  it.each([
    ['delete', 'group'],
    ['keep', 'group'],
    ['delete', 'separate'],
    ['keep', 'separate'],
  ] as const)('stays in the digest, retitled as the note (onDelete: %s, translations: %s)', { timeout: 60_000 }, async (onDelete, translations) => {
    const chat = fake().addChat(-100_801, 'supergroup', { [ADMIN]: 'administrator' }).id;
    const sb = sandbox(configOf(fake().apiRoot, onDelete, translations));
    const clock = new SteppedClock(Date.parse('2026-12-04T06:00:00Z')); // three hours before the digest
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, clock, parseThreads);
    try {
      await svc.ready();
      fake().command(chat, ADMIN, '/subscribe tag:weekly digest:"daily 09:00"');
      await fake().waitFor(() => fake().sentTo(chat).some((m) => m.text.startsWith('Subscribed')), 20_000, 'the subscription');
      writeFileSync(path.join(sb.notes, 'maple.md'), note('Maple roundup', 'Maple trees by the river turned red this week. The path along them is open again.', 'tags: [weekly]\n'));
      writeFileSync(path.join(sb.notes, 'lantern.md'), note('Lantern roundup', 'Lanterns were hung along the old bridge.', 'tags: [weekly]\n'));
      await svc.batched(['maple.md', 'lantern.md']);
      await svc.settled(20_000);
      const digests = () => fake().sentTo(chat).filter((m) => m.text.includes('roundup'));
      expect(digests()).toEqual([]); // held for 09:00

      clock.advance(Date.parse('2026-12-04T09:00:30Z') - clock.now());
      svc.clockMoved(); // the service told, as its timer would be
      await fake().waitFor(() => digests().length > 0, 20_000, 'the 09:00 digest');
      await svc.settled(20_000);
      expect(digests().map((m) => m.text.includes('Maple roundup') && m.text.includes('Lantern roundup'))).toEqual([true]);

      // Retitled, and tagged so that no subscription of the chat passes it: the note is live, its line follows it.
      writeFileSync(path.join(sb.notes, 'maple.md'), note('Maple roundup, revised', 'Maple trees by the river turned red this week. The path along them is open again.', 'tags: [misc]\n'));
      await svc.batched(['maple.md']);
      // The digest's edit is a delivery of its own, after the batch (Telegram's pace per chat): its message is waited for.
      await fake().waitFor(() => digests().some((m) => m.text.includes('Maple roundup, revised')), 20_000, 'the digest edited');
      await svc.settled(20_000);
      const shown = digests();
      expect(shown).toHaveLength(1);
      expect(shown[0]!.text).toContain('Maple roundup, revised');
      expect(shown[0]!.text).toContain('Lantern roundup');
      expect(fake().calls.filter((c) => c.method === 'deleteMessage')).toEqual([]);
    } finally {
      await svc.stop();
    }
  });
});
