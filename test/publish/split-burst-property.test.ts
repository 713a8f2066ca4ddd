/**
 * Issue 25: whatever the split, a burst ends as it does in one batch. Generated bursts of moves, rotations (through a
 * temporary path, as `mv a t; mv b a; mv t b`) and writes (edits, new notes) over a few paths of the model's world, each
 * handed over in batches cut at random points of a random order (test/helpers/split-model.ts), the deliveries sent
 * between the batches or only after the last, in both `onDelete` modes and both translation modes. After each step the
 * model's rules hold (route-model.ts `violations`): each note posted once per chat, each message showing the note it
 * was posted for, nothing deleted but what `onDelete` says. With the deliveries sent between the batches, a message may
 * show for that while what the first batch could only take for an edit: it must show its own note again at the end.
 * Seeded (SPLIT_SEED, SPLIT_RUNS); each shrunk counterexample is kept below as a plain test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileParseThreads } from '../helpers/inproc.js';
import type { Op } from '../helpers/route-model.js';
import { applyOps, handOver, problemsOf, startSplitRun } from '../helpers/split-model.js';

const parseThreads = fileParseThreads();
const RUNS = Number(process.env.SPLIT_RUNS ?? 12);
const SEED = Number(process.env.SPLIT_SEED ?? 2512);

const PATHS = ['setup.md', 'intro.md', 'a/setup.md', 'setup-ja.md', '_posts/ja/intro.md'] as const;
const TEMP = 'b/swap.md';

const pathArb = fc.constantFrom(...PATHS);
/**
 * One change of a burst, as the moves and writes it is made of. A write is a rewrite (a new title and text: the
 * model keeps it the note the path held, which nothing the service reads can tell from a new note); an edit keeps
 * the title and the text, a line added (moveEdit there and back), which the service must recognise: without it
 * the property could not tell a recognisable edit from a new note (issue 25, tester round 13, finding 1).
 */
const editArbs: fc.Arbitrary<Op[]>[] = [
  pathArb.map((file): Op[] => [{ op: 'moveEdit', from: file, to: TEMP }, { op: 'move', from: TEMP, to: file }]),
  fc.tuple(pathArb, pathArb).map(([from, to]): Op[] => [{ op: 'moveEdit', from, to }]),
];
// SPLIT_EDITS=1 adds the edits. Not by default yet: at seed 2512 they found the "seed 2512 with edits" case below (fixed
// since: rename-match.ts besideOriginal); the property with them has not been run at other seeds since.
const EDITS = process.env.SPLIT_EDITS === '1';
const changeArb: fc.Arbitrary<Op[]> = fc.oneof(
  pathArb.map((file): Op[] => [{ op: 'write', file, draft: false }]),
  ...(EDITS ? editArbs : []),
  fc.tuple(pathArb, pathArb).map(([from, to]): Op[] => [{ op: 'move', from, to }]),
  fc.uniqueArray(pathArb, { minLength: 2, maxLength: 3 }).map((ps): Op[] => [
    { op: 'move', from: ps[0]!, to: TEMP },
    ...ps.slice(1).map((p, i): Op => ({ op: 'move', from: p, to: ps[i]! })),
    { op: 'move', from: TEMP, to: ps.at(-1)! },
  ]),
);

interface Burst {
  ops: Op[];
  /** Sort keys for the burst's paths (the order they are handed over in) and where the batches are cut. */
  order: number[];
  cuts: number[];
  deliverBetween: boolean;
}

const burstArb: fc.Arbitrary<Burst> = fc.record({
  ops: fc.array(changeArb, { minLength: 1, maxLength: 3 }).map((cs) => cs.flat()),
  order: fc.array(fc.nat(99), { minLength: 8, maxLength: 8 }),
  cuts: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 2 }),
  deliverBetween: fc.boolean(),
});

interface Case {
  onDelete: 'keep' | 'delete';
  mode: 'group' | 'separate';
  initial: string[];
  bursts: Burst[];
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  onDelete: fc.constantFrom('keep' as const, 'delete' as const),
  mode: fc.constantFrom('group' as const, 'separate' as const),
  initial: fc.uniqueArray(pathArb, { minLength: 2, maxLength: 4 }),
  bursts: fc.array(burstArb, { minLength: 1, maxLength: 2 }),
});

/** A burst's paths in the order `order` gives, cut where `cuts` says (cuts past the end are dropped). */
function batchesOf(paths: string[], b: Pick<Burst, 'order' | 'cuts'>): string[][] {
  const sorted = paths.map((p, i) => ({ p, k: b.order[i % b.order.length]! * 8 + i })).sort((x, y) => x.k - y.k).map((x) => x.p);
  const cuts = [0, ...[...b.cuts].sort((x, y) => x - y).filter((c) => c < sorted.length), sorted.length];
  return cuts.slice(1).map((c, i) => sorted.slice(cuts[i], c)).filter((batch) => batch.length);
}

/** Runs one case; returns the first step's problems (empty: every rule held). */
async function splitCase(c: Case): Promise<string[]> {
  const run = await startSplitRun(c.onDelete, c.mode, parseThreads);
  try {
    const paths = applyOps(run.world, c.initial.map((file): Op => ({ op: 'write', file, draft: false })));
    await handOver(run, [paths], false);
    const first = problemsOf(run);
    if (first.length) return [`initial: ${first.join('; ')}`];
    for (const [i, b] of c.bursts.entries()) {
      const changed = applyOps(run.world, b.ops);
      if (!changed.length) continue;
      await handOver(run, batchesOf(changed, b), b.deliverBetween);
      const problems = problemsOf(run);
      // SPLIT_DEBUG=1: a failing case prints what every chat was sent, to read it by.
      if (problems.length && process.env.SPLIT_DEBUG) console.log(run.svc.events.map((e) => `${e.event} ${e.target} ${e.messageId} ${e.family ?? e.noteId} ${e.text.split('\n')[0]}`).join('\n'));
      if (problems.length) return [`burst ${i} handed over as ${JSON.stringify(batchesOf(changed, b))}: ${problems.join('; ')}`];
    }
    return [];
  } finally {
    await run.svc.stop();
  }
}

describe('a burst split over batches at random ends as the invariant says (issue 25)', () => {
  it('generated moves, rotations and writes, cut at random batch boundaries', { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        expect(await splitCase(c)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: 200_000 },
    );
  });
});

/** A case in the three other modes (`onDelete`, translations), named after the first part of its name. */
function inOtherModes([name, c]: [string, Case]): [string, Case][] {
  const short = name.split(' (')[0]!;
  const onDelete = c.onDelete === 'keep' ? 'delete' : 'keep';
  const mode = c.mode === 'group' ? 'separate' : 'group';
  return [[name, c], [`${short}, under onDelete: ${onDelete}`, { ...c, onDelete }], [`${short}, translations ${mode}`, { ...c, mode }], [`${short}, under onDelete: ${onDelete}, translations ${mode}`, { ...c, onDelete, mode }]];
}

/** Shrunk counterexamples of the property, fixed since (each failed before its fix), with the seed each was found by. */
const FIXED: [string, Case][] = [
  [
    'seed 2512 (150 runs): two rotations, each in one batch, one move of each broken (its source missing): intro.md → setup.md, then setup.md → _posts/ja/intro.md',
    {"onDelete":"keep","mode":"group","initial":["intro.md","setup.md"],"bursts":[{"ops":[{"op":"move","from":"intro.md","to":"b/swap.md"},{"op":"move","from":"setup-ja.md","to":"intro.md"},{"op":"move","from":"setup.md","to":"setup-ja.md"},{"op":"move","from":"b/swap.md","to":"setup.md"}],"order":[0,0,0,0,0,0,0,0],"cuts":[],"deliverBetween":false},{"ops":[{"op":"move","from":"setup.md","to":"b/swap.md"},{"op":"move","from":"_posts/ja/intro.md","to":"setup.md"},{"op":"move","from":"b/swap.md","to":"_posts/ja/intro.md"}],"order":[0,0,0,0,0,0,0,0],"cuts":[],"deliverBetween":false}]},
  ],
  [
    'seed 7 (60 runs, on main): setup.md moved to _posts/ja/intro.md; then moved on to a/setup.md and a new setup.md written, one batch each: a note that joined another family\'s message and left it keeps its own message where the chat showed it as its own (family-follow.ts)',
    {"onDelete":"keep","mode":"group","initial":["setup.md","intro.md"],"bursts":[{"ops":[{"op":"move","from":"_posts/ja/intro.md","to":"b/swap.md"},{"op":"move","from":"setup.md","to":"_posts/ja/intro.md"},{"op":"move","from":"b/swap.md","to":"setup.md"},{"op":"move","from":"setup.md","to":"setup.md"}],"order":[0,0,0,0,0,0,0,0],"cuts":[],"deliverBetween":false},{"ops":[{"op":"move","from":"_posts/ja/intro.md","to":"b/swap.md"},{"op":"move","from":"setup.md","to":"_posts/ja/intro.md"},{"op":"move","from":"a/setup.md","to":"setup.md"},{"op":"move","from":"b/swap.md","to":"a/setup.md"},{"op":"write","file":"setup.md","draft":false}],"order":[0,0,0,0,0,0,0,0],"cuts":[],"deliverBetween":false}]},
  ],
  [
    'seed 2026 (60 runs): setup.md moved to setup-ja.md and _posts/ja/intro.md to setup.md; then setup.md moved back to _posts/ja/intro.md, one batch each: a note that joined another family\'s message and left it keeps its own message where the chat showed it as its own (family-follow.ts)',
    {"onDelete":"keep","mode":"group","initial":["_posts/ja/intro.md","setup.md"],"bursts":[{"ops":[{"op":"move","from":"setup-ja.md","to":"b/swap.md"},{"op":"move","from":"setup.md","to":"setup-ja.md"},{"op":"move","from":"b/swap.md","to":"setup.md"},{"op":"move","from":"_posts/ja/intro.md","to":"setup.md"}],"order":[0,0,0,0,0,0,0,0],"cuts":[],"deliverBetween":false},{"ops":[{"op":"move","from":"setup.md","to":"_posts/ja/intro.md"}],"order":[0,0,0,0,0,0,0,0],"cuts":[],"deliverBetween":false}]},
  ],
  [
    'seed 4242 (60 runs): setup.md, setup-ja.md and _posts/ja/intro.md rotated, one batch: the note moved into setup\'s family takes the language the one moved out left, read as it is now, not as the store had it (family-key.ts)',
    {"onDelete":"keep","mode":"group","initial":["setup.md","setup-ja.md","_posts/ja/intro.md"],"bursts":[{"ops":[{"op":"move","from":"setup.md","to":"b/swap.md"},{"op":"move","from":"setup-ja.md","to":"setup.md"},{"op":"move","from":"_posts/ja/intro.md","to":"setup-ja.md"},{"op":"move","from":"b/swap.md","to":"_posts/ja/intro.md"}],"order":[4,0,0,0,0,0,0,0],"cuts":[],"deliverBetween":false}]},
  ],
  [
    'seed 1212 (60 runs): intro.md, _posts/ja/intro.md and setup.md rotated, one batch: the same class as seed 4242 (found on the code before its fix)',
    {"onDelete":"keep","mode":"group","initial":["intro.md","setup.md","_posts/ja/intro.md"],"bursts":[{"ops":[{"op":"move","from":"intro.md","to":"b/swap.md"},{"op":"move","from":"_posts/ja/intro.md","to":"intro.md"},{"op":"move","from":"setup.md","to":"_posts/ja/intro.md"},{"op":"move","from":"b/swap.md","to":"setup.md"}],"order":[17,0,0,0,0,0,0,0],"cuts":[],"deliverBetween":false}]},
  ],
  [
    'seed 90210 (60 runs): a/setup.md moved to intro.md; then setup.md and intro.md swapped, one batch each: N2\'s own message, kept in all when it joined intro\'s, is its family\'s again when it leaves for setup, not posted anew (family-adopt.ts adoptKeptMessages)',
    {"onDelete":"keep","mode":"group","initial":["setup.md","a/setup.md","_posts/ja/intro.md"],"bursts":[{"ops":[{"op":"move","from":"a/setup.md","to":"intro.md"}],"order":[0,0,0,0,0,0,0,0],"cuts":[],"deliverBetween":false},{"ops":[{"op":"move","from":"setup.md","to":"b/swap.md"},{"op":"move","from":"intro.md","to":"setup.md"},{"op":"move","from":"b/swap.md","to":"intro.md"},{"op":"move","from":"setup.md","to":"setup.md"}],"order":[0,0,0,0,0,0,0,0],"cuts":[],"deliverBetween":false}]},
  ],
  [
    'seed 2512 with edits (12 runs, SPLIT_EDITS=1): setup.md moved to _posts/ja/intro.md and edited (title kept), setup-ja.md moved to setup.md, one batch: N2 was posted twice; now _posts/ja/intro.md shares setup.md\'s title and most of its body while setup.md holds another note, so it waits the removal window and is setup\'s note moved (rename-match.ts besideOriginal)',
    {"onDelete":"keep","mode":"group","initial":["setup-ja.md","setup.md"],"bursts":[{"ops":[{"op":"move","from":"intro.md","to":"b/swap.md"},{"op":"move","from":"setup.md","to":"intro.md"},{"op":"move","from":"setup-ja.md","to":"setup.md"},{"op":"move","from":"b/swap.md","to":"setup-ja.md"},{"op":"moveEdit","from":"intro.md","to":"_posts/ja/intro.md"}],"order":[0,0,0,0,0,0,0,0],"cuts":[],"deliverBetween":false}]},
  ],
];

// Grouped, under either `onDelete` (issue 25, tester 14-1: the message kept under `keep` showed the note beside the
// new family's and no edit reached it), the seeds 2512, 7, 2026 and 90210 cases leave a family whose message was deleted
// while the note was in another family's: posted anew, as the model allows (double-posts.ts, a note that moved home).
// The names of seeds 7, 2026 and 90210 say how they were first fixed (the message kept under `keep`), since replaced.
describe('the property\'s counterexamples, fixed', () => {
  it.each(FIXED.flatMap(inOtherModes))('%s', async (_, c) => {
    expect(await splitCase(c)).toEqual([]);
  });
});

/** Found at new seeds after the fixes above (60 runs each), open. */
const KEPT: [string, Case][] = [
  [
    'seed 31415 (60 runs, separate): setup.md rewritten and moved to a/setup.md, one batch',
    {"onDelete":"keep","mode":"separate","initial":["setup.md","intro.md"],"bursts":[{"ops":[{"op":"write","file":"setup.md","draft":false},{"op":"move","from":"a/setup.md","to":"b/swap.md"},{"op":"move","from":"setup.md","to":"a/setup.md"},{"op":"move","from":"b/swap.md","to":"setup.md"}],"order":[0,0,0,0,0,0,0,0],"cuts":[],"deliverBetween":false}]},
  ],
  [
    'seed 4711 (60 runs, after the fixes of p25b; separate): intro.md rewritten and moved to _posts/ja/intro.md, one batch (seed 31415\'s class)',
    {"onDelete":"keep","mode":"separate","initial":["intro.md","setup.md"],"bursts":[{"ops":[{"op":"write","file":"intro.md","draft":false},{"op":"move","from":"intro.md","to":"b/swap.md"},{"op":"move","from":"_posts/ja/intro.md","to":"intro.md"},{"op":"move","from":"b/swap.md","to":"_posts/ja/intro.md"}],"order":[0,0,0,0,0,0,0,0],"cuts":[],"deliverBetween":false},{"ops":[{"op":"write","file":"setup.md","draft":false}],"order":[0,0,0,0,0,0,0,0],"cuts":[],"deliverBetween":false}]},
  ],
];

describe('the property\'s counterexamples, kept', () => {
  // seeds 31415 and 4711 (separate): a note rewritten and moved, its file name kept, in one batch, taken for a removal (its messages
  // kept, showing N1) and a new note (N3 posted): the UNDECIDABLE class below, but the file name is kept:
  // whether that is evidence enough for a move is not decided here.
  it.fails.each(KEPT)('%s', async (_, c) => {
    expect(await splitCase(c)).toEqual([]);
  });
});

/**
 * A note moved to a new path and rewritten beyond recognition in one burst: no name, title, URL or body is left in
 * common, so nothing the service reads tells it from a note removed and a new note written. That is what it does
 * (the removed note's messages kept or deleted as `onDelete` says, the new one announced), and the only rule it
 * breaks is the model's, which follows the file through the move: while `separate`, the old note's message shows
 * "an older version" of the new one (route-model.ts missedEdits). Stated here, not kept as a failure.
 */
const UNDECIDABLE: [string, Case][] = [
  [
    'seed 1 (60 runs): setup.md and intro.md swapped through a temporary path, and setup.md rewritten, one batch: the same disk as the tester\'s `mv setup.md intro.md` over intro and a new setup.md (issue 25, round 13): intro\'s note overwritten (removed), setup.md a new note',
    {"onDelete":"keep","mode":"group","initial":["setup.md","intro.md"],"bursts":[{"ops":[{"op":"move","from":"setup.md","to":"b/swap.md"},{"op":"move","from":"intro.md","to":"setup.md"},{"op":"move","from":"b/swap.md","to":"intro.md"},{"op":"write","file":"setup.md","draft":false}],"order":[0,0,0,0,0,0,0,0],"cuts":[],"deliverBetween":false}]},
  ],
  [
    'seed 42 (60 runs): setup.md and a/setup.md swapped, and setup.md moved on to setup-ja.md and rewritten there, one batch: setup.md moved over a/setup.md, whose note was overwritten (removed), setup-ja.md a new note',
    {"onDelete":"keep","mode":"group","initial":["setup.md","a/setup.md"],"bursts":[{"ops":[{"op":"move","from":"a/setup.md","to":"b/swap.md"},{"op":"move","from":"setup.md","to":"a/setup.md"},{"op":"move","from":"b/swap.md","to":"setup.md"},{"op":"move","from":"setup.md","to":"b/swap.md"},{"op":"move","from":"setup-ja.md","to":"setup.md"},{"op":"move","from":"b/swap.md","to":"setup-ja.md"},{"op":"write","file":"setup-ja.md","draft":false}],"order":[0,0,0,0,0,0,0,0],"cuts":[],"deliverBetween":false}]},
  ],
  [
    'seed 31337 (60 runs, separate): setup.md moved to intro.md and rewritten there, one batch: a note removed and a new note announced',
    {"onDelete":"keep","mode":"separate","initial":["setup.md","setup-ja.md"],"bursts":[{"ops":[{"op":"move","from":"intro.md","to":"b/swap.md"},{"op":"move","from":"setup.md","to":"intro.md"},{"op":"move","from":"b/swap.md","to":"setup.md"},{"op":"write","file":"intro.md","draft":false}],"order":[0,0,0,0,0,0,0,0],"cuts":[],"deliverBetween":false}]},
  ],
  [
    'seed 99 (60 runs): setup.md edited and moved to intro.md, _posts/ja/intro.md moved to setup.md, one batch: _posts/ja/intro.md moved over setup.md, whose note was overwritten (removed), intro.md a new note',
    {"onDelete":"keep","mode":"group","initial":["_posts/ja/intro.md","setup.md"],"bursts":[{"ops":[{"op":"write","file":"setup.md","draft":false},{"op":"move","from":"setup.md","to":"b/swap.md"},{"op":"move","from":"_posts/ja/intro.md","to":"setup.md"},{"op":"move","from":"intro.md","to":"_posts/ja/intro.md"},{"op":"move","from":"b/swap.md","to":"intro.md"}],"order":[0,0,0,0,0,0,0,0],"cuts":[],"deliverBetween":false}]},
  ],
  [
    'seed 777 (60 runs, after the fixes; separate): setup.md moved to _posts/ja/intro.md and rewritten there, one batch: a note removed and a new note announced',
    {"onDelete":"keep","mode":"separate","initial":["a/setup.md","setup.md"],"bursts":[{"ops":[{"op":"move","from":"setup.md","to":"b/swap.md"},{"op":"move","from":"_posts/ja/intro.md","to":"setup.md"},{"op":"move","from":"b/swap.md","to":"_posts/ja/intro.md"},{"op":"write","file":"_posts/ja/intro.md","draft":false}],"order":[0,0,0,0,0,0,0,0],"cuts":[],"deliverBetween":false}]},
  ],
  [
    'seed 8086 (60 runs, after the fixes of p25b; separate): setup.md moved to intro.md and rewritten there, one batch: a note removed and a new note announced (seed 31337\'s class)',
    {"onDelete":"keep","mode":"separate","initial":["setup.md","_posts/ja/intro.md"],"bursts":[{"ops":[{"op":"move","from":"setup.md","to":"intro.md"},{"op":"write","file":"intro.md","draft":false},{"op":"move","from":"setup.md","to":"setup.md"}],"order":[0,0,0,0,0,0,0,0],"cuts":[],"deliverBetween":false}]},
  ],
  [
    'seed 5150 (60 runs): _posts/ja/intro.md written; then it and setup-ja.md swapped and _posts/ja/intro.md rewritten, handed over in two batches (the rewrite first): N2 rewritten beyond recognition at its new path: the second batch decides the first\'s edit again with it, known paths too (held-rewrites.ts withEdited), so each message shows its note, or (separate) an older version of N2 (each message ended on the other note before)',
    {"onDelete":"keep","mode":"group","initial":["setup.md","setup-ja.md"],"bursts":[{"ops":[{"op":"write","file":"_posts/ja/intro.md","draft":false}],"order":[0,0,0,0,0,0,0,0],"cuts":[],"deliverBetween":false},{"ops":[{"op":"move","from":"_posts/ja/intro.md","to":"b/swap.md"},{"op":"move","from":"setup-ja.md","to":"_posts/ja/intro.md"},{"op":"move","from":"b/swap.md","to":"setup-ja.md"},{"op":"write","file":"_posts/ja/intro.md","draft":false}],"order":[0,0,0,0,0,0,0,0],"cuts":[1],"deliverBetween":false}]},
  ],
];
const OLDER_VERSION = /^(all|ja|en|a|b): message c\d+ shows N\d+, an older version of /;

describe('the property\'s counterexamples with no evidence to go by: a removal and a new note', () => {
  it.each(UNDECIDABLE.flatMap(inOtherModes))('%s', async (_, c) => {
    const problems = (await splitCase(c)).flatMap((p) => p.replace(/^burst \d+ handed over as [^:]*: /, '').split('; '));
    expect(problems.filter((p) => !OLDER_VERSION.test(p))).toEqual([]);
    if (c.mode === 'separate' && c.onDelete === 'keep') expect(problems.length).toBeGreaterThan(0);
  });
});
