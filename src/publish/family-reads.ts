/**
 * What deciding a note's family (family-key.ts) asks of the notes already recorded: the store's
 * answers, one query each, or, on a first start over an empty store, the batch's own records.
 *
 * A first start of a big folder asked the store of every note's family: once per chunk for its keys
 * (store/family-rows.ts familiesOf, each member's record parsed again), and once per dated note for the
 * families its written key holds (familiesHolding): with the place lookup before each new note's
 * write, about 8 % of a 35,000-note cold start's main-thread samples (issue 31). When the store held no note as the batch began, everything those queries can find
 * is what the batch itself wrote, through `put` here: it is kept in memory, keyed as the queries look
 * it up, and answered from there. Any other write to the notes (a rename, a removal applied) ends that
 * (`stale`): the rest of the batch asks the store, which has every record.
 */
import type { Store } from '../store/store.js';
import { familiesHolding, familiesOf, familyHeld } from '../store/family-rows.js';
import type { NoteInfo, NoteRow } from '../store/types.js';

/** What deciding a family reads of a recorded note (family-key.ts): a whole record from the store, these fields from a batch's own. */
export type FamilyMember = Pick<NoteRow, 'id' | 'state' | 'announced'> & { info: Pick<NoteInfo, 'translationKey' | 'keyAsWritten' | 'lang'> };

export interface FamilyReads {
  /** Each of `keys` with its notes, any state, ordered as `Store.familyNotes` orders them (by id). */
  families(keys: Iterable<string>): Map<string, FamilyMember[]>;
  /** One family's notes (Store.familyNotes). */
  members(key: string): FamilyMember[];
  /** The family keys of the notes that write `written` as their key, by id (family-rows.ts familiesHolding). */
  holding(written: string): string[];
  /** Whether a note other than `exceptId` holds a place in the family `key` (family-rows.ts familyHeld). */
  held(key: string, exceptId: string): boolean;
  /** One note's record (a conflict's holder: family-key.ts sayConflict). */
  note(id: string): NoteRow | undefined;
}

/** The store's answers. */
export function storeFamilyReads(store: Store): FamilyReads {
  return {
    families: (keys) => familiesOf(store.sql, keys),
    members: (key) => store.familyNotes(key),
    holding: (written) => familiesHolding(store.sql, written),
    held: (key, exceptId) => familyHeld(store.sql, key, exceptId),
    note: (id) => store.getNote(id),
  };
}

/** SQLite's order of the `id` column (BINARY: its UTF-8 bytes), which UTF-16 order differs from past U+FFFF. */
function bySqliteId(a: FamilyMember, b: FamilyMember): number {
  return a.id === b.id ? 0 : Buffer.compare(Buffer.from(a.id, 'utf8'), Buffer.from(b.id, 'utf8'));
}

/** family-key.ts holdsSlot, as family-rows.ts familyHeld asks it. */
function holdsPlace(n: FamilyMember): boolean {
  return n.announced || (n.state !== 'deleted' && n.state !== 'error' && n.state !== 'draft');
}

/**
 * The records a batch wrote to a store that held no note when it began (see above): by id as the notes
 * table keys them (a second file of one id, `a.md` beside `a.markdown`, replaces the first's record),
 * with the ids of each family key and of each written key. Only what deciding reads of each is kept
 * (FamilyMember: about 0.4 KB a note), not the record: a cold start holds no batch's records (its peak memory, issue 31).
 */
export class BatchRecords implements FamilyReads {
  private readonly byId = new Map<string, FamilyMember>();
  private readonly byKey = new Map<string, Set<string>>();
  private readonly byWritten = new Map<string, Set<string>>();
  /** A write this did not see was made: its answers are no longer the store's. */
  private stale = false;

  constructor(private readonly store: FamilyReads) {}

  /** Whether it answers (no write it did not see was made). */
  get live(): boolean {
    return !this.stale;
  }

  /** A write to the notes it is not told of: the store answers from now on. */
  lose(): void {
    this.stale = true;
    this.byId.clear();
    this.byKey.clear();
    this.byWritten.clear();
  }

  /** Whether the store has a record of `id`: one this batch wrote (the store held none before it). */
  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** A record written to the store (Store.putNote). */
  put(row: NoteRow): void {
    if (this.stale) return;
    const before = this.byId.get(row.id);
    if (before) {
      this.byKey.get(before.info.translationKey)?.delete(row.id);
      if (before.info.keyAsWritten !== undefined) this.byWritten.get(before.info.keyAsWritten)?.delete(row.id);
    }
    const { id, state, announced, info } = row;
    this.byId.set(id, { id, state, announced, info: { translationKey: info.translationKey, keyAsWritten: info.keyAsWritten, lang: info.lang } });
    add(this.byKey, row.info.translationKey, row.id);
    if (row.info.keyAsWritten !== undefined) add(this.byWritten, row.info.keyAsWritten, row.id);
  }

  families(keys: Iterable<string>): Map<string, FamilyMember[]> {
    if (this.stale) return this.store.families(keys);
    const out = new Map<string, FamilyMember[]>();
    for (const key of keys) if (!out.has(key)) out.set(key, this.members(key));
    return out;
  }

  members(key: string): FamilyMember[] {
    if (this.stale) return this.store.members(key);
    return this.rows(this.byKey.get(key));
  }

  holding(written: string): string[] {
    if (this.stale) return this.store.holding(written);
    return this.rows(this.byWritten.get(written)).map((r) => r.info.translationKey);
  }

  held(key: string, exceptId: string): boolean {
    if (this.stale) return this.store.held(key, exceptId);
    return this.rows(this.byKey.get(key)).some((r) => r.id !== exceptId && holdsPlace(r));
  }

  /** Asked of the store, which holds every record the batch wrote: only a conflict asks (not each note), and a record is not kept here for it. */
  note(id: string): NoteRow | undefined {
    return this.store.note(id);
  }

  private rows(ids: ReadonlySet<string> | undefined): FamilyMember[] {
    if (!ids?.size) return [];
    const rows = [...ids].map((id) => this.byId.get(id)!);
    return rows.length > 1 ? rows.sort(bySqliteId) : rows;
  }
}

function add(index: Map<string, Set<string>>, key: string, id: string): void {
  const ids = index.get(key);
  if (ids) ids.add(id);
  else index.set(key, new Set([id]));
}
