/**
 * Issue 25 (e25q, item 3): a file held a removal window (held-rewrites.ts) lived only in the service's memory, so
 * `status` and `check` said nothing of why it was not announced yet. A moved-and-edited note written beside its
 * original (an editor that deletes the old file last: write-then-delete.test.ts) is held while the original is there;
 * the running service records it (held-files.ts), and `status` (text and --json) and `check` say it, with the note
 * it may be moved from, until the window ends.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliIn } from '../helpers/cli.js';
import { fileParseThreads } from '../helpers/inproc.js';
import { applyOps, handOver, startSplitRun, type SplitRun } from '../helpers/split-model.js';

const parseThreads = fileParseThreads();
let run: SplitRun | undefined;
afterEach(async () => {
  await run?.svc.stop();
  run = undefined;
});

describe('a file held a removal window is said by status and check', () => {
  it('a moved-and-edited note written beside its original: held, said with its original, and no longer once the window ended', async () => {
    run = await startSplitRun('keep', 'group', parseThreads);
    const { svc } = run;
    const at = (rel: string) => path.join(svc.notes, rel);
    applyOps(run.world, [{ op: 'write', file: 'a/setup.md', draft: false }]);
    await handOver(run, [['a/setup.md']], false);
    const original = readFileSync(at('a/setup.md'), 'utf8');
    applyOps(run.world, [{ op: 'moveEdit', from: 'a/setup.md', to: 'intro.md' }]);
    writeFileSync(at('a/setup.md'), original); // the editor has written the new file only
    await svc.app!.publisher.processBatch({ changed: [at('intro.md')], removed: [] });
    expect(svc.app!.publisher.pendingRemovals).toBe(1); // held: the service is not idle

    const json = await cliIn(['status', '--json', '--db', svc.db]);
    const held = (JSON.parse(json.stdout) as { heldFiles: { file: string; since: number; original?: string }[] }).heldFiles;
    expect(held).toEqual([{ file: 'intro.md', since: expect.any(Number), original: 'a/setup.md' }]);
    const text = await cliIn(['status', '--db', svc.db]);
    expect(text.stdout).toMatch(/^files held a removal window \(not announced or edited yet\):\n {2}intro\.md: held since \S+: a\/setup\.md moved and edited if a\/setup\.md is removed within the removal window/m);
    const config = path.join(path.dirname(svc.db), 'check.yaml'); // check reads the state database the config names
    writeFileSync(config, `store:\n  path: ${svc.db}\n`);
    const check = await cliIn(['check', svc.notes, '--config', config]);
    expect(check.stdout).toMatch(/: held file: intro\.md: held since \S+: a\/setup\.md moved and edited if/);
    expect(check.code).toBe(0); // waiting, not a note's problem

    await svc.app!.publisher.releaseHeld(); // the window's end: a note of its own, its original still there
    expect(JSON.parse((await cliIn(['status', '--json', '--db', svc.db])).stdout)).toMatchObject({ heldFiles: [] });
    expect((await cliIn(['check', svc.notes, '--config', config])).stdout).not.toMatch(/held file/);
  }, 120_000);
});
