/**
 * A sentence about the note itself, naming it as a piece of writing ("The rest of this post explains
 * why", "本文将逐一分析原因", "En este artículo lo veremos paso a paso", "This guide covers the three in
 * turn"): it tells how the note goes, not what it says. It is a point only where it names the note's
 * parts, terms the note comes back to ("This guide covers indexes, query shape and configuration"). Each
 * language's demonstrative with its nouns for a piece of writing, never whole phrases (issue 23, F2). Pure.
 */
import { ruleFor, type Rules } from './locale-rules.js';
import { talkAtEdges } from './edge-talk.js';
import { TELLS_READER } from './tone.js';
import type { Candidate } from './walk.js';

const THIS_NOTE: Rules = [
  [/^en/, /(?:^|[^\p{L}])this (?:blog )?(?:post|article|guide|note|tutorial|piece|write-?up|page|answer|entry)(?!\p{L})/iu],
  [/^es/, /(?:^|[^\p{L}])(?:este|esta) (?:artículo|post|entrada|guía|nota|tutorial|respuesta)(?!\p{L})/iu],
  [/^fr/, /(?:^|[^\p{L}])(?:cet|cette|ce) (?:article|billet|guide|note|tutoriel|post|réponse)(?!\p{L})/iu],
  [/^de/, /(?:^|[^\p{L}])(?:dieser|diesem|diesen|diese) (?:Artikel|Beitrag|Anleitung|Leitfaden|Notiz|Post|Text|Antwort)(?!\p{L})/u],
  [/^pt/, /(?:^|[^\p{L}])(?:este|esta) (?:artigo|post|guia|nota|tutorial)(?!\p{L})/iu],
  [/^(zh|hant|yue)/, /本文|本篇|(?:这|這)篇(?:文章|笔记|筆記|教程|指南)?|本(?:教程|指南|笔记|筆記)/u],
  [/^ja/, /この(?:記事|投稿|ノート|ページ|ガイド)|本記事|本稿/u],
  [/^ar/, /(?:هذا|هذه)\s+(?:المقال|المقالة|الدليل|المنشور|التدوينة)/u],
  [/^hi/, /(?:इस|यह)\s+(?:लेख|पोस्ट|गाइड|नोट)(?=[\s,.।]|$)/u],
];

/** The sentence without the words naming the note, when it names it; else undefined. */
function withoutNoteNamed(s: string, locale: string): string | undefined {
  const m = ruleFor(THIS_NOTE, locale)?.exec(s);
  return m ? s.slice(0, m.index) + s.slice(m.index + m[0].length) : undefined;
}

/**
 * Names of the note's parts, at least this many, make a sentence about the note an overview: terms
 * weighing at least PART_WEIGHT (salience.ts), a name, code, a title's or heading's word, or one the note
 * says three times and more; a word it says twice is as often chance ("in turn" beside "Turn on…").
 */
const PARTS_NAMED = 2;
const PART_WEIGHT = 2;

/**
 * A term's weight when the note says it again (salience.ts: twice is 1 + ln 2; once at most 1.2, a
 * title word or a name): an item of a listed overview names a part the note comes back to.
 */
const COMES_BACK = 1.5;

/** Where a listed overview's items part: separators of any script, conjunctions spaced or (CJK) not. */
const ITEM_BREAK = /\s*[,;，、；،؛]\s*|\s(?:and|or|et|ou|und|oder|y|e|o|u|ed|od|или|أو|और|या|तथा|एवं)\s|和|与|與|及|および|や/u;

/**
 * Whether what follows the sentence's colon lists parts the note comes back to, PARTS_NAMED or more
 * ("…covers three habits: weekly retros, blameless postmortems and written decisions", each said again
 * below): each part said twice weighs under PART_WEIGHT, yet the list is the note's outline (issue 23, F1).
 */
function listsPartsAfterColon(rest: string, weightsOf: (text: string) => number[]): boolean {
  const colon = Math.max(rest.lastIndexOf(':'), rest.lastIndexOf('：'));
  if (colon < 0) return false;
  const items = rest.slice(colon + 1).split(ITEM_BREAK);
  return items.length >= PARTS_NAMED && items.filter((item) => weightsOf(item).some((w) => w >= COMES_BACK)).length >= PARTS_NAMED;
}

/**
 * The sentences about the note itself that name fewer of its parts; `weightsOf`: the weights of a text's
 * terms. The note's first sentence leads as ever ("Learning to code is long, and this guide splits it into
 * stages" says its subject), and a warning to the reader about the note's steps is theirs to read.
 */
function aboutNoteOnly<T extends { c: Candidate; text: string }>(options: readonly T[], locale: string, weightsOf: (text: string) => number[]): T[] {
  const lede = options.find((o) => o.c.kind === 'sentence' && o.c.opening);
  return options.filter((o) => {
    if (o === lede || o.c.kind !== 'sentence' || ruleFor(TELLS_READER, locale)?.test(o.text)) return false;
    const rest = withoutNoteNamed(o.text, locale);
    return rest !== undefined && weightsOf(rest).filter((w) => w >= PART_WEIGHT).length < PARTS_NAMED && !listsPartsAfterColon(rest, weightsOf);
  });
}

/**
 * What speaks of the exchange rather than the note's subject, however short the note: small talk at an
 * answer's edges (edge-talk.ts) and lines about the note naming none of its parts. `names`: whether an
 * option names something the note is about; `weightsOf`: the weights of a text's terms.
 */
export function aboutTheExchange<T extends { c: Candidate; text: string }>(options: readonly T[], names: (o: T) => boolean, locale: string, weightsOf: (text: string) => number[]): T[] {
  return [...talkAtEdges(options, names, locale), ...aboutNoteOnly(options, locale, weightsOf)];
}
