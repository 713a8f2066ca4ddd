/**
 * A Discord channel as Create Message sees it, for unit tests of the lost-send look (adapters/discord/lost-send.ts):
 * with `enforce_nonce`, "If true and nonce is present, it will be checked for uniqueness in the past few minutes. If
 * another message was created by the same author with the same nonce, that message will be returned and no new message
 * will be created" (discord/discord-api-docs, developers/resources/message.mdx, Create Message, JSON Params). The
 * window is `windowMs` from the first message's creation, on the test's clock; a deleted message is still answered (as
 * the fake server does: Discord documents nothing else). Only `post` is served: any other call fails the test.
 */
import type { REST } from 'discord.js';

export interface NonceMessage {
  id: string;
  content: string;
  nonce: string | undefined;
  at: number;
  deleted: boolean;
}

export function nonceChannel(clock: () => number, windowMs = 2 * 60_000): { rest: REST; messages: NonceMessage[]; shown: () => NonceMessage[] } {
  const messages: NonceMessage[] = [];
  const post = (_route: string, o: { body: { content?: string; nonce?: string; enforce_nonce?: boolean } }) => {
    const { content = '', nonce, enforce_nonce: enforce } = o.body;
    const first = enforce && nonce !== undefined ? messages.find((m) => m.nonce === nonce && clock() - m.at < windowMs) : undefined;
    const m = first ?? { id: `m${messages.length + 1}`, content, nonce, at: clock(), deleted: false };
    if (!first) messages.push(m);
    return Promise.resolve({ id: m.id, content: m.content, embeds: [] });
  };
  const rest = new Proxy({ post }, { get: (t, k) => (k === 'post' ? t.post : () => Promise.reject(new Error(`no ${String(k)} call expected`))) }) as unknown as REST;
  return { rest, messages, shown: () => messages.filter((m) => !m.deleted) };
}
