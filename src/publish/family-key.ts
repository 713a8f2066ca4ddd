/**
 * Which family a note joins. A family is a set of notes in *different* languages: the same file
 * name in two folders (`notes/python/setup.md`, `notes/rust/setup.md`) or two English notes that
 * both say `translationKey: shared` are two notes, never one message edited by both. The first note
 * of a language in a key's family holds that language; another one of the same language is
 * announced on its own, under `<key>#<its id>`, and the service says so in its log.
 *
 * Invariant (issue 25, item 1): a family's message never switches to show another note of the
 * language it was posted for, unless that note is a rename of it. So both notes keep the family
 * they were decided into through edits, deletes, drafts, restores and restarts: a note once
 * announced keeps its place while removed or drafted (its kept message, or its return, still
 * shows it), and the one announced on its own never joins its key's family while it keeps its key
 * and language (joining would merge its message with one posted for the other note).
 */
import type { Logger } from '../log.js';
import { bareHash, type NoteRow } from '../store/types.js';
import { familyRedatedTo, onlyRedated } from './family-redate.js';
import { besideRival, choiceSentence, familyByFolder, folderOf, ownFamilyNamesake, rivalsOf, siblingLangs, type FamilyChoice, type KeyFamily } from './family-folder.js';
import type { FamilyMember, FamilyReads } from './family-reads.js';
import { heldOnlyAside, successorFamily } from './family-successor.js';

/** Languages claimed per key by notes decided earlier in the same chunk (not yet in the store), and those notes. */
export interface FamilyClaims {
  byKey: Map<string, Map<string, string>>;
  decided: Set<string>;
  /** Whether a note's file (relative to the notes folder) is there: one removed in this batch is named in no warning. */
  exists: (file: string) => boolean;
  /**
   * The chunk's families as the store holds them, read once before its notes are decided
   * (store/family-rows.ts) instead of once per note; a key not in it is asked of the store.
   */
  families?: ReadonlyMap<string, readonly FamilyMember[]> | undefined;
  /**
   * The key (as written) and language each note of the chunk was read with (by id, renames applied): one
   * not decided yet is in the store as it was, and holds its place there only if it keeps both.
   */
  read?: ReadonlyMap<string, { translationKey: string; lang: string }> | undefined;
  /** Written keys of the chunk's re-dated notes → the family each kept (family-redate.ts). */
  redated: Map<string, string>;
  /** Written keys whose family is held only by notes set aside → the families this chunk's notes of them were given (family-successor.ts). */
  successors: Map<string, string[]>;
  /** Written keys → the families of this chunk's notes announced on their own under them (`<key>#<id>`), which a translation may join (family-folder.ts). */
  ownKeys: Map<string, string[]>;
  /** `read` by written key, made when first asked (family-key.ts readOfKey). */
  readByKey?: Map<string, { id: string; lang: string }[]>;
  /**
   * Families asked of the store in this chunk, each read once: the store is written only after the chunk is decided
   * (its decisions are in byKey), and a key naming n families was otherwise read n times per note (review rv-4 R2).
   */
  asked: Map<string, readonly FamilyMember[]>;
}

export function newClaims(exists: (file: string) => boolean = () => true, families?: ReadonlyMap<string, readonly FamilyMember[]>, read?: FamilyClaims['read']): FamilyClaims {
  return { byKey: new Map(), decided: new Set(), exists, families, read, redated: new Map(), successors: new Map(), ownKeys: new Map(), asked: new Map() };
}

/**
 * Whether `m`, a member of `raw`'s family in the store, holds `lang` there against a note being decided. A note
 * of the chunk not yet decided counts as it was read (issue 25, the split-burst property's seed 4242: notes
 * rotated in one batch, a note moved out of the family to another key still held its old language against the
 * note moved in, which was announced on its own under `raw#id`, its message posted a second time).
 */
function holdsAgainst(m: FamilyMember, rowId: string, raw: string, lang: string, claims: FamilyClaims): boolean {
  if (m.id === rowId || claims.decided.has(m.id) || !holdsSlot(m) || m.info.lang !== lang) return false;
  const read = claims.read?.get(m.id);
  return read === undefined || (read.translationKey === raw && read.lang === lang);
}

/** The key as the note wrote it (front matter or file name), whatever family it ended up in. */
function writtenKey(row: FamilyMember): string {
  return row.info.keyAsWritten ?? row.info.translationKey;
}

/** A note neither deleted, drafted nor unreadable: one that is, or is to be, announced. */
function isLive(n: FamilyMember): boolean {
  return n.state !== 'deleted' && n.state !== 'error' && n.state !== 'draft';
}

/**
 * A note that holds its language in its family: a live one, or one announced before, whatever it
 * is now (its family's messages were posted for it). A draft never announced holds none (issue 25, H).
 */
function holdsSlot(n: FamilyMember): boolean {
  return isLive(n) || n.announced;
}

/**
 * The one rule `start` (assignFamilyKey) and `preview`/`check` (familyKeysAmong) decide by: a note
 * keeps the family it had (`kept`) while its key and language stay as they were, so a family never
 * moves under a posted message (the one announced on its own included: it never merges into its
 * key's family, see the invariant above); otherwise it joins its key's family unless another note
 * already holds its language there (`holder`), and is then announced on its own.
 */
function familyKeyFor(id: string, raw: string, kept: string | undefined, holder: string | undefined, taken: (key: string) => boolean = () => false): { key: string; conflictWith?: string } {
  if (kept !== undefined) return { key: kept };
  if (!holder) return { key: raw };
  return { key: ownFamilyKey(raw, id, taken), conflictWith: holder };
}

/**
 * The key of a note announced on its own: `<key>#<its id>`, or, where a family of that key still holds a note, the
 * first `<key>#<its id>#<n>` none holds. A note keeps its family when renamed, and an id is a path: the one announced
 * on its own moved away (`setup.md` → `a/setup.md`, `setup#setup` kept) and a new note at its old path in the same
 * language is a note of its own too, never a member of the family that went (issue 25, the split-burst seed 31010:
 * two en members of `setup#setup`, the new one never announced).
 */
function ownFamilyKey(raw: string, id: string, taken: (key: string) => boolean): string {
  let key = `${raw}#${id}`;
  for (let n = 2; taken(key); n++) key = `${raw}#${id}#${n}`;
  return key;
}

/** The family key `row` (just parsed, its key as written in `row.info.translationKey`) belongs to (familyKeyFor). */
export function assignFamilyKey(reads: FamilyReads, row: NoteRow, prev: NoteRow | undefined, claims: FamilyClaims, log: Logger): NoteRow {
  const raw = row.info.translationKey;
  const lang = row.info.lang;
  // `holds`: the key is a family this note joins in its language (raw's own, or one re-dated notes kept), not `raw#id`.
  const claim = (key: string, holds = key === raw) => {
    claims.decided.add(row.id);
    // Only a note that holds a place claims it: a draft read first leaves it to the published one.
    if (holds && holdsSlot(row)) claims.byKey.set(key, (claims.byKey.get(key) ?? new Map<string, string>()).set(lang, row.id));
    return key === raw ? row : { ...row, info: { ...row.info, translationKey: key, keyAsWritten: raw } };
  };
  const members = (key: string) => membersOf(key, claims, reads);
  // Whether the family of `raw` as written has a note of its own (family-redate.ts: a re-dated note keeps its family only while not).
  const rawTaken = () => claims.byKey.has(raw) || members(raw).some((m) => m.id !== row.id && holdsSlot(m));
  const redated = !!prev && prev.file !== row.file && onlyRedated(writtenKey(prev), raw) && !rawTaken();
  const kept = prev && holdsSlot(prev) && (writtenKey(prev) === raw || redated) && prev.info.lang === lang ? prev.info.translationKey : undefined;
  if (kept !== undefined && redated) claims.redated.set(raw, kept);
  if (kept !== undefined) return claim(kept, kept === raw || redated);
  // A note decided earlier in this chunk counts as it is now, not as the store still has it.
  const holderIn = (key: string) => claims.byKey.get(key)?.get(lang) ?? members(key).find((m) => holdsAgainst(m, row.id, key, lang, claims))?.id;
  const joined = rawTaken() ? undefined : familyRedatedTo((written) => reads.holding(written), raw, claims.redated);
  if (joined !== undefined && holderIn(joined) === undefined) return claim(joined, true);
  // A family some other note holds a place in (this chunk's claims, or the store's), whatever its language.
  const taken = (key: string) => claims.byKey.has(key) || (claims.families?.get(key) ?? []).some((m) => m.id !== row.id && holdsSlot(m)) || reads.held(key, row.id);
  if (!claims.byKey.has(raw) && heldOnlyAside(members(raw), row.id, holdsSlot)) {
    // Free where no note of its language holds a place, one of this chunk read with another key included (holdsAgainst would pass it over).
    const free = (k: string) => holderIn(k) === undefined && !members(k).some((m) => m.id !== row.id && holdsSlot(m) && m.info.lang === lang);
    const successor = successorFamily(raw, { claimed: claims.successors, stored: (k) => reads.holding(k), members, free });
    const key = successor ?? ownFamilyKey(raw, row.id, taken);
    const given = claims.successors.get(raw) ?? [];
    if (holdsSlot(row) && !given.includes(key)) claims.successors.set(raw, [...given, key]);
    log.info({ note: row.id, family: key, written: raw }, `${row.id} is announced in the family ${key}: the family "${raw}" holds only notes whose paths another note took, and their kept messages keep showing them`);
    return claim(key, true);
  }
  // The key names several families (two notes of one language under it): the one beside this note, said (tester 34, F8).
  const undecided = [...(readOfKey(claims).get(raw) ?? [])].filter((n) => !claims.decided.has(n.id));
  const families = keyFamilies(raw, row.id, claims, reads, holderIn);
  const rivals = rivalsOf(row.id, lang, undecided, (id) => looksForFamily(id, raw, lang, reads));
  const choice = familyByFolder(row.id, lang, raw, families, siblingLangs(row.id, lang, undecided), rivals);
  if (choice?.reason === 'own') {
    choice.key = ownFamilyKey(raw, ownFamilyNamesake(row.id, lang, raw, choice.among, undecided), taken);
    claims.ownKeys.set(raw, [...(claims.ownKeys.get(raw) ?? []), choice.key]);
  }
  if (choice) return sayChoice(log, row, choice), claim(choice.key, true);
  // A note of its language beside the key's own family's notes takes that place, whichever of the batch is decided first.
  const holder = holderIn(raw) ?? besideRival(row.id, lang, families.find((f) => f.key === raw)?.notes ?? [], rivals);
  const { key, conflictWith } = familyKeyFor(row.id, raw, kept, holder, taken);
  if (!conflictWith) return claim(key);
  sayConflict(reads, log, claims, row, conflictWith);
  claims.ownKeys.set(raw, [...(claims.ownKeys.get(raw) ?? []), key]);
  return claim(key, true);
}

/** Whether note `id`, read with written key `raw` and `lang`, looks for a family: not one keeping its own (assignFamilyKey's `kept`). */
function looksForFamily(id: string, raw: string, lang: string, reads: Pick<FamilyReads, 'note'>): boolean {
  const prev = reads.note(id);
  return !prev || !holdsSlot(prev) || writtenKey(prev) !== raw || prev.info.lang !== lang;
}

/** The store's members of family `key` as the chunk found them: the chunk's read (claims.families), else asked once. */
function membersOf(key: string, claims: FamilyClaims, reads: Pick<FamilyReads, 'members'>): readonly FamilyMember[] {
  const read = claims.families?.get(key) ?? claims.asked.get(key);
  if (read) return read;
  const asked = reads.members(key);
  claims.asked.set(key, asked);
  return asked;
}

/** The chunk's notes as read (`claims.read`) by written key, indexed once per chunk. */
function readOfKey(claims: FamilyClaims): Map<string, { id: string; lang: string }[]> {
  if (claims.readByKey) return claims.readByKey;
  const out = new Map<string, { id: string; lang: string }[]>();
  for (const [id, { translationKey, lang }] of claims.read ?? []) {
    const same = out.get(translationKey);
    if (same) same.push({ id, lang });
    else out.set(translationKey, [{ id, lang }]);
  }
  return (claims.readByKey = out);
}

/** The families written key `raw` names (its own first, then this chunk's and the store's `<raw>#…`), each with the notes holding a place. */
function keyFamilies(raw: string, rowId: string, claims: FamilyClaims, reads: FamilyReads, holderIn: (key: string) => string | undefined): KeyFamily[] {
  const keys = [...new Set([raw, ...(claims.ownKeys.get(raw) ?? []), ...reads.holding(raw)])];
  return keys.map((key) => {
    const notes = new Map<string, string>(); // id → lang
    for (const m of membersOf(key, claims, reads)) if (m.id !== rowId && holdsSlot(m)) notes.set(m.id, m.info.lang);
    for (const [lang, id] of claims.byKey.get(key) ?? []) if (id !== rowId) notes.set(id, lang);
    return { key, free: holderIn(key) === undefined, notes: [...notes].map(([id, lang]) => ({ id, lang })) };
  });
}

/** The start's log line naming the family a translation joined among several of its key, and why. */
function sayChoice(log: Logger, row: NoteRow, choice: FamilyChoice): void {
  const raw = row.info.translationKey;
  log.warn({ note: row.id, family: choice.key, written: raw, lang: row.info.lang, reason: choice.reason, among: choice.among.map((f) => f.key) }, choiceSentence(row.id, raw, choice));
}

/**
 * The warning of a conflict, naming both notes; when the other is gone (its file removed, in this
 * batch or before, or drafted) there is no conflict to resolve: an info line saying why this note
 * stays on its own; a copy of it (exactly its content, an IDE's move under way; compared without controls, notes/bare-text.ts) is no conflict either: held as a copy.
 */
function sayConflict(reads: Pick<FamilyReads, 'note'>, log: Logger, claims: FamilyClaims, row: NoteRow, holder: string): void {
  const raw = row.info.translationKey;
  const at = { note: row.id, family: raw, lang: row.info.lang };
  const held = reads.note(holder);
  if (held && isLive(held) && bareHash(held) === bareHash(row)) log.info({ ...at, copyOf: holder }, `${row.id} has exactly the content of ${holder} (translation key "${raw}"): held as its copy in the chats that show ${holder}, posted only where it is new, and it takes ${holder}'s messages once ${holder} is removed`);
  else if (held && (!isLive(held) || !claims.exists(held.file))) log.info({ ...at, placeKeptFor: holder }, `${row.id} is announced on its own: under the translation key "${raw}" its language's place stays with ${holder}, announced before and removed or drafted since (its messages were posted for it)`);
  else log.warn({ ...at, sameLanguageAs: holder }, `two notes in one language share the translation key "${raw}" (${holder} and ${row.id}): they are announced as two notes, not one family; give one of them its own translationKey`);
}

/** Two notes of one language under one written key: the second (`other`) is announced on its own. */
export interface FamilyConflict {
  key: string;
  lang: string;
  holder: { id: string; file: string };
  other: { id: string; file: string };
}

/** A translation that joined one of the families its key names (family-folder.ts), for `check` to say. */
export interface FamilyJoin {
  note: { id: string; file: string };
  /** Its key as written. */
  written: string;
  key: string;
  choice: FamilyChoice;
}

/**
 * The rule of `assignFamilyKey` (familyKeyFor, familyByFolder) over notes read together (in the order `start`
 * meets them, as on a first run): the family key each note is announced under, the conflicts that split one, and
 * the translations that joined one of several families of their key. For `preview` and `check`, which read files without a store.
 */
export function familyKeysAmong(notes: readonly { id: string; file: string; lang: string; translationKey: string; draft?: boolean }[], kept: ReadonlyMap<string, string> = new Map()): { keyOf: Map<string, string>; conflicts: FamilyConflict[]; joins: FamilyJoin[] } {
  const keyOf = new Map<string, string>();
  const conflicts: FamilyConflict[] = [];
  const joins: FamilyJoin[] = [];
  const fams = new AmongFamilies();
  // `kept`: the families a database keeps notes in (check with one): placed first, as `start` keeps them, the others decided beside them.
  for (const n of notes) {
    const key = kept.get(n.id);
    if (key === undefined || n.draft === true) continue;
    keyOf.set(n.id, key);
    fams.add(n.translationKey, key, n);
  }
  const byKey = new Map<string, { id: string; lang: string }[]>(); // written key → its notes still to decide, in order
  for (const n of notes) {
    if (n.draft === true || keyOf.has(n.id)) continue;
    const same = byKey.get(n.translationKey);
    if (same) same.push(n);
    else byKey.set(n.translationKey, [n]);
  }
  // Notes of a key read after a note are not decided yet: `start` sees them as its chunk's (claims.read); by key and folder.
  const laterOf = new Map<string, number[]>(); // `${key}\n${folder}` → indices of its notes, in order
  notes.forEach((n, i) => {
    const at = `${n.translationKey}\n${folderOf(n.id, n.lang)}`;
    const same = laterOf.get(at);
    if (same) same.push(i);
    else laterOf.set(at, [i]);
  });
  notes.forEach((n, i) => {
    const raw = n.translationKey;
    if (keyOf.has(n.id)) return;
    if (n.draft === true) {
      keyOf.set(n.id, raw); // a draft holds no place (see holdsSlot), as in `start`
      return;
    }
    const later = (laterOf.get(`${raw}\n${folderOf(n.id, n.lang)}`) ?? []).filter((j) => j > i).map((j) => notes[j]!);
    const siblings = siblingLangs(n.id, n.lang, later);
    const undecided = byKey.get(raw) ?? [];
    undecided.shift(); // n itself, decided now
    const rivals = rivalsOf(n.id, n.lang, undecided);
    const choice = fams.mayChoose(raw, n) ? familyByFolder(n.id, n.lang, raw, fams.of(raw, n), siblings, rivals) : undefined;
    if (choice?.reason === 'own') choice.key = ownFamilyKey(raw, ownFamilyNamesake(n.id, n.lang, raw, choice.among, later), (k) => fams.members(k).length > 0);
    const holder = fams.members(raw).find((m) => m.lang === n.lang && m.id !== n.id) ?? rivalNote(notes, besideRival(n.id, n.lang, fams.members(raw), rivals));
    const { key, conflictWith } = choice ? { key: choice.key, conflictWith: undefined } : familyKeyFor(n.id, raw, undefined, holder?.id, (k) => fams.members(k).length > 0);
    keyOf.set(n.id, key);
    if (choice) joins.push({ note: { id: n.id, file: n.file }, written: raw, key, choice });
    if (conflictWith && holder) conflicts.push({ key: raw, lang: n.lang, holder: { id: holder.id, file: holder.file }, other: { id: n.id, file: n.file } });
    fams.add(raw, key, n);
  });
  return { keyOf, conflicts, joins };
}

function rivalNote<T extends { id: string }>(notes: readonly T[], id: string | undefined): T | undefined {
  return id === undefined ? undefined : notes.find((m) => m.id === id);
}

/**
 * familyKeysAmong's families, indexed so a note is decided without scanning every family of its key: a site of
 * `<dir>/index.md` pages names one family per page under the key `index`, and the scan made `check` take about n³
 * (1000 pages: seconds; review rv-4 R1). Families are listed in full only where familyByFolder may choose.
 */
class AmongFamilies {
  private readonly membersOf = new Map<string, { id: string; file: string; lang: string }[]>(); // family key → its notes, in order
  private readonly keysOf = new Map<string, string[]>(); // written key → its families, its own first
  private readonly rawsOf = new Map<string, Set<string>>(); // family key → the written keys listing it
  private readonly folders = new Map<string, Set<string>>(); // written key → the folders of its families' notes

  members(key: string): readonly { id: string; file: string; lang: string }[] {
    return this.membersOf.get(key) ?? [];
  }

  /** Whether familyByFolder can choose for `n`: a family of its key has a note in its folder, or its own family is free for it with notes not its own (else it returns undefined). */
  mayChoose(raw: string, n: { id: string; lang: string }): boolean {
    if (this.folders.get(raw)?.has(folderOf(n.id, n.lang))) return true;
    const own = this.members(raw);
    return own.some((m) => m.id !== n.id) && !own.some((m) => m.lang === n.lang);
  }

  /** The families `raw` names, each with its notes but `n`, as familyByFolder takes them. */
  of(raw: string, n: { id: string; lang: string }): KeyFamily[] {
    return (this.keysOf.get(raw) ?? [raw]).map((key) => {
      const notes = this.members(key);
      return { key, notes: notes.filter((m) => m.id !== n.id), free: !notes.some((m) => m.lang === n.lang) };
    });
  }

  /** `n` (key `raw` as written) decided into family `key`: its place taken where its language is free there. */
  add(raw: string, key: string, n: { id: string; file: string; lang: string }): void {
    let keys = this.keysOf.get(raw);
    if (!keys) {
      this.keysOf.set(raw, (keys = [raw]));
      this.listIn(raw, raw);
    }
    if (!this.rawsOf.get(key)?.has(raw)) {
      keys.push(key);
      this.listIn(key, raw);
    }
    const members = this.membersOf.get(key) ?? [];
    if (members.some((m) => m.lang === n.lang)) return;
    members.push({ id: n.id, file: n.file, lang: n.lang });
    this.membersOf.set(key, members);
    const folder = folderOf(n.id, n.lang);
    for (const r of this.rawsOf.get(key) ?? []) this.folders.set(r, (this.folders.get(r) ?? new Set<string>()).add(folder));
  }

  /** Family `key` listed among `raw`'s: its notes' folders are `raw`'s too. */
  private listIn(key: string, raw: string): void {
    this.rawsOf.set(key, (this.rawsOf.get(key) ?? new Set<string>()).add(raw));
    const folders = this.folders.get(raw) ?? new Set<string>();
    for (const m of this.members(key)) folders.add(folderOf(m.id, m.lang));
    this.folders.set(raw, folders);
  }
}
