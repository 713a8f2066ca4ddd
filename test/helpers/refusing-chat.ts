/**
 * One chat whose platform will refuse to delete the note's message (Telegram: a message past 48 hours; Discord: a forum
 * post without Manage Threads), the refusal held until the test lets it go: the harness of the refused-delete tests
 * (test/store/under-way-refused-delete.test.ts, refused-delete-then-gone.test.ts).
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ChannelType } from 'discord.js';
import { expect } from 'vitest';
import type { FakeDiscord } from '../fakes/discord/server.js';
import type { FakeTelegram } from '../fakes/telegram/server.js';
import { fileParseThreads, InProcessCli } from './inproc.js';
import { note, sandbox, type Sandbox } from './service.js';

export const REFUSING_TELEGRAM_TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
export const REFUSING_DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
type ParseThreads = ReturnType<typeof fileParseThreads>;

/**
 * `digest`: more than one new note in a batch is one digest message (config publish.digest.threshold). Removals wait the
 * shortest removal window (three quiet periods, not 3 s): each test deletes a note and waits for its retraction, and what
 * it writes back comes only after the delete was sent (its refusal held), so the window's length is not what is tested.
 */
const base = (mode: 'group' | 'separate', digest = false) =>
  `watch:\n  quietMs: 200\n  reconcileMinutes: 0\ndelivery:\n  callTimeoutMs: 60000\npublish:\n  onDelete: delete\n  translations: { mode: ${mode}, graceMs: 0 }\n  digest: { ${digest ? 'threshold: 1, ' : ''}windowMs: 600 }\n`;

/** One chat where the platform will refuse to delete the note's message, seen through the fake. */
export interface Chat {
  svc: InProcessCli;
  /** Its sandbox: a test that starts the service again. */
  sb: Sandbox;
  notes: string;
  db: string;
  /** The titles of the messages (Discord: forum posts) the chat shows now. */
  shown(): string[];
  /** Makes the message shown refusable (Telegram: older than 48 h), and holds the next delete's refusal until `answer()`. */
  refuseNextDelete(): void;
  /** Makes the messages shown refusable, the refusals answered at once (Discord refuses every forum post's delete already). */
  refuseDeletes(): void;
  held(): number;
  answer(): void;
  /** Deletes the platform refused (answered with its error). */
  refused(): number;
}

export async function telegramChat(telegram: FakeTelegram, mode: 'group' | 'separate', parseThreads: ParseThreads, digest = false): Promise<Chat> {
  const group = telegram.addChat(-100777, 'supergroup');
  const sb = sandbox(`${base(mode, digest)}telegram:\n  apiRoot: ${telegram.apiRoot}\n  registerCommands: false\nroutes:\n  - platform: telegram\n    chat: "${group.id}"\n`);
  const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: REFUSING_TELEGRAM_TOKEN }, undefined, parseThreads);
  await svc.ready();
  await svc.settled();
  return {
    svc,
    sb,
    notes: sb.notes,
    db: sb.db,
    shown: () => telegram.sentTo(group.id).map((m) => m.text.split('\n')[0]!),
    refuseNextDelete: () => {
      // The fake's clock is the machine's: the message sent three days ago is past Telegram's 48 hours (server.ts checkDeletable).
      for (const m of telegram.sentTo(group.id)) m.date -= 3 * 86400;
      telegram.dropAnswers = { count: 1, methods: ['deleteMessage'], late: 'held', refusals: true };
    },
    refuseDeletes: () => {
      for (const m of telegram.sentTo(group.id)) m.date -= 3 * 86400;
    },
    held: () => telegram.answersHeld,
    answer: () => telegram.answerLate(),
    refused: () => telegram.calls.filter((c) => c.method === 'deleteMessage' && c.status === 400).length,
  };
}

export async function discordChat(discord: FakeDiscord, mode: 'group' | 'separate', parseThreads: ParseThreads, digest = false): Promise<Chat> {
  const forum = discord.addChannel(discord.addGuild(), ChannelType.GuildForum, 'notes-forum');
  // Deleting a forum post deletes its thread: Manage Threads (docs: resources/channel.mdx, Delete/Close Channel); posting and editing need none.
  discord.permissions.delete('ManageThreads');
  const sb = sandbox(`${base(mode, digest)}discord:\n  api: ${discord.api}\n  registerCommands: false\nroutes:\n  - platform: discord\n    chat: "${forum.id}"\n`);
  const svc = InProcessCli.start(sb, [], { DISCORD_TOKEN: REFUSING_DISCORD_TOKEN }, undefined, parseThreads);
  await svc.ready();
  await discord.identified();
  await svc.settled();
  return {
    svc,
    sb,
    notes: sb.notes,
    db: sb.db,
    shown: () => discord.postsIn(forum.id).map((p) => discord.messagesIn(p.id)[0]?.embeds[0]?.title ?? p.name),
    refuseNextDelete: () => void (discord.dropAnswers = { count: 1, where: (method, p) => method === 'DELETE' && p.startsWith('/channels/'), late: 'held', refusals: true }),
    refuseDeletes: () => {}, // Manage Threads taken away above
    held: () => discord.answersHeld,
    answer: () => discord.answerLate(),
    refused: () => discord.requests.filter((r) => r.method === 'DELETE' && r.status === 403).length,
  };
}

type Body = (chat: Chat) => Promise<void>;

/** A test's body on each platform, given only that platform's fake (vitest reads the fixtures from the pattern): `[name, chatOn]` pairs. */
export const refusingPlatforms = (mode: 'group' | 'separate', parseThreads: ParseThreads) => [
  ['Telegram (a message past 48 hours)', (body: Body) => async ({ telegram }: { telegram: FakeTelegram }) => body(await telegramChat(telegram, mode, parseThreads))],
  ['Discord (a forum post without Manage Threads)', (body: Body) => async ({ discord }: { discord: FakeDiscord }) => body(await discordChat(discord, mode, parseThreads))],
] as const;

/** Writes `n1.md` (a draft or not) and waits for the batch that holds it. */
export async function write(chat: Chat, title: string, extra = ''): Promise<void> {
  chat.svc.forgetBatched(['n1.md']);
  writeFileSync(path.join(chat.notes, 'n1.md'), note(title, 'Words about lanterns by the river.', extra));
  await chat.svc.batched(['n1.md']);
}

/** Writes `n1.md` and waits until everything it caused is done. */
export async function writeSettled(chat: Chat, title: string): Promise<void> {
  const from = chat.svc.events.length;
  await write(chat, title);
  await chat.svc.idle(from, 20_000);
}

/** Deletes `n1.md` while its message's delete is refused, the refusal held; `during` runs before it comes; then idle. */
export async function whileRefusing(chat: Chat, during: () => Promise<void>): Promise<void> {
  chat.refuseNextDelete();
  const logFrom = chat.svc.stderr.length;
  unlinkSync(path.join(chat.notes, 'n1.md'));
  await chat.svc.waitFor(() => /"action":"retract"/.test(chat.svc.stderr.slice(logFrom)), 20_000, 'the removal decided');
  await chat.svc.waitFor(() => chat.held() === 1, 20_000, 'the delete refused, its answer held');
  await during();
  const from = chat.svc.events.length;
  chat.answer();
  await chat.svc.idle(from, 20_000);
  expect(chat.refused()).toBe(1); // the message stayed
}
