/**
 * "You cut a branch from main, review it in a pull request and merge it": the reader as the subject
 * of a series of actions, its first predicate parted from the others by a comma. The comma ends no
 * leading clause spoken to the reader (tone.ts readReplyClause: "You're right, …"), and dropping
 * it would leave "Review it … and merge it" without what is reviewed. Told by grammar: the second
 * person acting (a verb of its own, not "you're", "you are", "you have"), then a predicate with no
 * subject (a word in lower case, no function word) and a coordinator ending the series. English and
 * German say the subject; Spanish and French when the "you" is formal or stressed ("Usted desenchufa…",
 * "Vous desserrez…"), and drop it otherwise ("Creas una rama, la revisas y…"). Pure.
 */
import { ruleFor, type Rules } from './locale-rules.js';
import { isFunctionWord } from './salience.js';

/** The second person as the subject of a verb that acts: "You cut", "Du erstellst"; never "You're", "You have", "You can". */
const ACTING_YOU: Rules = [
  [/^en/, /^you\s+(?!(?:are|were|have|had|can|could|should|would|will|might|must|may|do|did|need|got|get|see|know|mean|mentioned|asked|said)(?!\p{L}))\p{Ll}+\s+\S/iu],
  // The formal "you" says its subject in every language that has one: "Sie ziehen", "Usted desenchufa", "Vous desserrez".
  [/^de/, /^(?:[Dd]u|[Ii]hr|Sie)\s+(?!(?:bist|hast|seid|habt|sind|haben|kannst|könnt|können|musst|müssen|sollst|sollen|willst|wollen|hattest|hatten|warst|waren|werden)(?!\p{L}))\p{Ll}+\s+\S/u],
  [/^es/, /^(?:usted(?:es)?|tú|vosotros|vosotras)\s+(?!(?:es|son|eres|está|están|estás|tiene|tienen|tienes|puede|pueden|puedes|debe|deben|debes|ha|han|has)(?!\p{L}))\p{Ll}+\s+\S/iu],
  [/^fr/, /^(?:vous|tu)\s+(?!(?:êtes|es|avez|as|pouvez|peux|devez|dois|voulez|veux|allez|vas)(?!\p{L}))\p{Ll}+\s+\S/iu],
];

/** A coordinator joining the series' last predicate: "and", "or", "then"; "und", "oder", "dann". */
const COORDINATOR: Rules = [
  [/^en/, /\s(?:and|or|then)\s+\p{Ll}/u],
  [/^de/, /\s(?:und|oder|dann)\s+\p{Ll}/u],
  [/^es/, /\s(?:y|e|o|luego)\s+\p{Ll}/u],
  [/^fr/, /\s(?:et|ou|puis)\s+\p{Ll}/u],
];

/** Whether the sentence opens with the reader acting in a series of predicates: its first comma parts no reply clause. */
export function actsInSeries(s: string, locale: string): boolean {
  const acting = ruleFor(ACTING_YOU, locale);
  const coordinator = ruleFor(COORDINATOR, locale);
  const comma = s.indexOf(',');
  if (!acting || !coordinator || comma < 0 || !acting.test(s.slice(0, comma))) return false;
  const rest = s.slice(comma + 1).trim();
  const first = /^\p{Ll}+(?=\s)/u.exec(rest)?.[0];
  return first !== undefined && !isFunctionWord(first) && coordinator.test(rest);
}
