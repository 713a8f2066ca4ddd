/**
 * Issue 25, outside tester's finding B: `start --after-restore` interrupted (kill -9, SIGTERM,
 * SIGINT) before its first scan was recorded had already written the file's identity and mark
 * anew, so the next plain start passed every check and announced again everything posted after the
 * backup. The restore is now a record in the database, cleared only by the first recorded scan; a
 * plain start that finds it carries on as --after-restore. Real processes, killed where the tester
 * killed them (a line on stderr); the starts that are stopped run in this process (`InProcessCli`).
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox, Service, STATE_CONFIG as CONFIG, type Sandbox } from '../helpers/service.js';

afterEach(killLeftoverServices);

const CARRIES_ON = /a start --after-restore was interrupted before its first scan was recorded; this start carries on as --after-restore/;

/** Starts `notecast start` in this process, saves `names` (each announced once), stops it; returns what it posted and its log. */
async function run(sb: Sandbox, names: string[] = [], flags: string[] = []): Promise<{ posted: string[]; stderr: string }> {
  const svc = InProcessCli.start(sb, flags);
  await svc.ready();
  let from = await svc.settled();
  for (const n of names) {
    writeFileSync(path.join(sb.notes, `${n}.md`), note(n, `About ${n}.`));
    await svc.idle(from);
    from = svc.events.length;
  }
  expect(await svc.stop()).toBe(0);
  return { posted: svc.deliveries('post').map((e) => e.noteId!), stderr: svc.stderr };
}

/** `start --after-restore`, sent `signal` the moment its log shows `line`; resolves when it has exited. */
async function interrupted(sb: Sandbox, line: RegExp, signal: NodeJS.Signals): Promise<void> {
  const svc = Service.start(sb, ['--after-restore']);
  let sent = false;
  svc.proc.stderr!.on('data', () => {
    if (!sent && line.test(svc.stderr)) {
      sent = true;
      svc.proc.kill(signal);
    }
  });
  await svc.exited;
  expect(sent).toBe(true);
  expect(svc.events.some((e) => e.event === 'post')).toBe(false);
}

let sb: Sandbox;
let state: string;
let backup: string;

/** The state folder replaced by the backup, as an operator restores one. */
function restore(): void {
  rmSync(state, { recursive: true, force: true });
  cpSync(backup, state, { recursive: true });
}

describe('an interrupted start --after-restore', () => {
  beforeAll(async () => {
    sb = sandbox(CONFIG);
    state = path.dirname(sb.db);
    backup = `${state}-backup`;
    expect((await run(sb, ['before'])).posted).toEqual(['before']);
    cpSync(state, backup, { recursive: true });
    expect((await run(sb, ['p1', 'p2', 'p3'])).posted).toEqual(['p1', 'p2', 'p3']);
  }, 60_000);

  it('SIGKILL at "started --after-restore": the next plain start records p1…p3 without announcing them, says so; the one after is plain', async () => {
    restore();
    await interrupted(sb, /started --after-restore/, 'SIGKILL');
    const resumed = await run(sb);
    expect(resumed.posted).toEqual([]);
    expect(resumed.stderr).toMatch(CARRIES_ON);
    const plain = await run(sb, ['after']);
    expect(plain.posted).toEqual(['after']); // the restore is done: new notes are announced again
    expect(plain.stderr).not.toMatch(CARRIES_ON);
  }, 60_000);

  it.each([
    ['SIGKILL', /watching the notes folder/],
    ['SIGTERM', /started --after-restore/],
    ['SIGINT', /started --after-restore/],
  ] as const)('%s at "%s": the next plain start announces nothing the backup missed', async (signal, line) => {
    restore();
    await interrupted(sb, line, signal);
    const resumed = await run(sb);
    expect(resumed.posted).toEqual([]);
    // Said when the interrupted start had not recorded its scan yet (a SIGTERM may let it finish first).
    if (signal !== 'SIGTERM') expect(resumed.stderr).toMatch(CARRIES_ON);
  }, 60_000);
});
