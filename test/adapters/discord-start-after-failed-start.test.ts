/**
 * Issue 25 (review rv-1, R4): the adapter's `stopping` AbortController is made once per adapter and aborted by stop(); the
 * connection loop (publish/connections.ts `attempt`) calls stop() after a failed start and then start() again on the
 * same adapter. Every Discord run whose first connect failed (Discord unreachable at start) then has `stopping` aborted
 * for its whole life: a deferred answer whose first edit meets a 5xx is given up at once and logged as "the service
 * stopped", the user left with the loading state.
 */
import { describe, expect } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/adapter.js';
import { configSchema } from '../../src/config/schema.js';
import { NoteSearch } from '../../src/search/index.js';
import type { FakeDiscord } from '../fakes/discord/server.js';
import { heldSummaries } from '../fakes/held-summaries.js';
import { itWithFakes } from '../helpers/fakes.js';
import { LEMON_TEA_TOKEN, NOTE_ID, putNote, TITLE } from '../helpers/lemon-tea-bot.js';
import { tempStores } from '../helpers/temp-store.js';
import { warnLines } from '../helpers/warn-lines.js';

const it = itWithFakes({ discordToken: LEMON_TEA_TOKEN });
const stores = tempStores('restart');

const originalEdits = (fake: FakeDiscord) => fake.requests.filter((r) => r.method === 'PATCH' && /\/messages\/(@|%40)original$/.test(r.path));

describe('a Discord adapter whose first start failed, started again (as connections.ts does)', () => {
  it('still tries a deferred answer again after a 502 (the service is not stopping)', async ({ discord: fake }) => {
    const guild = fake.addGuild();
    const ch = fake.addChannel(guild);
    fake.failEveryCall = 502; // Discord unreachable at start: GET /gateway/bot answers 502
    const store = stores();
    putNote(store);
    const held = heldSummaries(store);
    const config = configSchema.parse({ discord: { api: fake.api, registerCommands: false } });
    const { log, warns } = warnLines();
    const bot: DiscordAdapter = createDiscordAdapter({ token: LEMON_TEA_TOKEN, config: config.discord, state: store, deps: { store: held.store, search: new NoteSearch(store) }, log, callTimeoutMs: 10_000 });
    await expect(bot.start!()).rejects.toThrow();
    await bot.stop!(); // connections.ts attempt(): "A half-made connection is torn down before the next attempt builds a new one."
    fake.failEveryCall = 0;
    await bot.start!(); // the next attempt connects
    let shown: Awaited<ReturnType<FakeDiscord['interactAnswer']>> | undefined;
    void fake.interactAnswer({ type: 2, guild, channel: ch.id, name: 'note', locale: 'en-US', options: [{ type: 3, name: 'query', value: `id:${NOTE_ID}` }] }).then((s) => (shown = s));
    await held.entered;
    await fake.waitFor(() => fake.firstResponses.some((r) => r.type === 5), 3000, 'the deferral taken');
    fake.failResponseEdits = { count: 1, status: 502 };
    held.release();
    await fake.waitFor(() => shown !== undefined || warns.length > 0, 10_000, 'the answer shown, or a warning');
    await bot.stop!(); // ends any try still looping (said in a warning): what follows is all there is
    const seen = { edits: originalEdits(fake).map((r) => r.status), noteShown: (shown?.data?.embeds as { title: string }[] | undefined)?.[0]?.title, warns: [...warns] };
    expect(seen).toEqual({ edits: [502, 200], noteShown: TITLE, warns: [] });
  });
});
