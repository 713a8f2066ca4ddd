/**
 * Which family a translation joins when its key (written, or its file name without language suffix and folder)
 * names more than one family: two English `setup` notes in `python/` and `rust/` are two families (`setup` and
 * `setup#rust/setup`, family-key.ts), and `rust/setup-ja.md` joined the first English one, `python/setup`'s, so
 * deleting the Python note edited its message into the Rust article's translation (tester 34, F8). The rule: the
 * family with a note in the translation's own folder (language folders left out: `_posts/en/x` and `_posts/ja/x`
 * are one folder), else the key's own family as before; either way the choice is said (log, `check`). Pure.
 */
import { isSetAside } from './rename-apply.js';

/** A family a note's key names, with the notes holding a place in it (the note being decided left out). */
export interface KeyFamily {
  key: string;
  notes: readonly { id: string; lang: string }[];
  /** Whether the note's language is free there. */
  free: boolean;
}

/** How a translation's family was chosen among several of its key. */
export interface FamilyChoice {
  key: string;
  /** `folder`: a note of that family is in the translation's folder; `first`: none is, the key's own family; `own`: a family of its own, its notes beside it joining it. */
  reason: 'folder' | 'first' | 'own';
  /** Every family of the key, each with its notes' ids. */
  among: readonly KeyFamily[];
}

/** A note's folder without the folders named after its language: where its translations sit beside it. */
export function folderOf(id: string, lang: string): string {
  const code = lang.toLowerCase(), base = code.split('-')[0];
  const parts = id.split('/').slice(0, -1);
  return parts.filter((p) => p.toLowerCase() !== code && p.toLowerCase() !== base).join('/');
}

/**
 * The family a note (`id`, `lang`, key `raw`) joins when there is a choice (`families`: the key's own first, then
 * those of its notes announced on their own; `siblings`: the languages of the notes of its key read with it, not
 * decided yet, in its folder), or undefined when the usual rule decides (family-key.ts familyKeyFor): the first
 * family free for it and its siblings with a note in its folder (`folder`); else the key's own when it has notes and
 * is free for them (`first`, said only where the key names two families or more); else, where the key's own family
 * is free for this note but not for a sibling, one of its own (`own`, key left to the caller), which they join.
 */
export function familyByFolder(id: string, lang: string, raw: string, families: readonly KeyFamily[], siblings: readonly string[] = [], rivalAt: RivalAt = () => undefined): FamilyChoice | undefined {
  const among = families.filter((f) => f.notes.length > 0);
  if (among.length < 2 && siblings.length === 0) return undefined;
  const here = folderOf(id, lang);
  const fits = (f: KeyFamily) => f.free && !siblings.some((l) => f.notes.some((m) => m.lang === l)) && besideRival(id, lang, f.notes, rivalAt) === undefined;
  // A note set aside (its path taken by another note) has no folder of its own to be beside.
  const beside = among.find((f) => fits(f) && f.notes.some((m) => !isSetAside(m.id) && folderOf(m.id, m.lang) === here));
  // One family only: no choice was made (a translation in its language folder beside its original), nothing to say.
  if (beside) return among.length > 1 ? { key: beside.key, reason: 'folder', among } : undefined;
  const own = among.find((f) => f.key === raw);
  if (!own) return undefined;
  if (fits(own)) return among.length > 1 ? { key: raw, reason: 'first', among } : undefined;
  return own.free && siblings.length > 0 ? { key: '', reason: 'own', among } : undefined;
}

/** Where a note of a family sits, the id of a note read with `id` (same key and language) that wants that place; made once per note decided. */
export type RivalAt = (folder: string) => string | undefined;

/**
 * The notes of `undecided` (read with `id` under its key, not decided yet) in `id`'s language, by folder, indexed when
 * first asked; `looks(id)`: whether that note looks for a family (one keeping its own does not).
 */
export function rivalsOf(id: string, lang: string, undecided: Iterable<{ id: string; lang: string }>, looks: (id: string) => boolean = () => true): RivalAt {
  let byFolder: Map<string, string | undefined> | undefined;
  const ids = new Map<string, string[]>();
  return (folder) => {
    if (!byFolder) {
      byFolder = new Map();
      for (const n of undecided) if (n.id !== id && n.lang === lang) ids.set(folderOf(n.id, n.lang), [...(ids.get(folderOf(n.id, n.lang)) ?? []), n.id]);
    }
    if (!byFolder.has(folder)) byFolder.set(folder, ids.get(folder)?.find(looks));
    return byFolder.get(folder);
  };
}

/**
 * A note read with `id` (same key and language, not decided yet: `rivalAt`) beside a note of `family` while `id` is
 * beside none: that one takes the language's place there, and `id` is announced on its own, whichever is decided first
 * (tester 37, F2: `rust/setup-ja.md` posted, then `python/setup.md` and `rust/setup.md` saved in one batch; Python,
 * decided first, took the English place beside the Rust translation). Undefined where `id` may join.
 */
export function besideRival(id: string, lang: string, family: readonly { id: string; lang: string }[], rivalAt: RivalAt): string | undefined {
  if (family.some((m) => m.lang === lang)) return undefined; // the place is held already
  const here = folderOf(id, lang);
  let rival: string | undefined;
  for (const m of family) {
    if (isSetAside(m.id)) continue;
    const folder = folderOf(m.id, m.lang);
    if (folder === here) return undefined;
    rival ??= rivalAt(folder);
  }
  return rival;
}

/** The languages of `read` (notes of one key read together, not decided yet) in `id`'s folder, other than `lang`. */
export function siblingLangs(id: string, lang: string, read: Iterable<{ id: string; lang: string }>): string[] {
  return siblingsOf(id, lang, read).map((n) => n.lang);
}

function siblingsOf(id: string, lang: string, read: Iterable<{ id: string; lang: string }>): { id: string; lang: string }[] {
  const here = folderOf(id, lang);
  return [...read].filter((n) => n.id !== id && n.lang !== lang && folderOf(n.id, n.lang) === here);
}

/**
 * Whom a family started by `choice.reason === 'own'` is named after: the first (in `read`, the order the notes are
 * decided in, so the one that joins it) of the notes beside `id` whose language the key's own family holds, the note
 * that family would announce on its own. So the family of `rust/setup.md` and `rust/setup-ja.md` is `setup#rust/setup`
 * whether the translation is decided before the English note (in one batch) or after it (issue 25: the key depended
 * on the batching).
 */
export function ownFamilyNamesake(id: string, lang: string, raw: string, among: readonly KeyFamily[], read: Iterable<{ id: string; lang: string }>): string {
  const held = new Set(among.find((f) => f.key === raw)?.notes.map((m) => m.lang));
  return siblingsOf(id, lang, read).find((n) => held.has(n.lang))?.id ?? id;
}

/** The sentence saying which family a translation joined and why (start's log, and `check` with files for ids). */
export function choiceSentence(id: string, raw: string, choice: FamilyChoice, name: (id: string) => string = (i) => i): string {
  const list = choice.among.map((f) => `${f.key} (${f.notes.map((m) => name(m.id)).join(', ')})`).join('; ');
  const named = `its translation key "${raw}" names ${choice.among.length === 1 ? 'the family' : `${choice.among.length} families`} ${list}`;
  const advice = 'give the notes their own translationKey to choose';
  if (choice.reason === 'own') return `${name(id)} starts the translation family "${choice.key}": ${named}, which holds the language of a note beside it; the notes of its folder join it; ${advice}`;
  const why = choice.reason === 'folder' ? 'a note of it is in the same folder' : 'none of them has a note in its folder, so the first, as the key names it';
  return `${name(id)} joins the translation family "${choice.key}": ${named} and ${why}; ${advice}`;
}
