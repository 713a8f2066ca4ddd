/**
 * Issue 25, outside tester 30-1's F3. A failure that says nothing of the chat (a 5xx, no answer) with nothing else of
 * the platform to compare it with is tried again, no attempt spent, after 1, 2 and 4 × `delivery.baseDelayMs`, before
 * it is judged the post's or the platform's (publish/outages.ts). Those undecided tries, and the try a later failure
 * counts from, lived in memory: a lone post answered 5xx under cron's `sync --once --timeout` started over at each run
 * and never ended, run after run "1 still waiting". README: a post's own failures spend `delivery.maxAttempts` and it
 * ends failed, with its reason in `status`. Now the try is kept with the outbox (store/delivery-tries.ts): a later run
 * goes on from it (its start, the platform answering getMe, is an answer since that try), and short runs end where one
 * long run does. Through the real grammY client against the fake Telegram, `sync --once` in this process.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliIn, jsonLines, statusOf } from '../helpers/cli.js';
import { useFakeTelegram } from '../helpers/fakes.js';
import { InProcessCli } from '../helpers/inproc.js';
import { note, sandbox, type Sandbox } from '../helpers/service.js';

const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const fake = useFakeTelegram({ token: TOKEN });

/** The tester's settings: the undecided tries alone (1 + 2 + 4 s) outlast a short run. */
const CONFIG = 'delivery:\n  maxAttempts: 2\n  baseDelayMs: 1000\n  maxDelayMs: 4000\n  callTimeoutMs: 3000\n';
const SHORT_RUN_S = 2;
const RUNS = 8;

interface Status {
  outbox: Record<string, number>;
  failures: { noteId: string | null; error?: string; attempts: number }[];
  chatsForgotten: { chat: string }[];
}

/** A sandbox with one note for one chat, whose every send Telegram answers 502 (getMe answers). */
function lonePost(): { sb: Sandbox; chat: number } {
  const chat = fake().addChat(-100111, 'supergroup');
  const sb = sandbox(`${CONFIG}telegram:\n  apiRoot: ${fake().apiRoot}\n  registerCommands: false\nroutes:\n  - platform: telegram\n    chat: "${chat.id}"\n`);
  writeFileSync(path.join(sb.notes, 'alone.md'), note('Alone', 'The only post, answered 502 each time.'));
  fake().failNext = { count: 10_000, status: 502 };
  return { sb, chat: chat.id };
}

/** `sync --once` runs of SHORT_RUN_S until `done` says the last one's summary is the end, at most RUNS; their summaries. */
async function shortRuns(sb: Sandbox, done: (last: Record<string, unknown>) => boolean, first = true): Promise<Record<string, unknown>[]> {
  const runs: Record<string, unknown>[] = [];
  for (let i = 0; i < RUNS && !(runs.length && done(runs.at(-1)!)); i++) runs.push(await syncOnce(sb, first && i === 0, SHORT_RUN_S));
  return runs;
}

async function syncOnce(sb: Sandbox, first: boolean, timeoutS: number): Promise<Record<string, unknown>> {
  const args = ['sync', '--once', '--json', '--timeout', String(timeoutS), '--config', sb.config, '--notes', sb.notes, '--db', sb.db];
  const r = await cliIn(first ? [...args, '--announce-existing'] : args, { env: { TELEGRAM_BOT_TOKEN: TOKEN } });
  return jsonLines(r.stdout).at(-1)!;
}

/** How it ended: failed after maxAttempts, its reason the platform's answer, said in `status`. */
function endedFailed(sb: Sandbox): void {
  const status = JSON.parse(statusOf(sb.db, { json: true }).stdout) as Status;
  expect(status.outbox).toEqual({ failed: 1 });
  expect(status.failures).toEqual([expect.objectContaining({ noteId: 'family:alone', attempts: 2, error: expect.stringMatching(/^gave up after 2 attempts: .*502/) as unknown })]);
}

describe('judgements left undecided by short `sync --once` runs', () => {
  it(`a lone post a platform answers 5xx ends failed after maxAttempts within ${RUNS} runs of ${SHORT_RUN_S} s, as one long run does`, { timeout: 120_000 }, async () => {
    const { sb, chat } = lonePost();
    const runs = await shortRuns(sb, (last) => last.failed === 1);
    // Before: every run "1 still waiting", the undecided tries starting over, no attempt ever spent.
    expect(runs.at(-1), JSON.stringify(runs)).toMatchObject({ failed: 1, waiting: 0 });
    endedFailed(sb);
    expect(fake().sentTo(chat)).toEqual([]);
  });

  it('one long run: the same outcome', { timeout: 120_000 }, async () => {
    const { sb } = lonePost();
    expect(await syncOnce(sb, true, 60)).toMatchObject({ failed: 1, waiting: 0, timedOut: false });
    endedFailed(sb);
  });
});
