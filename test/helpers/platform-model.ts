/**
 * Issue 25: the model of what chats show, for what happens on the platform rather than in the notes folder. The whole
 * service runs in this process (InProcessCli) against the fake Telegram (test/fakes/telegram/server.ts), with two chats:
 * `G`, a basic group subscribed by `/subscribe` (it can be upgraded to a supergroup, kicked the bot and added it back,
 * `/unsubscribe` and `/subscribe` again), `S`, a supergroup a config route names (it can be kicked and added back,
 * which a start tries again), and `D`, a supergroup with a daily digest for some tags and posts at once for another
 * (the service's clock, a SteppedClock, is moved past the digest time). Between notes saved, drafted and removed, the platform answers errors for a while (429
 * with retry_after, 5xx, connections dropped before it read them, 409 on getUpdates) and the bot token is revoked
 * (401 on every call) and replaced at a restart. Checked after every step, at rest (the service said idle): what each
 * chat shows against the model's `ChatState`, no chat paused that the platform never refused, no message posted twice,
 * and no token in the database, `status` or the log. Each command's effect cites README (Delivery; A platform down at
 * start-up; Routes, subscriptions).
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

export const NOTES = 4;
/** The model's `delivery.maxAttempts`: error phases run longer than it (README, Delivery: an outage spends none of them). */
export const MAX_ATTEMPTS = 3;
export const ADMIN = 11;
export const G_ID = -701;
export const G_SUPER = -100701;
export const S_ID = -100702;
/** `D`, a supergroup whose admin typed `/subscribe tag:weekly digest:"daily 09:00"` and `/subscribe tag:urgent` (DIGEST_SUBSCRIPTIONS). */
export const D_ID = -100703;
/** S's public username (the fake's getChat answers `@` it in any case with S_ID): a config route may name S by it (the `alias` step). */
export const S_USERNAME = 'Notecast_S_Room';
/** The spellings the `alias` step writes S's route in: its numeric id, or `@username` in lower, upper or its own mixed case. */
export type SRouteName = 'id' | 'lower' | 'upper' | 'mixed';
export const sRouteChat = (name: SRouteName): string =>
  name === 'id' ? String(S_ID) : `@${name === 'lower' ? S_USERNAME.toLowerCase() : name === 'upper' ? S_USERNAME.toUpperCase() : S_USERNAME}`;
/** `C`, a Discord channel subscribed by `/subscribe` (the fake Discord): it can lose the bot's access, be deleted, and Discord answers 429 and 5xx and drops the gateway. */
export type ChatName = 'G' | 'S' | 'D' | 'C';
export const DIGEST_SUBSCRIPTIONS = ['/subscribe tag:weekly digest:"daily 09:00"', '/subscribe tag:urgent'];
/**
 * The tag sets a save may give its note (`Save.tags`): D holds `weekly` for its digest, posts `urgent` (alone or with
 * `weekly`) at once (README: "a note goes to a chat by digest only when every subscription there that passes it has a
 * digest"), and wants no `misc` note.
 */
export const TAG_SETS: readonly (readonly string[])[] = [['weekly'], ['urgent'], ['weekly', 'urgent'], ['misc']];
/** Each note's tag set (TAG_SETS) until a save changes it: D holds n0 and n1 for its digest, posts n2 and n3 at once. */
export const NOTE_TAGS: readonly number[] = [0, 0, 1, 2];

/**
 * `tags`: the note saved with another tag set (TAG_SETS): a note held for D's digest edited so that D's subscription
 * without a digest passes it is posted at once, once; one edited so that nothing there passes it is called off; one
 * edited so that D's subscriptions pass it for the first time is posted there (held, if only the digest one does).
 * README, Digest schedules and Edits.
 */
export type Save = { op: 'save'; note: number; draft: boolean; tags?: number | undefined } | { op: 'remove'; note: number };
export type PlatformOp =
  | Save
  | { op: 'burst'; ops: Save[] }
  /** The bot kicked from the chat (403 "bot was kicked"): README, Delivery: "permanent ones … pause that chat". */
  | { op: 'kick'; chat: ChatName }
  /** The bot added back; for `S`, the service restarted ("A chat a config route names is tried again at each start"). */
  | { op: 'readd'; chat: ChatName }
  /** `/subscribe` in G: subscribes, or resumes a paused chat ("the chat then gets every post that waited for it"). */
  | { op: 'subscribe' }
  /** `/unsubscribe` in G: its waiting posts are called off ("one the chat no longer wants … is called off"). */
  | { op: 'unsubscribe' }
  /** G upgraded to a supergroup; `told`: the service messages reach the bot, else it learns from a send's 400. */
  | { op: 'migrate'; told: boolean }
  /** The token revoked while `ops` are saved; then a restart with the new one (README: "refused while running … pauses no chat"). */
  | { op: 'revoke'; ops: Save[] }
  /** The platform answers `kind` to the next `count` calls it applies to while `ops` are saved (README: retried, a 429 waited out). */
  | { op: 'errors'; kind: '429' | '5xx' | 'drop' | '409'; count: number; ops: Save[] }
  /**
   * Sends, edits and deletes in `chat` alone answered 500 `count` times while `ops` are saved and the other chat's go
   * through (README, Delivery: `maxAttempts` "counts only those of one delivery while its platform answers others …
   * then it is marked failed (shown in `status`)"): each of its notes shows as the model says, or its delivery is failed in `status`.
   */
  | { op: 'failing'; chat: ChatName; count: number; ops: Save[] }
  | { op: 'restart' }
  /** S's config route taken out of the config (`on: false`) or put back, then a restart (README: "its route removed from the config"). */
  | { op: 'route'; on: boolean }
  /** The clock moved to 30 s past the next 09:00 UTC, D's digest time: the notes held for it go then, once, as they are (README, Digest schedules). */
  | { op: 'clock' }
  /**
   * On Discord, in C while `ops` are saved: `lose`, the bot loses access (50001 Missing Access: a refusal, C paused);
   * `back`, access given back and `/subscribe` there (resumed); `delete`, the channel deleted (10003 Unknown Channel:
   * "a deleted channel's id never comes back", its subscription dropped, not paused); `429` (retry_after) or `5xx` to the
   * next `count` message creations (an outage: nothing given up); `gateway`, the gateway connection dropped (resumed).
   */
  | { op: 'discord'; event: 'lose' | 'back' | 'delete' | '429' | '5xx' | 'gateway'; count: number; ops: Save[] }
  /**
   * Telegram answers "chat not found" to the next `count` calls naming its chats while `ops` are saved, then answers again:
   * `confirmed`, getChat says the same (a self-hosted Bot API server that lost its chat database: every chat at once,
   * tdlib/telegram-bot-api#219; the run makes it so only when two chats or more have a delivery then), else getChat
   * shows the chat (tdlib/telegram-bot-api#159). README, Delivery: nothing is forgotten (several chats at once are the
   * platform's trouble, their deliveries wait and go once each; a chat getChat shows is kept, the send the post's own
   * failure), and the platform is up again once they answer.
   */
  | { op: 'notfound'; confirmed: boolean; count: number; ops: Save[] }
  /** G deleted for good (every call naming it answers "chat not found", getChat too): forgotten once a send there meets that, never paused (README, Delivery). */
  | { op: 'deleted' }
  /**
   * Telegram's front end answers 502 to every call but getUpdates while `ops` are saved (failEveryCall): once a delivery
   * meets it, `status` says telegram is unreachable; once it answers again, up, and everything waiting goes.
   */
  | { op: 'outage'; ops: Save[] }
  /**
   * `/subscribe` and `/unsubscribe` sent in G while Telegram does not answer our calls, then it answers again: `down`,
   * every connection to it dropped unanswered (the webhook's posts still reach us; in polling mode the updates wait there);
   * `drop`, the connections of the next sends (the replies) dropped unanswered (tester 30-1 F2). README, Commands: a
   * command is answered or told to wait, never left without a reply; a kept webhook update is handled once. Every
   * command is answered once when Telegram answers again, and has its effect once (`status`' subscriptions).
   */
  | { op: 'commands'; texts: ('subscribe' | 'unsubscribe')[]; outage: 'down' | 'drop' }
  /**
   * The next Telegram `method` call `first` causes (a post, an edit, a delete) is carried out and its answer held while
   * `ops` are saved (each batched), then answered (tester 32-1 F2, F3: README, Deletes, "decided against what the chat
   * will show once the delivery on its way there is answered"). The chats end as the same saves without the wait.
   */
  | { op: 'inflight'; method: 'sendMessage' | 'editMessageText' | 'deleteMessage'; first: Save; ops: Save[] }
  /**
   * A chat's other names (tester 30 and 31's route findings): S's config route written as `name` (its `@username` in any
   * case, or its id) with a restart, then `command` run inside S by its numeric id. README, Routes, subscriptions: "A chat
   * is one target under any of its names: … a Telegram route's `@username` (any case) is the chat's numeric id … so a
   * `/subscribe` there adds no second post and resumes the paused route". One chat: each note shown there once; a
   * `/subscribe` by its id resumes it when it was paused under its route's name; `/unsubscribe` leaves what the route wants.
   */
  | { op: 'alias'; name: SRouteName; command?: 'subscribe' | 'unsubscribe' | undefined }
  /**
   * `/subscribe` or `/unsubscribe` in G (at rest, so the next sendMessage is its reply) whose reply Telegram carries out
   * and whose answer it holds while `ops` are saved; then the answer is `released`, the connection dropped unanswered
   * (`fail`: the reply is in the chat, the service never hears so), or the service restarted meanwhile (`restart`).
   * README, Commands: "Chat commands are answered at most once" and "A command that was carried out is not answered
   * 'Sorry, something went wrong' when its reply fails or its answer is lost"; "a reply Telegram did not answer is kept
   * and sent once it answers". Promise: the command done once (`status`' subscriptions), its reply in G once (a second
   * only where the log said it was kept for want of an answer), no post doubled or lost for it.
   */
  | { op: 'heldReply'; text: 'subscribe' | 'unsubscribe'; end: 'release' | 'fail' | 'restart'; ops: Save[] }
  /**
   * A kill -9 while `ops` are saved (platform-run.ts crash), then a start on the same state folder: once the files are
   * written (`written`: the killed service may not have seen them), once their batch was applied (`batched`: posts
   * queued or on their way), or once Telegram carried out a post of theirs and its answer had not come back (`answer`).
   * README, "Exactly once": every note still shown once per chat; on Discord the post sent again carries its nonce (the
   * same message); on Telegram the resend "can post twice, once for each send whose answer never came but whose message
   * Telegram did post", and only such a message may be a second one.
   */
  | { op: 'crash'; at: 'written' | 'batched' | 'answer'; ops: Save[] };

const saveArb: fc.Arbitrary<Save> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('save' as const), note: fc.nat(NOTES - 1), draft: fc.constantFrom(false, false, false, true) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('save' as const), note: fc.nat(NOTES - 1), draft: fc.constant(false), tags: fc.nat(TAG_SETS.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), note: fc.nat(NOTES - 1) }) },
);
const savesArb = fc.array(saveArb, { minLength: 1, maxLength: 4 });
const chatArb = fc.constantFrom<ChatName>('G', 'S');
/** 5xx and dropped connections to every send for longer than `maxAttempts` (an outage: nothing may be given up); 429 and 409 a few times. */
const errorsArb = fc.oneof(
  fc.record({ op: fc.constant('errors' as const), kind: fc.constantFrom('5xx' as const, 'drop' as const), count: fc.integer({ min: 1, max: MAX_ATTEMPTS + 3 }), ops: savesArb }),
  fc.record({ op: fc.constant('errors' as const), kind: fc.constantFrom('429' as const, '409' as const), count: fc.integer({ min: 1, max: 4 }), ops: savesArb }),
);
const discordArb: fc.Arbitrary<PlatformOp> = fc.record({
  op: fc.constant('discord' as const),
  event: fc.constantFrom('lose' as const, 'back' as const, 'back' as const, 'delete' as const, '429' as const, '5xx' as const, 'gateway' as const),
  count: fc.integer({ min: 1, max: MAX_ATTEMPTS + 3 }),
  ops: fc.array(saveArb, { maxLength: 3 }),
});
const failingArb = fc.record({ op: fc.constant('failing' as const), chat: chatArb, count: fc.integer({ min: 1, max: MAX_ATTEMPTS + 1 }), ops: savesArb });
const notFoundArb = fc.record({ op: fc.constant('notfound' as const), confirmed: fc.boolean(), count: fc.integer({ min: 1, max: 2 * MAX_ATTEMPTS + 2 }), ops: savesArb });
const outageArb = fc.record({ op: fc.constant('outage' as const), ops: fc.array(saveArb, { maxLength: 3 }) });
/** Commands while Telegram drops every connection (`down`), or only their replies' (`drop`). */
const commandsArb = fc.record({ op: fc.constant('commands' as const), texts: fc.array(fc.constantFrom('subscribe' as const, 'unsubscribe' as const), { minLength: 1, maxLength: 3 }), outage: fc.constantFrom('down' as const, 'drop' as const) });
const inflightArb = fc.record({ op: fc.constant('inflight' as const), method: fc.constantFrom('sendMessage' as const, 'editMessageText' as const, 'deleteMessage' as const), first: saveArb, ops: fc.array(saveArb, { minLength: 1, maxLength: 2 }) });
const aliasArb = fc.record({ op: fc.constant('alias' as const), name: fc.constantFrom<SRouteName>('lower', 'upper', 'mixed', 'mixed', 'id'), command: fc.constantFrom('subscribe' as const, 'subscribe' as const, 'unsubscribe' as const, undefined) });
const heldReplyArb = fc.record({ op: fc.constant('heldReply' as const), text: fc.constantFrom('subscribe' as const, 'unsubscribe' as const), end: fc.constantFrom('release' as const, 'fail' as const, 'restart' as const), ops: fc.array(saveArb, { maxLength: 2 }) });
const crashArb = fc.record({ op: fc.constant('crash' as const), at: fc.constantFrom('written' as const, 'batched' as const, 'answer' as const), ops: savesArb });
/** The token revoked while up to 3 notes are saved (none: nothing but the poll meets the 401, tester 29-1 F1). */
const revokeArb = fc.array(saveArb, { maxLength: 3 }).map((ops): PlatformOp => ({ op: 'revoke', ops }));

/** Sequences of notes saved and platform events (item 1 of the brief); `crashWeight`: of a kill -9 (1 in 32 by default). */
export const platformSequenceArb = (maxLength: number, crashWeight = 1): fc.Arbitrary<PlatformOp[]> =>
  fc.array(
    fc.oneof(
      { weight: 5, arbitrary: saveArb },
      { weight: 1, arbitrary: savesArb.map((ops): PlatformOp => ({ op: 'burst', ops })) },
      { weight: 2, arbitrary: chatArb.map((chat): PlatformOp => ({ op: 'kick', chat })) },
      { weight: 2, arbitrary: chatArb.map((chat): PlatformOp => ({ op: 'readd', chat })) },
      { weight: 2, arbitrary: fc.constantFrom<PlatformOp>({ op: 'subscribe' }, { op: 'unsubscribe' }) },
      { weight: 1, arbitrary: fc.boolean().map((told): PlatformOp => ({ op: 'migrate', told })) },
      { weight: 1, arbitrary: revokeArb },
      { weight: 2, arbitrary: errorsArb },
      { weight: 2, arbitrary: notFoundArb },
      { weight: 1, arbitrary: fc.constant<PlatformOp>({ op: 'deleted' }) },
      { weight: 1, arbitrary: outageArb },
      { weight: 1, arbitrary: commandsArb },
      { weight: 1, arbitrary: failingArb },
      { weight: 1, arbitrary: fc.constant<PlatformOp>({ op: 'restart' }) },
      { weight: 1, arbitrary: fc.boolean().map((on): PlatformOp => ({ op: 'route', on })) },
      { weight: 2, arbitrary: fc.constant<PlatformOp>({ op: 'clock' }) },
      { weight: 3, arbitrary: discordArb },
      { weight: 2, arbitrary: inflightArb },
      { weight: 1, arbitrary: aliasArb },
      { weight: 1, arbitrary: heldReplyArb },
      { weight: crashWeight, arbitrary: crashArb },
    ),
    { minLength: Math.ceil(maxLength / 2), maxLength },
  );

/**
 * The error-answer property (item 2): phases of one answer each (401, 403, 409, 429, 5xx, a dropped connection) around
 * a burst of saves, each phase ended as an operator or admin ends it (a new token and a restart; the bot added back and
 * `/subscribe`, or a restart for a config route); the last check is once the platform recovered from them all.
 */
export const errorPhasesArb = (maxPhases: number): fc.Arbitrary<PlatformOp[]> =>
  fc
    .array(
      fc.oneof(
        revokeArb.map((o): PlatformOp[] => [o]),
        notFoundArb.map((o): PlatformOp[] => [o]),
        outageArb.map((o): PlatformOp[] => [o]),
        fc.tuple(chatArb, savesArb).map(([chat, ops]): PlatformOp[] => [{ op: 'kick', chat }, { op: 'burst', ops }, { op: 'readd', chat }, ...(chat === 'G' ? [{ op: 'subscribe' as const }] : [])]),
        errorsArb.map((o): PlatformOp[] => [o]),
        failingArb.map((o): PlatformOp[] => [o]),
        discordArb.map((o): PlatformOp[] => [o]),
      ),
      { minLength: 1, maxLength: maxPhases },
    )
    .map((phases) => phases.flat());

/**
 * A chat's note as the model expects it: `waiting` or `sent` (shown once, newest), `kept` (at most one message, any
 * version), `failed` (a delivery of it there ended failed, said in `status`: at most one message, any version), `old`: a
 * message in the group it was upgraded from.
 */
interface Item {
  /** `held`: for the chat's digest schedule, shown nowhere until its time. */
  now?: 'waiting' | 'sent' | 'kept' | 'failed' | 'held' | undefined;
  old: boolean;
}

export class ChatState {
  kicked = false;
  /** A send met the refusal since the chat was last resumed: the service has it paused. */
  paused = false;
  /** Kicked at some point since it was last resumed: the only chats the service may have paused. */
  refused = false;
  migrated = false;
  /** C's channel deleted: what it shows is no longer checked (the channel is gone), only that it is not paused for it. */
  gone = false;
  /** C's channel id (the fake Discord's snowflake), set by the run. */
  channel = '';
  /** After a migration nobody told the bot of: false until a send to the old id answered 400 migrate_to_chat_id. */
  learned = true;
  readonly items = new Map<number, Item>();
  /** Deliveries made due here (the run tells from it which chats a save reaches). */
  deliveries = 0;
  /** S only: whether the config route names it (the `route` step), by which name, and whether `/subscribe` was run inside it (`alias`); `wants` is either. */
  routed = true;
  routeName: SRouteName = 'id';
  subscribed = false;
  constructor(
    readonly name: ChatName,
    public wants: boolean,
    private readonly tagsOf: (n: number) => readonly string[] = (n) => TAG_SETS[NOTE_TAGS[n]!]!,
  ) {}
  get id(): number | string {
    return this.name === 'C' ? this.channel : this.name === 'S' ? S_ID : this.name === 'D' ? D_ID : this.migrated ? G_SUPER : G_ID;
  }
  /** Whether the chat wants note `n`: G and S want every note while subscribed or routed, D the notes its subscriptions' tags pass. */
  wantsNote(n: number): boolean {
    return this.name === 'D' ? this.tagsOf(n).some((t) => t === 'weekly' || t === 'urgent') : this.wants;
  }
  /** Whether note `n` waits for the chat's digest time: every subscription there that passes it has a digest (only D's weekly one does). */
  holdsForDigest(n: number): boolean {
    return this.name === 'D' && !this.tagsOf(n).includes('urgent');
  }
  item(n: number): Item {
    let it = this.items.get(n);
    if (!it) this.items.set(n, (it = { old: false }));
    return it;
  }
  /** A delivery for this chat is due: refused (and the chat paused) while the bot is kicked; a send to the old group teaches the move. */
  deliver(): void {
    if (this.kicked) this.paused = this.refused = true;
    this.learned = true;
    this.deliveries++;
  }
  resumed(): void {
    this.paused = this.refused = false;
    for (const it of this.items.values()) if (it.now === 'waiting') it.now = 'sent';
  }
}

interface NoteState {
  title: string;
  published: boolean;
  exists: boolean;
  gone: boolean;
  /** Every title this note was saved with: a message may show an older one only where edits are not sent. */
  titles: string[];
  /** Its tag set (TAG_SETS). */
  tags: number;
}

export class PlatformWorld {
  readonly notes: NoteState[] = Array.from({ length: NOTES }, (_, i) => ({ title: '', published: false, exists: false, gone: false, titles: [], tags: NOTE_TAGS[i]! }));
  private readonly tagsOf = (n: number): readonly string[] => TAG_SETS[this.notes[n]!.tags]!;
  readonly chats: Record<ChatName, ChatState> = { G: new ChatState('G', true), S: new ChatState('S', true), D: new ChatState('D', true, this.tagsOf), C: new ChatState('C', true) };
  private seq = 0;
  constructor(
    readonly dir: string,
    readonly onDelete: 'keep' | 'delete',
  ) {}

  /** Applies a save or removal to the disk and the model; returns the path it changed, if any. */
  apply(o: Save): string[] {
    const n = this.notes[o.note]!;
    const file = `n${o.note}.md`;
    if (n.gone) return []; // a removed path is never written again here: a re-created path is route-model.ts's question
    const was = n.exists && n.published;
    if (o.op === 'remove') {
      if (!n.exists) return [];
      rmSync(path.join(this.dir, file));
      Object.assign(n, { exists: false, gone: true });
      if (was) this.unpublished(o.note);
      return [file];
    }
    const title = `N${++this.seq}`;
    const wantedBefore = new Map(Object.values(this.chats).map((c) => [c, c.wantsNote(o.note)]));
    if (o.tags !== undefined) n.tags = o.tags;
    // Most of the body stays from save to save: each save is an edit of the same note (README, Deletes: recognisable by its body).
    writeFileSync(path.join(this.dir, file), `---\ntitle: ${title}\ntags: [${this.tagsOf(o.note).join(', ')}]\n${o.draft ? 'draft: true\n' : ''}---\n\nThe note n${o.note} tells of its subject in words that stay the same from one save to the next, so that a save is an edit of it.\n\nThis is version ${title}.\n`);
    Object.assign(n, { title, exists: true, published: !o.draft });
    n.titles.push(title);
    if (!was && !o.draft) this.announced(o.note);
    else if (was && !o.draft) this.edited(o.note, wantedBefore);
    else if (was && o.draft) this.unpublished(o.note);
    return [file];
  }

  /** README: "un-drafting announces"; a message kept (onDelete: keep) is edited; a sent message follows its note even where the chat no longer wants it. */
  private announced(n: number): void {
    for (const c of Object.values(this.chats)) {
      const it = c.item(n);
      if (it.now === 'sent' || it.now === 'kept') {
        it.now = 'sent';
        c.deliver();
      } else if (c.wantsNote(n) && it.now === undefined && c.holdsForDigest(n)) {
        it.now = 'held';
      } else if (c.wantsNote(n) && it.now === undefined) {
        c.deliver();
        it.now = c.paused ? 'waiting' : 'sent';
      }
    }
  }

  /**
   * README, Edits: "edits the posted messages in place … in every chat that has one"; a waiting post goes out as the note
   * is then, or is called off where the note no longer goes; a chat the edit makes want the note for the first time gets
   * it posted (publish/note-outbox.ts postsToNewChats). Digest schedules: a held note a subscription without a digest now
   * passes "is posted at once".
   */
  private edited(n: number, wantedBefore: ReadonlyMap<ChatState, boolean>): void {
    for (const c of Object.values(this.chats)) {
      const it = c.item(n);
      if (it.now === 'sent') c.deliver();
      else if ((it.now === 'held' || it.now === 'waiting') && !c.wantsNote(n)) it.now = undefined;
      else if (it.now === 'held' && !c.holdsForDigest(n)) this.postNow(c, it);
      else if (it.now === undefined && c.wantsNote(n) && !wantedBefore.get(c) && !c.gone) {
        if (c.holdsForDigest(n)) it.now = 'held';
        else this.postNow(c, it);
      }
    }
  }

  private postNow(c: ChatState, it: Item): void {
    c.deliver();
    it.now = c.paused ? 'waiting' : 'sent';
  }

  /** Drafted or removed: a waiting post is called off ("nothing is announced for a note that is gone"); a message deleted under onDelete: delete, kept else. */
  private unpublished(n: number): void {
    for (const c of Object.values(this.chats)) {
      const it = c.item(n);
      if (it.now === 'waiting' || it.now === 'held') it.now = undefined;
      else if (it.now === 'sent' && this.onDelete === 'delete') {
        it.now = undefined;
        c.deliver();
      } else if (it.now === 'sent') it.now = 'kept';
    }
  }

  /** README: a supergroup "takes its subscriptions and queued posts … along"; "its messages stay in the old group", never edited again. */
  migrated(): void {
    const g = this.chats.G;
    g.migrated = true;
    for (const it of g.items.values()) {
      if (it.now === 'sent' || it.now === 'kept') Object.assign(it, { now: undefined, old: true });
    }
  }

  /** D's digest time came: what it held goes, once, each note as it is now (README: "the digest goes out once with all of them"). */
  digestTime(): void {
    const d = this.chats.D;
    for (const it of d.items.values()) if (it.now === 'held') (d.deliver(), (it.now = 'sent'));
  }

  published(n: number): NoteState | undefined {
    const s = this.notes[n]!;
    return s.exists && s.published ? s : undefined;
  }

  noteOfTitle(title: string): number | undefined {
    const i = this.notes.findIndex((s) => s.titles.includes(title));
    return i < 0 ? undefined : i;
  }
}

/** The note titles a message shows: a post's first line, or a digest's lines (`• N5`, render/digest.ts); none in a command's reply. */
export function titlesIn(text: string): string[] {
  const first = text.split('\n')[0]!.trim();
  if (/^N\d+$/.test(first)) return [first];
  return [...text.matchAll(/^• (N\d+)\s*$/gm)].map((m) => m[1]!);
}

/** The notes each live message of chat `id` shows: note → titles shown (one per message). */
/** The live messages a chat (a Telegram chat id, or a Discord channel id) shows, each as text: a post's first line is its title. */
export type ReadChat = (id: number | string) => { messageId: number | string; text: string }[];

function shown(read: ReadChat, world: PlatformWorld, id: number | string, out: string[]): Map<number, string[]> {
  const byNote = new Map<number, string[]>();
  for (const m of read(id)) {
    for (const title of titlesIn(m.text)) {
      const n = world.noteOfTitle(title);
      if (n === undefined) out.push(`chat ${id}: message ${m.messageId} shows ${title}, never saved`);
      else byNote.set(n, [...(byNote.get(n) ?? []), title]);
    }
  }
  return byNote;
}

/** The titles a chat's messages show of one note, each once, where a maybe-sent post may show twice; a third copy is said. */
function oneExtraAtMost(c: ChatState, titles: readonly string[], out: string[]): string[] {
  const copies = new Map<string, number>();
  for (const t of titles) copies.set(t, (copies.get(t) ?? 0) + 1);
  for (const [t, k] of copies) if (k > 2) out.push(`${c.name} (${c.id}): ${t} shown ${k} times, more than one extra message for a post that met no answer`);
  return [...copies.keys()];
}

/** What each chat shows against the model (see the file's comment). */
export function chatViolations(read: ReadChat, world: PlatformWorld, uncertain: ReadonlySet<number | string>): string[] {
  const out: string[] = [];
  for (const c of Object.values(world.chats)) {
    if (c.gone) continue;
    const now = shown(read, world, c.id, out);
    const old = c.migrated ? shown(read, world, G_ID, out) : new Map<number, string[]>();
    // A second message where the log said a post met no answer and may show twice: the documented window (uncertainChats),
    // one extra message per maybe-sent post at most (README, Exactly once): a third copy of one post is a violation.
    if (uncertain.has(c.id)) for (const [n, titles] of now) now.set(n, oneExtraAtMost(c, titles, out));
    for (const [n, titles] of [...now, ...old]) if (titles.length > 1) out.push(`${c.name} (${c.id}): note n${n} posted ${titles.length} times (${titles.join(', ')})`);
    if (c.kicked || c.paused) continue; // its deliveries wait: what it shows is checked once it is resumed
    for (let n = 0; n < NOTES; n++) {
      const it = c.item(n), titles = now.get(n) ?? [], note = world.published(n);
      if ((it.now === 'sent' || it.now === 'waiting') && note && (titles.length !== 1 || titles[0] !== note.title)) out.push(`${c.name} (${c.id}): n${n} should show ${note.title} once, shows [${titles.join(', ')}]`);
      if (it.now === 'failed') continue;
      if (it.now === 'held' && titles.length) out.push(`${c.name} (${c.id}): n${n} is held for the digest time, shows [${titles.join(', ')}] before it`);
      if (it.now === undefined && titles.length) out.push(`${c.name} (${c.id}): n${n} should show nothing, shows [${titles.join(', ')}]${note ? '' : ' (drafted or removed)'}`);
      if (!it.old && (old.get(n) ?? []).length && c.migrated) out.push(`${c.name}: n${n} posted to the old group ${G_ID} after its upgrade`);
    }
  }
  return out;
}
