/**
 * Issue 25, fixed: the platform + crash model's seed 1308 (`BENCH_MODEL_PLATFORM=1 BENCH_MODEL_CRASH=1 BENCH_MODEL_SEED=1308
 * BENCH_MODEL_RUNS=2 BENCH_MODEL_SHRINK=0 npm run bench -- model`, the `errors` property, its second sequence, under
 * `delete` and `keep` alike), failing after its first step: three Telegram sends' connections dropped before the fake read
 * them (nothing posted: test/fakes/telegram/server.ts `dropNext`), and S's post failed for good after two sends with
 * no answer ("not sent a third time": the at-most-twice rule for sends that may have reached the chat, s30-f1), so S never
 * shows the note: a post lost, where README says an outage spends no attempt. The drop is indistinguishable, to the
 * service, from a send carried out whose answer was lost (the request was written, then the socket closed), so such a
 * post is now held, not failed, and goes once more after Telegram answers another send (publish/held-unanswered.ts).
 */
import { describe, expect, it } from 'vitest';
import { fileParseThreads } from '../helpers/inproc.js';
import { runPlatformSequence } from '../helpers/platform-run.js';
import type { PlatformOp } from '../helpers/platform-model.js';

const parseThreads = fileParseThreads();

const seed1308: PlatformOp[] = [
  { op: 'errors', kind: 'drop', count: 3, ops: [{ op: 'save', note: 2, draft: false, tags: 3 }, { op: 'save', note: 0, draft: false }] },
  { op: 'revoke', ops: [{ op: 'save', note: 2, draft: false }] },
  { op: 'failing', chat: 'S', count: 2, ops: [{ op: 'save', note: 0, draft: false }, { op: 'remove', note: 1 }] },
  { op: 'subscribe' },
];

describe('platform model: seed 1308, sends dropped before Telegram read them', () => {
  it.each(['delete', 'keep'] as const)('every chat shows each note once (onDelete: %s)', { timeout: 120_000 }, async (onDelete) => {
    const r = await runPlatformSequence(seed1308, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
});
