/**
 * Issue 25 (review rv-1, R1): a deferral Discord took whose answer was lost (the retry answered 40060, or no answer at all) leaves
 * discord.js's `deferred` false, so `i.editReply` throws InteractionNotReplied locally at every try: the edit never
 * reaches Discord, is retried for 15 minutes as if Discord "answered a 5xx or nothing", and the user sees the loading
 * state.
 */
import { describe, expect } from 'vitest';
import type { FakeDiscord } from '../fakes/discord/server.js';
import { itWithFakes } from '../helpers/fakes.js';
import { LEMON_TEA_TOKEN, NOTE_ID, startBot, TITLE } from '../helpers/lemon-tea-bot.js';
import { tempStores } from '../helpers/temp-store.js';

const it = itWithFakes({ discordToken: LEMON_TEA_TOKEN });
const stores = tempStores('deferral');

const isCallback = (method: string, path: string) => method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path);
const originalEdits = (fake: FakeDiscord) => fake.requests.filter((r) => r.method === 'PATCH' && /\/messages\/(@|%40)original$/.test(r.path));

describe('a deferral taken by Discord whose answer was lost', () => {
  it('still has its answer edited in (the retry answered 40060: the deferral is there)', async ({ discord: fake }) => {
    const guild = fake.addGuild();
    const ch = fake.addChannel(guild);
    const { bot, held, warns } = await startBot(fake, stores());
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
