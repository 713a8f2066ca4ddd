/**
 * Removals held by the guard (more than `watch.removalThreshold` notes gone at once), as cron runs
 * `sync --once` (issue 25, the tester's round 14 finding 1-2): what the summary line and `status` say of
 * them, a later removal judged on its own, and `--accept-removals` applying the held ones once. The
 * CLI is the point (its flags, its summary line, `status`), run through its own program in this process (cliIn).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliIn, jsonLines } from '../helpers/cli.js';
import { note, sandbox } from '../helpers/service.js';

const CONFIG = 'watch:\n  quietMs: 50\n  removalThreshold: 3\npublish:\n  onDelete: delete\n  digest:\n    threshold: 100\n    windowMs: 200\n';

function removalSandbox() {
  const sb = sandbox(CONFIG);
  const file = (i: number) => path.join(sb.notes, `n${i}.md`);
  const noteOf = new Map<string, string>(); // a delete names the message: the note its post showed
  const sync = async (...extra: string[]) => {
    const r = await cliIn(['sync', '--once', '--json', '--config', sb.config, '--notes', sb.notes, '--db', sb.db, ...extra]);
    const lines = jsonLines(r.stdout);
    expect(lines.at(-1), r.stderr).toMatchObject({ event: 'sync' });
    for (const e of lines) if (e.event === 'post') noteOf.set(String(e.messageId), String(e.noteId));
    return { code: r.code, summary: lines.at(-1)!, deleted: lines.filter((e) => e.event === 'delete').map((e) => noteOf.get(String(e.messageId)) ?? `? ${String(e.messageId)}`).sort(), stderr: r.stderr };
  };
  const status = async () => {
    const r = await cliIn(['status', '--json', '--config', sb.config, '--db', sb.db]);
    return JSON.parse(r.stdout) as { heldRemovals: { count: number; sample: string[]; since: string | null; apply: string } | null };
  };
  return { sb, file, sync, status };
}

describe('removals held by the guard', () => {
  it('are said by sync --once and status; a later single removal is applied on its own; --accept-removals applies the held ones once', async () => {
    const { sb, file, sync, status } = removalSandbox();
    await sync(); // the first run records the empty folder
    for (let i = 0; i < 6; i++) writeFileSync(file(i), note(`Note ${i}`, `Body of note ${i}.`));
    expect((await sync()).summary).toMatchObject({ delivered: 6 });

    for (let i = 0; i < 4; i++) rmSync(file(i)); // more than the threshold (3) at once: held
    const held = await sync();
    expect(held.deleted).toEqual([]);
    expect(held.summary).toMatchObject({ heldRemovals: { count: 4, earlier: 0 } });
    const said = await status();
    expect(said.heldRemovals).toMatchObject({ count: 4, sample: ['n0.md', 'n1.md', 'n2.md', 'n3.md'], apply: 'notecast sync --once --accept-removals (or start --accept-removals)' });
    expect(Date.parse(said.heldRemovals!.since!)).toBeGreaterThan(0);
    const text = await cliIn(['status', '--config', sb.config, '--db', sb.db]);
    expect(text.stdout).toMatch(/^held removals: {2}4 \(more than watch\.removalThreshold at once\) since \S+: n0\.md, n1\.md, n2\.md, n3\.md; apply them with notecast sync --once --accept-removals/m);

    rmSync(file(4)); // one more, alone: under the threshold, applied; the four stay held, told apart
    const one = await sync();
    expect(one.deleted).toEqual(['n4']);
    expect(one.summary).toMatchObject({ heldRemovals: { count: 4, earlier: 4 } });
    expect((await status()).heldRemovals).toMatchObject({ count: 4, since: said.heldRemovals!.since });

    const accepted = await sync('--accept-removals');
    expect(accepted.deleted).toEqual(['n0', 'n1', 'n2', 'n3']);
    expect(accepted.summary).toMatchObject({ heldRemovals: null });
    expect((await status()).heldRemovals).toBeNull();
    expect(existsSync(file(5))).toBe(true);
    expect((await sync()).deleted).toEqual([]); // once: nothing is deleted again
  }, 60_000);

  it('the plain summary line names them, and the guard still holds a new burst under --accept-removals', async () => {
    const { sb, file, sync } = removalSandbox();
    await sync();
    for (let i = 0; i < 10; i++) writeFileSync(file(i), note(`Note ${i}`, `Body of note ${i}.`));
    await sync();
    for (let i = 0; i < 4; i++) rmSync(file(i));
    const plain = await cliIn(['sync', '--once', '--config', sb.config, '--notes', sb.notes, '--db', sb.db]);
    expect(plain.stdout).toMatch(/, 4 removals held \(more than watch\.removalThreshold at once\): n0\.md, n1\.md, n2\.md, n3\.md; `notecast sync --once --accept-removals` applies them/);
    expect(plain.code).toBe(0);
    // The operator accepts the four; meanwhile a branch switch took four more: those are new, still held.
    for (let i = 4; i < 8; i++) rmSync(file(i));
    const run = await sync('--accept-removals');
    expect(run.deleted).toEqual(['n0', 'n1', 'n2', 'n3']);
    expect(run.summary).toMatchObject({ heldRemovals: { count: 4, earlier: 0 } });
  }, 60_000);

  it('check says them too, with the command that applies them, and says nothing of them once applied (issue 25: it said 0 problems)', async () => {
    const { sb, file, sync } = removalSandbox();
    const checkConfig = path.join(sb.dir, 'check.yaml'); // check reads the state database the config names (it has no --db)
    writeFileSync(checkConfig, `${readFileSync(sb.config, 'utf8')}store:\n  path: ${sb.db}\n`);
    const check = () => cliIn(['check', sb.notes, '--config', checkConfig]);
    await sync();
    for (let i = 0; i < 5; i++) writeFileSync(file(i), note(`Note ${i}`, `Body of note ${i}.`));
    await sync();
    expect((await check()).stdout).not.toMatch(/held removals/);
    for (let i = 0; i < 4; i++) rmSync(file(i));
    await sync();
    const held = await check();
    expect(held.stdout).toMatch(/: held removals: 4 \(more than watch\.removalThreshold at once\) since \S+: n0\.md, n1\.md, n2\.md, n3\.md; apply them with notecast sync --once --accept-removals/);
    expect(held.stderr).toMatch(/1 note checked, 0 problems, \d+ warnings?/); // waiting for the operator, not a note's problem
    expect(held.code).toBe(0);
    await sync('--accept-removals');
    expect((await check()).stdout).not.toMatch(/held removals/);
  }, 180_000); // five sync runs and three checks, each a program run in this process: 60 s was too short at load 30

  it('--accept-removals is in sync --help and start --help', async () => {
    for (const cmd of ['sync', 'start']) expect((await cliIn([cmd, '--help'])).stdout).toMatch(/--accept-removals/);
  });
});
