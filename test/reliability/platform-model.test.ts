/**
 * Issue 25: the model learns platform events and error answers (test/helpers/platform-model.ts, platform-run.ts). Two
 * properties over the fake Telegram: generated sequences of saves, drafts and removals among a group upgraded to a
 * supergroup, the bot kicked and added back, `/unsubscribe` and `/subscribe`, a revoked token and a restart with a new
 * one, and error answers for a while; and phases of error answers (401, 403, 409, 429, 5xx, dropped connections)
 * around bursts of saves, after which every chat shows each note it wants once. Seeded: a failure prints its seed and
 * shrunk sequence; each shrunk counterexample is kept below as a test of its own. `PLATFORM_MODEL_RUNS` (runs per
 * onDelete and property, 1 by default: model.test.ts is the suite's slowest file) and `PLATFORM_MODEL_SEED` and `PLATFORM_MODEL_STEPS` (10) run more.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fileParseThreads } from '../helpers/inproc.js';
import { errorPhasesArb, platformSequenceArb, type PlatformOp, type Save } from '../helpers/platform-model.js';
import { runPlatformSequence } from '../helpers/platform-run.js';

const RUNS = Number(process.env.PLATFORM_MODEL_RUNS ?? 1);
const SEED = Number(process.env.PLATFORM_MODEL_SEED ?? 25);
const STEPS = Number(process.env.PLATFORM_MODEL_STEPS ?? 10);
const parseThreads = fileParseThreads();
const met = { runs: 0, refusals: 0, migrations: 0, revokes: 0, errorAnswers: 0, uncertain: 0 };

async function holds(ops: readonly PlatformOp[], onDelete: 'keep' | 'delete'): Promise<void> {
  const r = await runPlatformSequence(ops, onDelete, parseThreads);
  met.runs++;
  met.refusals += r.refusals;
  met.migrations += r.migrations;
  met.revokes += r.revokes;
  met.errorAnswers += r.errorAnswers;
  met.uncertain += r.uncertain;
  expect(r.problems.join('\n'), `after step ${r.steps} of ${JSON.stringify(ops)}`).toBe('');
}

afterAll(() => console.log(`platform model: ${JSON.stringify(met)}`));

/**
 * Every command once, in an order whose outcome README names at each step (the checks run after each): a post waits for
 * a kicked group and goes with its edit once `/subscribe` resumes it; the group upgraded (told), an edit of a note shown
 * in the old group is not sent, a new note goes to the supergroup; the config route's chat kicked and added back is
 * resumed by a start; `/unsubscribe` ends new posts there; a revoked token parks, a restart with the new one sends; error
 * answers are retried; `/subscribe` after a 409 is answered (polling started again).
 */
describe('platform model: every command once', () => {
  it('kick, re-add and /subscribe, upgrade, a config route kicked and restarted, /unsubscribe, revoke, error answers (onDelete: delete)', { timeout: 120_000 }, async () => {
    const save = (note: number, draft = false): Save => ({ op: 'save', note, draft });
    await holds(
      [
        save(0), { op: 'kick', chat: 'G' }, save(1), save(0), { op: 'readd', chat: 'G' }, { op: 'subscribe' },
        { op: 'migrate', told: true }, save(0), save(2),
        { op: 'kick', chat: 'S' }, { op: 'burst', ops: [save(2), { op: 'remove', note: 1 }] }, { op: 'readd', chat: 'S' },
        { op: 'unsubscribe' }, save(3), { op: 'revoke', ops: [save(3)] },
        { op: 'errors', kind: '429', count: 2, ops: [save(0)] }, { op: 'errors', kind: '5xx', count: 2, ops: [save(2)] },
        { op: 'errors', kind: 'drop', count: 2, ops: [save(3)] }, { op: 'errors', kind: '409', count: 1, ops: [save(0)] },
        { op: 'subscribe' }, save(0, true),
      ],
      'delete',
    );
  });
});

describe.concurrent('platform model: what chats show through platform events and error answers', () => {
  it.each(['delete', 'keep'] as const)('random sequences of saves and platform events, onDelete: %s', { timeout: 240_000 }, async (onDelete) => {
    await fc.assert(fc.asyncProperty(platformSequenceArb(STEPS), (ops) => holds(ops, onDelete)), { seed: SEED + (onDelete === 'keep' ? 1 : 0), numRuns: RUNS, interruptAfterTimeLimit: 200_000 });
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
