/**
 * `notesWithContent` (store/kept-copies.ts) finds the notes of a content by index: a first start's families ask it once
 * a member and chat, and the one expression it matched by (`coalesce(bareHash, hash) = ?`) read every note each time
 * (2 s of first-start-bulk.test.ts's 900 notes). It finds what that expression finds.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Prepare } from '../../src/store/db.js';
import { notesWithContent } from '../../src/store/kept-copies.js';
import { Store } from '../../src/store/store.js';
import type { NoteRow } from '../../src/store/types.js';
import { tempFolder } from '../helpers/temp-folder.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function openStore(): Store {
  const dir = tempFolder('notecast-kept-content-');
  const store = new Store(path.join(dir, 'state.db'));
  cleanups.push(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return store;
}

interface RowSpec {
  id: string;
  hash: string;
  bareHash?: string;
  lang?: string;
  state?: NoteRow['state'];
  announced?: boolean;
  copyOf?: string;
}

function row(r: RowSpec): NoteRow {
  const info = { file: `${r.id}.md`, title: r.id, lang: r.lang ?? 'en', locale: r.lang ?? 'en', tags: [], translationKey: r.id, draft: false, ...(r.bareHash ? { bareHash: r.bareHash } : {}), ...(r.copyOf ? { copyOf: r.copyOf } : {}) };
  return { id: r.id, file: `${r.id}.md`, hash: r.hash, summaryHash: null, state: r.state ?? 'published', dueAt: null, revision: 1, announced: r.announced ?? true, info, summary: null, error: null };
}

/** The query as it was: one expression over every note (the meaning the indexed one keeps). */
function byExpression(sql: Prepare, hash: string, lang: string | null, id: string): { id: string; file: string }[] {
  return sql(
    `SELECT id, file FROM notes WHERE coalesce(json_extract(info, '$.bareHash'), hash) = ? AND id != ? AND state = 'published' AND announced = 1
      AND (? IS NULL OR coalesce(json_extract(info, '$.lang'), '') = ?) AND json_extract(info, '$.copyOf') IS NULL ORDER BY file`,
  ).all(hash, id, lang, lang) as { id: string; file: string }[];
}

describe('notesWithContent', () => {
  it('finds what coalesce(bareHash, hash) = ? finds: by bareHash where a note has one, else by hash', () => {
    const store = openStore();
    const rows: RowSpec[] = [
      { id: 'plain', hash: 'X' },
      { id: 'controls', hash: 'Y', bareHash: 'X' }, // its text with controls is Y, without them X
      { id: 'shadowed', hash: 'X', bareHash: 'Z' }, // hash X, but its content as copies compare it is Z
      { id: 'ja', hash: 'X', lang: 'ja' },
      { id: 'draft', hash: 'X', state: 'draft' },
      { id: 'unannounced', hash: 'X', announced: false },
      { id: 'copy', hash: 'X', copyOf: 'plain' },
      { id: 'other', hash: 'W' },
      { id: 'z-controls', hash: 'V', bareHash: 'Z' },
    ];
    for (const r of rows) store.putNote(row(r));
    const asks: [string, string | null, string][] = [['X', null, 'none'], ['X', 'en', 'none'], ['X', 'ja', 'none'], ['X', null, 'plain'], ['Z', null, 'none'], ['Y', null, 'none'], ['W', 'en', 'other'], ['Q', null, 'none']];
    for (const [hash, lang, id] of asks) expect(notesWithContent(store.sql, hash, lang, id), `${hash} ${lang} ${id}`).toEqual(byExpression(store.sql, hash, lang, id));
    expect(notesWithContent(store.sql, 'X', null, 'none').map((n) => n.id)).toEqual(['controls', 'ja', 'plain']);
    expect(notesWithContent(store.sql, 'Z', null, 'none').map((n) => n.id)).toEqual(['shadowed', 'z-controls']);
    expect(notesWithContent(store.sql, 'Y', null, 'none')).toEqual([]);
  });

  it('reads the notes by index, not every note', () => {
    const store = openStore();
    for (let i = 0; i < 50; i++) store.putNote(row({ id: `n${i}`, hash: `h${i}`, ...(i % 3 ? {} : { bareHash: `b${i}` }) }));
    store.db.exec('ANALYZE');
    const asked: string[] = [];
    const sql: Prepare = (text) => {
      asked.push(text);
      return store.sql(text);
    };
    notesWithContent(sql, 'h1', null, 'n0');
    expect(asked).toHaveLength(1);
    const params = Array.from({ length: asked[0]!.split('?').length - 1 }, () => 'h1'); // a plan is made before values are bound
    const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${asked[0]!}`).all(...params) as { detail: string }[]).map((p) => p.detail);
    // SQLite's plan names a full read `SCAN notes` and a read by index `SEARCH notes USING INDEX …` (sqlite.org/eqp.html).
    expect(plan.filter((d) => /^SCAN notes\b/.test(d))).toEqual([]);
    expect(plan.some((d) => /SEARCH notes USING INDEX notes_hash/.test(d))).toBe(true);
    expect(plan.some((d) => /SEARCH notes USING INDEX notes_bare_hash/.test(d))).toBe(true);
  });
});
