/**
 * Runs a sequence of platform-model.ts commands through the whole service in this process against a fake Telegram of
 * its own, checking after each step at rest (the service said idle) what every chat shows, which chats are paused, and
 * that no bot token is in the database, `status` or the log. Used by test/reliability/platform-model.test.ts.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FakeTelegram } from '../fakes/telegram/server.js';
import { FakeDiscord } from '../fakes/discord/server.js';
import { InProcessCli } from './inproc-cli.js';
import { sandbox, withTestDefaults, type Sandbox } from './service.js';
import { statusOf } from './cli.js';
import { ADMIN, chatViolations, D_ID, DIGEST_SUBSCRIPTIONS, G_ID, G_SUPER, MAX_ATTEMPTS, NOTES, PlatformWorld, S_ID, S_USERNAME, sRouteChat, titlesIn, type ChatName, type ChatState, type PlatformOp, type ReadChat, type Save } from './platform-model.js';
import { SteppedClock } from '../fakes/clock.js';
import { freePort } from './net.js';
import { SLOW_DOWN_TEXT } from '../../src/commands/limit.js';
import type { ParseThreads } from '../../src/publish/parse-pool.js';
import { CutLink } from './kill-cut.js';
import { crash } from './platform-crash.js';

const tokenOf = (i: number) => `${7000001}:TOKEN-${i}-abcdefghijklmnopqrstuvwxyz0123`;
const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.platform-model-discord-token';
/** MANAGE_CHANNELS, which `/subscribe` asks of the member on Discord (permissions.mdx). */
const MANAGE_CHANNELS = 1n << 4n;

/** Telegram's limits kept in shape but shortened (a chat's second to 100 ms, a group's minute to a second) in the fake and the service alike. */
const LIMITS = { globalPerSecond: 30, perChatMs: 100, perGroupPerMinute: 20, groupWindowMs: 1000 };
const WINDOWS = { telegramGroupWindowMs: 1000, reconnect: { baseDelayMs: 100, maxDelayMs: 500 } };

/** How the service hears Telegram: long polling, or a webhook the fake posts updates to (read back each second). */
export type TelegramMode = { mode: 'polling' } | { mode: 'webhook'; port: number };
const WEBHOOK_SECRET = 'platform-model-hook-secret';

/** `route`: how S's config route names it (its id, or `@username` in some case: the `alias` step), or undefined for none (the `route` step; no default, which an undefined passed would take). */
function configOf(apiRoot: string, discordApi: string, onDelete: 'keep' | 'delete', route: string | undefined, tg: TelegramMode = { mode: 'polling' }): string {
  const webhook = tg.mode === 'webhook' ? `\n  mode: webhook\n  webhook:\n    url: http://127.0.0.1:${tg.port}\n    port: ${tg.port}\n    path: /tg-hook\n    checkSeconds: 1` : '';
  return [
    'watch:\n  quietMs: 40\n  reconcileMinutes: 0',
    `publish:\n  onDelete: ${onDelete}\n  digest:\n    threshold: 1000\n    windowMs: 200`,
    // Retried soon; given up after MAX_ATTEMPTS failures of a post's own, which an outage (every send failing) never spends.
    `delivery:\n  baseDelayMs: 50\n  maxDelayMs: 300\n  maxAttempts: ${MAX_ATTEMPTS}\n  callTimeoutMs: 4000`,
    `telegram:\n  apiRoot: ${apiRoot}\n  registerCommands: false\n  rate:\n    perChatMs: 150${webhook}`,
    `discord:\n  api: ${discordApi}\n  registerCommands: false`,
    route ? `routes:\n  - platform: telegram\n    chat: "${route}"` : 'routes: []',
  ].join('\n') + '\n';
}

export interface PlatformRunResult {
  steps: number;
  problems: string[];
  /** What the run met, so a generator that stopped making it is seen: refusals (403), migrations, revoked tokens, error answers. */
  refusals: number;
  migrations: number;
  revokes: number;
  /** The clock moved past D's digest time. */
  digestTimes: number;
  errorAnswers: number;
  /** Chats where a post met no answer and the log said it may show twice (allowed: `uncertainChats`). */
  uncertain: number;
  /** Kills (`crash`), and Telegram messages a killed service's post left that no record names (allowed: platform-crash.ts). */
  crashes: number;
  orphans: number;
  /** Kills that left a `-wal` for the next start to recover (kill-cut.ts closedAsKilled). */
  walsLeft: number;
}

/**
 * The saves of one batch as the service reads them: files written one after another within the watcher's quiet period
 * are read once, as the last write left them, so each note's last save (with the tags a save of it set last) or its
 * removal; a note removed in the batch is not written again (PlatformWorld.apply). Found by the model (s28, seed 500):
 * a note saved urgent then weekly in one burst was taken by the model for posted to D at once, then edited.
 */
function seenOnce(ops: readonly Save[], world: PlatformWorld): Save[] {
  const last = new Map<number, Save>();
  const tags = new Map<number, number>();
  const exists = (n: number) => (last.has(n) ? last.get(n)!.op === 'save' : world.notes[n]!.exists);
  for (const o of ops) {
    if (last.get(o.note)?.op === 'remove' || world.notes[o.note]!.gone) continue;
    if (o.op === 'remove' && !exists(o.note)) continue;
    if (o.op === 'save' && o.tags !== undefined) tags.set(o.note, o.tags);
    last.set(o.note, o);
  }
  return [...last.values()].map((o) => (o.op === 'save' && tags.has(o.note) ? { ...o, tags: tags.get(o.note) } : o));
}

export class Run {
  svc!: InProcessCli;
  /** This start's connections to the fakes' HTTP APIs, which a kill cuts (kill-cut.ts CutLink). */
  private links: CutLink[] = [];
  /** `<chat id>:<message id>`: messages a post caught by a kill left, which no record names (platform-crash.ts): not read as the chat's. */
  readonly orphans = new Set<string>();
  /** `<chat id>:<note number, or digest>` → orphans allowed there so far (each a post the service says may have been sent). */
  readonly orphansOf = new Map<string, number>();
  readonly tokens = [tokenOf(0)];
  /** The log of every service of the run (a token must be in none). */
  private logs = '';
  counts = { migrations: 0, revokes: 0, digestTimes: 0, crashes: 0, walsLeft: 0 };
  /** The service's clock, kept across restarts: three hours before D's digest time at the first start. */
  readonly clock = new SteppedClock(Date.parse('2026-12-04T06:00:00Z'));

  constructor(
    readonly fake: FakeTelegram,
    readonly discord: FakeDiscord,
    readonly guild: string,
    readonly sb: Sandbox,
    readonly world: PlatformWorld,
    private readonly parseThreads: ParseThreads | undefined,
    readonly tg: TelegramMode = { mode: 'polling' },
  ) {}

  get token(): string {
    return this.tokens[this.tokens.length - 1]!;
  }

  async start(): Promise<void> {
    // Each start's calls go through links of its own (a kill cuts them); its config names them, S's route as the model has it.
    this.links = [await new CutLink(this.fake.apiRoot).start(), await new CutLink(this.discord.api).start()];
    const S = this.world.chats.S;
    writeFileSync(this.sb.config, withTestDefaults(configOf(this.links[0]!.url, this.links[1]!.url, this.world.onDelete, S.routed ? sRouteChat(S.routeName) : undefined, this.tg)));
    const secret = this.tg.mode === 'webhook' ? { TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET } : {};
    this.svc = InProcessCli.start(this.sb, [], { TELEGRAM_BOT_TOKEN: this.token, DISCORD_TOKEN, ...secret }, this.clock, this.parseThreads, WINDOWS);
    await this.svc.ready();
    await this.svc.waitFor(() => this.svc.stderr.includes('"discord connected"'), 20_000, 'discord connected');
    // Deliveries for a platform still connecting wait without holding idle back (README: a platform down at start-up holds nothing else).
    await this.svc.waitFor(() => this.svc.stderr.includes('"telegram connected"'), 20_000, 'telegram connected');
    await this.svc.settled(30_000);
  }

  /** Stop and start; README: a paused chat a config route names is tried again, a paused chat nothing names is let go. */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
    this.startRules();
  }

  /** A kill -9: the connections cut, the service abandoned (InProcessCli.kill); `start` then starts another on the same state. */
  async kill(): Promise<void> {
    for (const l of this.links) l.cut();
    this.counts.crashes++;
    if (await this.svc.kill()) this.counts.walsLeft++;
    this.logs += this.svc.stderr;
    await this.closeLinks();
  }

  /** What a start does to paused chats (README, Delivery): one a config route names is tried again, one nothing names let go. */
  startRules(): void {
    const { G, S } = this.world.chats;
    if (!S.kicked && S.routed) S.resumed();
    for (const c of [G, S]) if (c.paused && !c.wants && !c.kicked) c.resumed();
  }

  async stop(): Promise<void> {
    await this.svc.stop();
    this.logs += this.svc.stderr;
    await this.closeLinks();
  }

  /** Lets this start's links go (their ports too): after a stop, a kill, or at the end of the run. */
  async closeLinks(): Promise<void> {
    await Promise.all(this.links.map((l) => l.close()));
  }

  log(): string {
    return this.logs + this.svc.stderr;
  }

  /** The bot kicked from chat `id` or added back, as Telegram tells it (`my_chat_member`, if asked for), heard by the service, which is then idle. */
  async membership(id: number, status: 'kicked' | 'member'): Promise<void> {
    const heard = () => this.svc.stderr.split("the bot's membership of a chat changed").length;
    const before = heard();
    // A bot that did not ask for `my_chat_member` (allowed_updates) is not told: nothing to wait for.
    if (this.fake.setBotMembership(id, status, ADMIN) !== undefined) await this.svc.waitFor(() => heard() > before, 20_000, `the bot ${status} in ${id}, heard`);
    await this.svc.settled(30_000);
  }

  /** Saves (one batch where the watcher makes it one), then the service idle; `written` runs once the files are written, before the service can see them. */
  async saves(ops: readonly Save[], written?: () => void, idle = true): Promise<void> {
    const from = this.svc.events.length;
    const paths = this.write(ops);
    written?.();
    if (!paths.length) return;
    await this.svc.batched(paths, 20_000);
    if (idle) await this.svc.idle(from, 30_000);
  }

  /** Writes the saves to the disk and the model (one batch's worth); returns the paths the service is to see changed. */
  write(ops: readonly Save[]): string[] {
    this.svc.forgetBatched(Array.from({ length: NOTES }, (_, i) => `n${i}.md`));
    const before = new Set(this.world.notes.flatMap((n, i) => (n.exists ? [`n${i}.md`] : [])));
    // A path made and gone again within one burst may raise no event (the watcher coalesces them).
    return [...new Set(seenOnce(ops, this.world).flatMap((o) => this.world.apply(o)))].filter((f) => before.has(f) || this.world.notes[Number(f.slice(1, -3))]!.exists);
  }

  /** A command in a chat by its admin, answered, then the service idle (what it resumed or called off is done). */
  async command(text: string, chat: number): Promise<boolean> {
    const replies = () => this.fake.sentTo(chat).filter((m) => titlesIn(m.text).length === 0);
    const before = replies().length;
    this.fake.command(chat, ADMIN, text);
    await this.fake.waitFor(() => replies().length > before, 20_000, `a reply to ${text} in ${chat} (is polling alive?)`);
    await this.svc.settled(30_000); // a command that changes nothing says no idle of its own: asked for one
    return replies()[before]!.text !== SLOW_DOWN_TEXT;
  }

  /**
   * Chats where the fake carried out a post whose answer the service never heard (it gave up first: under load a send can
   * outlast `delivery.callTimeoutMs`) and the log said it may show twice (README, "Exactly once, and where the platforms
   * limit it": the Bot API has nothing to recognise a send made again): a second message of a note there is that
   * documented window, not a double. A connection dropped before the fake read it posted nothing: no allowance.
   */
  uncertainChats(): Set<number> {
    const said = new Set([...this.log().matchAll(/no answer to a post to telegram:(-?\d+)[^"]*may show it twice/g)].map((m) => Number(m[1])));
    return new Set(this.fake.unheard.filter((c) => c.method === 'sendMessage' && said.has(Number(c.payload.chat_id))).map((c) => Number(c.payload.chat_id)));
  }

  /**
   * The chats the service has paused that the platform never refused (README: a 401, a 429, a 5xx pause nothing), or that
   * nothing names (README: such a chat is no longer paused; what changes its messages waits for the bot apart).
   */
  pausedWrongly(): string[] {
    const s = JSON.parse(statusOf(this.sb.db, { json: true }).stdout) as { paused: { target: { chat: string }; reason: string }[] };
    const chatOf = (id: string) => this.world.chats[this.chatOf(id) ?? 'none' as ChatName] as ChatState | undefined;
    return s.paused.flatMap((p) => {
      const c = chatOf(p.target.chat);
      if (!c?.refused) return [`chat ${p.target.chat} paused, never refused by the platform: ${p.reason}`];
      return c.wants ? [] : [`chat ${p.target.chat} paused, though no route or subscription names it: ${p.reason}`];
    });
  }

  /** Failed deliveries the model allows: a chat's own failures in a `failing` step (the ids `status` lists). */
  private readonly allowedFailures = new Set<number>();

  /**
   * What each chat shows: the fake Telegram's messages there (but the orphans a kill left, which README allows), or the
   * bot's in the Discord channel (an embed's title, a digest's lines).
   */
  readonly read: ReadChat = (id) =>
    typeof id === 'string'
      ? this.discord.messagesIn(id).filter((m) => m.via === 'bot').map((m) => ({ messageId: m.id, text: [m.embeds[0]?.title ?? m.content ?? '', m.embeds[0]?.description ?? ''].join('\n') }))
      : this.fake.sentTo(id).filter((m) => !this.orphans.has(`${id}:${m.messageId}`));

  /** `/subscribe` in C by a member who may manage the channel, answered. */
  async subscribeC(): Promise<void> {
    const r = await this.discord.interact({ type: 2, guild: this.guild, channel: this.world.chats.C.channel, permissions: MANAGE_CHANNELS, name: 'subscribe' });
    if (!/subscribed/i.test(String(r.data?.content))) throw new Error(`/subscribe in C answered ${String(r.data?.content)}`);
    await this.svc.settled(30_000);
  }

  /** The chat a Telegram chat id (or C's Discord channel id) of `status` stands for. */
  chatOf(id: string): ChatName | undefined {
    return id === this.world.chats.C.channel ? 'C' : Number(id) === S_ID ? 'S' : Number(id) === D_ID ? 'D' : Number(id) === G_ID || Number(id) === G_SUPER ? 'G' : undefined;
  }

  /** The clock moved to 09:00:30 UTC next (D's digest time, passed), the service told as its timer would be; then at rest. */
  async digestTime(): Promise<void> {
    const now = this.clock.now(), day = 86_400_000, at = Math.floor(now / day) * day + 9 * 3_600_000 + 30_000;
    this.clock.advance((at > now ? at : at + day) - now);
    this.counts.digestTimes++;
    this.world.digestTime();
    this.svc.clockMoved();
    await this.svc.settled(30_000);
  }

  /** `status --json`'s failed deliveries (the newest 50). */
  failures(): { id: number; noteId: string | null; target: { chat: string }; kind: string; error: string | null }[] {
    return (JSON.parse(statusOf(this.sb.db, { json: true }).stdout) as { failures: ReturnType<Run['failures']> }).failures;
  }

  /**
   * After a `failing` step: each delivery to `chat` given up is allowed, its note there marked `failed` (shown in
   * `status`, README); none elsewhere. Every other failed delivery is one lost in an outage (README: "however long the
   * outage lasted"), or one that met no error at all.
   */
  allowFailuresIn(chat: ChatName | readonly ChatName[] | undefined): string[] {
    const problems: string[] = [];
    const allowed: readonly (ChatName | undefined)[] = Array.isArray(chat) ? chat : [chat];
    for (const f of this.failures()) {
      if (this.allowedFailures.has(f.id)) continue;
      const c = this.chatOf(f.target.chat), n = /(?:^|[/:])n(\d)(?:\.md)?$/.exec(f.noteId ?? '')?.[1]; // `n0.md`, or its family `family:n0`
      if (c === undefined || !allowed.includes(c) || n === undefined) {
        this.allowedFailures.add(f.id); // said once
        problems.push(`delivery #${f.id} (${f.kind} ${f.noteId ?? 'digest'} to ${f.target.chat}) failed: ${f.error ?? ''}${chat ? ` (only ${chat} failed alone)` : ' (no chat failed alone: an outage spends no attempt)'}`);
        continue;
      }
      this.allowedFailures.add(f.id);
      this.world.chats[c].item(Number(n)).now = 'failed';
    }
    return problems;
  }

  /**
   * What `status` says of each platform against the fake (README, Delivery: a platform "up", "unreachable" while it does
   * not answer deliveries, "token refused"): at rest, with the token valid and every call answered, both are up.
   */
  platformsNotUp(): string[] {
    const s = JSON.parse(statusOf(this.sb.db, { json: true }).stdout) as { platforms: Record<string, { state?: string; reason?: string }> };
    return ['telegram', 'discord'].flatMap((p) => (s.platforms[p]?.state === 'up' ? [] : [`status says ${p} is ${s.platforms[p]?.state ?? 'unknown'} (${s.platforms[p]?.reason ?? ''}) while it answers every call with a valid token`]));
  }

  /** Waits until `status` says `platform` is `state` (the fake's state: a token refused, an outage); a problem if it never does. */
  async platformShows(platform: 'telegram' | 'discord', state: string, why: string): Promise<string[]> {
    const now = () => (JSON.parse(statusOf(this.sb.db, { json: true }).stdout) as { platforms: Record<string, { state?: string }> }).platforms[platform]?.state;
    try {
      await this.svc.waitFor(() => now() === state, 15_000, `status saying ${platform} is ${state}`);
      return [];
    } catch {
      return [`${why}: status says ${platform} is ${now() ?? 'unknown'}, not ${state}`];
    }
  }

  /** Where a send met G deleted: the index in the fake's calls from which a "chat not found" there counts. */
  goneFrom = Infinity;

  /**
   * README, Delivery: a chat is forgotten ("chats forgotten" in `status`) only when it is gone for good; a deleted chat
   * that was subscribed is forgotten once a send, edit or delete there met "chat not found".
   */
  forgetting(): string[] {
    const s = JSON.parse(statusOf(this.sb.db, { json: true }).stdout) as { chatsForgotten: { chat: string; why: string }[] };
    const G = this.world.chats.G;
    const problems = s.chatsForgotten.flatMap((f) => {
      const c = this.chatOf(f.chat.split(':').pop()!);
      return c && this.world.chats[c].gone ? [] : [`chat ${f.chat} forgotten, though it exists: ${f.why}`];
    });
    const met = this.fake.calls.slice(this.goneFrom).some((c) => c.status === 400 && Number(c.payload.chat_id) === Number(G.id) && c.method !== 'getChat');
    if (met && this.goneWanted && !s.chatsForgotten.some((f) => Number(f.chat.split(':').pop()) === Number(G.id))) problems.push(`G (${G.id}) deleted and a send there met "chat not found", yet it is not forgotten`);
    return problems;
  }

  /** Whether G was subscribed when it was deleted. */
  goneWanted = false;

  /** No token (its secret half) in the state folder's files, `status` (text and JSON) or any log of the run. */
  tokenLeaks(): string[] {
    const dir = path.dirname(this.sb.db);
    const texts: [string, string][] = readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f)).toString('latin1')]);
    texts.push(['status', statusOf(this.sb.db).stdout], ['status --json', statusOf(this.sb.db, { json: true }).stdout], ['the log', this.log()]);
    return [...this.tokens.map((t) => t.split(':')[1]!), DISCORD_TOKEN].flatMap((t) => texts.filter(([, text]) => text.includes(t)).map(([where]) => `a bot token is in ${where}`));
  }
}

/** One command of the sequence (see PlatformOp); returns problems found inside it (before its own restart). */
async function step(run: Run, o: PlatformOp): Promise<string[]> {
  const { world, fake } = run;
  const G = world.chats.G;
  switch (o.op) {
    case 'save':
    case 'remove':
      await run.saves([o]);
      return [];
    case 'burst':
      await run.saves(o.ops);
      return [];
    case 'kick': {
      const c = world.chats[o.chat];
      if (c.kicked || c.gone) return [];
      await run.membership(Number(c.id), 'kicked');
      c.kicked = true;
      return [];
    }
    case 'readd': {
      // README, Delivery: edits and deletes waiting for a chat nothing names go once the platform says the bot is back.
      const c = world.chats[o.chat];
      if (!c.kicked) return [];
      await run.membership(Number(c.id), 'member');
      c.kicked = false;
      if (o.chat === 'S') await run.restart();
      return [];
    }
    case 'subscribe':
    case 'unsubscribe': {
      if (G.kicked || G.gone) return [];
      if (!G.learned) fake.tellMigration(G_ID, ADMIN); // Telegram sends it before anything said in the supergroup
      G.learned = true;
      if (await run.command(`/${o.op}`, Number(G.id))) commandDone(G, o.op);
      return [];
    }
    case 'commands':
      return commandsUnanswered(run, o);
    case 'migrate':
      return migrate(run, o.told);
    case 'revoke':
      return revoke(run, o.ops);
    case 'errors':
      await errorAnswers(run, o);
      return run.allowFailuresIn(undefined);
    case 'failing': {
      if (world.chats[o.chat].gone) return run.saves(o.ops).then(() => []);
      const chat = fake.chats.get(Number(world.chats[o.chat].id))!;
      chat.failNext = { count: o.count };
      try {
        await run.saves(o.ops);
      } finally {
        chat.failNext = undefined;
      }
      return run.allowFailuresIn(o.chat);
    }
    case 'restart':
      await run.restart();
      return [];
    case 'clock':
      await run.digestTime();
      return [];
    case 'notfound':
      return notFound(run, o);
    case 'deleted': {
      // README, Delivery: "A chat the platform says no longer exists … its subscriptions are removed at that answer".
      if (G.gone || G.kicked || G.paused) return [];
      fake.chats.get(Number(G.id))!.state = 'missing';
      run.goneFrom = fake.calls.length;
      run.goneWanted = G.wants;
      Object.assign(G, { gone: true, wants: false });
      for (const it of G.items.values()) if (it.now === 'waiting') it.now = undefined;
      return [];
    }
    case 'outage':
      return outage(run, o.ops);
    case 'inflight':
      await inFlight(run, o);
      return [];
    case 'alias':
      return alias(run, o);
    case 'heldReply':
      return heldReply(run, o);
    case 'crash':
      return crash(run, o);
    case 'discord':
      await discordEvent(run, o);
      return run.allowFailuresIn(undefined);
    case 'route': {
      // README, Delivery: a post "its route removed from the config" no longer wants is called off; a sent message follows its note.
      const S = world.chats.S;
      if (S.routed === o.on) return [];
      S.routed = o.on; // the config the restart writes (Run.start) has the route or not
      S.wants = S.routed || S.subscribed; // a `/subscribe` run inside S still names it
      if (!S.wants) for (const it of S.items.values()) if (it.now === 'waiting') it.now = undefined;
      await run.restart();
      return [];
    }
  }
}

/** A Discord event in C while `o.ops` are saved (PlatformOp 'discord'); the fake's answers cite discord-api-docs (test/fakes/discord/server.ts). */
async function discordEvent(run: Run, o: Extract<PlatformOp, { op: 'discord' }>): Promise<void> {
  const C = run.world.chats.C, d = run.discord, channel = d.channels.get(C.channel)!;
  if (C.gone) return run.saves(o.ops);
  if (o.event === 'lose' || o.event === 'delete') {
    channel.access = o.event === 'lose' ? 'forbidden' : 'missing';
    if (o.event === 'lose') C.kicked = true;
    else Object.assign(C, { gone: true, wants: false });
    return run.saves(o.ops);
  }
  if (o.event === 'back') {
    if (!C.kicked) return run.saves(o.ops);
    channel.access = 'ok';
    C.kicked = false;
    await run.subscribeC();
    Object.assign(C, { wants: true });
    C.resumed();
    return run.saves(o.ops);
  }
  if (o.event === '429') d.forced429 = o.count;
  else if (o.event === '5xx') d.failNext = { count: o.count, status: 502 };
  else d.disconnect();
  try {
    await run.saves(o.ops);
  } finally {
    Object.assign(d, { forced429: 0, failNext: { count: 0, status: 502 } });
  }
}

/** What `/subscribe` or `/unsubscribe` in G (or S, which a config route may name too) does (README, Routes, subscriptions). */
function commandDone(c: ChatState, text: 'subscribe' | 'unsubscribe'): void {
  if (text === 'subscribe') {
    Object.assign(c, { wants: true, subscribed: true });
    c.resumed();
    return;
  }
  c.subscribed = false;
  c.wants = c.name === 'S' && c.routed; // a config route still names S: it still wants every note
  if (c.wants) return;
  for (const it of c.items.values()) if (it.now === 'waiting') it.now = undefined;
  // README: "a paused chat that no route or subscription names any more … is no longer paused" (chat-wants.ts, at once).
  if (c.paused && !c.kicked) c.resumed();
}

/**
 * Commands in G while Telegram does not answer our calls (PlatformOp 'commands'); then each is answered once, in order,
 * and done once: `status` counts G's subscription once while it is subscribed, D's two and C's one.
 */
async function commandsUnanswered(run: Run, o: Extract<PlatformOp, { op: 'commands' }>): Promise<string[]> {
  const { fake, world } = run, G = world.chats.G;
  if (G.kicked || G.gone) return [];
  if (!G.learned) fake.tellMigration(G_ID, ADMIN);
  G.learned = true;
  const replies = () => fake.sentTo(Number(G.id)).filter((m) => titlesIn(m.text).length === 0).length;
  const before = replies(), kept = () => run.svc.stderr.split('telegram did not answer while this update was handled').length;
  const keptBefore = kept(), posted = fake.webhook.answers.length;
  // Not refuseConnections: a port let go meanwhile may be taken by another test's server (runs go at once).
  if (o.outage === 'down') fake.down = true;
  else fake.dropNext = o.texts.length;
  try {
    for (const text of o.texts) fake.command(Number(G.id), ADMIN, `/${text}`);
    // Polling while Telegram is down: the updates wait there. A webhook: each posted to us and answered.
    if (run.tg.mode === 'webhook') await fake.waitFor(() => fake.webhook.answers.length >= posted + o.texts.length && fake.webhook.pending === 0, 20_000, 'the commands posted to the webhook');
    if (o.outage === 'drop') await fake.waitFor(() => fake.dropNext === 0, 20_000, 'the replies sent, their connections dropped');
    // The first kept: the chat's later updates wait behind it, in order (said of the first only).
    else if (run.tg.mode === 'webhook') await run.svc.waitFor(() => kept() > keptBefore, 20_000, 'an update kept for Telegram to answer');
  } finally {
    fake.down = false;
    fake.dropNext = 0;
  }
  // Something said in D ends the long poll under way (30 s): its answer is Telegram answering again, which a reply kept
  // for want of an answer waits for (adapters/telegram: "sent once Telegram answers again").
  if (run.tg.mode === 'polling') fake.command(D_ID, ADMIN, 'hello there', { entities: [] });
  const problems: string[] = [];
  await fake.waitFor(() => replies() >= before + o.texts.length, 10_000, 'every command answered').catch(() => problems.push(`${o.texts.length} commands sent while Telegram did not answer (${o.outage}, ${run.tg.mode}): ${replies() - before} answered once it did`));
  await run.svc.settled(30_000);
  if (replies() > before + o.texts.length) problems.push(`${o.texts.length} commands sent while Telegram did not answer (${o.outage}, ${run.tg.mode}): ${replies() - before} replies`);
  // One chat's replies go in order; a user past the command rate limit is told to wait, the command not done (commands/limit.ts).
  const answers = fake.sentTo(Number(G.id)).filter((m) => titlesIn(m.text).length === 0).slice(before);
  o.texts.forEach((text, i) => answers[i] && answers[i].text !== SLOW_DOWN_TEXT && commandDone(G, text));
  for (const p of subscriptionsCounted(run, `${o.texts.join(', ')} in G`)) problems.push(`${p}; G's replies: ${answers.map((m) => m.text.split('\n')[0]).join(' | ')}`);
  return problems;
}

/** What `status` counts: G's subscription while it is subscribed, D's two, C's one, and S's own `/subscribe` (a config route is none). */
function expectedSubscriptions(world: PlatformWorld): number {
  const { G, S, C } = world.chats;
  return (G.wants ? 1 : 0) + 2 + (C.wants ? 1 : 0) + (S.subscribed ? 1 : 0);
}

function subscriptionsCounted(run: Run, after: string): string[] {
  const counted = (JSON.parse(statusOf(run.sb.db, { json: true }).stdout) as { subscriptions: number }).subscriptions;
  const expected = expectedSubscriptions(run.world);
  return counted === expected ? [] : [`status counts ${counted} subscriptions after ${after}, expected ${expected}`];
}

/**
 * S's config route named `o.name` (a restart: names are learned at a start), then `o.command` run inside S by its numeric
 * id (PlatformOp 'alias'). chatViolations then checks one chat: each note in S once, whichever name asked for it.
 */
async function alias(run: Run, o: Extract<PlatformOp, { op: 'alias' }>): Promise<string[]> {
  const S = run.world.chats.S;
  const problems: string[] = [];
  if (S.routed && S.routeName !== o.name) {
    S.routeName = o.name;
    const from = run.fake.calls.length;
    await run.restart();
    // The step is what it says: the start asked Telegram for the chat by the route's spelling (adapter chatIdOf).
    const asked = run.fake.calls.slice(from).some((c) => c.method === 'getChat' && String(c.payload.chat_id).toLowerCase() === sRouteChat(o.name).toLowerCase()); // config/schema.ts lower-cases it
    if (o.name !== 'id' && !asked) problems.push(`S's route named ${sRouteChat(o.name)}: the start never asked getChat for it`);
  }
  if (!o.command || S.kicked) return problems;
  if (await run.command(`/${o.command}`, S_ID)) commandDone(S, o.command);
  return [...problems, ...subscriptionsCounted(run, `/${o.command} in S, its route named ${sRouteChat(S.routeName)}${S.routed ? '' : ' (taken out)'}`)];
}

/**
 * `/subscribe` or `/unsubscribe` in G whose reply is carried out and its answer held while `o.ops` are saved, then
 * released, dropped (`fail`) or the service restarted (PlatformOp 'heldReply'). G's replies since: one, or two where the
 * log said the reply was kept for want of an answer ("telegram did not confirm its reply": README, Commands).
 */
async function heldReply(run: Run, o: Extract<PlatformOp, { op: 'heldReply' }>): Promise<string[]> {
  const { fake, world } = run, G = world.chats.G;
  if (G.kicked || G.gone) return run.saves(o.ops).then(() => []);
  if (!G.learned) fake.tellMigration(G_ID, ADMIN);
  G.learned = true;
  await run.svc.settled(30_000); // at rest: the next sendMessage is the command's reply
  const replies = () => fake.sentTo(Number(G.id)).filter((m) => titlesIn(m.text).length === 0);
  const before = replies().length, logFrom = run.log().length, from = run.svc.events.length;
  fake.dropAnswers = { count: 1, methods: ['sendMessage'], late: o.end === 'fail' ? undefined : 'held' };
  try {
    fake.command(Number(G.id), ADMIN, `/${o.text}`);
    await fake.waitFor(() => replies().length > before, 20_000, `the reply to /${o.text} in G carried out`);
    // Done before its reply goes (commands/subscribe.ts): the saves below meet the chat as the command left it.
    if (replies()[before]!.text !== SLOW_DOWN_TEXT) commandDone(G, o.text);
    if (o.end !== 'fail' && !fake.answersHeld) throw new Error(`the reply to /${o.text} in G was carried out, its answer not held`);
    await run.saves(o.ops, undefined, false);
    if (o.end === 'restart') await run.stop();
  } finally {
    fake.dropAnswers = { count: 0, methods: [] };
    fake.answerLate();
  }
  if (o.end === 'restart') {
    await run.start();
    run.startRules();
  } else await run.svc.idle(from, 30_000);
  // Something said in D ends the long poll under way: Telegram answering again, which a kept reply waits for.
  if (run.tg.mode === 'polling') fake.command(D_ID, ADMIN, 'hello there', { entities: [] });
  await run.svc.settled(30_000);
  const answers = replies().slice(before);
  const kept = /did not confirm its reply|its reply may not have reached the chat/.test(run.log().slice(logFrom));
  const problems = answers.length > (kept ? 2 : 1) ? [`/${o.text} in G, its reply's answer held then ${o.end}: ${answers.length} replies (${answers.map((m) => m.text.split('\n')[0]).join(' | ')})${kept ? '' : ', the log said none was kept'}`] : [];
  return [...problems, ...subscriptionsCounted(run, `/${o.text} in G, its reply's answer held then ${o.end}`)];
}

/**
 * "Chat not found" from Telegram's chats for the next `o.count` calls naming them (PlatformOp 'notfound'); confirmed by
 * getChat only where two chats or more have a delivery then (the answer of a server that lost its chat database; one
 * chat's alone is a deleted chat, 'deleted'). Kicked chats answer their refusal. Failures are allowed only where getChat
 * shows the chat (the send is that post's own failure).
 */
async function notFound(run: Run, o: Extract<PlatformOp, { op: 'notfound' }>): Promise<string[]> {
  const tg = (['G', 'S', 'D'] as const).map((n) => run.world.chats[n]).filter((c) => !c.gone && !c.kicked);
  const before = new Map(tg.map((c) => [c, c.deliveries]));
  let lost: ChatState[] = [];
  try {
    await run.saves(o.ops, () => {
      const due = tg.filter((c) => c.deliveries > before.get(c)! && !c.paused);
      lost = !o.confirmed || due.length >= 2 ? tg : [];
      Object.assign(run.fake.lostChats, { chats: new Set(lost.map((c) => Number(c.id))), count: lost.length ? o.count : 0, getChat: o.confirmed });
    });
  } finally {
    run.fake.lostChats.count = 0;
  }
  await run.svc.settled(30_000);
  return run.allowFailuresIn(o.confirmed ? undefined : lost.map((c) => c.name));
}

/** Every Telegram call but getUpdates answered 502 while `ops` are saved: `status` says unreachable once a delivery met it; up once it answers (PlatformOp 'outage'). */
async function outage(run: Run, ops: readonly Save[]): Promise<string[]> {
  const tg = (['G', 'S', 'D'] as const).map((n) => run.world.chats[n]);
  const before = tg.map((c) => c.deliveries);
  const problems: string[] = [];
  run.fake.failEveryCall = 502;
  try {
    let due = false;
    // Parked deliveries hold the service's idle back: what it says is waited for, not idle.
    await run.saves(ops, () => void (due = tg.some((c, i) => c.deliveries > before[i]! && !c.paused && !c.kicked && !c.gone)), false);
    if (due) problems.push(...(await run.platformShows('telegram', 'unreachable', 'every Telegram call answered 502 while a delivery was due')));
  } finally {
    run.fake.failEveryCall = 0;
  }
  problems.push(...(await run.platformShows('telegram', 'up', 'Telegram answering again')));
  await run.svc.settled(30_000);
  return [...problems, ...run.allowFailuresIn(undefined)];
}

async function migrate(run: Run, told: boolean): Promise<string[]> {
  const G = run.world.chats.G;
  if (G.migrated || G.kicked || G.gone) return [];
  run.counts.migrations++;
  run.fake.migrate(G_ID, G_SUPER);
  run.world.migrated();
  G.learned = told;
  if (!told) return [];
  const from = run.svc.events.length;
  run.fake.tellMigration(G_ID, ADMIN);
  await run.svc.waitFor(() => run.svc.stderr.includes('group became a supergroup'), 20_000, 'the upgrade, heard');
  await run.svc.idle(from, 30_000);
  return [];
}

/** The token revoked while `ops` are saved: nothing paused, idle; then a restart with the new token sends what waited. */
async function revoke(run: Run, ops: readonly Save[]): Promise<string[]> {
  run.counts.revokes++;
  run.tokens.push(tokenOf(run.tokens.length));
  run.fake.revokeToken(run.token);
  await run.saves(ops);
  // A message that is no command (nothing answers it) ends the long poll under way (30 s); the next meets the 401.
  run.fake.command(D_ID, ADMIN, 'hello there', { entities: [] });
  // Tester 29-1 F1: a token revoked while running showed `up` until a delivery met the 401; every call path says it (getUpdates too).
  const problems = [...run.pausedWrongly(), ...(await run.platformShows('telegram', 'refused', 'the token revoked'))];
  await run.restart();
  return problems;
}

async function errorAnswers(run: Run, o: Extract<PlatformOp, { op: 'errors' }>): Promise<void> {
  const f = run.fake;
  if (o.kind === '409' && run.tg.mode === 'webhook') return run.saves(o.ops); // no getUpdates to answer 409 in webhook mode
  if (o.kind === '429') f.forced429 = o.count;
  else if (o.kind === '5xx') f.failNext = { count: o.count, status: o.count % 2 ? 502 : 500 };
  else if (o.kind === 'drop') f.dropNext = o.count;
  else f.conflict(Math.min(o.count, 2)); // polling starts again 1 s, then 2 s later (polling.ts)
  try {
    await run.saves(o.ops);
    if (o.kind === '409') await f.waitFor(() => f.conflictNext === 0, 20_000, 'the conflicts answered');
  } finally {
    Object.assign(f, { forced429: 0, failNext: { count: 0, status: 502 }, dropNext: 0, conflictNext: 0 });
  }
}

/**
 * `first` saved; the `method` call it causes carried out and its answer held (none may come: a draft posts nothing) while
 * `ops` are saved, each decided (a removal waits its window: its retract said in the log), then answered; then idle.
 * Longer than the model's `callTimeoutMs` (4 s, under load) it is a send with no answer, which the log says (allowed).
 */
async function inFlight(run: Run, o: Extract<PlatformOp, { op: 'inflight' }>): Promise<void> {
  const f = run.fake, from = run.svc.events.length;
  f.dropAnswers = { count: 1, methods: [o.method], late: 'held' };
  try {
    // A first save that changes nothing (a note removed that is not there) makes no call and no batch, so no idle comes.
    const paths = run.write([o.first]);
    if (paths.length) await run.svc.batched(paths, 20_000);
    if (paths.length) await run.svc.waitFor((e) => f.answersHeld > 0 || e.slice(from).some((x) => x.event === 'idle'), 30_000, `a ${o.method} held, or idle`);
    if (!f.answersHeld) {
      f.dropAnswers = { count: 0, methods: [] }; // nothing held: the other saves go as usual (a call held by them would hold idle back)
      return void (await run.saves(o.ops));
    }
    for (const op of o.ops) {
      const logFrom = run.log().length, removed = op.op === 'remove' && run.world.notes[op.note]!.exists;
      await run.saves([op], undefined, false);
      if (removed) await run.svc.waitFor(() => /"msg":"note (changed|deleted)"/.test(run.log().slice(logFrom)), 20_000, 'the removal decided');
    }
  } finally {
    f.dropAnswers = { count: 0, methods: [] };
    f.answerLate();
  }
  await run.svc.idle(from, 30_000);
}

/** Runs `ops` on a fresh folder, database and fake Telegram; stops at the first step that breaks a rule. */
export async function runPlatformSequence(ops: readonly PlatformOp[], onDelete: 'keep' | 'delete', parseThreads?: ParseThreads, mode: TelegramMode['mode'] = 'polling'): Promise<PlatformRunResult> {
  const fake = await new FakeTelegram({ token: tokenOf(0), limits: LIMITS }).start();
  fake.addChat(G_ID, 'group', { [ADMIN]: 'creator' });
  fake.addChat(S_ID, 'supergroup', { [ADMIN]: 'creator' }).username = S_USERNAME;
  fake.addChat(D_ID, 'supergroup', { [ADMIN]: 'creator' });
  const discord = await new FakeDiscord(DISCORD_TOKEN).start();
  const guild = discord.addGuild();
  const tg: TelegramMode = mode === 'webhook' ? { mode, port: await freePort() } : { mode };
  const sb = sandbox(configOf(fake.apiRoot, discord.api, onDelete, String(S_ID), tg), { inMemory: true });
  const run = new Run(fake, discord, guild, sb, new PlatformWorld(sb.notes, onDelete), parseThreads, tg);
  run.world.chats.C.channel = discord.addChannel(guild, 0, 'notes').id;
  const result = (steps: number, problems: string[]): PlatformRunResult => ({ steps, problems, refusals: fake.calls.filter((c) => c.status === 403).length, migrations: run.counts.migrations, revokes: run.counts.revokes, digestTimes: run.counts.digestTimes, errorAnswers: fake.calls.filter((c) => c.status === 429 || c.status >= 500 || c.status === 409).length + fake.dropped, uncertain: run.uncertainChats().size, crashes: run.counts.crashes, orphans: run.orphans.size, walsLeft: run.counts.walsLeft });
  let steps = 0;
  try {
    await run.start();
    await run.command('/subscribe', G_ID);
    for (const text of DIGEST_SUBSCRIPTIONS) await run.command(text, D_ID);
    await run.subscribeC();
    for (const o of ops) {
      steps++;
      let problems: string[];
      try {
        problems = [...(await step(run, o)), ...run.allowFailuresIn(undefined), ...chatViolations(run.read, run.world, run.uncertainChats()), ...run.pausedWrongly(), ...run.forgetting(), ...run.platformsNotUp(), ...run.tokenLeaks()];
      } catch (e) {
        problems = [`${e instanceof Error ? e.message.slice(0, 1500) : String(e)}`];
      }
      if (problems.length) {
        if (process.env.MODEL_DEBUG) console.log(fake.calls.map((c) => `${c.method} ${String(c.payload.chat_id ?? '')} ${c.status} ${JSON.stringify(String(c.payload.text ?? '').slice(0, 200))}`).join('\n'), run.log().slice(-4000));
        return result(steps, problems);
      }
    }
    return result(steps, []);
  } catch (e) {
    if (process.env.MODEL_DEBUG) console.log(fake.calls.map((c) => `${c.method} ${String(c.payload.chat_id ?? '')} ${c.status}`).join('\n'), run.log().slice(-3000));
    throw e;
  } finally {
    await run.svc?.stop().catch(() => undefined);
    await run.closeLinks();
    await fake.stop();
    await discord.stop();
    rmSync(sb.dir, { recursive: true, force: true });
  }
}
