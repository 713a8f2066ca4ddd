/**
 * The deliverer asks `dueHeads` and `nextAttemptAt` (store/due-queue.ts) at every pump, and each asks, for every open
 * row, whether it waits on a held post (waitsOnHeldSql). That question read the whole outbox once per open row: at
 * crash.test.ts's 2,400 pending deliveries, 1.5 s a pump, 16 deliveries sent per pump (issue 24). It searches the
 * row's chat among the open rows by index (outbox_open) instead; and whether a post waits for its page (each row's payload
 * read) only while some page is waited for.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Prepare } from '../../src/store/db.js';
import { dueHeads, nextAttemptAt } from '../../src/store/due-queue.js';
import { Store } from '../../src/store/store.js';
import type { Summary } from '../../src/summary/build.js';
import { tempFolder } from '../helpers/temp-folder.js';

const summary = (title: string): Summary => ({ title, keyPoints: [[{ text: `About ${title}.` }]], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 });

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function storeWithOpenRows(): Store {
  const dir = tempFolder('notecast-due-plan-');
  const s = new Store(path.join(dir, 'state.db'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => s.close());
  for (let n = 0; n < 20; n++) {
    for (let c = 0; c < 5; c++) s.enqueue({ noteId: `n${n}`, revision: 1, target: { platform: 'console', chat: `t${c}`, thread: '' }, kind: 'post', payload: { type: 'summary', summary: summary(`N${n}`) } });
  }
  s.db.exec('ANALYZE');
  return s;
}

/** SQLite's plan of each statement `ask` prepares: a full read is `SCAN w`, a read by index `SEARCH w USING INDEX …` (sqlite.org/eqp.html). */
function plansOf(s: Store, ask: (sql: Prepare) => unknown): string[][] {
  const asked: string[] = [];
  ask((text) => {
    asked.push(text);
    return s.sql(text);
  });
  expect(asked.length).toBeGreaterThan(0);
  return asked.map((text) => {
    const params = Array.from({ length: text.split('?').length - 1 }, () => 0); // a plan is made before values are bound
    return (s.db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[]).map((p) => p.detail);
  });
}

describe('the due queue asks about held posts by index, and about pages only while one is waited for', () => {
  it.each([
    ['dueHeads', (sql: Prepare) => dueHeads(sql, () => undefined, Date.now(), 16, new Set())],
    ['nextAttemptAt (the deliverer\'s timer)', (sql: Prepare) => nextAttemptAt(sql, undefined, undefined, true)],
    ['nextAttemptAt (idle)', (sql: Prepare) => nextAttemptAt(sql, Date.now(), ['console'])],
  ])('%s searches a row\'s chat among the open rows, never reads the whole outbox per row', (_name, ask) => {
    const s = storeWithOpenRows();
    for (const plan of plansOf(s, ask)) {
      // Main's plan read `SEARCH w USING INTEGER PRIMARY KEY (rowid<?)`: every row of every chat below the asking one.
      const reads = plan.filter((d) => /^(SCAN|SEARCH) w\b/.test(d));
      expect(reads.filter((d) => !/^SEARCH w USING INDEX outbox_open \(platform=\? AND chat=\? AND thread=\? AND id<\?\)/.test(d)), plan.join(' | ')).toEqual([]);
    }
    // A post held for its page (live_pages `l`, by its payload's URL): each row's payload is read only once a page is waited
    // for at all, which one uncorrelated subquery (`SCALAR SUBQUERY`, run once a statement) asks first.
    for (const plan of plansOf(s, ask).filter((p) => p.some((d) => /^SEARCH l USING/.test(d)))) {
      const once = plan.findIndex((d) => /^SCAN lw\b/.test(d));
      expect(once, plan.join(' | ')).toBeGreaterThan(0);
      expect(plan[once - 1], plan.join(' | ')).toMatch(/^SCALAR SUBQUERY \d+$/);
    }
    expect(plansOf(s, ask).flat().filter((d) => /^SEARCH w\b/.test(d)).length, 'the held question is asked').toBeGreaterThan(0);
  });
});
