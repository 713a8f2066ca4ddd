/**
 * Issue 25 (tester 24 F2/F3): whatever renames, retitles, drafts and un-drafts follow a burst
 * digest (`onDelete: delete`), every published note is in exactly one message of the chat (its
 * digest line, or its own post once back), showing its current title and link; a drafted one is in
 * none. A seeded fast-check property over the real service in process (slow: few, short runs).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, sandbox, type ServiceEvent } from '../helpers/service.js';

afterAll(killLeftoverServices);

const NOTES = [1, 2, 3, 4];
const config = `watch:\n  quietMs: 200\npublish:\n  onDelete: delete\n  translations: { graceMs: 0 }\n  digest:\n    threshold: 2\n    windowMs: 600\nsite:\n  url: https://blog.example.org\nroutes:\n  - platform: console\n    chat: all\n`;
type Step = { op: 'rename' | 'retitle' | 'draft'; n: number };
const stepArb: fc.Arbitrary<Step> = fc.record({ op: fc.constantFrom('rename' as const, 'retitle' as const, 'draft' as const), n: fc.constantFrom(...NOTES) });

interface NoteState { moved: boolean; version: number; draft: boolean }
const fileOf = (n: number, s: NoteState) => `n${n}${s.moved ? '-moved' : ''}.md`;
const titleOf = (n: number, s: NoteState) => `Member Q${n}Q v${s.version}`;
const text = (n: number, s: NoteState) =>
  `---\ntitle: ${titleOf(n, s)}\n${s.draft ? 'draft: true\n' : ''}---\nThe note Q${n}Q says one plain thing about harbors, lanterns and river stones number ${n}.\n`;

/** The chat's messages as they stand after `events`: id → text. */
function messages(events: readonly ServiceEvent[]): Map<string, string> {
  const shown = new Map<string, string>();
  for (const e of events) {
    if (e.target !== 'console:all' || e.messageId === undefined) continue;
    if (e.event === 'delete') shown.delete(e.messageId);
    else shown.set(e.messageId, e.text ?? '');
  }
  return shown;
}

/** What breaks the invariant after a step, or undefined. */
function broken(shown: Map<string, string>, states: Map<number, NoteState>): string | undefined {
  for (const [n, s] of states) {
    const holding = [...shown.values()].filter((t) => t.includes(`Q${n}Q`));
    const want = s.draft ? 0 : 1;
    if (holding.length !== want) return `note ${n} (${JSON.stringify(s)}) is in ${holding.length} messages, wanted ${want}: ${JSON.stringify([...shown.values()])}`;
    const line = holding[0];
    if (line && !(line.includes(titleOf(n, s)) && line.includes(`/${fileOf(n, s).replace(/\.md$/, '.html')}`))) return `note ${n} is shown stale: ${line}`;
  }
  return undefined;
}

async function run(steps: readonly Step[]): Promise<string | undefined> {
  const sb = sandbox(config);
  const dir = path.join(sb.notes, 'en');
  mkdirSync(dir, { recursive: true });
  const svc = InProcessCli.start(sb);
  try {
    await svc.ready();
    let from = await svc.settled();
    const states = new Map(NOTES.map((n) => [n, { moved: false, version: 1, draft: false }]));
    for (const [n, s] of states) writeFileSync(path.join(dir, fileOf(n, s)), text(n, s));
    await svc.idle(from, 20_000);
    for (const [i, step] of steps.entries()) {
      const s = states.get(step.n)!;
      const next = { ...s, ...(step.op === 'rename' ? { moved: !s.moved } : step.op === 'retitle' ? { version: s.version + 1 } : { draft: !s.draft }) };
      from = svc.events.length;
      if (step.op === 'rename') renameSync(path.join(dir, fileOf(step.n, s)), path.join(dir, fileOf(step.n, next)));
      else writeFileSync(path.join(dir, fileOf(step.n, s)), text(step.n, next));
      states.set(step.n, next);
      await svc.idle(from, 20_000);
      const why = broken(messages(svc.events), states);
      if (why) return `after step ${i} ${JSON.stringify(step)}: ${why}`;
    }
    return undefined;
  } finally {
    await svc.stop();
    rmSync(sb.notes, { recursive: true, force: true });
  }
}

describe('digest members, in one message each', () => {
  it('over random renames, retitles and drafts after a burst (seeded)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 5 }), async (steps) => {
        expect(await run(steps)).toBeUndefined();
      }),
      { numRuns: 12, seed: 2524, endOnFailure: true },
    );
  }, 240_000);

  it('the tester’s sequence: renamed, another drafted, renamed back (F2)', async () => {
    expect(await run([{ op: 'rename', n: 1 }, { op: 'draft', n: 2 }, { op: 'rename', n: 1 }])).toBeUndefined();
  }, 60_000);
});
