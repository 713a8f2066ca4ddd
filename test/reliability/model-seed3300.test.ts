/**
 * Issue 25 (s33-m3): the counterexamples of `BENCH_MODEL_RUNS=8 BENCH_MODEL_SEED=3300 npm run bench -- model` (onDelete
 * delete and keep shrank to the same 26 steps). Both failed on main 4ff5ffdf.
 *
 * delete: `setup.md`, posted while `separate` (its own message c37 in `all`, kept as its message once `group` is back:
 * family-adopt.ts ownMessageStays), is copied byte for byte to `setup-ja.md` (Japanese by its suffix, under the key
 * `setup` whose ja place `_posts/ja/setup.md` holds: its own family `setup#setup-ja`). The copy was posted in `all` beside
 * c37 ("all: 2 live messages show N17", after step 25): family-copies.ts shownByOriginal looked only at the original's
 * family message, not at its own. Now the copy is held there, and when `setup.md` is removed its own message is handed to
 * the copy's family (note-outbox.ts handOverOwnToCopyFamily), never deleted with the copy shown nowhere.
 *
 * keep: after step 23 (the restart back into `group`), "console:en: message c2, posted for setup.md (en), shows a/setup.md
 * (N15), another en note" and "en: 2 live messages show N15": the family `setup`'s message in `en` (c2, showing the first
 * setup.md, removed and kept by `keep`) was edited to show a/setup.md, which has its own message there (posted while
 * `separate`). Now a kept message showing a removed member stays as it is where the member to show has its own message
 * (family-outbox.ts keptBesideOwnMessage).
 */
import { describe, expect, it } from 'vitest';
import { fileParseThreads } from '../helpers/inproc.js';
import { runSequence, type Op } from '../helpers/route-model.js';

const parseThreads = fileParseThreads();

const write = (file: string, extra: Partial<Extract<Op, { op: 'write' }>> = {}): Op => ({ op: 'write', file, draft: false, ...extra });
const dated = (file: string, date: string, permalink: string): Op => write(file, { generic: false, date, permalink, long: true });

/** The 26 steps fast-check shrank to, in both onDelete modes. */
const shrunk: Op[] = [
  { op: 'away', folder: '', ops: [], seen: false },
  { op: 'slow', file: 'setup.md', kind: 'stars', ops: [], offline: false, after: [], fix: write('setup.md', { generic: false, long: false }) },
  dated('_posts/en/setup-ja.md', '2025-01-06', '/notes/one/'),
  { op: 'remove', file: '_posts/en/setup-ja.md' },
  dated('_posts/en/setup-ja.md', '2025-02-03', '/notes/two/'),
  write('_posts/ja/setup.md'),
  dated('setup.md', '2025-01-06', '/notes/two/'),
  { op: 'remove', file: 'setup.md' },
  dated('setup.md', '2025-03-03', '/weekly/'),
  write('_posts/ja/setup.md'),
  { op: 'restart', offline: [], mode: 'separate' },
  dated('setup.md', '2025-01-06', '/notes/one/'),
  { op: 'remove', file: 'setup.md' },
  dated('setup.md', '2025-03-03', '/notes/two/'),
  write('_posts/ja/setup.md'),
  dated('setup.md', '2025-01-06', '/notes/one/'),
  { op: 'remove', file: 'setup.md' },
  dated('setup.md', '2025-03-03', '/weekly/'),
  write('_posts/ja/setup.md'),
  write('b/setup.md'),
  write('a/setup.md'),
  write('b/setup-ja.md'),
  { op: 'restart', offline: [], mode: 'group' },
  write('setup.md', { generic: false, long: false }),
  { op: 'copy', from: 'setup.md', to: 'setup-ja.md' },
  { op: 'remove', file: 'setup.md' },
];

describe.concurrent('model: seed 3300, a copy into another language after a switch to separate and back', () => {
  it('the 26 steps (onDelete: delete): the copy held beside the original\'s own message, which it takes on the removal', { timeout: 120_000 }, async () => {
    const r = await runSequence(shrunk, 'delete', parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
  it('the 26 steps (onDelete: keep): a kept family message never adopted for a note with its own message there', { timeout: 120_000 }, async () => {
    const r = await runSequence(shrunk, 'keep', parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
});

/**
 * Found by the hunt `BENCH_MODEL_SHRINK=0 BENCH_MODEL_RUNS=3 BENCH_MODEL_SEED=3301 npm run bench -- model` (the first
 * sequence drawn, both onDelete modes), not shrunk (deadline): its first 16 steps, failing after the 16th (a kill -9 once
 * a move of `_posts/ja/intro-ja.md` to `intro.md` was batched) with "console:en N10 was posted 2 times (c31, c57); en: 2 live
 * messages show N10" (delete; keep: c26, c51). Fails on main 4ff5ffdf the same way, and with this branch's fix: another
 * class (a restore, a switch to separate, a kill), not diagnosed yet. Kept as `it.fails`.
 */
const seed3301: Op[] = [
  {"op": "burst", "ops": [{"op": "restore"}, {"op": "write", "file": "a/setup-ja.md", "draft": false, "generic": false, "date": "2025-03-03", "long": false}]},
  {"op": "write", "file": "a/setup-ja.md", "draft": false, "generic": true, "date": "2025-03-03", "permalink": "/notes/one/", "long": true},
  {"op": "burst", "ops": [{"op": "remove", "file": "a/setup-ja.md"}, {"op": "write", "file": "a/setup-ja.md", "draft": false, "generic": true, "date": "2025-02-03", "permalink": "/notes/two/", "long": true}]},
  {"op": "write", "file": "_posts/en/setup.md", "draft": false},
  {"op": "write", "file": "intro-ja.md", "draft": false, "generic": false, "date": "2025-01-06", "permalink": "/notes/two/", "long": true},
  {"op": "burst", "ops": [{"op": "remove", "file": "intro-ja.md"}, {"op": "write", "file": "intro-ja.md", "draft": false, "generic": false, "date": "2025-03-03", "permalink": "/weekly/", "long": true}]},
  {"op": "write", "file": "_posts/en/intro.md", "draft": false},
  {"op": "write", "file": "_posts/en/setup.md", "draft": false, "generic": false, "date": "2025-01-06", "permalink": "/weekly/", "long": false},
  {"op": "burst", "ops": [{"op": "restore"}, {"op": "move", "from": "a/setup.md", "to": "setup-ja.md"}, {"op": "write", "file": "_posts/ja/setup.md", "draft": true, "key": "shared", "generic": false, "date": "2025-01-06", "permalink": "/weekly/", "long": false}, {"op": "remove", "file": "_posts/ja/intro.md"}, {"op": "move", "from": "b/intro.md", "to": "_posts/ja/intro.md", "over": true}]},
  {"op": "burst", "ops": [{"op": "move", "from": "a/setup.md", "to": "_posts/ja/intro.md"}, {"op": "write", "file": "a/setup.md", "draft": false, "generic": true}]},
  {"op": "stopQueued", "ops": [{"op": "remove", "file": "b/intro-ja.md"}, {"op": "move", "from": "setup-ja.md", "to": "intro.md"}, {"op": "write", "file": "_posts/en/setup.md", "draft": false, "generic": false, "date": "2025-01-06", "long": false}], "offline": [{"op": "remove", "file": "intro-ja.md"}, {"op": "remove", "file": "b/intro.md"}, {"op": "remove", "file": "_posts/en/setup-ja.md"}], "back": "atStart"},
  {"op": "restart", "offline": [{"op": "write", "file": "b/intro.md", "draft": false, "generic": false, "long": false}, {"op": "write", "file": "b/setup-ja.md", "draft": false, "generic": false, "long": false}]},
  {"op": "restart", "offline": [{"op": "moveEdit", "from": "_posts/en/intro.md", "to": "_posts/en/setup-ja.md", "over": true}], "mode": "separate"},
  {"op": "burst", "ops": [{"op": "move", "from": "a/setup.md", "to": "_posts/ja/intro-ja.md"}, {"op": "move", "from": "_posts/ja/setup.md", "to": "a/setup.md"}]},
  {"op": "restoreBackup"},
  {"op": "kill", "at": "batched", "ops": [{"op": "move", "from": "_posts/ja/intro-ja.md", "to": "intro.md"}]},
];

describe.concurrent('model: seed 3301, a kill after a restore and a switch to separate (open)', () => {
  it.fails.each(['keep', 'delete'] as const)('the first 16 steps (onDelete: %s): en shows one note twice', { timeout: 120_000 }, async (onDelete) => {
    const r = await runSequence(seed3301, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
});

/**
 * `BENCH_MODEL_SHRINK=0 BENCH_MODEL_RUNS=8 BENCH_MODEL_SEED=3300 npm run bench -- model` after this branch's fixes: the
 * second sequence drawn (path 1) fails in both onDelete modes after its step 11 with "console:en: message c5, posted for
 * b/intro.md (en), shows _posts/en/intro-ja.md (N4), another en note; en: 2 live messages show N4". Fails on main
 * 4ff5ffdf the same way (checked in a worktree of main). Its first 11 steps, not shrunk (deadline), kept as `it.fails`.
 */
const seed3300Path1: Op[] = [
  {"op": "outage", "kind": "down", "ops": [{"op": "write", "file": "intro-ja.md", "draft": false, "key": "shared", "generic": false, "permalink": "/weekly/", "long": false}]},
  {"op": "stopQueued", "ops": [{"op": "controls", "file": "_posts/en/intro-ja.md", "silent": true, "pin": true}, {"op": "moveEdit", "from": "intro.md", "to": "_posts/en/intro-ja.md"}], "offline": [{"op": "write", "file": "b/intro.md", "draft": false, "key": "shared", "generic": true, "long": false}, {"op": "remove", "file": "_posts/en/intro-ja.md"}], "back": "afterStart"},
  {"op": "burst", "ops": [{"op": "moveEdit", "from": "a/intro-ja.md", "to": "b/setup-ja.md", "draft": true}, {"op": "write", "file": "a/intro-ja.md", "draft": false}]},
  {"op": "move", "from": "_posts/ja/intro-ja.md", "to": "_posts/ja/setup.md"},
  {"op": "away", "folder": "", "ops": [{"op": "move", "from": "b/intro.md", "to": "intro-ja.md"}, {"op": "move", "from": "a/intro-ja.md", "to": "_posts/en/setup.md"}], "seen": true},
  {"op": "remove", "file": "a/setup.md"},
  {"op": "restart", "offline": [], "mode": "separate"},
  {"op": "write", "file": "_posts/en/intro-ja.md", "draft": false, "key": "shared", "generic": false, "date": "2025-02-03", "permalink": "/weekly/", "long": false},
  {"op": "backup"},
  {"op": "burst", "ops": [{"op": "write", "file": "a/intro.md", "draft": false, "generic": false, "long": true}, {"op": "move", "from": "intro-ja.md", "to": "a/setup.md"}, {"op": "moveEdit", "from": "_posts/en/setup-ja.md", "to": "_posts/ja/setup-ja.md"}]},
  {"op": "restart", "offline": [{"op": "restore"}, {"op": "remove", "file": "_posts/ja/setup.md"}], "mode": "group"},
];

describe.concurrent('model: seed 3300 unshrunk, path 1 (open)', () => {
  it.fails.each(['keep', 'delete'] as const)('the first 11 steps (onDelete: %s): en shows one note twice', { timeout: 120_000 }, async (onDelete) => {
    const r = await runSequence(seed3300Path1, onDelete, parseThreads);
    expect(r.problems, `after step ${r.steps}`).toEqual([]);
  });
});
