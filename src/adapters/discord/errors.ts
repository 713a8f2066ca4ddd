/** The Discord adapter's one error classifier. */
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import type { FailureClass } from '../types.js';

const NO_ACCESS = new Set([50001, 50013, 10003, 10004, 50083, 160005]); // missing access/permissions, unknown channel/guild, archived thread, locked thread
const GONE = new Set([10008]); // unknown message

export function classifyDiscordError(e: unknown): FailureClass {
  if (e instanceof DiscordAPIError) {
    const reason = `discord ${e.method.toUpperCase()} ${e.url.replace(/^.*\/api\/v\d+/, '')}: ${e.status} ${e.code} ${e.message}`;
    if (typeof e.code === 'number' && NO_ACCESS.has(e.code)) return { kind: 'permanent', reason };
    if (typeof e.code === 'number' && GONE.has(e.code)) return { kind: 'gone', reason };
    if (e.status >= 500) return { kind: 'transient', reason };
    if (e.status === 401) return { kind: 'permanent', reason };
    return { kind: 'rejected', reason };
  }
  if (e instanceof RateLimitError) return { kind: 'rate-limited', reason: `discord rate limited on ${e.route}`, retryAfterMs: e.retryAfter };
  if (e instanceof HTTPError) return { kind: 'transient', reason: `discord ${e.method} ${e.status}: ${e.message}` };
  return { kind: 'transient', reason: e instanceof Error ? e.message : String(e) };
}
