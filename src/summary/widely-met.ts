/**
 * A reaction's remark before its colon saying only how widely the thing it points at is met ("Oh,
 * this one trips up everybody: run …", "Ah, esta le pasa a casi todo el mundo la primera vez…: …",
 * "哦，这个几乎每个人都会踩坑：…"): told by structure, a bare pointer opening it (its subject is the
 * reader's question), a word for everyone, many people or how often, no figure or code. Whatever it
 * names on the way ("the first time they use git") tells nothing of the answer, which follows the
 * colon (issue 23, F3). Only asked of a note's first sentence after an interjection and a colon
 * (reaction.ts reactionsSubstance), so it needs no word gate. Pure.
 */
import { ruleFor, type Rules } from './locale-rules.js';
import { pointsBack, wordCount } from './tone.js';

/**
 * Each language's words for everyone or most people ("everybody", "tout le monde", "casi todos",
 * "fast jeder", "每个人", "ほぼ全員", "हर कोई", "الجميع"), and for how often a thing is met ("often",
 * "souvent", "häufig", "经常", "よく"): quantifiers and adverbs, no noun of a topic.
 */
const WIDELY: Rules = [
  [/^en/, /(?:^|\P{L})(?:every(?:one|body)|any(?:one|body)|most(?:\s+people)?|many(?:\s+people)?|a\s+lot|lots|often|all\s+the\s+time|common(?:ly)?|nearly\s+all|almost\s+all)(?!\p{L})/iu],
  [/^fr/, /(?:^|\P{L})(?:tout\s+le\s+monde|chacun|beaucoup|souvent|la\s+plupart|presque\s+tous|nombreu(?:x|ses)|courante?|fréquente?)(?!\p{L})/iu],
  [/^es/, /(?:^|\P{L})(?:todo\s+el\s+mundo|tod[oa]s|casi\s+tod[oa]s|cualquiera|much(?:os|as|a\s+gente)|a\s+menudo|común|frecuente)(?!\p{L})/iu],
  [/^pt/, /(?:^|\P{L})(?:todo\s+(?:o\s+)?mundo|tod[oa]s|qualquer\s+um|muit(?:os|as|a\s+gente)|frequente|comum)(?!\p{L})/iu],
  [/^de/, /(?:^|\P{L})(?:jede[rn]?|jedem|alle[nm]?|viele[nm]?|die\s+meisten|oft|häufig|ständig)(?!\p{L})/iu],
  [/^(zh|hant|yue)/, /每个人|每個人|所有人|大家|人人|很多人|好多人|不少人|许多人|許多人|多数人|多數人|常见|常見|经常|經常|常常/u],
  [/^ja/, /全員|誰もが|誰でも|だれもが|みんな|皆さん|多くの人|ほとんどの人|よく|ありがち/u],
  [/^hi/, /(?:^|\s)(?:हर\s+कोई|हर\s+किसी|सभी|सब|ज़्यादातर|ज्यादातर|कई|बहुत\s+से|अक्सर|आम)(?=[\s,.।!?]|$)/u],
  [/^ar/, /(?:^|\s)(?:ال)?(?:جميع|الكل|كل|كثير[\p{L}\p{M}]*|معظم|غالب[\p{L}\p{M}]*|شائع[\p{L}\p{M}]*)(?=[\s,.،!?؟]|$)/u],
];

/** German points back with a pronominal adverb too ("darüber", "damit", "dabei": about, with, at that). */
const DA_COMPOUND = /^da(?:r(?:an|auf|aus|in|über|um|unter)|bei|durch|für|gegen|hinter|mit|nach|neben|von|vor|zu|zwischen)(?!\p{L})/iu;

/** Words at most in such a remark: a longer opening clause says something of its own. */
const REMARK_WORDS = 24;

/** Whether a reaction's remark before its colon only says how widely what it points at is met. */
export function remarksHowWidelyMet(remark: string, locale: string): boolean {
  if (wordCount(remark) > REMARK_WORDS || /[\p{N}\uE000-\uF8FF]/u.test(remark)) return false;
  const opensOnPointer = pointsBack(remark, locale) || (/^de/i.test(locale) && DA_COMPOUND.test(remark.trimStart()));
  return opensOnPointer && (ruleFor(WIDELY, locale)?.test(remark) ?? false);
}
