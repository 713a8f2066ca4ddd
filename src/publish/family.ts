/**
 * Translation families: the translations of one note are one announcement per chat, in that chat's
 * language, with the other languages linked. Pure: which chats want a family, which member each
 * gets, and the "also in" links.
 */
import type { Route } from '../config/schema.js';
import { languageName, sameLanguage, toLocaleTag } from '../notes/lang.js';
import { originalAmong } from '../notes/original.js';
import type { AlsoIn, NoteInfo, NoteRow, Subscription, Target } from '../store/types.js';
import { summaryDeferred, targetKey } from '../store/types.js';
import { langMatches, matchesFilter, routeAllowed } from '../notes/filter.js';
import { routeTarget } from './route.js';

/** The outbox and posts key of a family's announcement (notes' own ids never start with it). */
export const FAMILY_PREFIX = 'family:';

export function familyPostId(translationKey: string): string {
  return `${FAMILY_PREFIX}${translationKey}`;
}

/** Members that can be announced: published, not waiting for their date, not kept out by `announce: false`. */
export function liveMembers(notes: readonly NoteRow[]): NoteRow[] {
  return notes.filter((n) => n.state === 'published' && n.announced && (n.summary || summaryDeferred(n)) && n.info.controls?.announce !== false);
}

/**
 * What decides a chat's member: its filter's languages in order, then the chat's own language,
 * then the member its message was sent showing (kept as the original while it is one).
 */
export interface MemberPrefs {
  langs?: readonly string[] | undefined;
  chatLocale?: string | undefined;
  /** Read only when it can decide (more than one candidate): it costs the store a read per chat. */
  shown?: (() => string | undefined) | undefined;
}

/** The original among `candidates`, asking which member the chat was shown only when there is a choice. */
function originalFor<M extends MemberRow>(candidates: readonly M[], shown: MemberPrefs['shown']): M | undefined {
  return candidates.length > 1 ? originalAmong(candidates, shown?.()) : candidates[0];
}

/**
 * The member a chat gets: the first of its filter's languages that the family has, else the chat's
 * language, else the original (notes/original.ts: never decided by paths or the order members were
 * read in, which made a chat's English post switch to a Japanese translation under `ja/` that joined).
 */
function chooseMember<M extends MemberRow>(candidates: readonly M[], prefs: MemberPrefs): M | undefined {
  for (const l of prefs.langs ?? []) {
    const m = bestMatch(candidates.filter((c) => langMatches(l, c.info.lang, c.info.locale)), l, prefs.shown);
    if (m) return m;
  }
  if (prefs.chatLocale) {
    const m = bestMatch(candidates.filter((c) => sameLanguage(c.info.locale, prefs.chatLocale!)), prefs.chatLocale, prefs.shown);
    if (m) return m;
  }
  return originalFor(candidates, prefs.shown);
}

/**
 * Of the members a language matches (`pt` and `pt-BR` for `pt-BR`), the original among those written in it exactly,
 * else among them all: never the first by path. Two notes of one language under one key (left so by `separate`) are
 * both exact: the chat keeps the one its message shows, whatever its marks (BENCH_MODEL_SEED=3300, its second
 * sequence; rv-34e R1: `originalAmong` honours `shown` only among unmarked notes, so a shown note marked
 * `translated: true` lost its chat to an unmarked one that had a message of its own there).
 */
function bestMatch<M extends MemberRow>(matching: readonly M[], lang: string, shown: MemberPrefs['shown']): M | undefined {
  const tag = toLocaleTag(lang).toLowerCase();
  const exact = matching.filter((c) => c.info.lang.toLowerCase() === lang.toLowerCase() || c.info.locale.toLowerCase() === tag);
  if (exact.length > 1) {
    const shownId = shown?.();
    return exact.find((c) => c.id === shownId) ?? originalAmong(exact, shownId);
  }
  return originalFor(exact.length ? exact : matching, shown);
}

/** What choosing a chat's member reads of a note: its id and facts (a note not recorded yet has no more). */
export type MemberRow = Pick<NoteRow, 'id' | 'info'>;

export interface FamilyTarget<M extends MemberRow = NoteRow> {
  target: Target;
  member: M;
}

/**
 * Every chat that wants the family, with the member it gets. The chat's filter decides only whether
 * the family goes there (one of its members passes it: a `lang: [zh]` chat never gets a family
 * without Chinese); which member it is shown is the chat's language choice alone (its filter's `lang`
 * list, its `locale`, the original…), and that member's `notecast:` controls decide the rest: its
 * `routes` whether this chat gets the family at all, its `silent` and `pin` how the post goes.
 * `sentIn`: the member a chat's message of the family was last sent showing (store-side callers),
 * so that a chat without a language keeps its original when translations join.
 */
export function familyTargets<M extends MemberRow = NoteRow>(members: readonly M[], routes: readonly Route[], subscriptions: readonly Subscription[], enabled: ReadonlySet<string>, sentIn: (target: Target) => string | undefined = () => undefined): FamilyTarget<M>[] {
  const out = new Map<string, FamilyTarget<M>>();
  const consider = (target: Target, filter: Route['filter'], chatLocale: string | undefined, route?: Route) => {
    const key = targetKey(target);
    if (out.has(key) || (route && !enabled.has(target.platform))) return; // a subscription's deliveries park (route.ts)
    if (!members.some((m) => matchesFilter(filter, m.info))) return;
    const member = chooseMember(members, { langs: filter?.lang, chatLocale, shown: () => sentIn(target) });
    if (member && routeAllowed(route?.name, member.info, route !== undefined)) out.set(key, { target, member });
  };
  for (const r of routes) consider(routeTarget(r), r.filter, r.locale, r);
  for (const s of subscriptions) consider(s.target, s.filter, s.locale);
  return [...out.values()];
}

/**
 * The family's other languages, one per language (an original before a copy), in a stable order,
 * each with its translation's URL when the site's URL is known; the shown language is left out.
 */
export function alsoInFor<M extends { info: Pick<NoteInfo, 'lang' | 'original' | 'url'> }>(members: readonly M[], shown: M): AlsoIn[] {
  const byLang = new Map<string, M>();
  for (const m of members) {
    if (m.info.lang === shown.info.lang) continue;
    const prev = byLang.get(m.info.lang);
    if (!prev || (prev.info.original === false && m.info.original !== false)) byLang.set(m.info.lang, m);
  }
  return [...byLang.values()].sort((a, b) => a.info.lang.localeCompare(b.info.lang)).map((m) => ({ label: languageName(m.info.lang), url: m.info.url }));
}
