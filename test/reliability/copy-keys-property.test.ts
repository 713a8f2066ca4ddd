/**
 * Issue 25, the class of the model's seed 1200 (model-seed1200.test.ts): a keyed note copied byte for byte into another
 * folder or language, perhaps the original or the copy saved again, then the original's key dropped, kept or changed
 * (and its link perhaps with it), with or without a platform outage around that last save, perhaps the copy's key
 * changed too. After each step every chat shows each note once (the route model's checks). `COPY_KEYS_RUNS` (4: each
 * run is a service of its own) and `COPY_KEYS_SEED` run more; each shrunk counterexample is kept below as a test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileParseThreads } from '../helpers/inproc.js';
import { FOLDERS, NAMES, SUFFIXES, runSequence, type Op } from '../helpers/route-model.js';

const RUNS = Number(process.env.COPY_KEYS_RUNS ?? 4);
const SEED = Number(process.env.COPY_KEYS_SEED ?? 1200);
const parseThreads = fileParseThreads();

const pathArb = fc.tuple(fc.constantFrom(...FOLDERS), fc.constantFrom(...NAMES), fc.constantFrom(...SUFFIXES)).map(([d, n, s]) => `${d}${n}${s}.md`);
const keyArb = fc.constantFrom(undefined, 'shared', 'other');

const copyKeysArb: fc.Arbitrary<Op[]> = fc
  .record({
    original: pathArb,
    copy: pathArb,
    between: fc.constantFrom('none', 'originalSaved', 'copySaved', 'controls'),
    key: keyArb,
    newLink: fc.boolean(),
    outage: fc.constantFrom('none', 'down', 'hang'),
    copyKey: fc.option(keyArb, { nil: null }),
  })
  .filter((r) => r.original !== r.copy)
  .map((r) => {
    const first: Op = { op: 'write', file: r.original, draft: false, key: 'shared', generic: true, date: '2025-01-06', permalink: '/notes/one/', long: false };
    const middle: Op[] =
      r.between === 'originalSaved' ? [first] : r.between === 'copySaved' ? [{ op: 'write', file: r.copy, draft: false, key: 'shared', generic: true, long: false }] : r.between === 'controls' ? [{ op: 'controls', file: r.original, silent: true, pin: false }] : [];
    const last: Op[] = [{ op: 'write', file: r.original, draft: false, key: r.key, generic: true, ...(r.newLink ? { permalink: '/weekly/' } : {}), long: false }];
    if (r.copyKey !== null) last.push({ op: 'write', file: r.copy, draft: false, key: r.copyKey, generic: true, long: false });
    return [first, { op: 'copy', from: r.original, to: r.copy }, ...middle, ...(r.outage === 'none' ? last : [{ op: 'outage', kind: r.outage, ops: last } as Op])];
  });

describe('copies of a keyed note, keys dropped, kept or changed, around an outage (the class of seed 1200)', () => {
  it.each(['keep', 'delete'] as const)('every chat shows each note once (onDelete: %s)', { timeout: 600_000 }, async (onDelete) => {
    await fc.assert(
      fc.asyncProperty(copyKeysArb, async (ops) => {
        const r = await runSequence(ops, onDelete, parseThreads);
        expect(r.problems, `after step ${r.steps} of ${JSON.stringify(ops)}`).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

describe('copies of a keyed note: found by the property', () => {
  /**
   * COPY_KEYS_SEED=1200, 25 runs, both modes: `setup.md` keyed `shared`, copied byte for byte to `a/setup.md` (the same
   * language and chats: a copy kept back), then `setup.md` saved with no key. README (a copy and an edit of the original):
   * the original's message now shows the copy, the edit posted as new; the message was edited to show the edit instead.
   */
  const found: Op[] = [
    { op: 'write', file: 'setup.md', draft: false, key: 'shared', generic: true, date: '2025-01-06', permalink: '/notes/one/', long: false },
    { op: 'copy', from: 'setup.md', to: 'a/setup.md' },
    { op: 'write', file: 'setup.md', draft: false, key: undefined, generic: true, long: false },
  ];
  it.each(['keep', 'delete'] as const)('a same-language copy, then the original saved with no key (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    const r = await runSequence(found, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
});

describe('copies of a keyed note: found by the property, into another chat\'s folder', () => {
  /**
   * COPY_KEYS_SEED=1200, 25 runs, both modes, after the fix above: `b/setup.md` keyed `shared` (chat `b` takes `b/`
   * alone), copied to `a/setup.md` (posted in `a`, held in `all` and `en`), then `b/setup.md` saved with no key: `b`'s
   * message c3, posted for the note the copy now is, showed the edit ("another en note"): the copy does not go to `b`,
   * so no copy took it there. The key has no part in it: `variant`, the key kept, failed alike. The lead's rule (review
   * rv32-c): in a chat the copy does not reach, the original keeps its message, edited to its edit, nothing posted anew;
   * the model says so (route-model.ts originalChanged). `b`: one message, posted once, showing the edit (N2).
   */
  const write = (file: string, key: string | undefined, first = false): Op => ({ op: 'write', file, draft: false, key, generic: true, ...(first ? { date: '2025-01-06', permalink: '/notes/one/' } : {}), long: false });
  const open: Op[] = [write('b/setup.md', 'shared', true), { op: 'copy', from: 'b/setup.md', to: 'a/setup.md' }, write('b/setup.md', undefined)];
  it.each(['keep', 'delete'] as const)('a copy into a folder the original\'s chat does not take, then the original saved with no key (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    const r = await runSequence(open, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
    expect([r.shown.b, r.posted.b]).toEqual([['N2'], 1]);
    expect(r.shown.a).toEqual(['N1']);
  });
  const variant: Op[] = [write('b/setup.md', 'shared', true), { op: 'copy', from: 'b/setup.md', to: 'a/setup.md' }, write('b/setup.md', 'shared')];
  it.each(['keep', 'delete'] as const)('variant: the same with the key kept (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    const r = await runSequence(variant, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
    expect([r.shown.b, r.posted.b]).toEqual([['N2'], 1]);
    expect(r.shown.a).toEqual(['N1']);
  });
  /**
   * COPY_KEYS_SEED=1201, 6 runs, both modes (the lead, after the filter above): `setup-ja.md` keyed `shared` (Japanese by
   * its suffix) copied byte for byte to `_posts/ja/setup.md`, then, in a hang outage, both saved with no key: the chats
   * `all` and `ja` showed messages posted for the copy that show the original's edit ("another ja note"). The copy was
   * kept back; both changed in one batch, its claim was due but its content was at no path, so the batch read an edit
   * and a new note. A batch apart (the original first) the messages follow the copy, then show its edit. Fixed
   * (rename-chain.ts `KeptWith`): the kept copy holds, for the chain, the content it was kept back with.
   */
  const both: Op[] = [
    write('setup-ja.md', 'shared', true),
    { op: 'copy', from: 'setup-ja.md', to: '_posts/ja/setup.md' },
    { op: 'outage', kind: 'hang', ops: [write('setup-ja.md', undefined), write('_posts/ja/setup.md', undefined)] },
  ];
  it.each(['keep', 'delete'] as const)('a same-language copy in the language folder, both keys dropped in an outage (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    const r = await runSequence(both, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
  /**
   * The same with a copy posted somewhere (not kept back): `setup.md` copied to `a/setup.md` (posted in `a`, held in
   * `all` and `en`), or `b/setup.md` to `a/setup.md` (chat `b` too), both saved with no key in one outage (hang, down):
   * the held copy edited in the batch was left out of the hand-over (family-outbox.ts followHeldCopies), so the original's
   * messages showed its edit. Fixed: a copy edited in the same batch takes them and shows its edit, as `separate` did.
   */
  const bothHeld: Op[] = [
    write('setup.md', 'shared', true),
    { op: 'copy', from: 'setup.md', to: 'a/setup.md' },
    { op: 'outage', kind: 'hang', ops: [write('setup.md', undefined), write('a/setup.md', undefined)] },
  ];
  const bothOut: Op[] = [
    write('b/setup.md', 'shared', true),
    { op: 'copy', from: 'b/setup.md', to: 'a/setup.md' },
    { op: 'outage', kind: 'down', ops: [write('b/setup.md', undefined), write('a/setup.md', undefined)] },
  ];
  it.each(['keep', 'delete'] as const)('a copy posted in its own folder\'s chat, both keys dropped in a hang (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    const r = await runSequence(bothHeld, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
  it.each(['keep', 'delete'] as const)('a copy into another chat\'s folder, both keys dropped while the platform is down (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    const r = await runSequence(bothOut, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
});

describe('copies of a keyed note: found by the property, the original first by path', () => {
  /**
   * COPY_KEYS_SEED=1201, 25 runs, both modes, after the fixes above (the filter gone): `a/setup-ja.md` keyed `shared`
   * copied to `b/setup-ja.md` (posted in `b`, held in `all`, `ja` and `a`), then both saved with no key in a hang: every
   * chat's message, the copy's own c4 in `b` included, shows the original's edit (N2), the copy's edit posted as new.
   * The mirror of `bothOut` above (`b/` copied to `a/`), which passes: there the copy is first by path and gets the plain
   * family key `setup`, here the original does (the copy `setup#b/setup-ja`). Diagnosis so far: followRenamedFamilies runs
   * before followHeldCopies (publisher.ts commitFamilies), and handOverToHeldCopies hands the original's messages to the
   * copy's family as stored (`shared#b/setup-ja`), a family no note has once the batch is written; they then end in the
   * original's new family. Fixed (s33-ck): handed to the copy's family as the batch decides it (family-copies.ts
   * handOverToHeldCopies `decided`), the original's edit posted anew there in its own decided family (family-outbox.ts).
   */
  const write = (file: string, key: string | undefined, first = false): Op => ({ op: 'write', file, draft: false, key, generic: true, ...(first ? { date: '2025-01-06', permalink: '/notes/one/' } : {}), long: false });
  const firstByPath: Op[] = [
    write('a/setup-ja.md', 'shared', true),
    { op: 'copy', from: 'a/setup-ja.md', to: 'b/setup-ja.md' },
    { op: 'outage', kind: 'hang', ops: [write('a/setup-ja.md', undefined), write('b/setup-ja.md', undefined)] },
  ];
  /**
   * COPY_KEYS_SEED=1205, 25 runs: `setup-ja.md` keyed `shared` copied to `b/setup-ja.md` (posted in `b` alone), the copy
   * saved (a note of its own, key kept), then the original saved with no key: `b`'s message c3, posted for the copy,
   * showed the original's edit. Not on main: the first fix above (followedOutOfReach) took the original, holding the
   * edited copy's old text, for its copy; only a copy that took a message where it was held is one now. A guard (passes on main).
   */
  const copyThenOriginal: Op[] = [write('setup-ja.md', 'shared', true), { op: 'copy', from: 'setup-ja.md', to: 'b/setup-ja.md' }, write('b/setup-ja.md', 'shared'), write('setup-ja.md', undefined)];
  it.each(['keep', 'delete'] as const)('the copy saved first, then the original saved with no key (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    const r = await runSequence(copyThenOriginal, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
  /**
   * COPY_KEYS_SEED=1200 (the default), 4 runs, both modes (issue 25, CI red on main ee29585b): `_posts/ja/setup.md` keyed
   * `shared` copied to `a/setup-ja.md`, then both saved with no key while the platform is down: the messages posted for
   * the copy in `all` and `ja` show the original's edit (3 problems). The class of `firstByPath` below (`_posts/` <
   * `a/`: the original is first by path, so it keeps the plain family key and the copy gets `setup#a/setup-ja`); the
   * mirror with the copy first by path passes (`bothOut`). Diagnosis (s32-ckx): family-outbox.ts followHeldCopies hands
   * the original's messages to the copy's family as stored (handOverToHeldCopies, `scheme.messageOf(copy)`), a family no
   * note has once the batch is written; they end in the original's new family. Fixed (s33-ck): handed to the copy's
   * family as decided, always; the original's edit is then new in the chats the copy took (its decided family's
   * `wantedBefore` leaves them out: no longer found held by `heldIn`, which reads the copy's stored family). The
   * property draws the class again.
   */
  const firstByPathDown: Op[] = [
    write('_posts/ja/setup.md', 'shared', true),
    { op: 'copy', from: '_posts/ja/setup.md', to: 'a/setup-ja.md' },
    { op: 'outage', kind: 'down', ops: [write('_posts/ja/setup.md', undefined), write('a/setup-ja.md', undefined)] },
  ];
  it.each(['keep', 'delete'] as const)('seed 1200: the original first by path, both keys dropped while the platform is down (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    const r = await runSequence(firstByPathDown, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
  /**
   * The same class with the original's key kept (the copy's dropped): fails on main alike. Handed to the copy's family
   * as decided (`setup`), the original's edit (`shared`) was not posted in `all` and `ja` (taken as wanted there before).
   */
  const firstByPathKeyKept: Op[] = [
    write('_posts/ja/setup.md', 'shared', true),
    { op: 'copy', from: '_posts/ja/setup.md', to: 'a/setup-ja.md' },
    { op: 'outage', kind: 'down', ops: [write('_posts/ja/setup.md', 'shared'), write('a/setup-ja.md', undefined)] },
  ];
  it.each(['keep', 'delete'] as const)('the original first by path, its key kept, the copy\'s dropped, while the platform is down (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    const r = await runSequence(firstByPathKeyKept, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
  it.each(['keep', 'delete'] as const)('the original first by path, both keys dropped in a hang (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    const r = await runSequence(firstByPath, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
  /**
   * COPY_KEYS_SEED=1201, 30 runs, both modes, once the class above was fixed and drawn again: `a/setup-ja.md` keyed
   * `shared` copied to `b/setup-ja.md`, then in a hang the original saved with no key, the copy with its key kept (its
   * family `shared#b/setup-ja` as stored and as decided): the copy took the messages in `all` and `ja`, then its own edit,
   * handled next in the batch, handed them back to the original, whose stored record held the copy's old text. Fixed:
   * a message a copy took in the batch is not handed over again (family-copies.ts `handed`).
   */
  const copyKeyKept: Op[] = [
    write('a/setup-ja.md', 'shared', true),
    { op: 'copy', from: 'a/setup-ja.md', to: 'b/setup-ja.md' },
    { op: 'outage', kind: 'hang', ops: [write('a/setup-ja.md', undefined), write('b/setup-ja.md', 'shared')] },
  ];
  it.each(['keep', 'delete'] as const)('the original first by path, its key dropped, the copy\'s kept, in a hang (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    const r = await runSequence(copyKeyKept, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
  /**
   * A guard (passes on main): the copy first by path, the original's key kept, the copy's dropped, while down. Last
   * session (s32-ckx) found a hand-over to the copy's family as decided, in every case, broke this case (not rechecked:
   * its patch had no `wantedBefore` change); the hand-over here keeps it right.
   */
  const copyFirstKeyKept: Op[] = [
    write('setup-ja.md', 'shared', true),
    { op: 'copy', from: 'setup-ja.md', to: 'a/setup-ja.md' },
    { op: 'outage', kind: 'down', ops: [write('setup-ja.md', 'shared'), write('a/setup-ja.md', undefined)] },
  ];
  it.each(['keep', 'delete'] as const)('the copy first by path, the original\'s key kept, the copy\'s dropped, while the platform is down (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    const r = await runSequence(copyFirstKeyKept, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
});
