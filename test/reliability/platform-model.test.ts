/**
 * Issue 25: the model learns platform events and error answers (test/helpers/platform-model.ts, platform-run.ts). Two
 * properties over the fake Telegram: generated sequences of saves, drafts and removals among a group upgraded to a
 * supergroup, the bot kicked and added back, `/unsubscribe` and `/subscribe`, a revoked token and a restart with a new
 * one, and error answers for a while; and phases of error answers (401, 403, 409, 429, 5xx, dropped connections)
 * around bursts of saves, after which every chat shows each note it wants once. Error phases run longer than the
 * model's `delivery.maxAttempts` (3): 5xx or dropped connections to every send are an outage, where nothing is given up;
 * one chat's sends failing alone while the other's go through may end failed, and then `status` says so. A third chat,
 * D, has a digest schedule for some notes and not others; the clock is moved past its time. Seeded: a failure prints its seed and
 * shrunk sequence; each shrunk counterexample is kept below as a test of its own. `PLATFORM_MODEL_RUNS` (runs per
 * onDelete and property, 1 by default: model.test.ts is the suite's slowest file) and `PLATFORM_MODEL_SEED` and `PLATFORM_MODEL_STEPS` (10) run more.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fileParseThreads } from '../helpers/inproc.js';
import { errorPhasesArb, MAX_ATTEMPTS, platformSequenceArb, type PlatformOp, type Save } from '../helpers/platform-model.js';
import { runPlatformSequence } from '../helpers/platform-run.js';

const RUNS = Number(process.env.PLATFORM_MODEL_RUNS ?? 1);
const SEED = Number(process.env.PLATFORM_MODEL_SEED ?? 25);
const STEPS = Number(process.env.PLATFORM_MODEL_STEPS ?? 10);
const parseThreads = fileParseThreads();
const met = { runs: 0, refusals: 0, migrations: 0, revokes: 0, digestTimes: 0, errorAnswers: 0, uncertain: 0, crashes: 0, orphans: 0, walsLeft: 0 };

async function holds(ops: readonly PlatformOp[], onDelete: 'keep' | 'delete', mode: 'polling' | 'webhook' = 'polling'): Promise<void> {
  const r = await runPlatformSequence(ops, onDelete, parseThreads, mode);
  met.runs++;
  met.refusals += r.refusals;
  met.migrations += r.migrations;
  met.revokes += r.revokes;
  met.digestTimes += r.digestTimes;
  met.errorAnswers += r.errorAnswers;
  met.uncertain += r.uncertain;
  met.crashes += r.crashes;
  met.orphans += r.orphans;
  met.walsLeft += r.walsLeft;
  expect(r.problems.join('\n'), `after step ${r.steps} of ${JSON.stringify(ops)}`).toBe('');
}

afterAll(() => console.log(`platform model: ${JSON.stringify(met)}`));

/**
 * Every command once, in an order whose outcome README names at each step (the checks run after each): a post waits for
 * a kicked group and goes with its edit once `/subscribe` resumes it; the group upgraded (told), an edit of a note shown
 * in the old group is not sent, a new note goes to the supergroup; the config route's chat kicked and added back is
 * resumed by a start; `/unsubscribe` ends new posts there; a revoked token parks, a restart with the new one sends; error
 * answers are retried; `/subscribe` after a 409 is answered (polling started again); an outage longer than maxAttempts
 * gives nothing up, a chat failing alone does only with `status` saying so; D's digest holds its weekly notes until the
 * clock passes 09:00 and posts the others at once. The commands learned from tester 29-1's findings run in a test of
 * their own beside the properties (below).
 */
describe('platform model: every command once', () => {
  it('kick, re-add and /subscribe, upgrade, a config route kicked and restarted, /unsubscribe, revoke, error answers, an outage and a chat failing alone past maxAttempts (onDelete: delete)', { timeout: 120_000 }, async () => {
    const save = (note: number, draft = false, tags?: number): Save => ({ op: 'save', note, draft, tags });
    await holds(
      [
        save(0), { op: 'kick', chat: 'G' }, save(1), save(0), { op: 'readd', chat: 'G' }, { op: 'subscribe' },
        { op: 'migrate', told: true }, save(0), save(2),
        { op: 'kick', chat: 'S' }, { op: 'burst', ops: [save(2), { op: 'remove', note: 1 }] }, { op: 'readd', chat: 'S' },
        { op: 'unsubscribe' }, save(3), { op: 'revoke', ops: [save(3)] },
        { op: 'errors', kind: '429', count: 2, ops: [save(0)] }, { op: 'errors', kind: '5xx', count: 2, ops: [save(2)] },
        { op: 'errors', kind: 'drop', count: 2, ops: [save(3)] }, { op: 'errors', kind: '409', count: 1, ops: [save(0)] },
        { op: 'subscribe' }, save(0, true),
        // Longer than delivery.maxAttempts: every send failing is an outage (nothing given up); G's alone fail there, said in `status`.
        { op: 'errors', kind: '5xx', count: MAX_ATTEMPTS + 1, ops: [save(1)] }, { op: 'failing', chat: 'G', count: MAX_ATTEMPTS + 1, ops: [save(1), save(2)] },
        // D's digest: n0 and n1 held, n3 posted at once, both held ones at 09:00 once; n1 drafted takes its line out, n0 edited waits for the next day's.
        save(3), { op: 'clock' }, save(1, true), save(0), { op: 'clock' },
        // Commands while Telegram is down (the updates wait there): each answered once when it is back, done once.
        { op: 'commands', texts: ['unsubscribe', 'subscribe'], outage: 'down' },
      ],
      'delete',
    );
  });
});

/**
 * Issue 25: kill -9 at the model's three points (platform-crash.ts), each followed by a start on the same state folder:
 * the files written and not yet seen, their batch applied (posts queued or on their way), and a Telegram post carried out
 * whose answer had not come back (a message the killed service never learned of: README, "Exactly once", the one second
 * message Telegram may show). After each, every chat shows each note once, newest, Discord's C included (its post sent
 * again with its nonce); a note drafted and one removed under a kill are shown nowhere (`delete`) or kept once (`keep`).
 */
describe.concurrent('platform model: kill -9 at random points', () => {
  const save = (note: number, draft = false, tags?: number): Save => ({ op: 'save', note, draft, tags });
  it.each(['delete', 'keep'] as const)('written, batched, a post\'s answer caught: every chat shows each note once (onDelete: %s)', { timeout: 120_000 }, async (onDelete) => {
    await holds(
      [
        save(0), { op: 'crash', at: 'answer', ops: [save(1)] }, save(1), { op: 'crash', at: 'batched', ops: [save(2), save(0)] },
        { op: 'crash', at: 'written', ops: [{ op: 'remove', note: 0 }, save(3)] }, { op: 'crash', at: 'answer', ops: [save(3, true)] }, { op: 'clock' },
        { op: 'crash', at: 'answer', ops: [save(2)] }, save(3),
      ],
      onDelete,
    );
  });
});

/**
 * Found by the model once D held notes for its digest (m25, seed 25 and 26 on the first run, shrunk): a 502 to a send
 * parks the platform's deliveries; the platform answering again made them due at `Date.now()` (app.ts
 * platformConnections' store.wakePlatform) while the outbox's waits are times on the service's clock (AppOptions
 * `now`/`clock`). With a clock behind the system's, S's post waited for the system's time on the service's clock (days)
 * and the service never said idle. Timed out waiting for idle on main a3e5fb5.
 */
describe('platform model: found', () => {
  /**
   * Tester 32-1 F2, F3 (onDelete: delete), the model's `inflight` step: n1 drafted while its first post's answer is on
   * its way stayed in G or S (no message recorded yet to delete); n0 un-drafted while its message's delete was on its way
   * was never posted again (taken as an edit of the message being deleted). store/under-way.ts.
   */
  it('a note drafted while its post is in flight, and one un-drafted while its delete is in flight (onDelete: delete)', { timeout: 120_000 }, async () => {
    const save = (note: number, draft = false): Save => ({ op: 'save', note, draft });
    await holds([save(0), { op: 'inflight', method: 'sendMessage', first: save(2), ops: [save(2, true)] }, { op: 'inflight', method: 'deleteMessage', first: save(0, true), ops: [save(0)] }, save(0)], 'delete');
  });

  it('an outage while a note is held for D’s digest: the parked posts go once the platform answers, on the service’s clock', { timeout: 60_000 }, async () => {
    await holds([{ op: 'errors', kind: '5xx', count: 1, ops: [{ op: 'save', note: 0, draft: false }] }], 'keep');
  });
  /**
   * Found by the model's Discord commands (m25, by hand from its first Discord sequence): the bot losing access to C
   * (403 50001 Missing Access) while n0 is edited; access given back and `/subscribe`. src/adapters/discord/errors.ts
   * took 50001 on an edit for a refusal of that one edit (`rejected`, failed for good), so C showed n0's first version
   * for good while Telegram's kicked bot pauses the chat and sends the edit on `/subscribe`. 50001 means the bot no
   * longer sees the channel: now it pauses the target for an edit or delete as for a post. Failed on main a3e5fb5.
   */
  it('C loses the bot’s access while n0 is edited, access back and /subscribe: C shows n0’s newest version', { timeout: 60_000 }, async () => {
    const save = (note: number): Save => ({ op: 'save', note, draft: false });
    await holds([save(0), { op: 'discord', event: 'lose', count: 1, ops: [save(0)] }, { op: 'discord', event: 'back', count: 1, ops: [] }], 'keep');
  });
});

/**
 * Found by the hunt (s28, seed 700, the delete property; shrunk by hand to 3 steps, same failure): n0 held for D's
 * weekly digest goes in the 09:00 digest ("📚 1 new note • N1"); then n0 is edited so that no subscription of D passes
 * it (its tags `misc`). The service deletes D's digest message (deleteMessage -100703) though the note is live: README,
 * Edits, "a sent message follows its note … including a chat whose filter … no longer picks the note after the edit
 * … a filter change never deletes it: onDelete is about the note going away". The cause (fxj): the scheduled digest's
 * line was read from its held post (store/upkeep.ts digestItemsShown) with its title and link only, no member, so once
 * the edit retitled n0 (N2) digest-lines.ts keepDigestLine found no live note the line showed and took it for a removed
 * one. Failed on main a9f12a2 and a026bf1 ("D: n0 should show N2 once, shows []"; kept as it.fails until fxj's fix);
 * test/publish/scheduled-digest-lines.test.ts checks both onDelete values in process.
 */
describe('platform model: a scheduled digest\'s line follows its note', () => {
  it.each(['delete', 'keep'] as const)('a note sent in D\'s scheduled digest, then edited so that nothing in D passes it: the digest keeps its line, following the note (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    await holds([{ op: 'save', note: 0, draft: false, tags: 0 }, { op: 'clock' }, { op: 'save', note: 0, draft: false, tags: 3 }], onDelete);
  });
});

describe.concurrent('platform model: what chats show through platform events and error answers', () => {
  /**
   * The commands learned from tester 29-1's findings (s28), each once, after which the checks of every step also read
   * `status`: both platforms up, and only deleted chats forgotten. A held note edited to pass D's subscription without a
   * digest goes at once, and once (F5); one edited to pass none there is called off; a token revoked with nothing to send
   * shows refused (F1: only the webhook's read-back meets the 401); "chat not found" from every chat at once, getChat
   * agreeing (F3), and from sends alone while getChat shows the chats (g25's check): nothing forgotten, each post once
   * after; every call answered 502: unreachable, then up; G deleted for good: forgotten at the send that meets it, not
   * paused. In webhook mode (the random sequences run both). Each failed with
   * its bug put back (F5: replaceWaitingPost's release; F1: calls.ts's refusal skipped for getUpdates, in polling mode;
   * F3: a "chat not found" judged alone at once; g25: confirmedChatGone not asking; a deleted chat never judged alone).
   */
  it('webhook mode: held notes\' tags edited, a token revoked with nothing to send, "chat not found" from every chat at once and back, an outage, a chat deleted (onDelete: keep)', { timeout: 120_000 }, async () => {
    const save = (note: number, tags?: number): Save => ({ op: 'save', note, draft: false, tags });
    await holds(
      [
        save(0), save(1), save(1, 1), save(0, 3), { op: 'clock' }, { op: 'revoke', ops: [] },
        { op: 'notfound', confirmed: true, count: 4, ops: [save(3), save(2)] }, { op: 'notfound', confirmed: false, count: 2, ops: [save(2)] },
        { op: 'outage', ops: [save(3)] }, { op: 'deleted' }, save(2),
      ],
      'keep',
      'webhook',
    );
  });
  /**
   * Tester 30-1 F2: a command carried out whose reply got no answer from Telegram (the reply's connection dropped before
   * Telegram read it: nothing posted) was never answered, in webhook mode (the update answered 200, not kept: re-running
   * it would run it twice) and in polling mode alike (grammY took the update). README, Commands: "a command is answered
   * or told to wait, never left without a reply". Failed on main 8b1d2f9 in both modes ("1 commands sent while Telegram
   * did not answer (drop, …): 0 answered once it did"; kept as it.fails until main's bf47c14 and 2ba429a kept the reply).
   * The random webhook sequences met it too (seed 501: `/unsubscribe`, then `/subscribe` twice while Telegram was down:
   * "command done; its reply may not have reached the chat", 1 of 2 answered).
   */
  it.each(['webhook', 'polling'] as const)('%s mode: /unsubscribe whose reply\'s connection is dropped is answered once Telegram answers', { timeout: 60_000 }, async (mode) => {
    await holds([{ op: 'save', note: 2, draft: false }, { op: 'commands', texts: ['unsubscribe'], outage: 'drop' }, { op: 'save', note: 3, draft: false }], 'keep', mode);
  });
  it.each([['delete', 'polling'], ['keep', 'webhook']] as const)('random sequences of saves and platform events, onDelete: %s, Telegram %s', { timeout: 240_000 }, async (onDelete, mode) => {
    await fc.assert(fc.asyncProperty(platformSequenceArb(STEPS), (ops) => holds(ops, onDelete, mode)), { seed: SEED + (onDelete === 'keep' ? 1 : 0), numRuns: RUNS, interruptAfterTimeLimit: 200_000 });
  });
  it.each(['delete', 'keep'] as const)('error answers around bursts of saves: nothing paused wrongly, nothing twice, all shown once recovered, no token kept, onDelete: %s', { timeout: 240_000 }, async (onDelete) => {
    await fc.assert(fc.asyncProperty(errorPhasesArb(Math.max(1, Math.round(STEPS / 2.5))), (ops) => holds([...ops, { op: 'subscribe' }], onDelete)), { seed: SEED + (onDelete === 'keep' ? 3 : 2), numRuns: RUNS, interruptAfterTimeLimit: 200_000 });
  });
});

/**
 * Found by the model's `route` command (m25, by hand from a first hunt's sequence, then shrunk): a chat paused by a
 * refusal (S kicked, an edit or a delete of its message waiting) that nothing names any more (its config route taken
 * out; the same in G through `/unsubscribe`) was let go by publish/chat-wants.ts, which marked every delivery waiting
 * there `skipped`: edits and deletes of messages the chat shows, not only posts it no longer wants. Once the bot was
 * back, the message showed an old version of its note, or, under `onDelete: delete`, a removed note for good (README,
 * Edits: a sent message follows its note "including a chat whose filter, saved search or route no longer picks the
 * note"). Now the posts are called off and the edits and deletes wait for the bot, the chat no longer paused
 * (store/paused-chats.ts), until Telegram says it is back (`my_chat_member`, or a command heard there: G's
 * `/unsubscribe`). Each failed on main 7974eb0 (kept as `it.fails` until a25's fix).
 */
describe.concurrent('platform model: a paused chat let go keeps the edits and deletes of its messages for the bot', () => {
  const save = (note: number, draft = false): Save => ({ op: 'save', note, draft });
  it('S kicked, n0 edited, S\'s route taken out, the bot added back: S shows n0 as last saved (onDelete: keep)', { timeout: 60_000 }, async () => {
    await holds([save(0), { op: 'kick', chat: 'S' }, save(0), { op: 'route', on: false }, { op: 'readd', chat: 'S' }], 'keep');
  });
  it('S kicked, n0 removed, S\'s route taken out, the bot added back: S no longer shows the removed note (onDelete: delete)', { timeout: 60_000 }, async () => {
    await holds([save(0), { op: 'kick', chat: 'S' }, { op: 'remove', note: 0 }, { op: 'route', on: false }, { op: 'readd', chat: 'S' }], 'delete');
  });
  it('G kicked, n0 edited, the bot added back, /unsubscribe: G shows n0 as last saved (onDelete: delete)', { timeout: 60_000 }, async () => {
    await holds([save(0), { op: 'kick', chat: 'G' }, save(0), { op: 'readd', chat: 'G' }, { op: 'unsubscribe' }], 'delete');
  });
});
