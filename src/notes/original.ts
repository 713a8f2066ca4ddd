/**
 * Which translation of a note is its original, for a reader whose language does not decide
 * (README, Translations: "else the note's original: the member not marked `translated: true`…").
 * Pure, and blind to file paths and the order notes are read in: `posts/guide.md` beside
 * `ja/posts/guide.md` has the same original as `docs/guide.md` beside `ja/docs/guide.md`.
 */
import type { NoteInfo } from '../store/types.js';
import { baseLanguage } from './lang.js';

export interface MemberFacts {
  id: string;
  info: Pick<NoteInfo, 'lang' | 'locale' | 'original' | 'date'>;
}

/** Earliest dated first (undated last), then by language code; the id only splits what nothing else can. */
function byFirstPublished(a: MemberFacts, b: MemberFacts): number {
  const date = (m: MemberFacts) => m.info.date ?? '\uffff';
  return date(a).localeCompare(date(b)) || a.info.lang.localeCompare(b.info.lang) || a.id.localeCompare(b.id);
}

/**
 * The original among a family's members: of those not marked `translated: true` (of all of them
 * when every one is), the one `shown` names (a chat's message shows it already: a translation
 * joining never takes its place), else English, else the first published. Several members can be
 * unmarked (a translation without `translated: true`): the first announced of them stays.
 */
export function originalAmong<M extends MemberFacts>(members: readonly M[], shown?: string): M | undefined {
  const unmarked = members.filter((m) => m.info.original !== false);
  const pool = [...(unmarked.length ? unmarked : members)].sort(byFirstPublished);
  return pool.find((m) => m.id === shown) ?? pool.find((m) => baseLanguage(m.info.locale) === 'en') ?? pool[0];
}
