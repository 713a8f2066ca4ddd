/**
 * Issue 25 (review rv-1, R2): a first response (callback) that gets no answer because the connection hangs (not a reset) is
 * not tried again within Discord's 3 s: the REST call waits for the call timeout (delivery.callTimeoutMs, 120 s by
 * default, 10 s here) and only then is the window found closed. The claim "answered 5xx or unanswered is retried
 * within Discord's 3 s" holds only for an answer lost fast (a reset).
 */
import { describe, expect } from 'vitest';
import { createDiscordAdapter } from '../../src/adapters/discord/adapter.js';
import { configSchema } from '../../src/config/schema.js';
import { NoteSearch } from '../../src/search/index.js';
import { itWithFakes } from '../helpers/fakes.js';
import { tempStores } from '../helpers/temp-store.js';
import { warnLines } from '../helpers/warn-lines.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const it = itWithFakes({ discordToken: TOKEN });
const stores = tempStores('hang');

const callbacks = (fake: { requests: { method: string; path: string }[] }) => fake.requests.filter((r) => r.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path));

describe('a first response whose connection hangs', () => {
  it.for([0, 1])('(%i callback held) is tried again within the 3 s (the user gets the answer)', async (held, { discord: fake }) => {
    const guild = fake.addGuild();
    const ch = fake.addChannel(guild);
    const store = stores();
    const config = configSchema.parse({ discord: { api: fake.api, registerCommands: false } });
    const { log } = warnLines();
    const bot = createDiscordAdapter({ token: TOKEN, config: config.discord, state: store, deps: { store, search: new NoteSearch(store) }, log, callTimeoutMs: 10_000 });
    await bot.start!();
    let hangs = held; // the first callback is held with no answer (held = 1; 0: the control); later ones go through
    fake.hangWhere = (method, path) => method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path) && hangs-- > 0;
    let answered = false;
    void fake.interact({ type: 2, guild, channel: ch.id, name: 'help' }).then(() => (answered = true), () => undefined);
    await fake.waitFor(() => answered, 3000, 'the help answered within 3 s').catch(() => undefined);
    const seen = { answeredWithin3s: answered, callbackTriesWithin3s: fake.held + callbacks(fake).length };
    await bot.stop!();
    expect(seen).toEqual({ answeredWithin3s: true, callbackTriesWithin3s: 1 + held });
  });
});
