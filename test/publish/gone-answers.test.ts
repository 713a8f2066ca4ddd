/**
 * Issue 25, outside tester 32-1 F1: `status` listed a chat "said to be gone" only while its post's row was `pending`,
 * so each time its retry was in flight (`sending`: the send, then the getChat check) the chat dropped off the list, and
 * an operator watching two gone chats saw them blink in and out. README (Routes, "chat gone"): `status` lists it under
 * "chats said to be gone" (`--json` `chatsSaidGone`) for as long as it counts toward its 13 answers, and a retry in
 * flight does not start the count over. Now `status` reads the count as the store keeps it (publish/gone-answers.ts).
 * The service in this process against the fake Telegram, its two route chats deleted ("chat not found").
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { statusOf } from '../helpers/cli.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const it = itWithFakes({ telegram: { token: TOKEN } });
afterAll(killLeftoverServices);

interface Status {
  chatsSaidGone: { chat: string; answers: number }[];
  outbox: Record<string, number>;
}
const statusJson = (db: string) => JSON.parse(statusOf(db, { json: true }).stdout) as Status;

describe('status while chats are said to be gone', () => {
  it('lists each such chat while its retry is in flight (its row sending), text and --json', { timeout: 60_000 }, async ({ telegram: fake }) => {
    const a = fake.addChat(-100101, 'supergroup');
    const b = fake.addChat(-100102, 'supergroup');
    const routes = [a, b].map((c) => `  - platform: telegram\n    chat: "${c.id}"\n`).join('');
    const sb = sandbox(`watch:\n  quietMs: 200\ndelivery:\n  callTimeoutMs: 2000\n  baseDelayMs: 100\n  maxDelayMs: 200\ntelegram:\n  apiRoot: ${fake.apiRoot}\n  registerCommands: false\nroutes:\n${routes}`);
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    try {
      await svc.ready();
      a.state = 'missing';
      b.state = 'missing';
      writeFileSync(path.join(sb.notes, 'lanterns.md'), note('Lanterns by the river', 'Lanterns float down the river at dusk.'));
      await svc.waitFor(() => [a, b].every((c) => new RegExp(`"target":"telegram:${c.id}".*said to be gone \\(1 of 13`).test(svc.stderr)), 20_000, 'each chat said to be gone once');

      fake.hangMethods.add('getChat'); // the next retry's check held unanswered: its post's row stays `sending`
      await fake.waitFor(() => fake.held > 0, 10_000, 'a retry in flight');
      const now = statusJson(sb.db);
      expect(now.outbox.sending).toBeGreaterThan(0); // what this test is about: a row in flight when status reads
      expect(now.chatsSaidGone.map((c) => c.chat).sort()).toEqual([`telegram:${a.id}`, `telegram:${b.id}`]);
      expect(statusOf(sb.db).stdout).toMatch(new RegExp(`chats said to be gone [^\\n]*\\n(  telegram:-10010[12]: \\d+ of 13 answers since [^\\n]*\\n){2}`));
    } finally {
      fake.release();
      await svc.stop();
    }
  });
});
