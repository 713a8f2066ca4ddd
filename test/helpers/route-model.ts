/**
 * A model of what every chat should show, and random sequences of what people do to a notes folder,
 * run against the whole service in this process (InProcessService). Used by
 * test/reliability/model.test.ts (a fixed number of seeded runs) and `npm run bench -- model` (many).
 *
 * The world: note files under a few folders (two plain ones, two language folders), two names,
 * with or without a `-ja` suffix, so the same file name turns up in several folders and families
 * form from names and from a shared `translationKey`. Five chats: every note, `lang: [ja]`,
 * `lang: [en]`, and one per plain folder by path (`a/**`, `b/**`: the tester's `python/**` and
 * `rust/**` chats of issue 25 item 1, where two notes of one name and language go apart). Each write gives the note a new tag (`N<seq>`), its title and the first of its body,
 * so a message says which note and which version of it the chat sees. Some writes title the note
 * "Introduction", as unrelated notes in other folders and languages are (issue 25, round 4, finding
 * 3); their tag is then read from the body.
 */
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { InProcessService, type ChatMessage } from './inproc.js';
import type { ParseThreads } from '../../src/publish/parse-pool.js';
import { movedHomeWithdrawals, postedTwice, tagOf } from './double-posts.js';
import { movedFileCameLate, queuedBeforeLastBatch, transientsAtRest, type TransientSwitch } from './split-transients.js';
import { removalWindowMs } from '../../src/publish/recent-edits.js';
import { bodyOverlap, bodySketch } from '../../src/notes/body-sketch.js';
import { BODY_ALIKE } from '../../src/publish/rename-match.js';
import type { BodySketch } from '../../src/store/types.js';
import { fixedProblems, slowHalf, SLOW_BUDGET_MS } from './route-slow.js';
import { digestViolations, type DigestChat } from './route-digest.js';

export const FOLDERS = ['', 'a/', 'b/', '_posts/en/', '_posts/ja/'] as const;
export const NAMES = ['setup', 'intro'] as const;
export const SUFFIXES = ['', '-ja'] as const;
export const KEYS = [undefined, 'shared'] as const;

export type Op =
  /**
   * `date`, `permalink`: identity evidence (README, Deletes: a re-created path is another note by what the note says of
   * itself), set to this value; absent, kept as the file had them (an edit keeps the front matter it does not touch).
   * `long`: a body of about fifty words of its own, long enough to judge with no identity written (another-note.ts).
   */
  | { op: 'write'; file: string; draft: boolean; key?: string | undefined; generic?: boolean | undefined; date?: string | undefined; permalink?: string | undefined; long?: boolean | undefined }
  | { op: 'remove'; file: string }
  /**
   * `over`: onto an existing file too (`mv a/setup.md b/setup.md` over an announced b/setup: b's note is removed, as
   * README's overwrite and `onDelete` say); the random sequences set it at a modest rate (`overOp`).
   */
  | { op: 'move'; from: string; to: string; over?: boolean }
  /** Moved and its text edited at once, its title kept (finding N13): a rename its digest does not give away; `over` as for `move`. */
  | { op: 'moveEdit'; from: string; to: string; over?: boolean; draft?: boolean | undefined }
  /** The last removed file comes back as it was. */
  | { op: 'restore' }
  | { op: 'burst'; ops: Op[] }
  /**
   * Stop, apply `offline` while stopped, start again on the same database; with `mode`, under that
   * `publish.translations.mode` from then on (issue 25, F1: a switch never announces a note twice).
   */
  | { op: 'restart'; offline: Op[]; mode?: 'group' | 'separate' | undefined }
  /**
   * Apply `ops`, then kill the service as kill -9 would (InProcessService.kill): at once
   * (`written`: the watcher may not have seen them) or once their batch was applied (`batched`:
   * deliveries queued or in flight), or once a post of it was carried out by the platform and its answer not yet back
   * (`sending`: the chat shows a message the killed service never recorded; README, "Exactly once": the post is sent
   * again with its nonce, which the console's message id, made of the delivery, stands for), then start again on the
   * same database.
   */
  | { op: 'kill'; at: 'written' | 'batched' | 'sending'; ops: Op[] }
  /**
   * The platform fails (`down`: every send refused as a 5xx; `hang`: every send unanswered past
   * `delivery.callTimeoutMs`) while `ops` are applied and their batch handled, until a send met
   * the failure; then it recovers and the retries go out. `apart`: each op applied only once the batch with the one before
   * was (two batches for sure, as a loaded machine may split them; review rv33-b R2 under `delete`).
   */
  | { op: 'outage'; kind: 'down' | 'hang'; ops: Op[]; apart?: boolean }
  /**
   * Stopped with posts queued (issue 25, the tester's "deleted while its post waited"): the platform
   * goes down, `ops` are applied and their batch handled until a send met the outage; stop with the
   * deliveries still queued; `offline` applied while stopped (deletes and edits of those notes);
   * start, the platform back at the start (`atStart`) or once the start-up scan is recorded and
   * the retries began (`afterStart`), or once the removals that scan found were judged (`afterRemovals`: the order a
   * loaded machine gave CI, the queued sends' retries coming after the removal window; kept cases only, the random
   * sequences draw the first two).
   */
  | { op: 'stopQueued'; ops: Op[]; offline: Op[]; back: 'atStart' | 'afterStart' | 'afterRemovals' }
  /** Stop, copy the whole state folder (database, `-wal`, mark) aside, start again (README: a backup of a stopped service). */
  | { op: 'backup' }
  /**
   * Stop, put the last backup's folder in place of the state folder (deleting the current files),
   * start once with `--after-restore`: docs/operations.md, "A restored backup".
   */
  | { op: 'restoreBackup' }
  /**
   * A note past the parse budget (issue 25, item 5; route-slow.ts): `file` saved with a body that parses far longer than
   * `notes.parseTimeoutMs` (`kind`: a run of `*a`, or of `[a](`), with `ops` (one batch; while stopped, the start-up
   * scan's, when `offline`); `after` saved once that batch was handed over, the slow note perhaps still parsing; then
   * `fix`, a write of `file`. At most one a sequence: each costs a parse budget.
   */
  | { op: 'slow'; file: string; kind: 'stars' | 'links'; ops: Op[]; offline: boolean; after: Op[]; fix: Op }
  /**
   * `cp from to` (issue 25, the outside tester's IDE move): `to`, a path that never held a note, written with exactly
   * `from`'s content. README (Moves, a copy and a delete): kept back where the original is shown, posted where only the
   * copy goes (another language, a folder a path filter picks); the original's removal applied while the copy still
   * holds its content, or the original changed, the original's messages follow the copy (copies.ts of this folder).
   */
  | { op: 'copy'; from: string; to: string }
  /**
   * A change of the `notecast:` controls alone (README, the front-matter table): `silent` and `pin` written, the title
   * and body as they were. README: controls never edit a message for a change of controls alone.
   */
  | { op: 'controls'; file: string; silent: boolean; pin: boolean }
  /**
   * The notes folder itself (`folder: ''`) or a folder in it moved out of the notes folder and back (`mv notes x && mv x
   * notes`), `ops` done inside it while away (saves, renames, removals, drafts), back at once or once the service saw it
   * go (`seen`: the log's "the notes folder is gone", a folder in it once the watcher reported it). README (the notes
   * folder may be a symlink …): "The same holds whatever happens to the folder itself and however fast: moved away and
   * back"; (Deletes) "The notes folder itself gone … removes no note, whatever their number … once it is back, the notes
   * that came back with it are no removals": so every change made while away is what the same change in place is (a
   * rename keeps its message). A folder in it is a burst of removals ("a single deletion is acted on a window after it",
   * "the note put back is posted on its own"): back within the removal window, the same; later, its notes may be posted
   * again. After either, the folder's later changes are reported by the watcher as ever (a watch that died with the
   * folder is a problem, not a reconcile pass's work: `watcherMisses` under it fail the step).
   */
  | { op: 'away'; folder: AwayFolder; ops: Op[]; seen: boolean };

/** The folders the model moves away and back (Op `away`): the notes folder, a plain folder, the language folders' parent. */
export const AWAY_FOLDERS = ['', 'a/', '_posts/'] as const;
export type AwayFolder = (typeof AWAY_FOLDERS)[number];

const fileArb = fc.tuple(fc.constantFrom(...FOLDERS), fc.constantFrom(...NAMES), fc.constantFrom(...SUFFIXES)).map(([d, n, s]) => `${d}${n}${s}.md`);

/**
 * A move's two paths, never one path twice (issue 25, fx26a): a move onto its own path is no move (`mv x.md x.md` is
 * refused: "are the same file"), so the model skipped it, and one move in ten of these folders was a step that did
 * nothing, which shrinking could lead a counterexample to (as it did for `copy`, e25b).
 */
const twoPaths = fc.tuple(fileArb, fileArb).filter(([a, b]) => a !== b);

/** A move or a move with an edit that may land on an existing file (`over`): about one simple op in twelve, a quarter of which find a file there. */
const overOp: fc.Arbitrary<Op> = fc.oneof(
  twoPaths.map(([from, to]): Op => ({ op: 'move', from, to, over: true })),
  twoPaths.map(([from, to]): Op => ({ op: 'moveEdit', from, to, over: true })),
);

export const DATES = ['2025-01-06', '2025-02-03', '2025-03-03'] as const;
export const PERMALINKS = ['/weekly/', '/notes/one/', '/notes/two/'] as const;

/**
 * A write; now and then with a `date` or `permalink` (identity evidence: README, Deletes), and a long body of its own
 * (long enough to judge with no identity written), so a write at a path may be another note by what it says of itself.
 */
const writeArb = fc.record({
  op: fc.constant('write' as const),
  file: fileArb,
  draft: fc.constantFrom(false, false, false, true),
  key: fc.constantFrom(...KEYS),
  generic: fc.constantFrom(false, false, true),
  date: fc.constantFrom(undefined, undefined, undefined, undefined, ...DATES),
  permalink: fc.constantFrom(undefined, undefined, undefined, undefined, ...PERMALINKS),
  long: fc.constantFrom(false, false, true),
});

/** A change of controls alone (Op `controls`). */
const controlsArb = fc.record({ op: fc.constant('controls' as const), file: fileArb, silent: fc.boolean(), pin: fc.boolean() });

export const simpleOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: writeArb },
  { weight: 1, arbitrary: controlsArb },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('remove' as const), file: fileArb }) },
  { weight: 2, arbitrary: twoPaths.map(([from, to]): Op => ({ op: 'move', from, to })) },
  { weight: 1, arbitrary: twoPaths.map(([from, to]): Op => ({ op: 'moveEdit', from, to })) },
  { weight: 1, arbitrary: fc.constant({ op: 'restore' as const }) },
  { weight: 1, arbitrary: overOp },
);

/**
 * Renames in one batch (issue 25): a chain (`mv b c; mv a b`), and a move with a new note written at
 * the old path (the seed-7 class), each as one burst.
 */
const renamesInOneBatch: fc.Arbitrary<Op> = fc.oneof(
  fc.tuple(twoPaths, fileArb).filter(([[, b], c]) => b !== c).map(([[a, b], c]): Op => ({ op: 'burst', ops: [{ op: 'move', from: b, to: c }, { op: 'move', from: a, to: b }] })),
  fc.tuple(twoPaths, fc.boolean()).map(([[a, b], generic]): Op => ({ op: 'burst', ops: [{ op: 'move', from: a, to: b }, { op: 'write', file: a, draft: false, generic }] })),
  // Moved, edited and drafted at once, a new note at the old path (tester 23-1 F7).
  twoPaths.map(([a, b]): Op => ({ op: 'burst', ops: [{ op: 'moveEdit', from: a, to: b, draft: true }, { op: 'write', file: a, draft: false }] })),
);

/** Deletes and edits (writes) while stopped, the notes a queued post is for among them. */
const offlineChanges = fc.array(fc.oneof({ weight: 2, arbitrary: fc.record({ op: fc.constant('remove' as const), file: fileArb }) }, { weight: 1, arbitrary: simpleOp }), { minLength: 1, maxLength: 3 });
const stopQueuedOp: fc.Arbitrary<Op> = fc.record({
  op: fc.constant('stopQueued' as const),
  ops: fc.array(simpleOp, { minLength: 1, maxLength: 3 }),
  offline: offlineChanges,
  back: fc.constantFrom('atStart' as const, 'afterStart' as const),
});

/** A path under `folder` (one of AWAY_FOLDERS): the model's folders inside it, its names and suffixes. */
const fileUnder = (folder: AwayFolder) =>
  fc.tuple(fc.constantFrom(...FOLDERS.filter((d) => d.startsWith(folder))), fc.constantFrom(...NAMES), fc.constantFrom(...SUFFIXES)).map(([d, n, s]) => `${d}${n}${s}.md`);

/** What is done inside a folder while it is away (Op `away`): saves (drafts among them), renames, moves with an edit, removals. */
const opUnder = (folder: AwayFolder): fc.Arbitrary<Op> => {
  const file = fileUnder(folder);
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: fc.constant('write' as const), file, draft: fc.constantFrom(false, false, true), key: fc.constantFrom(...KEYS) }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('move' as const), from: file, to: file }).filter((o) => o.from !== o.to) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('moveEdit' as const), from: file, to: file }).filter((o) => o.from !== o.to) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), file }) },
  );
};

/** Op `away`: the notes folder itself half the time; up to three changes while away, at times none. */
export const awayArb: fc.Arbitrary<Op> = fc
  .record({ folder: fc.constantFrom<AwayFolder>('', '', 'a/', '_posts/'), seen: fc.boolean() })
  .chain(({ folder, seen }) => fc.array(opUnder(folder), { maxLength: 3 }).map((ops): Op => ({ op: 'away', folder, ops, seen })));

/**
 * A kill -9 (Op `kill`) once the changes are written or batched. `sending` is drawn only by `crashSequenceArb`: adding it
 * here would change every sequence of the seeds model.test.ts counts on.
 */
const killArb: fc.Arbitrary<Op> = fc.record({ op: fc.constant('kill' as const), at: fc.constantFrom('written' as const, 'batched' as const), ops: fc.array(simpleOp, { minLength: 1, maxLength: 3 }) });
const crashArb: fc.Arbitrary<Op> = fc.record({ op: fc.constant('kill' as const), at: fc.constantFrom('written' as const, 'batched' as const, 'sending' as const, 'sending' as const), ops: fc.array(simpleOp, { minLength: 1, maxLength: 3 }) });

/** Sequences where one command in four is a kill -9 at any of its points, a post caught carried out and unanswered among them (`npm run bench -- model`, BENCH_MODEL_CRASH=1). */
export const crashSequenceArb = (maxLength: number) =>
  fc.array(fc.oneof({ weight: 3, arbitrary: opArb }, { weight: 1, arbitrary: crashArb }), { minLength: Math.ceil(maxLength / 2), maxLength, size: 'max' });

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: simpleOp },
  { weight: 1, arbitrary: stopQueuedOp },
  { weight: 1, arbitrary: fc.constantFrom({ op: 'backup' as const }, { op: 'restoreBackup' as const }) },
  { weight: 1, arbitrary: renamesInOneBatch },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('burst' as const), ops: fc.array(simpleOp, { minLength: 2, maxLength: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('restart' as const), offline: fc.array(simpleOp, { maxLength: 3 }), mode: fc.constantFrom(undefined, 'separate' as const, 'group' as const) }) },
  { weight: 1, arbitrary: killArb },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('outage' as const), kind: fc.constantFrom('down' as const, 'down' as const, 'hang' as const), ops: fc.array(simpleOp, { minLength: 1, maxLength: 3 }) }) },
);

/** Its translation's path: the same name in the other language's folder (README, Translations: one family by name). */
export function translationOf(file: string): string {
  const name = path.basename(file, '.md').replace(/-ja$/, '');
  return langOf(file) === 'ja' ? `_posts/en/${name}.md` : `_posts/ja/${name}.md`;
}

/**
 * Issue 25 (fx25l F1, found by hand): a posted note removed, another note written at its path (a new `date` and
 * `permalink`, a long body of its own: another note by README's identity rule), at once (one change to the watcher)
 * or a step later, then that note's translation in the other language folder. Under `keep` the removed note's kept
 * message must never come to show the new note or its translation.
 */
const recreateArb: fc.Arbitrary<Op[]> = fc
  .record({
    file: fileArb,
    dates: fc.shuffledSubarray([...DATES], { minLength: 2, maxLength: 2 }),
    permalinks: fc.shuffledSubarray([...PERMALINKS], { minLength: 2, maxLength: 2 }),
    generic: fc.boolean(),
    key: fc.constantFrom(...KEYS),
    together: fc.boolean(),
  })
  .map(({ file, dates, permalinks, generic, key, together }): Op[] => {
    const write = (i: number): Op => ({ op: 'write', file, draft: false, generic, key, date: dates[i], permalink: permalinks[i], long: true });
    const recreate: Op[] = [{ op: 'remove', file }, write(1)];
    return [write(0), ...(together ? [{ op: 'burst' as const, ops: recreate }] : recreate), { op: 'write', file: translationOf(file), draft: false, key }];
  });

/**
 * Issue 25 (the outside tester's IDE move): a published note copied, exactly, to a path that never held a note (a folder
 * a path filter picks, another language's folder, or any), then, each a step of its own: perhaps the copy edited, the
 * original edited or either's controls changed; perhaps the original removed (`later`, a step after; else in the
 * copy's own step, one batch: a plain move).
 */
const copyArb: fc.Arbitrary<Op[]> = fc
  .record({
    from: fileArb,
    to: fc.oneof(fileArb, fc.tuple(fc.constantFrom('a/', 'b/', '_posts/ja/', '_posts/en/'), fc.constantFrom(...NAMES), fc.constantFrom(...SUFFIXES)).map(([d, n, x]) => `${d}${n}${x}.md`)),
    written: writeArb,
    between: fc.constantFrom('none', 'none', 'copyEdited', 'originalEdited', 'controls'),
    controls: controlsArb,
    removed: fc.constantFrom('later', 'later', 'together', 'never'),
  })
  // A copy onto its own path is no copy (`cp x.md x.md` is refused: "are the same file"); the model took it as a no-op,
  // and shrinking led CI's seed-27 failure there, which then read as if a copy had a part in it.
  .filter(({ from, to }) => from !== to)
  .map(({ from, to, written, between, controls, removed }): Op[] => {
    const copy: Op = { op: 'copy', from, to };
    const rm: Op = { op: 'remove', file: from };
    const middle: Op[] = between === 'copyEdited' ? [{ ...written, file: to, draft: false }] : between === 'originalEdited' ? [{ ...written, file: from, draft: false }] : between === 'controls' ? [{ ...controls, file: from }] : [];
    const first: Op = { ...written, file: from, draft: false };
    if (removed === 'together') return [first, { op: 'burst', ops: [copy, rm] }, ...middle];
    return [first, copy, ...middle, ...(removed === 'later' ? [rm] : [])];
  });

/**
 * Issue 25 item 3 (tester 34, F8): two English notes of one name in different folders (`other`, then `home`: two
 * families of the key), then a translation written beside the one in `home`, as `<name>-ja.md` or in a `ja/` folder
 * there (the corpus's language folders, `_posts/ja/`, are folders named after the language). README, Translations
 * (src/publish/family-folder.ts): it joins the family of the note in its own folder (World.besides, checked at rest).
 */
const besideArb: fc.Arbitrary<Op[]> = fc
  .record({ home: fc.constantFrom('a/', 'b/'), other: fc.constantFrom('a/', 'b/', '', '_posts/en/'), name: fc.constantFrom(...NAMES), layout: fc.constantFrom('suffix', 'folder'), first: fc.boolean() })
  .filter(({ home, other }) => home !== other)
  .map(({ home, other, name, layout, first }): Op[] => {
    const notes: Op[] = [{ op: 'write', file: `${other}${name}.md`, draft: false }, { op: 'write', file: `${home}${name}.md`, draft: false }];
    return [...(first ? notes : notes.reverse()), { op: 'write', file: layout === 'suffix' ? `${home}${name}-ja.md` : `${home}ja/${name}.md`, draft: false }];
  });

/** A slow note (Op `slow`): its fix a write of its path. */
const slowArb: fc.Arbitrary<Op> = fc
  .record({
    file: fileArb,
    kind: fc.constantFrom('stars' as const, 'links' as const),
    ops: fc.array(simpleOp, { maxLength: 3 }),
    offline: fc.boolean(),
    after: fc.array(simpleOp, { maxLength: 2 }),
    fix: writeArb,
  })
  .map((o): Op => ({ op: 'slow', ...o, fix: { ...o.fix, file: o.file } }));

/** One time in `n`, `rare`; else `common`. Chosen without fast-check's bias, which favours the first of a `oneof` in early runs (a handful per `npm test`). */
const oneIn = <A, B>(n: number, rare: fc.Arbitrary<A>, common: fc.Arbitrary<B>): fc.Arbitrary<A | B> =>
  fc.noBias(fc.integer({ min: 1, max: n })).chain((i): fc.Arbitrary<A | B> => (i === 1 ? rare : common));

/**
 * Sequences of about `maxLength` commands: one command in twenty a re-created path and its translation (`recreateArb`,
 * four steps), in one sequence in eight a slow note (`slowArb`) at a random place, and in one in two a folder moved away
 * and back (`awayArb`) at a random place. The last two are drawn after the rest, so a seed's other commands stay what
 * they were before each joined (the default seed's runs keep meeting what model.test.ts counts).
 */
export const sequenceArb = (maxLength: number) =>
  fc
    .tuple(
      fc.array(oneIn(10, fc.oneof({ weight: 2, arbitrary: recreateArb }, { weight: 2, arbitrary: copyArb }, { weight: 1, arbitrary: besideArb }), opArb.map((o) => [o])), { minLength: Math.ceil(maxLength / 2), maxLength, size: 'max' }),
      oneIn(8, slowArb, fc.constant(undefined)),
      fc.nat(),
      oneIn(2, awayArb, fc.constant(undefined)),
      fc.nat(),
    )
    .map(([groups, slow, at, away, awayAt]) => {
      const ops = groups.flat();
      if (slow) ops.splice(at % (ops.length + 1), 0, slow);
      if (away) ops.splice(awayAt % (ops.length + 1), 0, away);
      return ops;
    });

/**
 * Sequences around `publish.translations.mode` switches (issue 25, finding 4): a switch and restart
 * every few steps, between renames, edits, moves across language folders and removals of members.
 */
const switchOp: fc.Arbitrary<Op> = fc.record({ op: fc.constant('restart' as const), offline: fc.array(simpleOp, { maxLength: 2 }), mode: fc.constantFrom('separate' as const, 'group' as const) });
export const switchSequenceArb = (maxLength: number) =>
  fc.array(fc.oneof({ weight: 3, arbitrary: simpleOp }, { weight: 1, arbitrary: switchOp }), { minLength: Math.ceil(maxLength / 2), maxLength, size: 'max' });

/** Every write of `ops` (nested ones too) titled by its tag: a digest line shows a title and a link, not the body a generic title's tag is read from. */
function tagged(o: Op): Op {
  switch (o.op) {
    case 'write':
      return { ...o, generic: false };
    case 'burst':
    case 'kill':
    case 'outage':
    case 'away':
      return { ...o, ops: o.ops.map(tagged) };
    case 'restart':
      return { ...o, offline: o.offline.map(tagged) };
    default:
      return o;
  }
}

/**
 * Sequences for a run with burst digests (`runSequence`'s `digests`, route-digest.ts): bursts of three to five new
 * notes (a digest wherever three of them go) among saves, renames, moves, drafts, removals, restores, chains of renames,
 * kills, restarts, outages and folders away and back; every write titled by its tag, translations grouped throughout.
 */
export const digestSequenceArb = (maxLength: number) =>
  fc
    .array(
      fc.oneof(
        { weight: 2, arbitrary: fc.array(writeArb.map((w): Op => ({ ...w, draft: false })), { minLength: 3, maxLength: 5 }).map((ops): Op => ({ op: 'burst', ops })) },
        { weight: 6, arbitrary: simpleOp },
        { weight: 1, arbitrary: renamesInOneBatch },
        { weight: 1, arbitrary: fc.record({ op: fc.constant('restart' as const), offline: fc.array(simpleOp, { maxLength: 3 }) }) },
        { weight: 1, arbitrary: killArb },
        { weight: 1, arbitrary: fc.record({ op: fc.constant('outage' as const), kind: fc.constantFrom('down' as const, 'hang' as const), ops: fc.array(simpleOp, { minLength: 1, maxLength: 3 }) }) },
        { weight: 1, arbitrary: awayArb },
      ),
      { minLength: Math.ceil(maxLength / 2), maxLength, size: 'max' },
    )
    .map((ops) => ops.map(tagged));

interface FileState {
  title: string;
  draft: boolean;
  /** Every version of this note since it was first written (moves keep them), oldest first. */
  versions: { title: string; draft: boolean }[];
  key?: string | undefined;
  date?: string | undefined;
  permalink?: string | undefined;
  /** The `notecast:` controls written (Op `controls`), kept by later writes as an edit keeps front matter it does not touch. */
  controls?: { silent: boolean; pin: boolean } | undefined;
  text: string;
}

const CHATS: { name: string; lang?: string; folder?: string }[] = [{ name: 'all' }, { name: 'ja', lang: 'ja' }, { name: 'en', lang: 'en' }, { name: 'a', folder: 'a/' }, { name: 'b', folder: 'b/' }];

/** The chats as route-digest.ts reads them. */
const DIGEST_CHATS: DigestChat[] = CHATS.map((c) => ({ name: c.name, lang: c.lang, passes: (n) => passes(c, n) }));

/** A chat's route filter: its language, or its folder (a path glob). */
const filterOf = (c: (typeof CHATS)[number]) => (c.lang ? { filter: { lang: [c.lang] } } : c.folder ? { filter: { path: `${c.folder}**` } } : {});
/** Whether a note's file passes a chat's filter (a family goes to a chat when one of its members does). */
const passes = (c: (typeof CHATS)[number], n: { file: string; lang: string }) => (!c.lang || n.lang === c.lang) && (!c.folder || n.file.startsWith(c.folder));

/**
 * `parseTimeoutMs`: a sequence with a slow note's (route-slow.ts SLOW_BUDGET_MS); else the default. `digests`: bursts of
 * three new notes for a chat become a digest there (threshold 2; route-digest.ts); else none does.
 */
export function modelConfig(onDelete: 'keep' | 'delete', parseTimeoutMs?: number, digests = false): unknown {
  return {
    ...(parseTimeoutMs ? { notes: { parseTimeoutMs } } : {}),
    watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
    publish: { onDelete, translations: { mode: 'group', graceMs: 0 }, digest: { threshold: digests ? 2 : 1000, windowMs: 200 } },
    // Retries soon and never given up, so an outage's deliveries go out once it ends; a hung send is aborted after 1 s.
    delivery: { baseDelayMs: 50, maxDelayMs: 300, maxAttempts: 1000, callTimeoutMs: 1000 },
    routes: CHATS.map((c) => ({ platform: 'console', chat: c.name, ...filterOf(c) })),
  };
}

/**
 * The language a file's path gives it (README, `lang`): the innermost `ja`/`en` folder, else a `-ja`
 * suffix, else English; a suffix naming another language than the folder is part of the slug.
 */
export function langOf(file: string): string {
  const folder = file.split('/').slice(0, -1).reverse().find((d) => d === 'ja' || d === 'en');
  return folder ?? (/-ja\.md$/.test(file) ? 'ja' : 'en');
}

export const noteIdOf = (file: string) => file.replace(/\.md$/, '');

/** The folder world as the model sees it, applied to the disk as it goes. */
export class World {
  readonly files = new Map<string, FileState>();
  /** Every title that was ever published (not a draft): what any message may ever have shown. */
  readonly everPublished = new Set<string>();
  /** Titles a `restore` brought back: a removed note put back may be posted again (README, Bursts). */
  readonly restored = new Set<string>();
  /** `<target> <title>`: a note's own message the service deleted while the note stayed published (noteRetired). */
  readonly retired = new Set<string>();
  /** `<target> <title>`: a note whose moved file came past the removal window after its old path's edit in place (split-transients.ts): posted once more by right. */
  readonly cameLate = new Set<string>();
  /** `<target> <title>` → event indexes: the note's own message withdrawn as it moved home (double-posts.ts). */
  readonly movedHome = new Map<string, number[]>();
  /**
   * A backup was restored (`restoreBackup`): from then on only "never double" is checked. README
   * (docs/operations.md, "A restored backup") promises nothing is announced again, and says what
   * the backup cannot know: edits of notes new to it are not sent, a message deleted after it may
   * be deleted again, a note's newer message is unknown to it.
   */
  afterRestore = false;
  /** A restart switched to `publish.translations.mode: separate` at some point of the run. */
  everSeparate = false;
  /** The mode the service runs with now. */
  mode: 'group' | 'separate' = 'group';
  /** Moves (`over`) that landed on an existing file, so a generator that stopped making them is seen. */
  overwrites = 0;
  private removed: { file: string; state: FileState }[] = [];
  /** The path a slow note was saved at (`writeSlow`), until a write fixes it: its step's other ops leave it alone. */
  slowAt: { file: string; text: string } | undefined;
  private seq = 0;
  /**
   * Notes as the service tells them apart (its ids are paths): one per path, kept through edits,
   * removals and returns, carried by moves. The note each write's title belongs to, and the file
   * each note is at now (or was at last).
   */
  readonly noteOfTitle = new Map<string, number>();
  readonly fileOfNote = new Map<number, string>();
  private readonly noteAt = new Map<string, number>();
  private notes = 0;
  /**
   * Copies not yet decided (Op `copy`): the copy's path → its original's. Such a copy has no note of its own (README: a
   * copy kept back, or posted only in the chats only it goes to, its content the original's): its original's removal
   * while it holds exactly its content, or the original changed, makes it the original's note (its messages follow it);
   * its own text changed first, it is a note of its own; removed, it leaves no record.
   */
  readonly copies = new Map<string, string>();
  /**
   * `<chat> <note id> <title>`: a version of a note removed while `separate` with a copy holding exactly its content, in a
   * chat the copy does not go to. README (Moves, a copy and a delete): "with `separate` the removal is a delete, except in a
   * chat the copy goes to": there its message is a removed note's (kept by `keep`), never the copy's to edit
   * (BENCH_MODEL_SEED=3304). Keyed by the removed note's id, not the title alone: the copy has the same title, and its own
   * message in such a chat (moved there later) must still be checked (rv-34e R2).
   */
  readonly removedBesideCopy = new Set<string>();

  /** The published original whose chats `file`, a copy not yet decided holding exactly its content, is held in (README: 'copy held'). */
  heldCopyOf(file: string): { file: string; lang: string } | undefined {
    const original = this.copies.get(file), st = original === undefined ? undefined : this.files.get(original);
    return original !== undefined && st && !st.draft && st.text === this.files.get(file)?.text ? { file: original, lang: langOf(original) } : undefined;
  }

  /** A copy not yet decided's own note (Op `copy`): what a post sent for the copy's path is for. */
  copyNote(file: string): number | undefined {
    return this.copies.has(file) ? this.noteAt.get(file) : undefined;
  }

  private pendingCopyOf(original: string): string | undefined {
    return [...this.copies].find(([copy, from]) => from === original && this.files.get(copy)?.text === this.files.get(original)?.text)?.[0];
  }

  /** `file`'s original was removed (`st`, its state): a copy holding exactly its content is that note moved (README, a copy and a delete). */
  private copyRemoved(file: string, st: FileState): void {
    if (this.copies.delete(file)) return; // a copy deleted leaves no record
    const copy = [...this.copies].find(([c, from]) => from === file && this.files.get(c)?.text === st.text)?.[0];
    for (const [c, from] of [...this.copies]) if (from === file) this.copies.delete(c);
    if (copy === undefined) return;
    if (this.mode === 'separate') for (const c of CHATS) if (!passes(c, { file: copy, lang: langOf(copy) })) for (const v of st.versions) this.removedBesideCopy.add(`${c.name} ${noteIdOf(file)} ${v.title}`);
    this.touch(copy);
    this.copyDecided(file, copy, st.versions);
  }

  /** `copy` is `original`'s note moved: the posts made for the copy alone are that note's now. */
  private copyDecided(original: string, copy: string, versions: FileState['versions']): void {
    const at = this.files.get(copy);
    if (at) this.files.set(copy, { ...at, versions: [...versions, ...at.versions] });
    const own = this.noteAt.get(copy), note = this.noteAt.get(original);
    this.noteMoved(original, copy);
    if (own === undefined || note === undefined) return;
    for (const p of this.postedFor.values()) {
      if (p.note === own) p.note = note;
      if (p.shows === own) p.shows = note;
    }
  }

  /**
   * A write at `file`: a pending copy of it is its note moved (README: `cp a.md b.md`, then `a.md` edited, "the copy is
   * read as if written then": `a.md`'s edit a new note, its old message now `b.md`'s); a write at a pending copy is the
   * copy's own text (a note of its own).
   */
  private originalChanged(file: string): { note: number }[] {
    if (this.copies.delete(file)) return [];
    const copy = this.pendingCopyOf(file);
    for (const [c, from] of [...this.copies]) if (from === file) this.copies.delete(c);
    if (copy === undefined) return [];
    this.touch(file, copy);
    // A chat whose filter does not take the copy: the original keeps its message there, edited to its edit; the
    // move-plus-new-note reading holds only where the copy goes too (the lead's rule, issue 25 review rv32-c).
    const note = this.noteAt.get(file), copyAt = { file: copy, lang: langOf(copy) };
    const stays = [...this.postedFor].filter(([key, p]) => p.note === note && CHATS.some((c) => key.startsWith(`console:${c.name} `) && !passes(c, copyAt))).map(([, p]) => p);
    this.copyDecided(file, copy, this.files.get(file)?.versions ?? []);
    return stays;
  }

  /**
   * A path an undecided copy is at or was copied from: moves leave both alone (README says what a copy and a delete
   * do, not a copy and a move of either; a move onto either is an overwrite, the same question again).
   */
  private inCopy(file: string): boolean {
    return this.copies.has(file) || [...this.copies.values()].includes(file);
  }
  /** Each note's family as written when last written or moved (`rawKey`), the last text of each removed path, and the paths re-created as another note. */
  private readonly keyOfNote = new Map<number, string>();
  private readonly goneText = new Map<string, string>();
  recreated = 0;
  /** Note → the note that took its path, for notes whose kept messages may show no other note (`recreatedAs`). */
  readonly sealed = new Map<number, number>();
  /** Messages (`<target> <id>`): the note each was posted for, in its language then, and the note it shows; the console events looked at so far. */
  readonly postedFor = new Map<string, { note: number; lang: string; shows: number }>();
  eventsChecked = 0;
  /** Each message's text as the events so far left it, and the delivery that sent it (`identicalEdits`). */
  readonly shownText = new Map<string, { text: string; deliveryId: number | undefined }>();
  /** Copies made (Op `copy`) and changes of controls alone (Op `controls`) applied, so a generator that stopped making them is seen. */
  copiesMade = 0;
  controlsChanged = 0;
  /** The service's batches looked at so far (InProcessService.batchLog), and the switches a later batch of their step corrected (split-transients.ts). */
  batchesChecked = 0;
  transientSwitches = 0;
  /** The outbox's delivery sequence at the last check (at rest): a delivery past it was queued since. */
  outboxSeqChecked: number | undefined = 0;

  /**
   * Each path as the step found it (the service's record of it), noted when the step first touches it, and the notes
   * the step's writes made: a path's content at the step's end is judged against its record, whatever came between.
   */
  private readonly stepStart = new Map<string, { note: number | undefined; state: FileState | undefined }>();
  private readonly bornThisStep = new Set<number>();

  private touch(...files: string[]): void {
    for (const f of files) if (!this.stepStart.has(f)) this.stepStart.set(f, { note: this.noteAt.get(f), state: this.files.get(f) });
  }

  /** The step was handed over and checked: the next one starts from what the service has now. */
  endStep(): void {
    this.stepStart.clear();
    this.bornThisStep.clear();
  }

  /**
   * The note a write belongs to; returns whether it is the one the path held. A path that held a published note when
   * the step began, and holds it still or a note this step wrote there (removed and written again within the quiet
   * period: one change to the service), is that note only if the text is recognisably it (README, Deletes: its title,
   * most of its body, or nothing saying it is another note: `recognisable`); else it is a new note, and the one there removed (`recreatedAs`). Otherwise the note the path
   * holds (a rewrite of a note moved there keeps it: the split property's UNDECIDABLE class), or a new one.
   */
  private noteWritten(file: string, title: string, text: string): boolean {
    const start = this.stepStart.get(file), at = this.noteAt.get(file);
    const fromStart = start?.state !== undefined && !start.state.draft && start.note !== undefined && (at === start.note || (at !== undefined && this.bornThisStep.has(at)));
    // Under `keep`, a note written at a path whose note was removed in an earlier step is that note back only with a body
    // like its last one (replaced-deleted.ts: told apart as a rename is); under `delete` it takes the record over.
    const gone = !fromStart && at !== undefined && start?.state === undefined && this.onDelete === 'keep' ? this.goneText.get(file) : undefined;
    const note = fromStart ? (recognisable(start.state!.text, text) ? start.note! : this.born()) : gone !== undefined && !bodiesAlike(gone, text) ? this.born() : (at ?? this.born());
    const held = fromStart ? start.note : gone !== undefined ? at : undefined;
    if (held !== undefined && note !== held) this.recreatedAs(held, note);
    this.noteAt.set(file, note);
    this.fileOfNote.set(note, file);
    this.noteOfTitle.set(title, note);
    return note === at;
  }

  /**
   * `note`'s path was taken by another note (`by`). Under `keep`, when no other note was ever of its family as written
   * (its key, or its name), its family's places are all held by a note whose path another took: it takes no new note
   * (README, Translations), and a message posted for it never comes to show another note (`sealed`).
   */
  private recreatedAs(note: number, by: number): void {
    this.recreated++;
    const key = this.keyOfNote.get(note);
    if (this.onDelete === 'keep' && key !== undefined && ![...this.keyOfNote].some(([n, k]) => n !== note && n !== by && k === key)) this.sealed.set(note, by);
  }

  private born(): number {
    this.bornThisStep.add(++this.notes);
    return this.notes;
  }

  private noteMoved(from: string, to: string): void {
    const note = this.noteAt.get(from);
    this.noteAt.delete(from);
    if (note === undefined) return;
    this.noteAt.set(to, note);
    this.fileOfNote.set(note, to);
    this.keyOfNote.set(note, this.rawKey(to));
  }

  /** `onDelete`: under `keep`, a write at a removed note's path is judged against it (`noteWritten`); unset, as `delete`. */
  constructor(
    readonly root: string,
    readonly onDelete?: 'keep' | 'delete',
  ) {}

  /** A move landed on `file`: its note is removed (README, an overwrite; `onDelete` says what its messages do), restorable. */
  private overwritten(file: string, state: FileState): void {
    this.overwrites++;
    this.removed.push({ file, state });
  }

  /**
   * A move and edit onto its own path, as a shell and an editor do it: the move refused or, by rename(2), nothing ("if
   * oldpath and newpath are existing hard links referring to the same file, then rename() does nothing"), then the edit
   * saved: an edit in place, its title kept (drafted too with `draft`). Hand-written sequences only: the generators never
   * make one (`twoPaths`); before fx26a it did nothing here, so a sequence showed a step that had not happened.
   */
  private editInPlace(file: string, draft: boolean): string[] {
    const st = this.files.get(file);
    if (!st || this.inCopy(file)) return [];
    this.touch(file);
    const text = `${draft && !st.draft ? st.text.replace(/^---\n/, '---\ndraft: true\n') : st.text}Edited in place at ${file}.\n`;
    writeFileSync(this.pathOf(file), text);
    this.files.set(file, draft ? { ...st, text, draft: true, versions: [...st.versions, { title: st.title, draft: true }] } : { ...st, text });
    return [file];
  }

  /** A folder moved out of the notes folder (Op `away`) and where it is now: its paths are written there meanwhile. */
  away: { folder: AwayFolder; at: string } | undefined;
  /** Folders moved away and back so far (Op `away`): a path under one the watcher never reports is a watch that died with it. */
  readonly wentAway = new Set<AwayFolder>();
  awaysMade = 0;

  /** Where `file` (relative to the notes folder) is on disk now: in its folder's place while that is away (`away`). */
  pathOf(file: string): string {
    const a = this.away;
    return a && file.startsWith(a.folder) ? path.join(a.at, file.slice(a.folder.length)) : path.join(this.root, file);
  }

  /**
   * Translations written beside one of two notes of their name (Op writes of `besideArb`, or any write alike): while
   * both stay at their paths as they were written (no key written, published), the translation is in the family of the
   * note in its own folder (README, Translations; family-folder.ts). A later change of either ends the claim.
   */
  besides: { ja: string; en: string; jaNote: number; enNote: number }[] = [];
  besidesMade = 0;

  /** A keyless translation new at `file` in plain folder a/ or b/ (`-ja` or `ja/`), its English note there, another of its name elsewhere: a claim. */
  private besideClaim(file: string): void {
    const m = /^([ab])\/(?:ja\/)?([^/]+?)(?:-ja)?\.md$/.exec(file), st = this.files.get(file);
    if (!m || langOf(file) !== 'ja' || !st || st.key || st.draft) return;
    const en = `${m[1]}/${m[2]}.md`, own = this.files.get(en);
    if (!own || own.key || own.draft) return;
    const elsewhere = [...this.files].some(([f, s]) => f !== en && !s.key && !s.draft && langOf(f) === 'en' && path.basename(f, '.md') === m[2]);
    if (!elsewhere) return;
    this.besides.push({ ja: file, en, jaNote: this.noteAt.get(file)!, enNote: this.noteAt.get(en)! });
    this.besidesMade++;
  }

  /** The claims still standing: both notes where and as they were (a key, a draft or a move of either ends it). */
  standingBesides(): { ja: string; en: string }[] {
    this.besides = this.besides.filter((b) => this.noteAt.get(b.ja) === b.jaNote && this.noteAt.get(b.en) === b.enNote && [b.ja, b.en].every((f) => { const st = this.files.get(f); return st && !st.key && !st.draft; }));
    return this.besides;
  }

  /** Applies one simple op to the disk and the model; returns the paths that changed, or none if it did not apply. */
  apply(o: Op): string[] {
    const abs = (f: string) => this.pathOf(f);
    if (this.slowAt && touches(o, this.slowAt.file)) return []; // left alone until fixed (`fixSlow`)
    // A claim ends at any change of its notes but a plain save (a move, a removal, a key, a draft, a copy over it).
    this.besides = this.besides.filter((b) => ![b.ja, b.en].some((f) => touches(o, f) && !(o.op === 'write' && !o.draft && !o.key)));
    switch (o.op) {
      case 'write': {
        const title = `N${++this.seq}`;
        const had = this.files.get(o.file);
        const [date, permalink, controls] = [o.date ?? had?.date, o.permalink ?? had?.permalink, had?.controls];
        const stays = this.originalChanged(o.file);
        const fm = [
          `title: ${o.generic ? 'Introduction' : title}`,
          ...(o.draft ? ['draft: true'] : []),
          ...(o.key ? [`translationKey: ${o.key}`] : []),
          ...(date ? [`date: ${date}`] : []),
          ...(permalink ? [`permalink: ${permalink}`] : []),
          ...(controls ? [controlsLine(controls)] : []),
        ];
        const text = `---\n${fm.join('\n')}\n---\n\nThe note ${title} says something new about ${o.file}.\n${o.long ? longBody(this.seq) : ''}`;
        mkdirSync(path.dirname(abs(o.file)), { recursive: true });
        writeFileSync(abs(o.file), text);
        this.touch(o.file);
        const kept = this.noteWritten(o.file, title, text);
        for (const p of stays) p.note = this.noteAt.get(o.file)!;
        this.files.set(o.file, { title, draft: o.draft, key: o.key, date, permalink, controls, text, versions: [...((kept && this.files.get(o.file)?.versions) || []), { title, draft: o.draft }] });
        this.keyOfNote.set(this.noteAt.get(o.file)!, this.rawKey(o.file));
        if (!o.draft) this.everPublished.add(title);
        if (!had) this.besideClaim(o.file);
        return [o.file];
      }
      case 'remove': {
        const st = this.files.get(o.file);
        if (!st) return [];
        this.touch(o.file);
        rmSync(abs(o.file));
        this.files.delete(o.file);
        this.copyRemoved(o.file, st);
        this.removed.push({ file: o.file, state: st });
        this.goneText.set(o.file, st.text);
        return [o.file];
      }
      case 'move': {
        const st = this.files.get(o.from), overwritten = this.files.get(o.to);
        if (!st || o.from === o.to || (overwritten && !o.over) || this.inCopy(o.from) || this.inCopy(o.to)) return [];
        this.touch(o.from, o.to);
        if (overwritten) this.overwritten(o.to, overwritten);
        mkdirSync(path.dirname(abs(o.to)), { recursive: true });
        renameSync(abs(o.from), abs(o.to));
        this.files.delete(o.from);
        this.files.set(o.to, st);
        this.noteMoved(o.from, o.to);
        return [o.from, o.to];
      }
      case 'moveEdit': {
        const st = this.files.get(o.from), overwritten = this.files.get(o.to);
        if (o.from === o.to) return this.editInPlace(o.from, o.draft === true);
        if (!st || (overwritten && !o.over) || this.inCopy(o.from) || this.inCopy(o.to)) return [];
        this.touch(o.from, o.to);
        if (overwritten) this.overwritten(o.to, overwritten);
        mkdirSync(path.dirname(abs(o.to)), { recursive: true });
        renameSync(abs(o.from), abs(o.to));
        // `draft`: drafted in the same save (its front matter's first line; tester 23-1 F7).
        const text = `${o.draft && !st.draft ? st.text.replace(/^---\n/, '---\ndraft: true\n') : st.text}Edited after its move to ${o.to}.\n`;
        writeFileSync(abs(o.to), text);
        this.files.delete(o.from);
        this.files.set(o.to, o.draft ? { ...st, text, draft: true, versions: [...st.versions, { title: st.title, draft: true }] } : { ...st, text });
        this.noteMoved(o.from, o.to);
        return [o.from, o.to];
      }
      case 'restore': {
        const last = this.removed.pop();
        // A file put back with exactly another file's content is a copy of it: `copy`'s question, not a restore's.
        if (!last || this.files.has(last.file) || last.file === this.slowAt?.file || [...this.files.values()].some((f) => f.text === last.state.text)) return [];
        this.touch(last.file);
        mkdirSync(path.dirname(abs(last.file)), { recursive: true });
        writeFileSync(abs(last.file), last.state.text);
        this.files.set(last.file, last.state);
        this.restored.add(last.state.title);
        return [last.file];
      }
      case 'copy': {
        const st = this.files.get(o.from);
        if (!st || this.files.has(o.to) || this.noteAt.has(o.to) || this.pendingCopyOf(o.from) || this.copies.has(o.from)) return [];
        this.touch(o.to);
        mkdirSync(path.dirname(abs(o.to)), { recursive: true });
        writeFileSync(abs(o.to), st.text);
        // No versions of its own yet: the original's become its once it is decided as the original moved (`copyDecided`).
        this.files.set(o.to, { ...st, versions: [] });
        this.copies.set(o.to, o.from);
        this.copiesMade++;
        // A note of its own for the posts that go out for the copy alone (the chats only it reaches); merged into the
        // original's once the copy is decided as the original moved (`copyDecided`).
        const own = this.born();
        this.noteAt.set(o.to, own);
        this.fileOfNote.set(own, o.to);
        return [o.to];
      }
      case 'controls': {
        const st = this.files.get(o.file);
        // A pending copy's text or its original's changed is the copy's own text now, or the original changed: not a change of controls alone.
        if (!st || this.copies.has(o.file) || this.pendingCopyOf(o.file)) return [];
        const controls = { silent: o.silent, pin: o.pin };
        const text = withControls(st.text, controls);
        if (text === st.text) return [];
        writeFileSync(abs(o.file), text);
        this.touch(o.file);
        this.files.set(o.file, { ...st, controls, text });
        this.controlsChanged++;
        return [o.file];
      }
      default:
        throw new Error(`not a simple op: ${o.op}`);
    }
  }

  published(): { file: string; id: string; lang: string; title: string }[] {
    return [...this.files].filter(([, s]) => !s.draft).map(([file, s]) => ({ file, id: noteIdOf(file), lang: langOf(file), title: s.title }));
  }

  /** The translation key as written: front matter, else the file name without its suffix when that is its language. */
  rawKey(file: string): string {
    const name = path.basename(file, '.md');
    return this.files.get(file)?.key ?? (langOf(file) === 'ja' ? name.replace(/-ja$/, '') : name);
  }

  /** Disk and model agree (a sanity check of the model itself); a slow note's path holds its slow text. */
  check(): void {
    const onDisk = (file: string) => readFileSync(path.join(this.root, file), 'utf8');
    for (const [file, s] of this.files) if (file !== this.slowAt?.file && onDisk(file) !== s.text) throw new Error(`model and disk differ at ${file}`);
    for (const f of this.removed) if (!this.files.has(f.file) && f.file !== this.slowAt?.file && existsSync(path.join(this.root, f.file))) throw new Error(`model and disk differ at ${f.file}`);
    if (this.slowAt && onDisk(this.slowAt.file) !== this.slowAt.text) throw new Error(`model and disk differ at ${this.slowAt.file}`);
  }

  /** The slow note's path written again (`fix`, a write there): readable, decided against the note's last good state. */
  fixSlow(fix: Op): string[] {
    this.slowAt = undefined;
    return this.apply(fix);
  }

  /**
   * A note past the parse budget saved at `file` (issue 25, item 5; `slow`): the service cannot read it, so it keeps
   * the note's last good state (README: a broken edit keeps it; a path new to it has nothing to show). The model's
   * state of the path stays as it was; the disk holds the slow text until a write fixes it.
   */
  writeSlow(file: string, text: string): string[] {
    mkdirSync(path.dirname(path.join(this.root, file)), { recursive: true });
    writeFileSync(path.join(this.root, file), text);
    this.touch(file);
    this.slowAt = { file, text };
    return [file];
  }
}

const titleOf = (m: ChatMessage) => tagOf(m.text);

/** The identity fields the model writes (README, Deletes): `translationKey`, `date`, `permalink`. */
type ModelIdentity = { key?: string; date?: string; permalink?: string };

/** A model file's front-matter title, body sketch (the service's measure of a body) and written identity. */
function partsOf(text: string): { title: string; body: BodySketch; identity: ModelIdentity } {
  const end = text.indexOf('\n---\n', 4), fm = text.slice(0, end);
  const field = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(fm)?.[1];
  const [key, date, permalink] = [field('translationKey'), field('date'), field('permalink')];
  return { title: field('title') ?? '', body: bodySketch(text.slice(end + 5)), identity: { ...(key ? { key } : {}), ...(date ? { date } : {}), ...(permalink ? { permalink } : {}) } };
}

/** Bodies alike as a rename's are (rename-match.ts BODY_ALIKE of the shorter body's runs of three words), or the same text. */
const bodiesAlike = (a: string, b: string) => a === b || bodyOverlap(partsOf(a).body, partsOf(b).body) >= BODY_ALIKE;

/** Whether a simple op reads or writes `file`. */
const touches = (o: Op, file: string) => ('file' in o && o.file === file) || ('from' in o && (o.from === file || o.to === file));

/** The `notecast:` mapping of a note's controls, as one front-matter line (README, the front-matter table). */
const controlsLine = (c: { silent: boolean; pin: boolean }) => `notecast: {silent: ${c.silent}, pin: ${c.pin}}`;

/** `text` with its controls line replaced or added at the end of its front matter: nothing else of it changed. */
function withControls(text: string, c: { silent: boolean; pin: boolean }): string {
  const end = text.indexOf('\n---\n', 4);
  const fm = text.slice(0, end).split('\n').filter((l) => !l.startsWith('notecast: '));
  return `${[...fm, controlsLine(c)].join('\n')}${text.slice(end)}`;
}

/** A body of its own (`write` with `long`): fifty words no other write has, so two long bodies share none of their runs of three words. */
const longBody = (seq: number) => `\n${Array.from({ length: 50 }, (_, i) => `v${seq}w${i}`).join(' ')}.\n`;

/** What two notes' written identities say (README, Deletes): a field both wrote kept is the same note; one written and none kept, another; none written, nothing. */
function identityEvidence(a: ModelIdentity, b: ModelIdentity): 'kept' | 'changed' | 'none' {
  const fields = (['key', 'date', 'permalink'] as const).filter((f) => a[f] !== undefined || b[f] !== undefined);
  return fields.some((f) => a[f] === b[f]) ? 'kept' : fields.length ? 'changed' : 'none';
}

/** Bodies long enough to judge with nothing written (README: about 40 words each): the model's long bodies have fifty and more, its short ones ten. */
const JUDGED_RUNS = 40;
const shareAWord = (a: string, b: string) => a.toLowerCase().split(/\W+/).some((w) => w && b.toLowerCase().split(/\W+/).includes(w));

/**
 * README's rule (Deletes) for a path's new text against its record, written here apart from the service's
 * (another-note.ts): recognisable by most of its body (60% of the runs of three words kept); else another note only when
 * the file says so: with the title kept, its identity written and changed (none kept) and both bodies long enough to
 * judge with under 40% kept; with another title, its identity changed, or with none written on either side, both bodies
 * long enough to judge, the titles sharing no word and under 40% kept. Anything else is an edit.
 */
function recognisable(before: string, after: string): boolean {
  const [a, b] = [partsOf(before), partsOf(after)];
  const kept = bodyOverlap(a.body, b.body), evidence = identityEvidence(a.identity, b.identity);
  const judged = a.body.n >= JUDGED_RUNS && b.body.n >= JUDGED_RUNS;
  if (kept >= BODY_ALIKE) return true;
  if (a.title === b.title) return !(evidence === 'changed' && judged && kept < 0.4);
  if (evidence !== 'none') return evidence === 'kept';
  return !(judged && !shareAWord(a.title, b.title) && kept < 0.4);
}

/**
 * While `separate` (issue 25, finding 4): a message showing an older version of a note that is
 * published now, and was never a draft since, missed an edit. (A note drafted or removed since may
 * have left its family's message as it was: README, translations.)
 */
function missedEdits(world: World, svc: InProcessService): string[] {
  const out: string[] = [];
  for (const c of CHATS) {
    for (const m of svc.live(c.name)) {
      const title = titleOf(m);
      // A title still current at another path (a copy's original, the copy edited since: Op `copy`) is that file's, not an old version.
      if ([...world.files.values()].some((f) => f.title === title && !f.draft)) continue;
      // The message of a note drafted since, posted for it (a copy's, showing its original's title), is kept as it was (keep).
      if ([...world.files].some(([f, st]) => noteIdOf(f) === m.noteId && st.draft)) continue;
      if (world.removedBesideCopy.has(`${c.name} ${m.noteId} ${title}`)) continue; // a removed note's message, not the copy's
      for (const [file, st] of world.files) {
        const i = st.versions.findIndex((v) => v.title === title);
        if (i < 0 || st.draft || st.title === title || world.restored.has(title) || st.versions.slice(i).some((v) => v.draft)) continue;
        out.push(`${c.name}: message ${m.messageId} shows ${title}, an older version of ${file} (now ${st.title})`);
      }
    }
  }
  return out;
}

/**
 * What every chat should show, checked against the messages the service has posted, edited and
 * deleted. Returns the broken rules (empty: all hold).
 */
export function violations(world: World, svc: InProcessService, onDelete: 'keep' | 'delete'): string[] {
  world.endStep();
  noteRetired(world, svc);
  movedHome(world, svc);
  // After a restore, a change to a message deleted since the backup is what a real chat refuses (404): harmless, not a double.
  const anomalies = world.afterRestore ? svc.anomalies.filter((a) => !/, which is deleted$/.test(a)) : svc.anomalies;
  const sameText = identicalEdits(world, svc);
  const switched = switchedNotes(world, svc); // first: a moved file that came late allows its note a second post
  const out = [...anomalies, ...sameText, ...postedTwice(svc.events, world.restored, new Set([...world.retired, ...world.cameLate]), world.movedHome), ...switched, ...(world.mode === 'separate' && !world.afterRestore ? missedEdits(world, svc) : [])];
  const store = svc.app!.store;
  // A message can change family without an edit (its only member renamed, text unchanged): the label
  // is the one the service now keeps for it, so that it is checked, not a stale one.
  const posts = store.db.prepare('SELECT note_id AS noteId, chat, message_id AS messageId FROM posts').all() as { noteId: string; chat: string; messageId: string }[];
  for (const p of posts) {
    const m = svc.chats.get(`console:${p.chat}`)?.get(p.messageId);
    // A note's own message (announced while `separate`) stands for its family of one.
    const key = p.noteId.startsWith('family:') ? undefined : store.getNote(p.noteId)?.info.translationKey;
    if (m?.live) m.family = key === undefined ? p.noteId : `family:${key}`;
  }
  // While `separate`, only "never double" is checked (live titles, post counts). Back in `group`,
  // everything is, except for families where notes written while separate kept their key as
  // written, two of one language, until decided again (`conflicted`, below).
  const separate = world.mode === 'separate' || world.afterRestore;
  const conflicted = new Set<string>();
  const published = world.published();
  const familyOf = new Map<string, string>();
  for (const n of published) {
    const row = store.getNote(n.id);
    if (!row || row.state !== 'published') {
      out.push(`${n.file} is published on disk but the store has it as ${row?.state ?? 'unknown'}`);
      continue;
    }
    const key = row.info.translationKey;
    const raw = world.rawKey(n.file);
    if (key !== raw && !key.startsWith(`${raw}#`)) out.push(`${n.file} is in family ${key}, not one of its own key ${raw}`);
    familyOf.set(n.id, `family:${key}`);
  }
  // Item 3 of s31: a translation written beside one of two notes of its name is in that one's family (family-folder.ts).
  if (!separate && !world.everSeparate) {
    for (const b of world.standingBesides()) {
      const [ja, en] = [familyOf.get(noteIdOf(b.ja)), familyOf.get(noteIdOf(b.en))];
      if (ja && en && ja !== en) out.push(`${b.ja}, written beside ${b.en} (another note of its name elsewhere), is in ${ja}, not ${b.en}'s ${en}`);
    }
  }
  // A family is a set of notes in different languages: two members in one language is a merge.
  const langs = new Map<string, Map<string, string>>();
  for (const n of published) {
    const f = familyOf.get(n.id);
    if (!f) continue;
    const byLang = langs.get(f) ?? new Map<string, string>();
    if (byLang.has(n.lang) && world.everSeparate) conflicted.add(f);
    else if (byLang.has(n.lang)) out.push(`${n.file} and ${byLang.get(n.lang)} are both ${n.lang} members of ${f}`);
    byLang.set(n.lang, n.file);
    langs.set(f, byLang);
  }
  // The same allowance for a note removed with its message kept (`keep`), whose family a note written while separate
  // joined in its language (the new note at its path, with the key as written): two messages of one family until decided again.
  if (world.everSeparate) for (const m of CHATS.flatMap((c) => svc.live(c.name))) if (m.family && !published.some((p) => p.title === titleOf(m)) && published.some((p) => familyOf.get(p.id) === m.family && p.lang === langOf(world.fileOfNote.get(world.noteOfTitle.get(titleOf(m)) ?? -1) ?? ''))) conflicted.add(m.family);
  for (const c of CHATS) {
    const live = svc.live(c.name);
    const byFamily = new Map<string, ChatMessage[]>();
    for (const m of live) byFamily.set(m.family ?? '', [...(byFamily.get(m.family ?? '') ?? []), m]);
    // While `separate`, each translation has its own message: only "never double" holds per title.
    if (!separate) for (const [f, ms] of byFamily) if (ms.length > 1 && !conflicted.has(f)) out.push(`${c.name}: ${ms.length} messages for ${f}`);
    // Never double (issue 25): a title is one write of one note, so two messages showing it are one note announced twice.
    const byTitle = new Map<string, number>();
    for (const m of live) byTitle.set(titleOf(m), (byTitle.get(titleOf(m)) ?? 0) + 1);
    for (const [t, n] of byTitle) if (n > 1) out.push(`${c.name}: ${n} live messages show ${t}`);
    const wanted = new Set<string>();
    for (const n of separate ? [] : published) {
      const f = familyOf.get(n.id);
      if (!f || !passes(c, n) || conflicted.has(f)) continue;
      // A copy held in the chats its original is shown in: the original's message shows exactly its content there. Only
      // where a message of another family shows that text: a chat of no language shown a translation's family by its
      // original in another language is not shown the copied translation's text (BENCH_MODEL_SEED=4103, delete).
      const held = world.heldCopyOf(n.file);
      if (held && passes(c, held) && live.some((m) => m.family !== f && titleOf(m) === n.title)) continue;
      wanted.add(f);
      const m = byFamily.get(f)?.[0];
      if (!m) {
        out.push(`${c.name}: nothing shows ${n.file} (${n.title}, ${f})`);
        continue;
      }
      // Titles are unique per write: the one shown names the note and its version (a renamed note keeps its text).
      // A copy not yet decided shows its original's title: the file of this family and the chat's language is the one shown.
      const shown = published.find((p) => p.title === titleOf(m) && familyOf.get(p.id) === f && (!c.lang || p.lang === c.lang)) ?? published.find((p) => p.title === titleOf(m));
      if (!shown) out.push(`${c.name}: the message for ${f} shows ${titleOf(m)} (${m.noteId}), not the newest text of a published note`);
      else if (familyOf.get(shown.id) !== f) out.push(`${c.name}: the message for ${f} shows ${shown.file}, of ${familyOf.get(shown.id)}`);
      else if (c.lang && shown.lang !== c.lang) out.push(`${c.name}: the message for ${f} is in ${shown.lang}`);
    }
    for (const m of svc.chats.get(`console:${c.name}`)?.values() ?? []) {
      if (!world.everPublished.has(titleOf(m))) out.push(`${c.name}: message ${m.messageId} shows ${titleOf(m)}, never published`);
      if (separate || onDelete !== 'delete' || !m.live || wanted.has(m.family ?? '') || conflicted.has(m.family ?? '')) continue;
      // A message whose note is still published follows it even where the chat's filter no longer
      // picks it (moved to another language folder): README, "a filter change never deletes it".
      const follows = published.find((p) => p.title === titleOf(m));
      // So does the message of a family its only note left for another family's message in the chat: kept for that note
      // (publish/family-kept.ts, tester 36's F4), which never went away, whatever `onDelete` says.
      const kept = !!follows && live.some((o) => o !== m && o.family === familyOf.get(follows.id));
      if (!follows || (familyOf.get(follows.id) !== m.family && !kept)) out.push(`${c.name}: message ${m.messageId} (${m.family}, ${titleOf(m)}) is still up`);
    }
  }
  return out;
}

/**
 * Issue 25: no chat gets an edit whose text is what it shows already (README, controls: never an edit for a change of
 * controls alone; nor for anything else that leaves the text as it is). Read from this step's events, before
 * `switchedNotes` moves the mark on. Allowed: the same delivery sent again after a kill (the platform's answer was
 * lost: the same message, as a resent post is), and anything after a restored backup, whose records may trail what a
 * message shows (docs/operations.md, "A restored backup").
 */
function identicalEdits(world: World, svc: InProcessService): string[] {
  const out: string[] = [];
  for (const e of svc.events.slice(world.eventsChecked)) {
    const key = `${e.target} ${e.messageId}`, before = world.shownText.get(key);
    if (e.event === 'edit' && before?.text === e.text && !world.afterRestore && (e.deliveryId === undefined || e.deliveryId !== before.deliveryId)) {
      out.push(`${e.target}: message ${e.messageId} edited to the text it shows (${tagOf(e.text)}), delivery ${e.deliveryId}`);
    }
    if (e.event !== 'delete') world.shownText.set(key, { text: e.text, deliveryId: e.deliveryId });
  }
  return out;
}

/**
 * A note's own message (posted while `separate`) that the service deleted while the note stayed
 * published: a family message in that chat linked it once grouped (family-adopt.ts, README
 * "translations"). Should that family split later (a member moved into the note's language: two
 * notes of one language are two families), the note has no message of its own there any more and
 * is posted once again, for its new family: the model's MODEL_SEED=9001 / fast-check 9002 case.
 * Read from the events of this step, before the checks.
 */
function noteRetired(world: World, svc: InProcessService): void {
  for (const e of svc.events.slice(world.eventsChecked)) {
    if (e.event !== 'delete' || !e.noteId || e.noteId.startsWith('family:')) continue;
    const title = tagOf(svc.chats.get(e.target)?.get(e.messageId)?.text ?? '');
    const note = world.noteOfTitle.get(title);
    const file = note === undefined ? undefined : world.fileOfNote.get(note);
    if (file !== undefined && world.files.get(file)?.draft === false) world.retired.add(`${e.target} ${title}`);
  }
}

/** Withdrawals of a note's own message as it moved home, among this step's events (double-posts.ts), read before the checks. */
function movedHome(world: World, svc: InProcessService): void {
  const store = svc.app!.store;
  const familyOfTitle = (title: string) => {
    const note = world.noteOfTitle.get(title);
    const file = note === undefined ? undefined : world.fileOfNote.get(note);
    return file === undefined || world.files.get(file)?.draft !== false ? undefined : store.getNote(noteIdOf(file))?.info.translationKey;
  };
  for (const [k, at] of movedHomeWithdrawals(svc.events, world.eventsChecked, familyOfTitle)) world.movedHome.set(k, [...(world.movedHome.get(k) ?? []), ...at]);
}

/**
 * The language a post was for: that of the path the service posted the note's text from (the event's member), not
 * of the file the note ended the step at. A burst split with deliveries between may post a note at a path it leaves
 * later in the step (split-burst property seed 8675309: posted for setup-ja.md, ja, then moved on to a/setup.md).
 */
const langAsPosted = (e: { noteId: string | null }, file: string) => langOf(e.noteId === null ? file : `${e.noteId}.md`);

/**
 * Issue 25, item 1: a message never switches to show another note of the language of the note it
 * was posted for (two notes of one name, or one key, in one language are two notes), unless that
 * one is a rename of it (the same note, followed by the model as the service follows it). Read
 * step by step: a switch breaks it when the note switched to is, as that step left it, in the
 * language the note posted for had then and has now. A family's message posted for its English
 * member may switch to its Japanese one (and keep showing it once moved to the English folder),
 * and to the one left of a family its first note moved out of to another language. One allowance,
 * checked at rest instead: a switch queued by a batch a later batch of the same step followed
 * (a burst split by a loaded machine, split-transients.ts); counted in `transientSwitches`.
 */
function switchedNotes(world: World, svc: InProcessService): string[] {
  const out: string[] = [];
  const postedFor = world.postedFor;
  const transients: TransientSwitch[] = [];
  // Whether `shown`, as the step left it, is another note of the language `first` had when posted and has now.
  const isSwitch = (first: { note: number; lang: string }, shown: number) => {
    const lang = langOf(world.fileOfNote.get(shown) ?? '');
    return shown !== first.note && lang === first.lang && langOf(world.fileOfNote.get(first.note) ?? '') === lang;
  };
  for (const e of svc.events.slice(world.eventsChecked)) {
    const message = `${e.target} ${e.messageId}`;
    // A post for an undecided copy's path (its original's title) is the copy's own.
    const note = (e.event === 'post' && e.noteId !== null ? world.copyNote(`${e.noteId}.md`) : undefined) ?? world.noteOfTitle.get(tagOf(e.text));
    const file = note === undefined ? undefined : world.fileOfNote.get(note);
    if (e.event === 'post' && note !== undefined && file !== undefined && !postedFor.has(message)) postedFor.set(message, { note, lang: langAsPosted(e, file), shows: note });
    const first = postedFor.get(message);
    if (e.event !== 'edit' || first === undefined || note === undefined || file === undefined || note === first.shows) continue;
    const by = world.sealed.get(first.note);
    if (by !== undefined && note !== first.note) out.push(`${e.target}: message ${e.messageId}, kept for ${world.fileOfNote.get(first.note)} (removed, its path re-created as another note, the model's note ${by}), shows ${file} (${tagOf(e.text)})`);
    first.shows = note;
    if (!isSwitch(first, note)) continue;
    const problem = `${e.target}: message ${e.messageId}, posted for ${world.fileOfNote.get(first.note)} (${first.lang}), shows ${file} (${tagOf(e.text)}), another ${first.lang} note`;
    if (queuedBeforeLastBatch(svc.batchLog, world.batchesChecked, world.outboxSeqChecked, e.deliveryId)) transients.push({ target: e.target, messageId: e.messageId, note: first.note, lang: first.lang, problem, deliveryId: e.deliveryId });
    else out.push(problem);
  }
  const fileNow = (t: TransientSwitch) => world.fileOfNote.get(t.note) ?? '';
  const [from, seqBefore, windowMs] = [world.batchesChecked, world.outboxSeqChecked, removalWindowMs(svc.config)];
  const cameLate = (t: TransientSwitch) => world.files.has(fileNow(t)) && movedFileCameLate(svc.batchLog, from, seqBefore, t.deliveryId, path.resolve(svc.notes, fileNow(t)), windowMs);
  world.eventsChecked = svc.events.length;
  world.batchesChecked = svc.batchLog.length;
  world.outboxSeqChecked = svc.outboxSeq();
  const shows = (t: TransientSwitch) => {
    const m = svc.chats.get(t.target)?.get(t.messageId);
    return m?.live ? world.noteOfTitle.get(tagOf(m.text)) : undefined;
  };
  const rest = transientsAtRest(transients, shows, isSwitch, cameLate);
  world.transientSwitches += rest.corrected;
  for (const t of rest.late) world.cameLate.add(`${t.target} ${world.files.get(fileNow(t))!.title}`);
  return [...out, ...rest.problems];
}

/**
 * Paths the watcher never reported (applied by a reconcile pass: `watcherMisses`) under a folder that was moved away
 * and back (Op `away`): README promises its changes are reported as ever once it is back, so its watch died with it.
 */
function deadWatches(world: World, misses: readonly string[]): string[] {
  const under = (rel: string) => [...world.wentAway].find((f) => rel.startsWith(f));
  return misses.flatMap((m) => m.split(', ').filter((rel) => under(rel) !== undefined).map((rel) => `the watcher never reported ${rel}, under ${under(rel) || 'the notes folder'}, moved away and back before`));
}

export interface RunResult {
  steps: number;
  problems: string[];
  /** Kills applied, posts a kill caught that were sent again (the same message), sends that met an outage. */
  kills: number;
  resends: number;
  faultHits: number;
  /** Paths the watcher never reported, applied by a reconcile pass instead (InProcessService.reconcileMissed). */
  watcherMisses: number;
  /** Stops with posts queued (`stopQueued` whose sends met the outage), and backups restored. */
  queuedStops: number;
  /** Moves onto an existing file applied (`over`). */
  overwrites: number;
  restores: number;
  /** Slow notes saved (`slow`), and re-created paths (a note at a path another note held, told apart by its identity). */
  slowNotes: number;
  recreated: number;
  /** Switches to another note that a later batch of their step corrected (a burst split by a loaded machine): allowed, checked at rest (split-transients.ts). */
  transientSwitches: number;
  /** Copies made and changes of controls alone applied (Ops `copy`, `controls`). */
  copies: number;
  controls: number;
  /** Folders moved away and back (Op `away`), and digests posted (a run with `digests`). */
  aways: number;
  digests: number;
  /** Translations written beside one of two notes of their name, each checked at rest while it stands (World.besides). */
  besides: number;
  /** Each chat's live messages at the end, by the title they show (`N<k>`, the k-th write), and its posts made. */
  shown: Record<string, string[]>;
  posted: Record<string, number>;
}

const counts = (svc: InProcessService, world: World, tally: Pick<RunResult, 'queuedStops' | 'restores' | 'slowNotes'>) => ({ kills: svc.kills, resends: svc.resends, faultHits: svc.faults?.hits ?? 0, watcherMisses: svc.watcherMisses.length, transientSwitches: world.transientSwitches, overwrites: world.overwrites, recreated: world.recreated, copies: world.copiesMade, controls: world.controlsChanged, aways: world.awaysMade, besides: world.besidesMade, digests: svc.events.filter((e) => e.event === 'digest').length, shown: liveTitles(svc), posted: postsPerChat(svc), ...tally });
const liveTitles = (svc: InProcessService) => Object.fromEntries(CHATS.map((c) => [c.name, [...(svc.chats.get(`console:${c.name}`)?.values() ?? [])].filter((m) => m.live).map(titleOf)]));
const postsPerChat = (svc: InProcessService) => Object.fromEntries(CHATS.map((c) => [c.name, svc.events.filter((e) => e.event === 'post' && e.target === `console:${c.name}`).length]));

/** Applies a burst's ops; returns the paths the watcher will report. */
function applyBurst(world: World, ops: readonly Op[]): string[] {
  const before = new Set(world.files.keys());
  // A path created and gone again within one burst may raise no event (the watcher coalesces them).
  return ops.flatMap((x) => world.apply(x)).filter((f) => before.has(f) || world.files.has(f));
}

/** One outage step (see Op): fail, apply, wait until a send met the failure (or nothing was to be sent), recover, settle. */
async function outage(svc: InProcessService, world: World, o: Extract<Op, { op: 'outage' }>): Promise<void> {
  const faults = svc.faults!;
  const hitsBefore = faults.hits;
  if (o.kind === 'down') faults.down = true;
  else faults.hangMs = 1500;
  const paths: string[] = [];
  try {
    for (const ops of o.apart ? o.ops.map((x) => [x]) : [o.ops]) {
      const now = [...new Set(applyBurst(world, ops))];
      if (now.length) await svc.batched(now);
      paths.push(...now);
    }
    if (!paths.length) return; // nothing changed: nothing to send
    // Idle while failing with no delivery waiting: nothing was to be sent (a retry waiting is not
    // idle). An idle alone is not enough: an earlier batch of this step (a removal alone) may have
    // said it before the last one queued its posts, which then went out after the check. Nor is one
    // counted from before the change: the last step's late batch may have said it, and this step's
    // batch, a rewrite held the removal window, was checked undecided (MODEL_SEED=3131): an idle after
    // the last batch applied.
    await svc.waitFor(() => faults.hits > hitsBefore || (svc.idleSinceLastBatch && svc.openDeliveries() === 0), 20_000, 'a send meeting the outage, or idle');
  } finally {
    faults.down = false;
    faults.hangMs = 0;
  }
  if (faults.hits > hitsBefore) await svc.nextIdle(30_000);
}

/** One `stopQueued` step (see Op): posts queued in an outage, stopped, changed while stopped, started, the platform back. */
async function stopQueued(svc: InProcessService, world: World, o: Extract<Op, { op: 'stopQueued' }>, tally: Pick<RunResult, 'queuedStops'>): Promise<string[]> {
  const { started, queued } = await queuedThroughStop(svc, world, o);
  if (queued) tally.queuedStops++;
  // Every post sent since the start shows a note as it is now: nothing goes out for a note deleted, drafted
  // or edited while stopped (the tester's "deleted while its post waited"), whatever `onDelete` says.
  const now = new Set(world.published().map((n) => n.title));
  return svc.events.slice(started).filter((e) => e.event === 'post' && !now.has(tagOf(e.text))).map((e) => `${e.target}: posted ${tagOf(e.text)} after a start, though its note was deleted, drafted or edited while stopped`);
}

/** `stopQueued` up to the platform's return; returns how many events came before the start, and how many deliveries the stop left queued. */
async function queuedThroughStop(svc: InProcessService, world: World, o: Extract<Op, { op: 'stopQueued' }>): Promise<{ started: number; queued: number }> {
  const faults = svc.faults!;
  const hitsBefore = faults.hits;
  faults.down = true;
  let idles: number, started: number, queued: number;
  try {
    const paths = [...new Set(applyBurst(world, o.ops))];
    if (paths.length) {
      await svc.batched(paths);
      await svc.waitFor(() => faults.hits > hitsBefore || (svc.idleSinceLastBatch && svc.openDeliveries() === 0), 20_000, 'a send meeting the outage, or idle'); // an idle after the last batch, as in `outage`
    }
    queued = svc.openDeliveries();
    await svc.stop();
    for (const x of o.offline) world.apply(x);
    idles = svc.idleCount;
    started = svc.events.length;
    if (o.back === 'atStart') faults.down = false;
    await svc.start({}, { idle: o.back === 'atStart' });
    if (o.back === 'afterRemovals') await svc.waitFor(() => svc.app?.publisher.pendingRemovals === 0, 20_000, 'the removals the start found judged, the platform still down');
  } finally {
    faults.down = false;
  }
  if (o.back !== 'atStart') {
    svc.app?.noticeIdle();
    await svc.waitFor(() => svc.idleCount > idles && svc.openDeliveries() === 0, 30_000, 'idle once the platform is back');
  }
  return { started, queued };
}

/**
 * One `away` step (see Op): the folder moved out of the notes folder, `ops` done to it there, after the service saw it
 * go when `seen`, and moved back; then a draft marker saved at the notes folder's top (batches are applied in order, so
 * once the marker is, the folder's return is too). Returns the paths to settle on (none when the folder was not there).
 * A folder in the notes folder away past the removal window has had its notes' removals judged: those put back may be
 * posted again (`restored`, as Op `restore`).
 */
async function awayAndBack(svc: InProcessService, world: World, o: Extract<Op, { op: 'away' }>, marker: number): Promise<string[]> {
  const home = path.join(world.root, o.folder);
  if (!existsSync(home)) return [];
  const at = `${world.root}.away-${o.folder.replace(/\W/g, '') || 'root'}`;
  const titles = [...world.files].filter(([f]) => f.startsWith(o.folder)).map(([, st]) => st.title);
  const left = Date.now(), logged = svc.warnings.length;
  renameSync(home, at);
  world.away = { folder: o.folder, at };
  world.wentAway.add(o.folder);
  world.awaysMade++;
  try {
    const log = () => `its log since it went: ${svc.warnings.slice(logged) || 'nothing'}`;
    if (o.seen && o.folder === '') await svc.waitFor(() => rootSeenGone(svc.warnings), 20_000, 'the notes folder seen gone', log);
    else if (o.seen) await svc.waitFor(() => svc.reportedUnder(o.folder), 20_000, `the watcher reporting ${o.folder} gone`);
    // Only what stays inside the folder: a move out of it or into it is another question (a removal, a new note).
    for (const x of o.ops) if (inFolder(x, o.folder)) world.apply(x);
  } finally {
    renameSync(at, home);
    world.away = undefined;
  }
  if (o.folder !== '' && Date.now() - left >= removalWindowMs(svc.config)) for (const t of titles) world.restored.add(t);
  const file = `m/away-${marker}.md`;
  mkdirSync(path.join(world.root, 'm'), { recursive: true });
  writeFileSync(path.join(world.root, file), `---\ntitle: Marker ${marker}\ndraft: true\n---\n\nA draft saved once the folder was back.\n`);
  return [file];
}

/**
 * Whether the service's last word on its notes folder is that it is gone (README: "the notes folder's watch ended …",
 * "the notes folder is gone …") rather than "the notes folder is back …". A step may settle before the service looked
 * again and saw the folder of an earlier `away` back (a note saved then is found by looking the folder over): the
 * folder moved away again then is gone all along for it, and it says nothing new.
 */
function rootSeenGone(log: string): boolean {
  const gone = Math.max(log.lastIndexOf('the notes folder is gone'), log.lastIndexOf("the notes folder's watch ended"));
  return gone > log.lastIndexOf('the notes folder is back');
}

/** Whether every path `o` reads or writes is under `folder`. */
const inFolder = (o: Op, folder: string) => ('file' in o ? o.file.startsWith(folder) : 'from' in o ? o.from.startsWith(folder) && o.to.startsWith(folder) : false);

/** Where `backup` keeps its copy of the state folder. */
const backupOf = (svc: InProcessService) => `${path.dirname(svc.db)}.backup`;

/** `backup`: stop, copy the whole state folder aside, start. */
async function backupState(svc: InProcessService): Promise<void> {
  await svc.stop();
  rmSync(backupOf(svc), { recursive: true, force: true });
  cpSync(path.dirname(svc.db), backupOf(svc), { recursive: true });
  await svc.start();
}

/** `restoreBackup`, as docs/operations.md says: stop, the backup's files in place of the current ones, one start `--after-restore`. */
async function restoreState(svc: InProcessService, world: World, tally: Pick<RunResult, 'restores'>): Promise<void> {
  if (!existsSync(backupOf(svc))) return;
  tally.restores++;
  await svc.stop();
  rmSync(path.dirname(svc.db), { recursive: true, force: true });
  cpSync(backupOf(svc), path.dirname(svc.db), { recursive: true });
  svc.faults!.idOffset += 100_000;
  world.afterRestore = true;
  await svc.start({ afterRestore: true });
}

/**
 * Runs one sequence on a fresh folder and database; stops at the first step that breaks a rule.
 * `parseThreads`: the caller's, shared by every start of every sequence (a kill ends the threads
 * parsing at that moment, as a kill -9 would: RunningApp.abandon).
 */
export async function runSequence(ops: readonly Op[], onDelete: 'keep' | 'delete', parseThreads?: ParseThreads, { digests = false, inspect }: { digests?: boolean; inspect?: (svc: InProcessService) => string[] } = {}): Promise<RunResult> {
  // Warnings kept when the folder goes away: a step waits for the service to say it saw it go.
  const config = modelConfig(onDelete, ops.some((o) => o.op === 'slow') ? SLOW_BUDGET_MS : undefined, digests);
  const svc = InProcessService.sandbox(config, { parseThreads }, { warnings: ops.some((o) => o.op === 'away'), emptyStore: true, inMemory: true });
  const check = () => (digests ? (world.endStep(), digestViolations(world, svc, DIGEST_CHATS, onDelete)) : violations(world, svc, onDelete));
  svc.reconcileMissed = true; // what chats show is the subject here; a watcher miss is applied as the periodic pass would
  svc.withFaults();
  const world = new World(svc.notes, onDelete);
  const tally = { queuedStops: 0, restores: 0, slowNotes: 0 };
  await svc.start();
  let steps = 0;
  try {
    for (const o of ops) {
      steps++;
      svc.beginStep();
      let changed: string[];
      if (o.op === 'restart') {
        await svc.stop();
        for (const x of o.offline) world.apply(x);
        if (o.mode) svc.config.publish.translations.mode = world.mode = o.mode;
        if (o.mode === 'separate') world.everSeparate = true;
        await svc.start();
        changed = [];
      } else if (o.op === 'burst') {
        changed = applyBurst(world, o.ops);
      } else if (o.op === 'kill') {
        const hitsBefore = svc.faults!.hits;
        if (o.at === 'sending') svc.faults!.answerHeld = true;
        const seen = [...new Set(applyBurst(world, o.ops))];
        if (o.at !== 'written' && seen.length) await svc.batched(seen);
        // A post carried out, its answer held; or the service idle (the batch posted nothing).
        if (o.at === 'sending') await svc.waitFor(() => svc.faults!.hits > hitsBefore || svc.idleSinceLastBatch, 20_000, 'a post carried out, or idle');
        await svc.kill();
        svc.faults!.answerHeld = false; // to no one: the killed service's store is closed
        await svc.start(); // its scan finds what the killed one had not handled; it waits for idle
        changed = [];
      } else if (o.op === 'outage') {
        await outage(svc, world, o);
        changed = [];
      } else if (o.op === 'stopQueued') {
        const sentStale = await stopQueued(svc, world, o, tally);
        if (sentStale.length) return { steps, problems: sentStale, ...counts(svc, world, tally) };
        changed = [];
      } else if (o.op === 'away') {
        changed = await awayAndBack(svc, world, o, steps);
      } else if (o.op === 'backup' || o.op === 'restoreBackup') {
        await (o.op === 'backup' ? backupState(svc) : restoreState(svc, world, tally));
        changed = [];
      } else if (o.op === 'slow') {
        tally.slowNotes++;
        world.check();
        const half = [...(await slowHalf(svc, world, o, applyBurst)), ...violations(world, svc, onDelete)];
        if (half.length) return { steps, problems: half, ...counts(svc, world, tally) };
        changed = world.fixSlow(o.fix);
      } else {
        changed = world.apply(o);
      }
      world.check();
      const expected = [...new Set(changed)];
      const misses = svc.watcherMisses.length;
      if (expected.length) await svc.settle(expected);
      const problems = [...deadWatches(world, svc.watcherMisses.slice(misses)), ...check(), ...(o.op === 'slow' ? fixedProblems(svc, o.file) : [])];
      // MODEL_DEBUG=1: a failing run prints what every chat was sent (each delivery's id), what the service logged (at debug
      // level: what it decided, and when) and its batches, to read the counterexample by; MODEL_DEBUG=all: after every step.
      const debug = process.env.MODEL_DEBUG === 'all' || (problems.length > 0 && !!process.env.MODEL_DEBUG);
      if (debug) console.log(svc.events.map((e) => `${e.event} ${e.target} ${e.messageId} ${e.family ?? e.noteId} ${tagOf(e.text)} delivery ${e.deliveryId} revision ${e.revision}`).join('\n'));
      if (debug) console.log(svc.debugLog.join(''));
      if (debug) console.log(svc.batchLog.map((b) => `batch ${[...(b.paths ?? [])].map((p) => path.relative(svc.notes, p)).join(',')} reported ${b.reportedAt} started ${b.startedAt} applied ${b.appliedAt} seq ${b.outboxSeq}`).join('\n'));
      if (problems.length) return { steps, problems, ...counts(svc, world, tally) };
    }
    // `inspect` (review rv34-b): what the model's rules do not read (a message's full text), checked once every step held.
    return { steps, problems: inspect ? inspect(svc) : [], ...counts(svc, world, tally) };
  } finally {
    await svc.discard();
  }
}
