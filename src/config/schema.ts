/**
 * The config file's schema. This is its documentation: every key, its default and
 * what it means. `config/notecast.example.yaml` shows it in use.
 */
import { z } from 'zod';
import { DEFAULT_FILE_LANGS } from '../notes/lang.js';
import { siteSchema } from '../notes/url.js';
import { templatesSchema } from './templates.js';
import { digestScheduleSchema } from '../notes/schedule.js';
import { charCount, hasSearchableWord, MAX_SEARCH_CHARS } from '../util/words.js';

/** One filter shape for config routes and in-chat subscriptions; every given part must match. */
const filterSchema = z
  .object({
    /** Note languages as written in front matter or file names (`en`, `hant`). */
    lang: z.array(z.string()).optional(),
    /** A note matches when it carries any of these tags. */
    tags: z.array(z.string()).optional(),
    /** Front matter `type` values (`note`). */
    type: z.array(z.string()).optional(),
    /** Glob on the note's path relative to the notes root (`_posts/**`, `notes/*.md`). */
    path: z.string().optional(),
    /**
     * A saved search: notes whose words match it as `/note` matches them (every word the start of
     * one of the note's words; Chinese and Japanese by character pairs). Text, never a pattern.
     * At most 200 characters (code points), and at least one word: symbols alone match nothing.
     */
    words: z
      .string()
      .trim()
      .min(1)
      .refine((w) => charCount(w) <= MAX_SEARCH_CHARS, `takes at most ${MAX_SEARCH_CHARS} characters`)
      .refine((w) => w === '' || hasSearchableWord(w), 'has no letter or digit to look for (symbols alone are not searched): write words such as words: "rust async"')
      .optional(),
    /**
     * Not a condition: the notes this filter passes are posted as one digest a day at `at`
     * (`HH:MM`) in the time zone `tz` (IANA), instead of one post each (`/subscribe … digest:`).
     */
    digest: digestScheduleSchema.optional(),
  })
  .strict();

export type Filter = z.output<typeof filterSchema>;

export const platformSchema = z.enum(['console', 'discord', 'telegram']);
export type Platform = z.output<typeof platformSchema>;

const routeSchema = z
  .object({
    platform: platformSchema,
    /** The route's name, which a note's front matter `notecast: {routes: [name]}` picks it by. */
    name: z.string().regex(/^[\p{L}\p{N}_.-]{1,64}$/u, 'a route name is 1–64 letters, digits, `_`, `.` or `-`').optional(),
    /** Channel id (Discord), chat id or @channelname (Telegram), any name (console). */
    chat: z.union([z.string(), z.number()]).transform(String),
    /** Telegram forum topic (`message_thread_id`) or Discord thread id. */
    thread: z.union([z.string(), z.number()]).transform(String).optional(),
    filter: filterSchema.optional(),
    /**
     * The chat's language (`ja`, `pt-BR`): which translation of a note it gets when `filter.lang`
     * does not decide. Without it, the note's original language, else English.
     */
    locale: z.string().min(2).optional(),
    /**
     * Discord only: post through a channel webhook with its own name and avatar. The webhook URL
     * is a secret, so it comes from the environment variable named here (e.g. DISCORD_WEBHOOK_RELEASES).
     */
    webhook: z
      .object({
        env: z.string().regex(/^DISCORD_WEBHOOK_[A-Z0-9_]+$/),
        /** Discord refuses webhook names containing "discord" or "clyde" (webhook.mdx, Create Webhook); up to 80 characters. */
        username: z
          .string()
          .min(1)
          .max(80)
          .refine((u) => !/discord|clyde/i.test(u), 'must not contain "discord" or "clyde": Discord refuses such webhook names')
          .optional(),
        avatarUrl: z.string().url().optional(),
      })
      .strict()
      .optional(),
    /**
     * A note pinned here (front matter `notecast: {pin: true}`) unpins the announcement notecast
     * pinned in this chat before it, so one stays pinned.
     */
    unpinPrevious: z.boolean().optional(),
    /**
     * Discord announcement channels only: publish each post to the servers that follow the channel
     * (without it, followers never see the notes). Needs no extra permission for the bot's own posts.
     */
    crosspost: z.boolean().optional(),
    /**
     * Discord forums only: tags (by name) applied to every post. The note's own tags that the forum
     * also has are applied too. A forum that requires a tag refuses posts that match none.
     */
    forumTags: z.array(z.string().min(1)).max(5).optional(),
    /** This route's message templates, in place of the global `templates` (per platform). */
    templates: templatesSchema.optional(),
  })
  .strict()
  .refine((r) => r.platform === 'discord' || (r.crosspost === undefined && r.forumTags === undefined && r.webhook === undefined), {
    message: 'crosspost, forumTags and webhook are Discord route options',
  })
  .transform(canonicalRouteChat);

/**
 * A chat has one name inside notecast, whatever spelling a route uses, so a route and a /subscribe there are one target
 * (dedupe, pauses, records). Discord: a thread is a channel of its own (discord-api-docs, Threads) and a /subscribe run
 * in it names the thread alone, so a route's `chat` + `thread` becomes the thread (`threadIn` keeps the parent for a
 * webhook's `thread_id`). Telegram: usernames are case-insensitive, so `@My_Channel` is `@my_channel`; the numeric id
 * behind it is learned at start (publish/chat-names.ts), which keeps the name as `chatName`.
 */
function canonicalRouteChat<R extends { platform: string; chat: string; thread?: string | undefined }>(r: R): R & { threadIn?: string; chatName?: string } {
  if (r.platform === 'discord' && r.thread) return { ...r, chat: r.thread, thread: undefined, threadIn: r.chat };
  if (r.platform === 'telegram' && r.chat.startsWith('@')) return { ...r, chat: r.chat.toLowerCase() };
  return r;
}

export type Route = z.output<typeof routeSchema>;

const OFFICIAL_BOT_API = 'api.telegram.org';

/**
 * Telegram's own Bot API server posts webhooks only to HTTPS URLs on port 443, 80, 88 or 8443
 * (core.telegram.org/bots/api#setwebhook); otherwise setWebhook answers "bad webhook: An HTTPS URL
 * must be provided for webhook" (tdlib/telegram-bot-api#665). A self-hosted server in `--local`
 * mode also takes plain HTTP on any port (tdlib/telegram-bot-api#91), so only the official one is held to it.
 */
function checkTelegramWebhookUrl(t: { apiRoot: string; webhook: { url?: string | undefined } }, ctx: z.RefinementCtx): void {
  if (!t.webhook.url || new URL(t.apiRoot).hostname !== OFFICIAL_BOT_API) return;
  const url = new URL(t.webhook.url);
  if (url.protocol !== 'https:') ctx.addIssue({ code: 'custom', path: ['webhook', 'url'], message: 'must be an https:// URL: Telegram sends webhooks over HTTPS only' });
  else if (!['', '443', '80', '88', '8443'].includes(url.port)) ctx.addIssue({ code: 'custom', path: ['webhook', 'url'], message: 'must use port 443, 80, 88 or 8443: the only ports Telegram sends webhooks to' });
}

export const configSchema = z
  .object({
    notes: z
      .object({
        /** The notes root; a Jekyll site root works as it is. */
        dir: z.string().default('notes'),
        /** Notes over this many bytes are refused with an error. */
        maxBytes: z.number().int().positive().default(1024 * 1024),
        /** Longest one note may take to parse and summarise; past it the note is refused (`took too long to parse`). */
        parseTimeoutMs: z.number().int().min(100).default(10_000),
        /** Language of notes that name none (front matter, file name or folder). */
        defaultLang: z.string().default('en'),
        /** Language codes recognised as file-name suffixes (`-zh.md`) and folders (`_posts/zh/`). */
        fileLangs: z.array(z.string()).default([...DEFAULT_FILE_LANGS]),
        /** Read the site's `_config.yml` (a path, relative to the config file's folder) to form URLs as Jekyll does. */
        jekyllConfig: z.string().optional(),
      })
      .strict()
      .prefault({}),
    /** The site the notes are published on; used to form each note's URL. */
    site: siteSchema.prefault({}),
    summary: z
      .object({
        /** Characters of text a whole message shows at most. */
        maxChars: z.number().int().min(200).max(4000).default(1000),
        maxPoints: z.number().int().min(1).max(10).default(5),
        maxLinks: z.number().int().min(0).max(10).default(5),
      })
      .strict()
      .prefault({}),
    watch: z
      .object({
        /** A file must be quiet this long before its change counts (editors write several times). */
        quietMs: z.number().int().min(0).default(2000),
        /** More removals than this in one batch are held, not acted on (a lost mount, a branch switch). */
        removalThreshold: z.number().int().min(1).default(20),
        /**
         * How changes are seen: `native` file events (inotify), `poll` (polling by folder: network,
         * FUSE and host-mounted folders, whose changes made on the other side raise no event), or
         * `auto`: poll when the notes folder's file system is one of those (read with statfs).
         */
        mode: z.enum(['native', 'poll', 'auto']).default('auto'),
        /** Poll mode: how often the tree is looked at (every folder stat'ed, changed folders listed again). */
        pollIntervalMs: z.number().int().min(100).max(600_000).default(3000),
        /**
         * Poll mode: an edit written into an existing note (which leaves its folder's mtime alone) is seen within
         * this many intervals: each pass stats 1/N of the notes, never fewer than 2,000 (1: every note every pass).
         */
        pollSweepPasses: z.number().int().min(1).max(100).default(10),
        /** A full digest scan of the folder this often, catching whatever events missed; 0 turns it off. */
        reconcileMinutes: z.number().min(0).max(24 * 60).default(10),
      })
      .strict()
      .prefault({}),
    publish: z
      .object({
        /** What a changed summary does to posted messages: edit them, post anew, or nothing. */
        onChange: z.enum(['edit', 'repost', 'ignore']).default('edit'),
        /** What a deleted (or re-drafted) note does to its posts. */
        onDelete: z.enum(['keep', 'delete']).default('keep'),
        /** On the first run over a folder, announce every existing note (normally they are recorded silently). */
        announceExisting: z.boolean().default(false),
        /**
         * Translations of one note (the same `translationKey`, or the same file name without its
         * language suffix and folder) are one announcement per chat, in the chat's language, with the
         * other languages linked (`group`); `separate` announces each translation on its own.
         * `graceMs` holds a new announcement that long, so members arriving together go out as one.
         * Either `translations: group` or `translations: { mode: group, graceMs: 5000 }`.
         */
        translations: z
          .union([
            z.enum(['group', 'separate']).transform((mode) => ({ mode, graceMs: 5000 })),
            z.object({ mode: z.enum(['group', 'separate']).default('group'), graceMs: z.number().int().min(0).max(3_600_000).default(5000) }).strict(),
          ])
          .default({ mode: 'group', graceMs: 5000 }),
        /**
         * A burst of saves is gathered into one batch for up to `windowMs` (at least three quiet
         * periods); more than `threshold` new notes for one chat in a batch become one digest message.
         */
        digest: z
          .object({ threshold: z.number().int().min(1).default(5), windowMs: z.number().int().min(0).default(3000) })
          .strict()
          .prefault({}),
        /**
         * Before a note's first post, ask its page (HEAD; GET when HEAD is refused with 405/501) until it
         * answers 2xx, so readers who click at once find it built. `intervalMs` doubles up to
         * `maxIntervalMs` between requests (one per page per interval); after `limitMs`, `atLimit`:
         * `post` anyway (with a log line) or `hold` the post (shown in `status`) until a restart or the next `sync --once`.
         */
        waitUntilLive: z
          .object({
            enabled: z.boolean().default(false),
            intervalMs: z.number().int().min(100).default(10_000),
            maxIntervalMs: z.number().int().min(100).default(60_000),
            limitMs: z.number().int().min(0).default(15 * 60_000),
            requestTimeoutMs: z.number().int().min(100).default(10_000),
            atLimit: z.enum(['post', 'hold']).default('post'),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    /**
     * The pull setup's push webhook: a signed POST (GitHub `X-Hub-Signature-256`, GitLab
     * `X-Gitlab-Token`, secret in NOTECAST_PUSH_SECRET) runs `command` in the notes folder at once.
     */
    pull: z
      .object({
        webhook: z
          .object({
            port: z.number().int().min(1).max(65535),
            host: z.string().default('127.0.0.1'),
            path: z.string().startsWith('/').default('/push'),
            maxBodyBytes: z.number().int().min(1024).max(25 * 1024 * 1024).default(1024 * 1024),
          })
          .strict()
          .optional(),
        command: z.array(z.string().min(1)).min(1).default(['git', 'pull', '--ff-only', '-q']),
      })
      .strict()
      .prefault({}),
    delivery: z
      .object({
        /** Failed attempts (5xx, network, timeout; a 429 is not one) before a delivery is marked failed (40 ≈ 8 hours of outage at the 15-minute cap). */
        maxAttempts: z.number().int().min(1).default(40),
        baseDelayMs: z.number().int().min(1).default(1000),
        maxDelayMs: z.number().int().min(1).default(15 * 60_000),
        /** Chats served at once (each chat's own deliveries stay in order). */
        concurrency: z.number().int().min(1).max(256).default(16),
        /** A platform call still unanswered after this long is aborted and retried (same nonce). */
        callTimeoutMs: z.number().int().min(1000).default(120_000),
        /** A Telegram post held after two unanswered sends goes once more (its last send) after this at most, sooner on a signal that sends work. */
        heldMaxMs: z.number().int().min(1000).max(60 * 60_000).default(5 * 60_000),
      })
      .strict()
      .prefault({}),
    store: z.object({ path: z.string().default('data/notecast.db') }).strict().prefault({}),
    /** Liquid templates for the messages (README, Templates); without them, the default messages. */
    templates: templatesSchema.prefault({}),
    /** Static routes: every note matching `filter` goes to `chat` on `platform`. */
    routes: z
      .array(routeSchema)
      .default([])
      .superRefine((routes, ctx) => {
        const seen = new Set<string>();
        routes.forEach((r, i) => {
          if (r.name === undefined) return;
          if (seen.has(r.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `route name "${r.name}" is used twice; notes pick routes by name` });
          seen.add(r.name);
        });
      }),
    console: z
      .object({
        /** With no Discord or Telegram token, print announcements to stdout. */
        enabled: z.boolean().default(true),
        /** JSON lines on stdout instead of readable text. */
        json: z.boolean().default(false),
        /** Pause before each console delivery, like a slow chat platform (for demos and crash tests). */
        delayMs: z.number().int().min(0).default(0),
      })
      .strict()
      .prefault({}),
    discord: z
      .object({
        /** REST API base; only tests change it. */
        api: z.string().url().default('https://discord.com/api'),
        /** The application id; read from the API when not given. */
        applicationId: z.string().optional(),
        /** Register slash commands at start-up (only when they changed). */
        registerCommands: z.boolean().default(true),
        /** Register in one guild (instant) instead of globally. */
        commandGuild: z.string().optional(),
        /** Lookup replies (/note, /latest) seen only by the asker. */
        ephemeralLookups: z.boolean().default(true),
        /** Discord's global limit for this bot (50 unless Discord raised it for you). */
        globalRequestsPerSecond: z.number().int().min(1).max(10_000).default(50),
        /**
         * The longest rate limit the REST client waits out in its queue. A longer one (a crosspost's
         * hour) fails the call, and the outbox retries it without holding the channel's later posts
         * (discord.js RESTOptions.rejectOnRateLimit: https://discord.js.org/docs/packages/rest/stable/RESTOptions:Interface).
         */
        rateLimitWaitMaxMs: z.number().int().min(0).default(10_000),
      })
      .strict()
      .prefault({}),
    telegram: z
      .object({
        /** Bot API server; change it for a self-hosted Bot API server. */
        apiRoot: z.string().url().default('https://api.telegram.org'),
        /** Long polling needs no public address; a webhook needs `webhook.url` and `TELEGRAM_WEBHOOK_SECRET`. */
        mode: z.enum(['polling', 'webhook']).default('polling'),
        webhook: z
          .object({
            /**
             * The public address Telegram posts updates to: HTTPS, on port 443, 80, 88 or 8443
             * (core.telegram.org/bots/api#setwebhook; core.telegram.org/bots/webhooks).
             */
            url: z.string().url().optional(),
            /** Where this process listens (behind a TLS proxy); not the public port. */
            port: z.number().int().min(1).max(65535).default(8443),
            /** The address it listens on: this machine only by default; `0.0.0.0` when the proxy runs elsewhere (another container). */
            host: z.string().min(1).default('127.0.0.1'),
            path: z.string().startsWith('/').default('/telegram'),
            /**
             * How often the webhook is read back from Telegram (getWebhookInfo) and set again if another
             * process deleted or replaced it (adapters/telegram/webhook-watch.ts).
             */
            checkSeconds: z.number().int().min(1).max(3600).default(30),
          })
          .strict()
          .prefault({}),
        /** Register the command list (with translations) at start-up. */
        registerCommands: z.boolean().default(true),
        /**
         * A command older than this (by its message's `date`) when it reaches us was sent while the
         * service was down: it is not run; the chat gets one short word that it was missed.
         */
        staleCommandMinutes: z.number().min(1).max(24 * 60).default(10),
        /** Paces sends below Telegram's limits so 429s stay rare. */
        rate: z
          .object({ perSecond: z.number().min(1).max(30).default(29), perChatMs: z.number().int().min(0).default(1000), perGroupPerMinute: z.number().int().min(1).max(20).default(20) })
          .strict()
          .prefault({}),
      })
      .strict()
      .superRefine(checkTelegramWebhookUrl)
      .prefault({}),
    /** The HTTP endpoint for /healthz and /metrics; off unless a port is given. `preview`: also the preview page at /preview. */
    http: z
      .object({ port: z.number().int().min(1).max(65535).optional(), host: z.string().default('127.0.0.1'), preview: z.boolean().default(false) })
      .strict()
      .prefault({}),
    /** Per-user command flood protection. */
    commands: z
      .object({ burst: z.number().int().min(1).default(5), refillMs: z.number().int().min(100).default(3000) })
      .strict()
      .prefault({}),
    log: z.object({ level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info') }).strict().prefault({}),
  })
  .strict();

export type Config = z.output<typeof configSchema>;
