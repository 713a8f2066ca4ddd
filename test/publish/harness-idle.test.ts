/**
 * The in-process harness's `idle(from)` and `settled()`: an idle said before what the test last
 * waited for on a fake is not the last one. Here the first note's post makes an idle after `from`;
 * the second note's send is then held by the fake, and each must wait until that send is out.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { ServiceEvents } from '../helpers/service.js';
import { FakeTelegram } from '../fakes/telegram/server.js';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox } from '../helpers/service.js';

const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
afterEach(killLeftoverServices);

const WAITS: [string, (svc: ServiceEvents, from: number) => Promise<unknown>][] = [
  ['idle(from)', (svc, from) => svc.idle(from)],
  ['settled()', (svc) => svc.settled()],
];

it.each(WAITS)('%s waits for an idle after the send the test last waited for, not an earlier one', async (_name, wait) => {
  const fake = await new FakeTelegram({ token: TOKEN }).start();
  try {
    fake.addChat(-100, 'supergroup');
    // A short retry, so the held send goes out again soon after the fake drops it.
    const sb = sandbox(`watch:\n  quietMs: 50\ntelegram:\n  apiRoot: ${fake.apiRoot}\ndelivery:\n  baseDelayMs: 20\nroutes:\n  - { platform: telegram, chat: "-100" }\n`);
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN });
    await svc.ready();
    const from = await svc.settled();
    writeFileSync(path.join(sb.notes, 'first-en.md'), note('First', 'The first note.'));
    await fake.waitFor(() => fake.sentTo(-100).length === 1, 10_000, 'first post');
    await svc.waitFor((e) => e.some((x, i) => i >= from && x.event === 'idle'), 10_000, 'the idle after the first post');

    fake.hangMethods.add('sendMessage');
    writeFileSync(path.join(sb.notes, 'second-en.md'), note('Second', 'The second note.'));
    await fake.waitFor(() => fake.held === 1, 10_000, 'the second send, held');
    let released = false;
    const idle = wait(svc, from).then(() => released);
    // Turns enough for a wait already satisfied to resolve; the held send is then dropped and sent again.
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    released = true;
    fake.release();
    expect(await idle).toBe(true);
    expect(fake.sentTo(-100).map((m) => m.text.split('\n')[0])).toEqual(['First', 'Second']);
    expect(await svc.stop()).toBe(0);
  } finally {
    await killLeftoverServices();
    await fake.stop();
  }
});
