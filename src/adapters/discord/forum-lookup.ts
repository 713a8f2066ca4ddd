/**
 * A forum post whose answer never came. Start Thread in Forum takes no nonce (resources/channel.mdx),
 * but the bot can look for what it made: List Active Guild Threads (GET /guilds/{guild.id}/threads/active,
 * resources/guild.mdx) returns the active threads the bot can see, each with its parent, its
 * creator (`owner_id`) and `thread_metadata.create_timestamp` (resources/channel.mdx, Thread
 * Metadata Object), and a forum post just made is active. Before a delivery whose forum post went
 * unanswered posts again, the thread the bot made for it is looked for there: in the same forum,
 * by the bot, named after the note, created since that send. Kept by the delivery's nonce, as Discord keeps a channel
 * message's: a post of the note queued after that one was called off takes its nonce (store/maybe-sent.ts,
 * takeOverCalledOffSend) and so finds the thread too, where a forum has no nonce to answer it with (issue 25, tester F4).
 * Kept in memory: after a restart a resend is not looked for (README, "Exactly once").
 */
import { DiscordAPIError, HTTPError, RateLimitError, Routes, type REST } from 'discord.js';
import type { RESTGetAPIGuildThreadsResult } from 'discord-api-types/v10';

/** Clock difference allowed between us and Discord when comparing a thread's creation with our send. */
const CLOCK_SLACK_MS = 60_000;

interface Unanswered {
  forum: string;
  name: string;
  at: number;
}

export class UnansweredForumPosts {
  /** By the delivery's nonce. */
  private readonly sends = new Map<string, Unanswered>();

  constructor(
    private readonly rest: REST,
    private readonly botUserId: () => string | undefined,
  ) {}

  /** Whether the last forum post with this nonce went out without an answer (its resend is looked for first). */
  has(nonce: string): boolean {
    return this.sends.has(nonce);
  }

  /**
   * Creates the forum post through `create`; an answer that never came (anything but Discord's own
   * answer: a timeout, a dropped connection) is remembered for the next try with the delivery's nonce.
   */
  async post<T>(nonce: string, forum: string, name: string, create: () => Promise<T>): Promise<T> {
    const at = Date.now();
    try {
      const out = await create();
      this.sends.delete(nonce);
      return out;
    } catch (e) {
      const answered = e instanceof DiscordAPIError || e instanceof HTTPError || e instanceof RateLimitError;
      if (!answered && !this.sends.has(nonce)) this.sends.set(nonce, { forum, name, at });
      throw e;
    }
  }

  /** The thread a post with this nonce made before its answer was lost, if Discord lists it; the memory of it is then let go. */
  async find(nonce: string, guild: string, signal?: AbortSignal): Promise<string | undefined> {
    const sent = this.sends.get(nonce);
    const me = this.botUserId();
    if (!sent || !me) return undefined;
    const { threads } = (await this.rest.get(Routes.guildActiveThreads(guild), { signal })) as RESTGetAPIGuildThreadsResult;
    const mine = threads.find((t) => {
      const created = Date.parse(('thread_metadata' in t ? t.thread_metadata?.create_timestamp : undefined) ?? '');
      const inForum = 'parent_id' in t && t.parent_id === sent.forum && 'owner_id' in t && t.owner_id === me;
      return inForum && 'name' in t && t.name === sent.name && created >= sent.at - CLOCK_SLACK_MS;
    });
    if (mine) this.sends.delete(nonce);
    return mine?.id;
  }
}
