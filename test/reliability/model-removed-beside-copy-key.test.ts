/**
 * rv-34e R2: the model's missed-edit check (route-model.ts missedEdits, separate only) skips every message in a chat
 * whose title is in `World.removedBesideCopy` (s34-m4, BENCH_MODEL_SEED=3304). That set is keyed by `<chat> <title>`,
 * not by the removed note's message, and never forgets an entry. The copy holds exactly the removed original's content,
 * so the same title: once the copy later reaches such a chat (here moved into `a/`) and gets its own message there, a
 * missed edit of THAT message (the copy's, live note) is skipped too. Proved by mutation: the run is clean, then chat
 * `a`'s message is put back to the old title (the fault the check exists for); `violations` says nothing. The same
 * mutation with the set emptied is flagged, so only the new skip hides it.
 */
import { describe, expect, it } from 'vitest';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';
import { World, modelConfig, violations, type Op } from '../helpers/route-model.js';

const parseThreads = fileParseThreads();
const write = (file: string): Op => ({ op: 'write', file, draft: false });

const ops: Op[] = [
  { op: 'restart', offline: [], mode: 'separate' },
  write('intro-ja.md'),
  { op: 'copy', from: 'intro-ja.md', to: 'setup.md' },
  { op: 'remove', file: 'intro-ja.md' },
  { op: 'move', from: 'setup.md', to: 'a/setup.md' },
  write('a/setup.md'),
];

describe('rv-34e R2: removedBesideCopy hides a missed edit of the copy\'s own message', () => {
  it('a stale message of the live copy in a chat it reached later is flagged (onDelete: delete)', { timeout: 120_000 }, async () => {
    const onDelete = 'delete';
    const svc = InProcessService.sandbox(modelConfig(onDelete), { parseThreads }, { emptyStore: true, inMemory: true });
    svc.reconcileMissed = true;
    svc.withFaults();
    const world = new World(svc.notes, onDelete);
    await svc.start();
    try {
      let step = 0;
      for (const o of ops) {
        step++;
        svc.beginStep();
        let changed: string[] = [];
        if (o.op === 'restart') {
          await svc.stop();
          if (o.mode) svc.config.publish.translations.mode = world.mode = o.mode;
          if (o.mode === 'separate') world.everSeparate = true;
          await svc.start();
        } else changed = world.apply(o);
        world.check();
        if (changed.length) await svc.settle([...new Set(changed)]);
        expect(violations(world, svc, onDelete), `after step ${step}`).toEqual([]);
      }
      const inA = svc.live('a');
      expect(inA.map((m) => m.noteId), 'the copy, moved into a/, has its own message in `a`').toEqual(['a/setup']);
      const current = /\bN\d+\b/.exec(inA[0]!.text)![0];
      expect([...world.removedBesideCopy].some((k) => k.startsWith('a ') && k.endsWith(' N1')), 'the skip covers chat `a` and title N1').toBe(true);
      // The fault the check is for: that message missed the copy's last edit (still shows N1, the copy's text before it).
      inA[0]!.text = inA[0]!.text.replace(current, 'N1');
      const control = new Set(world.removedBesideCopy);
      world.removedBesideCopy.clear();
      expect(violations(world, svc, onDelete).join('\n'), 'control: without the skip the stale message is flagged').toMatch(/^a: message .* shows N1, an older version of a\/setup\.md/m);
      for (const k of control) world.removedBesideCopy.add(k);
      expect(violations(world, svc, onDelete).join('\n'), 'with the skip: the same stale message of a live note').toMatch(/^a: message .* shows N1, an older version of a\/setup\.md/m);
    } finally {
      await svc.stop();
    }
  });
});
