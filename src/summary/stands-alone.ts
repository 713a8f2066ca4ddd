/**
 * Whether what is left of a sentence after its leading clause goes can stand alone as a sentence:
 * it has a verb of its own. "Vous gérez tout vous-même, du pare-feu aux mises à jour." leaves "du
 * pare-feu aux mises à jour", the clause's own complement, no sentence (issue 23, F20). Each rule
 * names the finite verb forms a language's sentences show: its copulas, auxiliaries and modals,
 * person endings not after an article, clitics before a verb, a predicate ending (Japanese, Hindi:
 * the verb comes last). Where a sentence may have no verb at all (Chinese, Arabic, Russian in the
 * present), the rest stands alone unless it opens with a preposition: a phrase that completes the
 * clause's verb. Pure.
 */
import { ruleFor, type Rules } from './locale-rules.js';

const HAS_VERB: Rules = [
  [/^en/, /(?:^|[^\p{L}'’])(?:am|is|are|was|were|be|been|has|have|had|do|does|did|can|could|will|would|shall|should|may|might|must|gets?|got|takes?|makes?|needs?|works?)(?![\p{L}'’])|\p{L}['’](?:s|re|ve|ll|d|m|t)(?!\p{L})|(?:^|[^\p{L}])(?:it|they|we|he|she|this|that|there|which|who)\s+\p{L}+|(?:^|\s)(?<!(?:^|\s)(?:the|a|an|of|to|for|from|and|or|in|on|at|by|with|my|your|its|our|their|these|those|all|some|many|two|three)\s)\p{L}{2,}(?:s|ed)(?!\p{L})/iu],
  [/^es/, /(?:^|[^\p{L}])(?:es|son|era|eran|fue|fueron|será|está|están|estaba|hay|había|tiene|tienen|puede|pueden|debe|deben|hace|hacen|va|van|sirve|sale|funciona|queda)(?!\p{L})|(?:^|[^\p{L}])se\s+\p{L}+|(?:^|\s)(?<!(?:^|\s)(?:el|la|los|las|un|una|unos|unas|de|del|desde|hasta|a|al|y|o|en|con|por|para|su|sus)\s)\p{L}{3,}(?:an|en|aba|aban|ía|ían|ará|erá|irá)(?!\p{L})/iu],
  [/^fr/, /(?:^|[^\p{L}])(?:est|sont|était|étaient|sera|seront|a|ont|avait|peut|peuvent|doit|doivent|fait|font|va|vont|faut|reste|restent|suffit|devient)(?!\p{L})|(?:^|[^\p{L}])(?:c|n|s|qu)['’]\p{L}|(?:^|[^\p{L}])(?:il|elle|on|ils|elles|ce|cela|ça|nous|je|tu)\s+\p{L}+|(?:^|\s)(?<!(?:^|\s)(?:le|la|les|un|une|des|du|de|aux|au|à|et|ou|en|par|pour|sans|avec|son|sa|ses|leur|leurs)\s)\p{L}{3,}(?:ent|ait|aient|ons|ez)(?!\p{L})/iu],
  [/^pt/, /(?:^|[^\p{L}])(?:é|são|era|foi|está|estão|há|tem|têm|pode|podem|deve|devem|vai|vão|faz|fazem|se)(?!\p{L})|(?:^|\s)(?<!(?:^|\s)(?:o|a|os|as|um|uma|de|do|da|dos|das|e|ou|em|no|na|com|por|para)\s)\p{L}{3,}(?:am|em|ou|ava|avam)(?!\p{L})/iu],
  // German nouns have a capital: a lowercase word ending as a finite verb ends (-t, -en) is one.
  [/^de/, /(?:^|[^\p{L}])(?:ist|sind|war|waren|wird|werden|hat|haben|kann|können|muss|müssen|soll|sollte|gibt|läuft)(?!\p{L})|(?:^|\s)(?<!(?:^|\s)(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|von|bis|zu|zum|zur|mit|aus|bei|nach|für|und|oder)\s)\p{Ll}{2,}(?:t|en)(?!\p{L})/u],
  [/^ja/, /(?:[うくすつぬむゆるぐいただ]|です|ます|ません|でした|ました)[\s。.！!？?」』)）]*$/u],
  [/^hi/, /(?:^|\s)(?:है|हैं|था|थी|थे|हो|होगा|होगी|होंगे)(?=[\s,.।!?]|$)|\p{L}+(?:ता|ती|ते|गा|गी|गे|ें|या|यी|ये)[\s।.!?]*$/u],
];

/** Sentences that need no verb: the rest is a fragment when it opens with a preposition. */
const OPENS_WITH_PREPOSITION: Rules = [
  [/^(zh|hant|yue)/, /^(?:从|從|自|由|到|至|对于|對於|关于|關於)/u],
  [/^ar/, /^(?:من|إلى|في|على|عن|مع|حتى|منذ)(?=\s)/u],
  [/^ru/, /^(?:от|до|с|из|в|на|для|по|о|об)(?!\p{L})/iu],
];

export function standsAlone(rest: string, locale: string): boolean {
  const verb = ruleFor(HAS_VERB, locale);
  if (verb) return verb.test(rest);
  return !(ruleFor(OPENS_WITH_PREPOSITION, locale)?.test(rest) ?? false);
}
