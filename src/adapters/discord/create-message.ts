/**
 * Create Message (POST /channels/{channel.id}/messages, discord-api-docs developers/resources/message.mdx) for a post
 * carrying its delivery's nonce, answered with the message and whether that message may be one an earlier send made:
 * "If another message was created by the same author with the same nonce, that message will be returned" (there,
 * `enforce_nonce`). Only such an answer is compared with what the post carries (shown.ts): a fresh message shows what
 * was just sent, whatever Discord normalised in storing it.
 */
import { RequestMethod, Routes, type REST } from 'discord.js';
import type { RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { z } from 'zod';
import { madeBeforeTheRequest } from './shown.js';

/** What of Discord's answer is read: the id, and what a reader sees (shown.ts). Anything else is let through unread. */
const answerSchema = z.object({
  id: z.string().regex(/^\d{1,20}$/),
  content: z.string().optional(),
  embeds: z
    .array(
      z.object({
        title: z.string().optional(),
        url: z.string().optional(),
        description: z.string().optional(),
        fields: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
        author: z.object({ name: z.string() }).optional(),
        footer: z.object({ text: z.string() }).optional(),
      }),
    )
    .optional(),
});

export type AnsweredMessage = z.infer<typeof answerSchema>;

/** A 2xx answer to Create Message that is not a message: the post may be in the channel (treated as no answer). */
class UnreadableDiscordAnswer extends Error {
  override readonly name = 'UnreadableDiscordAnswer';
}

/** Sends of one nonce remembered at most while their answer is missing. */
const UNANSWERED_KEPT = 1_000;

export class ChannelPosts {
  /**
   * `channel nonce` of posts sent from this process with no message in answer yet (no answer, or any failure: a 5xx
   * may have made it; a refusal is kept too, its next answer compared as a replay's): their next send is a resend.
   */
  private readonly unanswered = new Set<string>();

  constructor(private readonly rest: REST) {}

  /**
   * Posts `body` (its `nonce` enforced) in `channel`. `maybeReplay`: the answer may show an earlier send's message:
   * this process sent the nonce before and no answer came, or the message was made before this request reached
   * Discord (shown.ts, `madeBeforeTheRequest`; what a send before a restart leaves).
   */
  async create(channel: string, body: RESTPostAPIChannelMessageJSONBody, signal?: AbortSignal): Promise<{ message: AnsweredMessage; maybeReplay: boolean }> {
    const key = `${channel} ${String(body.nonce)}`;
    const resend = this.unanswered.has(key);
    this.unanswered.add(key);
    if (this.unanswered.size > UNANSWERED_KEPT) this.unanswered.delete(this.unanswered.values().next().value!);
    const started = performance.now();
    const res = await this.rest.queueRequest({ fullRoute: Routes.channelMessages(channel), method: RequestMethod.Post, body, signal });
    const tookMs = performance.now() - started;
    const read = answerSchema.safeParse(await res.json().catch(() => undefined));
    if (!read.success) throw new UnreadableDiscordAnswer(`discord POST /channels/${channel}/messages: the answer is not a message (${read.error.issues[0]?.message ?? 'unreadable'})`);
    this.unanswered.delete(key);
    return { message: read.data, maybeReplay: resend || madeBeforeTheRequest(read.data.id, { date: res.headers.get('date'), tookMs }) };
  }
}
