/**
 * Issue 25, the steps last session's outside testers used that the platform model lacked (platform-model.ts `alias` and
 * `heldReply`), each once in a sequence whose outcome README names; the random sequences of platform-model.test.ts draw
 * them at small weights. `alias`: S's config route named by its `@username` in any letter case while `/subscribe` and
 * `/unsubscribe` run inside it by its numeric id (README, Routes, subscriptions: "A chat is one target under any of its
 * names"): one chat, each note shown there once, a `/subscribe` by its id resuming it when paused under the route's name.
 * `heldReply`: a command's reply carried out and its answer held while notes are saved, then answered, dropped, or the
 * service restarted (README, Commands: answered at most once; done once; no post doubled or lost for it).
 */
import { describe, expect, it } from 'vitest';
import { fileParseThreads } from '../helpers/inproc.js';
import type { PlatformOp, Save } from '../helpers/platform-model.js';
import { runPlatformSequence } from '../helpers/platform-run.js';

const parseThreads = fileParseThreads();
const save = (note: number, draft = false): Save => ({ op: 'save', note, draft });

async function holds(ops: readonly PlatformOp[], onDelete: 'keep' | 'delete', mode: 'polling' | 'webhook' = 'polling'): Promise<void> {
  const r = await runPlatformSequence(ops, onDelete, parseThreads, mode);
  expect(r.problems.join('\n'), `after step ${r.steps} of ${JSON.stringify(ops)}`).toBe('');
}

describe.concurrent('platform model: a chat under its other names', () => {
  it('S routed by @username in upper, lower and mixed case, /subscribe inside it by id, kicked and re-added, /unsubscribe: one chat, each note once (onDelete: delete)', { timeout: 180_000 }, async () => {
    await holds(
      [
        save(0), { op: 'alias', name: 'upper', command: 'subscribe' }, save(1), save(0),
        { op: 'kick', chat: 'S' }, save(2), { op: 'alias', name: 'lower', command: 'subscribe' }, { op: 'readd', chat: 'S' },
        { op: 'alias', name: 'lower', command: 'subscribe' }, save(2), { op: 'alias', name: 'mixed', command: 'unsubscribe' }, save(3),
        { op: 'route', on: false }, { op: 'alias', name: 'id', command: 'subscribe' }, { op: 'remove', note: 1 },
      ],
      'delete',
    );
  });
  it('S subscribed by id and routed by @username, the route taken out, kicked: /subscribe by id resumes it (onDelete: keep)', { timeout: 180_000 }, async () => {
    await holds(
      [
        { op: 'alias', name: 'mixed', command: 'subscribe' }, save(0), { op: 'route', on: false }, { op: 'kick', chat: 'S' }, save(0), save(1),
        { op: 'readd', chat: 'S' }, { op: 'alias', name: 'mixed', command: 'subscribe' }, { op: 'route', on: true }, save(1),
      ],
      'keep',
    );
  });
});

describe.concurrent('platform model: a command whose reply is answered late, never, or across a restart', () => {
  it.each(['release', 'fail', 'restart'] as const)('/unsubscribe then /subscribe in G, each reply held then %s while notes are saved (onDelete: delete)', { timeout: 180_000 }, async (end) => {
    await holds(
      [
        save(0), { op: 'heldReply', text: 'unsubscribe', end, ops: [save(1), save(0)] }, save(2),
        { op: 'heldReply', text: 'subscribe', end, ops: [save(3), { op: 'remove', note: 0 }] }, save(1),
      ],
      'delete',
    );
  });
});
