/**
 * One published note (a lemon tea recipe) in a store, and the real Discord adapter started against the fake on it, its
 * lookups held by `heldSummaries` until the test lets them go: the harness of the deferred-answer tests
 * (test/adapters/discord-deferred-lookup.test.ts, discord-deferral-answer-lost.test.ts, discord-start-after-failed-start.test.ts).
 */
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/adapter.js';
import { configSchema } from '../../src/config/schema.js';
import { NoteSearch } from '../../src/search/index.js';
import type { Store } from '../../src/store/store.js';
import type { NoteRow } from '../../src/store/types.js';
import type { FakeDiscord } from '../fakes/discord/server.js';
import { heldSummaries, type HeldSummaries } from '../fakes/held-summaries.js';
import { warnLines } from './warn-lines.js';

export const LEMON_TEA_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
export const NOTE_ID = 'teas/lemon-tea';
export const TITLE = 'Lemon tea recipe';

/** A published note with its summary, as a batch records it. */
export function putNote(store: Store): void {
  const info = { file: `${NOTE_ID}.md`, title: TITLE, lang: 'en', locale: 'en', tags: [], translationKey: NOTE_ID, draft: false, original: true, date: '2025-01-01T00:00:00.000Z' };
  const summary = { title: TITLE, keyPoints: [[{ text: 'Boil water and add lemon.' }]], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 };
  const row: NoteRow = { id: NOTE_ID, file: info.file, hash: 'h1', summaryHash: 's1', state: 'published', dueAt: null, revision: 1, announced: true, info, summary, error: null };
  store.putNote(row, { title: TITLE, tags: '', grams: '', words: 'lemon tea recipe boil water' });
}

/** The adapter started against the fake, its commands reading `store` (with the note put) whose lookups wait for `held`. */
export async function startBot(fake: FakeDiscord, store: Store): Promise<{ bot: DiscordAdapter; held: HeldSummaries; warns: string[] }> {
  putNote(store);
  const held = heldSummaries(store);
  const config = configSchema.parse({ discord: { api: fake.api, registerCommands: false } });
  const { log, warns } = warnLines();
  const bot = createDiscordAdapter({ token: LEMON_TEA_TOKEN, config: config.discord, state: store, deps: { store: held.store, search: new NoteSearch(store) }, log, callTimeoutMs: 10_000 });
  await bot.start!();
  return { bot, held, warns };
}
