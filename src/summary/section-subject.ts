/**
 * A sentence under a heading that opens with a bare pronoun ("It averages O(n log n) but…",
 * "इसमें मुद्राएँ…"), or in German has one as its subject after the verb in second place ("Für Firmen
 * … ist es kostenpflichtig"), speaks of its section's subject without naming it: chosen as the
 * section's point, alone, it never says what it is about (issue 23). Under a heading it comes only
 * with the sentence before it, however long; elsewhere a long one only weighs less alone (walk.ts
 * leansOn). Pure.
 */
import type { Token, Tokens } from 'marked';
import { ruleFor, type Rules } from './locale-rules.js';
import { leansOn, type Candidate } from './walk.js';

/**
 * German puts the finite verb second and the subject after it when something else opens the
 * sentence: a personal pronoun there is the subject. Not the "es" that only holds the place of a
 * clause ("Damit ist es möglich, … zu …").
 */
const PRONOUN_AFTER_VERB: Rules = [
  [/^de/, /^\P{P}+?\s(?:ist|sind|war|waren|wird|werden|hat|haben|kann|können|muss|müssen|bleibt|läuft|kostet|bietet|braucht|unterstützt)\s+(?:es|sie|er)(?!\p{L})(?![^]*\szu\s+\p{L}+en(?!\p{L}))/u],
];

export function leansInSection(s: string, locale: string, underHeading: boolean): Candidate['leansBack'] {
  // leansOn says 'wholly' exactly for a bare pronoun opening the sentence: that test is not run twice.
  const leans = leansOn(s, locale);
  if (!underHeading || leans === 'wholly') return leans;
  return (ruleFor(PRONOUN_AFTER_VERB, locale)?.test(s) ?? false) ? 'wholly' : leans;
}

/**
 * Whether a heading is the subject of its section: the section's first sentence has none of its own
 * ("## Maven" then "Usa un archivo XML…", "It uses an XML file…", "适合嵌入式设备…"), so the heading
 * names what the section speaks of though the text never says it again (sections.ts namesItsSection
 * looks for its words). The outline shows such headings: a writer who drops the subject, as Spanish
 * does, names each part only there (issue 23, F12).
 */
export function headsItsSubject(blocks: readonly Token[], at: number, locale: string): boolean {
  const first = blocks[at + 1];
  return first?.type === 'paragraph' && leansOn((first as Tokens.Paragraph).text.trimStart(), locale) === 'wholly';
}
