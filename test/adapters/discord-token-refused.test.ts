/**
 * Issue 25, outside tester 29-1's F1, Discord's side: a call made with the bot token that Discord answers 401 (the
 * token reset in the Developer Portal) tells the adapter's onTokenRefused, whichever call it was, so the platform's
 * state says `refused` without waiting for a delivery (publish/connections.ts). A call that carries no bot token
 * (`auth: false`: interaction callbacks, webhook posts) answered 401 is not the bot's token.
 */
import { Client, Routes } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tokenRefusals } from '../../src/adapters/discord/adapter.js';
import { createLogger } from '../../src/log.js';
import { FakeDiscord } from '../fakes/discord/server.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
let fake: FakeDiscord;
let client: Client;

beforeEach(async () => {
  fake = await new FakeDiscord(TOKEN).start();
  client = new Client({ intents: [], rest: { api: fake.api, retries: 0 } });
  client.rest.setToken(TOKEN);
});
afterEach(async () => {
  await client.destroy();
  await fake.stop();
});

describe('a Discord bot token refused on a call that is no delivery', () => {
  it('is told with the call that met it; a call without the bot token is not', async () => {
    const told: string[] = [];
    tokenRefusals(client, createLogger({ level: 'silent', secrets: [] })).add((reason) => told.push(reason));
    await client.rest.get(Routes.gatewayBot());
    expect(told).toEqual([]);

    fake.revokeToken('MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.the-new-token');
    await expect(client.rest.get(Routes.gatewayBot(), { auth: false })).rejects.toThrow(/401|Unauthorized/);
    expect(told).toEqual([]);
    await expect(client.rest.get(Routes.gatewayBot())).rejects.toThrow(/401|Unauthorized/);
    expect(told).toEqual(['discord GET /gateway/bot: 401 Unauthorized']);
  });
});
