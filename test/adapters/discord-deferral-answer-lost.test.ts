/**
 * Issue 25 (review rv-1, R1): a deferral Discord took whose answer was lost (the retry answered 40060, or no answer at all) leaves
 * discord.js's `deferred` false, so `i.editReply` throws InteractionNotReplied locally at every try: the edit never
 * reaches Discord, is retried for 15 minutes as if Discord "answered a 5xx or nothing", and the user sees the loading
 * state.
 */
import { describe, expect } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/adapter.js';
import { configSchema } from '../../src/config/schema.js';
import { NoteSearch } from '../../src/search/index.js';
import type { Store } from '../../src/store/store.js';
import type { NoteRow } from '../../src/store/types.js';
import type { FakeDiscord } from '../fakes/discord/server.js';
import { heldSummaries, type HeldSummaries } from '../fakes/held-summaries.js';
import { itWithFakes } from '../helpers/fakes.js';
import { tempStores } from '../helpers/temp-store.js';
import { warnLines } from '../helpers/warn-lines.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const it = itWithFakes({ discordToken: TOKEN });
const stores = tempStores('deferral');
const NOTE_ID = 'teas/lemon-tea';
const TITLE = 'Lemon tea recipe';

function putNote(store: Store): void {
  const info = { file: `${NOTE_ID}.md`, title: TITLE, lang: 'en', locale: 'en', tags: [], translationKey: NOTE_ID, draft: false, original: true, date: '2025-01-01T00:00:00.000Z' };
  const summary = { title: TITLE, keyPoints: [[{ text: 'Boil water and add lemon.' }]], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 };
  const row: NoteRow = { id: NOTE_ID, file: info.file, hash: 'h1', summaryHash: 's1', state: 'published', dueAt: null, revision: 1, announced: true, info, summary, error: null };
  store.putNote(row, { title: TITLE, tags: '', grams: '', words: 'lemon tea recipe boil water' });
}

async function startBot(fake: FakeDiscord): Promise<{ bot: DiscordAdapter; held: HeldSummaries; warns: string[] }> {
  const store = stores();
  putNote(store);
  const held = heldSummaries(store);
  const config = configSchema.parse({ discord: { api: fake.api, registerCommands: false } });
  const { log, warns } = warnLines();
  const bot = createDiscordAdapter({ token: TOKEN, config: config.discord, state: store, deps: { store: held.store, search: new NoteSearch(store) }, log, callTimeoutMs: 10_000 });
  await bot.start!();
  return { bot, held, warns };
}

const isCallback = (method: string, path: string) => method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path);
const originalEdits = (fake: FakeDiscord) => fake.requests.filter((r) => r.method === 'PATCH' && /\/messages\/(@|%40)original$/.test(r.path));

describe('a deferral taken by Discord whose answer was lost', () => {
  it('still has its answer edited in (the retry answered 40060: the deferral is there)', async ({ discord: fake }) => {
    const guild = fake.addGuild();
    const ch = fake.addChannel(guild);
    const { bot, held, warns } = await startBot(fake);
    fake.dropAnswers = { count: 1, where: isCallback }; // the deferral is carried out, its answer dropped
    let shown: Awaited<ReturnType<FakeDiscord['interactAnswer']>> | undefined;
    void fake.interactAnswer({ type: 2, guild, channel: ch.id, name: 'note', locale: 'en-US', options: [{ type: 3, name: 'query', value: `id:${NOTE_ID}` }] }).then((s) => (shown = s));
    await held.entered;
    await fake.waitFor(() => fake.firstResponses.some((r) => r.type === 5), 3000, 'the deferral taken');
    held.release();
    // An edit of a taken deferral goes at once; give it 8 s (the retry loop's waits: 0.5, 1, 2, 4 s). The stop ends any
    // try still looping (said in a warning), so what follows is all there is.
    await fake.waitFor(() => shown !== undefined, 8000, 'the note shown').catch(() => undefined);
    await bot.stop!();
    expect({ editsSentToDiscord: originalEdits(fake).length, noteShown: (shown?.data?.embeds as { title: string }[] | undefined)?.[0]?.title, warns }).toEqual({ editsSentToDiscord: 1, noteShown: TITLE, warns: [] });
  });
});
