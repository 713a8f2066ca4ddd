/**
 * A route's own templates, end to end: the service in this process, discord.js and grammY against
 * the fake Discord and Telegram. The example templates changed as a user would (tags first in the
 * Discord embed, no links in the Telegram message) arrive exactly as payloadsFor renders them, which
 * is also what `preview --json` prints for that route: on the post and on the edit.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { platformAdaptersOf } from '../../src/cli/start.js';
import { parseEnv } from '../../src/config/env.js';
import { configSchema } from '../../src/config/schema.js';
import { createLogger, silentLogger } from '../../src/log.js';
import { PassThrough } from 'node:stream';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { readNoteFile, type ReadOptions } from '../../src/notes/read.js';
import { Templates } from '../../src/render/templates/compile.js';
import { payloadsFor } from '../../src/render/templates/payloads.js';
import { buildSummary } from '../../src/summary/build.js';
import { FakeDiscord } from '../fakes/discord/server.js';
import { FakeTelegram } from '../fakes/telegram/server.js';
import { REPO_ROOT } from '../helpers/corpus.js';
import { until } from '../helpers/until.js';
import { workerParseThreads } from '../helpers/parse-threads.js';
import { tempFolder } from '../helpers/temp-folder.js';

const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const TELEGRAM_TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';

let discord: FakeDiscord | undefined;
let telegram: FakeTelegram | undefined;
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.stop();
  await discord?.stop();
  await telegram?.stop();
});

/** The example files, changed as the user changes them. */
function userTemplates(dir: string): { discord: string; telegram: string } {
  const example = (name: string) => readFileSync(path.join(REPO_ROOT, 'config', 'templates', name), 'utf8');
  const discordText = example('discord.liquid').replace('=== description ===\n', '=== description ===\n{% for tag in note.tags %}#{{ tag }}{% unless forloop.last %} {% endunless %}{% endfor %}\n');
  const telegramText = example('telegram.liquid').replace(/\{%- if summary\.links\.size > 0 %\}[\s\S]*?\{%- endif %\}\n/, '');
  expect(discordText).toContain('{% for tag in note.tags %}');
  expect(telegramText).not.toContain('summary.links');
  const files = { discord: path.join(dir, 'discord.liquid'), telegram: path.join(dir, 'telegram.liquid') };
  writeFileSync(files.discord, discordText);
  writeFileSync(files.telegram, telegramText);
  return files;
}

const NOTE = (extra: string) =>
  `---\ntitle: Async Rust, *briefly*\ntags: [rust, async_io]\n---\nAsync Rust runs futures on an executor, and ${extra}. The [async book](https://rust-lang.github.io/async-book/) explains the details.\n`;

describe('templates through the real clients', () => {
  it('a custom template’s post and edit arrive on Discord and Telegram exactly as payloadsFor renders them', async () => {
    discord = await new FakeDiscord(DISCORD_TOKEN).start();
    telegram = await new FakeTelegram({ token: TELEGRAM_TOKEN }).start();
    const channel = discord.addChannel(discord.addGuild(), 0, 'notes');
    const group = telegram.addChat(-100, 'supergroup');
    const dir = tempFolder('notecast-tpl-e2e-');
    const notes = path.join(dir, 'notes');
    mkdirSync(notes);
    const files = userTemplates(dir);
    const config = configSchema.parse({
      watch: { quietMs: 200 },
      publish: { translations: { mode: 'group', graceMs: 0 } },
      discord: { api: discord.api, registerCommands: false },
      telegram: { apiRoot: telegram.apiRoot, registerCommands: false },
      routes: [
        { platform: 'discord', chat: channel.id, templates: { discord: { file: files.discord } } },
        { platform: 'telegram', chat: '-100', templates: { telegram: { file: files.telegram } } },
      ],
    });
    const read: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} } };
    const templates = Templates.fromConfig(config, read.site);
    const env = parseEnv({ DISCORD_TOKEN, TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN });
    const platformAdapters = await platformAdaptersOf(config, env, templates);
    if (platformAdapters instanceof Error) throw platformAdapters;
    let idles = 0;
    app = await startApp({ config, env, read, notesDir: notes, dbPath: path.join(dir, 'db', 'n.db'), log: silentLogger(), out: () => {}, json: true, platformAdapters, onIdle: () => idles++, parseThreads: workerParseThreads() });

    const expected = async () => {
      const { note, tokens } = await readNoteFile(notes, path.join(notes, 'async.md'), read);
      const summary = buildSummary(note, tokens);
      return {
        discord: payloadsFor({ summary, alsoIn: [] }, templates.forRoute(config.routes[0])).discord,
        telegram: payloadsFor({ summary, alsoIn: [] }, templates.forRoute(config.routes[1])).telegram,
      };
    };

    writeFileSync(path.join(notes, 'async.md'), NOTE('an executor polls them'));
    await discord.waitFor(() => discord!.messagesIn(channel.id).length === 1, 20_000, 'the Discord post');
    await telegram.waitFor(() => telegram!.sentTo(group.id).length === 1, 20_000, 'the Telegram post');
    let want = await expected();
    const posted = discord.messagesIn(channel.id)[0]!;
    expect(posted.embeds).toEqual(want.discord.embeds);
    expect(posted.content).toBe(want.discord.content);
    expect(posted.allowed_mentions).toEqual({ parse: [] });
    // Tags first in the embed; the template is not the default.
    expect(posted.embeds[0]!.description!.split('\n')[0]).toBe('#rust #async\\_io');
    const sent = telegram.sentTo(group.id)[0]!;
    expect(sent.html).toBe(want.telegram.text);
    expect(sent.html).not.toContain('rust-lang.github.io'); // no links block
    expect(sent.html).not.toContain('🔗');

    // An edit goes through the same templates.
    const before = idles;
    writeFileSync(path.join(notes, 'async.md'), NOTE('a waker says when to poll again'));
    await until(() => discord!.messagesIn(channel.id)[0]!.edits === 1 && telegram!.sentTo(group.id)[0]!.editedTimes === 1, 20_000, 'both edits');
    await until(() => idles > before, 20_000, 'idle after the edits');
    want = await expected();
    expect(discord.messagesIn(channel.id)).toHaveLength(1);
    expect(discord.messagesIn(channel.id)[0]!.embeds).toEqual(want.discord.embeds);
    expect(want.discord.embeds[0]!.description).toContain('waker');
    expect(telegram.sentTo(group.id)).toHaveLength(1);
    expect(telegram.sentTo(group.id)[0]!.html).toBe(want.telegram.text);
  });

  it("a template that fails on one note fails that note's post alone, logged as the template's failure, and the chat goes on", async () => {
    telegram = await new FakeTelegram({ token: TELEGRAM_TOKEN }).start();
    const group = telegram.addChat(-100, 'supergroup');
    const dir = tempFolder('notecast-tpl-fail-');
    const notes = path.join(dir, 'notes');
    mkdirSync(notes);
    const file = path.join(dir, 'telegram.liquid');
    writeFileSync(file, '<b>{{ note.title }}</b>\n{% for a in page.authors %}{{ a.name }} {% endfor %}');
    const config = configSchema.parse({
      watch: { quietMs: 200 },
      // Not a test of the families' grace period: without it each note waited 5 s before its post.
      publish: { translations: { mode: 'group', graceMs: 0 } },
      telegram: { apiRoot: telegram.apiRoot, registerCommands: false },
      routes: [{ platform: 'telegram', chat: '-100', templates: { telegram: { file } } }],
    });
    const read: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} } };
    const templates = Templates.fromConfig(config, read.site);
    const env = parseEnv({ TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN });
    const platformAdapters = await platformAdaptersOf(config, env, templates);
    if (platformAdapters instanceof Error) throw platformAdapters;
    const lines: Array<{ msg: string; reason?: string }> = [];
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => {
      for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l) as { msg: string; reason?: string });
    });
    const log = createLogger({ level: 'info', secrets: [TELEGRAM_TOKEN], destination: sink });
    app = await startApp({ config, env, read, notesDir: notes, dbPath: path.join(dir, 'db', 'n.db'), log, out: () => {}, json: true, platformAdapters, parseThreads: workerParseThreads() });

    const note = (title: string, authors: string) => `---\ntitle: ${title}\nauthors: ${authors}\n---\nA short note about ${title}, with a sentence or two of body text.\n`;
    writeFileSync(path.join(notes, 'text.md'), note('Text authors', '[Ann]')); // page.authors items are text: a.name fails
    const failed = () => lines.find((l) => /template cannot render this note/.test(l.msg));
    await until(() => failed() !== undefined, 20_000, "the template's failure logged");
    expect(failed()!.reason).toMatch(/telegram\.liquid:2 \(telegram\): undefined variable: a\.name/);
    expect(lines.some((l) => l.msg === 'delivery rejected by the platform')).toBe(false);

    writeFileSync(path.join(notes, 'named.md'), note('Named authors', '[{name: Bo}]'));
    await telegram.waitFor(() => telegram!.sentTo(group.id).length === 1, 20_000, 'the next note posted: the chat was not paused');
    expect(telegram.sentTo(group.id)[0]!.html).toBe('<b>Named authors</b>\nBo ');
  });
});
