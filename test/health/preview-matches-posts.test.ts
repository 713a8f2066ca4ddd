/**
 * The page shows what `start` posts: the service runs with the fake Discord and Telegram servers and
 * `http.preview`, a note is saved, and the embed Discord received and the message Telegram received
 * equal the payloads the page was drawn from (`/preview/payloads`, the same data the cards render).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { PreviewEntry } from '../../src/health/preview/notes.js';
import { FakeDiscord } from '../fakes/discord/server.js';
import { FakeTelegram } from '../fakes/telegram/server.js';
import { freePort } from '../helpers/net.js';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox } from '../helpers/service.js';

const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const TELEGRAM_TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';

let discord: FakeDiscord;
let telegram: FakeTelegram;
beforeEach(async () => {
  discord = await new FakeDiscord(DISCORD_TOKEN).start();
  telegram = await new FakeTelegram({ token: TELEGRAM_TOKEN }).start();
});
afterEach(async () => {
  await killLeftoverServices();
  await discord.stop();
  await telegram.stop();
});

it('posts to Discord and Telegram exactly the payloads the preview page shows', async () => {
  const guild = discord.addGuild();
  const channel = discord.addChannel(guild, 0, 'notes');
  const chat = telegram.addChat(-100555, 'channel');
  const port = await freePort();
  const sb = sandbox(
    [
      'watch:\n  quietMs: 200',
      'site:\n  url: https://blog.example.org\n  permalink: /:title/',
      `http:\n  port: ${port}\n  preview: true`,
      `discord:\n  api: ${discord.api}\n  registerCommands: false`,
      `telegram:\n  apiRoot: ${telegram.apiRoot}\n  registerCommands: false`,
      `routes:\n  - platform: discord\n    chat: "${channel.id}"\n  - platform: telegram\n    chat: "${chat.id}"`,
    ].join('\n') + '\n',
  );
  // In process: what is compared is the payloads, not the process.
  const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN, TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN });
  await svc.ready();
  await discord.identified();
  const from = svc.events.length;
  writeFileSync(
    path.join(sb.notes, 'shown-en.md'),
    note('Shown <exactly> as **sent**', 'Run `npm ci` first, then `npm test` (it takes *minutes*).\n\nSee [the guide](https://example.org/guide) and [the spec](https://example.org/spec).', 'tags: [preview]\n'),
  );
  await discord.waitFor(() => discord.messagesIn(channel.id).length === 1, 20_000, 'Discord post');
  await telegram.waitFor(() => telegram.sentTo(chat.id).length === 1, 20_000, 'Telegram post');
  await svc.idle(from);

  const entries = (await (await fetch(`http://127.0.0.1:${port}/preview/payloads`)).json()) as PreviewEntry[];
  const shown = entries.find((e) => e.file === 'shown-en.md')!;
  expect(shown.routes).toHaveLength(1);
  const { discord: d, telegram: t } = shown.routes[0]!;
  const posted = discord.messagesIn(channel.id)[0]!;
  expect(posted.embeds).toEqual(d!.embeds);
  expect(posted.allowed_mentions).toEqual(d!.allowed_mentions);
  expect(posted.embeds[0]!.fields?.length).toBeGreaterThan(0); // the links, as the page shows them
  const sent = telegram.calls.filter((c) => c.method === 'sendMessage' && String(c.payload.chat_id) === String(chat.id));
  expect(sent).toHaveLength(1);
  expect({ text: sent[0]!.payload.text, parse_mode: sent[0]!.payload.parse_mode, link_preview_options: sent[0]!.payload.link_preview_options }).toEqual(t);
  expect(await svc.stop()).toBe(0);
});
