/**
 * The Discord adapter's one error classifier. Codes and their meanings are Discord's JSON error
 * codes (discord-api-docs, topics/opcodes-and-status-codes.mdx).
 */
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import type { DeliveryOperation, FailureClass } from '../../publish/port.js';
import { errorText, withoutUrlCredentials } from '../../errors.js';
import { neverSent } from '../../util/never-sent.js';
import { TemplateRenderError } from '../../render/templates/payloads.js';

export const DISCORD_CODES = {
  unknownChannel: 10003,
  unknownGuild: 10004,
  unknownMessage: 10008,
  tagRequired: 40067,
  missingAccess: 50001,
  missingPermissions: 50013,
  archivedThread: 50083,
  alreadyCrossposted: 40033,
  lockedThread: 160005,
  webhookForumNeedsThread: 220001,
} as const;

/** A post that fails with these will fail the same way for every later note: the target is paused. */
const TARGET_UNUSABLE = new Set<number>([
  DISCORD_CODES.missingAccess,
  DISCORD_CODES.missingPermissions,
  DISCORD_CODES.unknownChannel,
  DISCORD_CODES.unknownGuild,
  DISCORD_CODES.lockedThread,
  DISCORD_CODES.tagRequired, // the forum requires a tag the route does not give
  DISCORD_CODES.webhookForumNeedsThread,
]);

/**
 * Among those, the channel (or thread) or its server no longer exists: a deleted channel's id never
 * comes back (a snowflake names one object for good), so its subscriptions go (publish/chat-wants.ts
 * forgetChat). 50001/50013 can be given back: that channel stays paused until /subscribe.
 */
const TARGET_GONE = new Set<number>([DISCORD_CODES.unknownChannel, DISCORD_CODES.unknownGuild]);

/**
 * Refusals of one operation on one message (an edit in a thread that could not be unarchived, a
 * delete without Manage Threads): that delivery fails and the target keeps receiving new posts.
 * Not 50001 Missing Access: the bot no longer sees the channel at all (View Channel, topics/permissions.mdx), so
 * every later call there meets it; an edit or delete then pauses the target as a post does, and goes out once
 * access is given back and `/subscribe` resumes it (a pause loses nothing).
 */
const OPERATION_REFUSED = new Set<number>([DISCORD_CODES.missingPermissions, DISCORD_CODES.archivedThread, DISCORD_CODES.lockedThread]);

/** The message (or the thread holding it) is gone: nothing is left to edit or delete. */
const GONE = new Set<number>([DISCORD_CODES.unknownMessage, DISCORD_CODES.unknownChannel]);

/** Discord's refusal of a post, with the permissions the bot lacks there (from the gateway's view of the channel). */
export class DiscordMissingPermissionsError extends Error {
  override readonly name = 'DiscordMissingPermissionsError';
  constructor(
    override readonly cause: DiscordAPIError,
    readonly missing: readonly string[],
  ) {
    super(`${cause.message}: the bot lacks ${missing.join(', ')} in this channel`);
  }
}

export function classifyDiscordError(e: unknown, op: DeliveryOperation = 'post'): FailureClass {
  // A template that cannot render this note: this message fails, the chat goes on (render/templates/payloads.ts).
  if (e instanceof TemplateRenderError) return { kind: 'rejected', reason: e.message, by: 'template' };
  if (e instanceof DiscordMissingPermissionsError) {
    const inner = classifyDiscordError(e.cause, op);
    return { ...inner, reason: `${inner.reason} (the bot lacks ${e.missing.join(', ')} in this channel)` };
  }
  if (e instanceof DiscordAPIError) {
    const reason = `discord ${e.method.toUpperCase()} ${withoutUrlCredentials(e.url.replace(/^.*\/api\/v\d+/, ''))}: ${e.status} ${e.code} ${e.message}`;
    const code = typeof e.code === 'number' ? e.code : -1;
    // 401: "The Authorization header was missing or invalid" (discord-api-docs docs/topics/opcodes-and-status-codes.md,
    // "HTTP Response Codes"): the bot's token, no channel's fault; but a webhook route's own token refused
    // (50027 Invalid Webhook Token: the webhook was deleted or its token reset) is that route's, for good.
    if (e.status === 401) return /\/webhooks\//.test(e.url) ? { kind: 'permanent', reason } : { kind: 'unauthorized', reason };
    if (op !== 'post') {
      // A resend after a crash finds it published already: nothing left to do.
      if (op === 'crosspost' && code === DISCORD_CODES.alreadyCrossposted) return { kind: 'gone', reason };
      if (GONE.has(code)) return { kind: 'gone', reason };
      if (OPERATION_REFUSED.has(code)) return { kind: 'rejected', reason };
      if (code === DISCORD_CODES.missingAccess) return { kind: 'permanent', reason };
    }
    if (op === 'post' && TARGET_UNUSABLE.has(code)) return { kind: 'permanent', reason, ...(TARGET_GONE.has(code) ? { chatGone: true } : {}) };
    if (GONE.has(code)) return { kind: 'gone', reason };
    if (e.status >= 500) return { kind: 'transient', reason };
    return { kind: 'rejected', reason };
  }
  if (e instanceof RateLimitError) return { kind: 'rate-limited', reason: `discord rate limited on ${e.route}`, retryAfterMs: e.retryAfter };
  if (e instanceof HTTPError) return { kind: 'transient', reason: `discord ${e.method} ${e.status}: ${e.message}` };
  // No answer came (our timeout, a dropped connection): Discord may have acted on the call.
  return { kind: 'transient', reason: errorText(e), ...(neverSent(e) ? {} : { uncertain: true }) };
}
