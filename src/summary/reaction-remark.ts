/**
 * The remark of a reaction before its colon ("Ah, that's easy: run …", "Oh, das ist ein häufiges
 * Problem: …", "آه، الأمر بسيط: …"): told by its structure, an interjection of a few short words, then a
 * few words judging only how easy or how common the thing is, then the colon and the note's point. Pure.
 */
import { ruleFor, type Rules } from './locale-rules.js';
import { namesSomething } from './question-praise.js';
import { wordCount } from './tone.js';

/**
 * Up to three short words before a comma or exclamation mark opening a sentence: an interjection,
 * one word ("Ah, …", "哦，…", "अरे, …", "آه، …") or a few ("Oh là là, …"); used only where a colon follows.
 */
const INTERJECTION_BEFORE_COLON = /^[¡¿]?(?:[\p{L}\p{M}]{1,6}\s){0,2}[\p{L}\p{M}]{1,6}\s?[,，、،!！]\s*/u;

/** What follows an interjection of up to three short words opening s, if one does. */
export function afterShortInterjection(s: string): string | undefined {
  return afterOpening(s, INTERJECTION_BEFORE_COLON);
}

/** What follows `opening` (a pattern anchored at the start, not global) where it opens s, leading space aside. */
export function afterOpening(s: string, opening: RegExp): string | undefined {
  const start = s.trimStart();
  const found = opening.exec(start);
  return found ? start.slice(found[0].length) : undefined;
}

/**
 * Each language's adjectives and adverbs judging a thing easy or common ("easy", "facile",
 * "einfach", "häufiges", "简单", "よく", "आसान", "بسيط"), inflected as the language inflects them: words
 * of judgement, no noun of a topic.
 */
const JUDGES_EASE_OR_COMMON: Rules = [
  [/^en/, /(?:^|\P{L})(?:easy|simple|quick|straightforward|common|classic|typical|frequent|familiar)(?!\p{L})/iu],
  [/^fr/, /(?:^|\P{L})(?:facile|simple|rapide|classique|courante?|fréquente?|typique)(?!\p{L})/iu],
  [/^es/, /(?:^|\P{L})(?:fácil|sencill[oa]|simple|rápid[oa]|clásic[oa]|común|frecuente|típic[oa])(?!\p{L})/iu],
  [/^pt/, /(?:^|\P{L})(?:fácil|simples|rápid[oa]|clássic[oa]|comum|frequente|típic[oa])(?!\p{L})/iu],
  [/^de/, /(?:^|\P{L})(?:einfach|leicht|schnell|klassisch|typisch|häufig|bekannt)(?:e[nmrs]?)?(?!\p{L})/iu],
  [/^(zh|hant|yue)/, /简单|簡單|容易|常见|常見|典型|经典|經典/u],
  [/^ja/, /簡単|かんたん|よく|ありがち|定番|典型/u],
  [/^hi/, /(?:^|\s)(?:आसान|सरल|आम|सामान्य)(?=[\s,.।!?]|$)/u],
  [/^ar/, /(?:^|\s)(?:ال)?(?:بسيط|سهل|شائع|معروف)[\p{L}\p{M}]*(?=[\s,.،!?؟]|$)/u],
];

/** Words at most in a remark judging ease or commonness ("それはよくある問題です", "das ist ein häufiges Problem"). */
const JUDGING_REMARK_WORDS = 6;

/**
 * Whether a reaction's remark before its colon only judges the thing easy or common ("the fix is
 * simple", "الأمر بسيط", "それはよくある問題です"): a few words, no figure, code or name. "Note, the order
 * matters: …" judges nothing and is kept.
 */
export function judgesEaseOrCommon(remark: string, locale: string): boolean {
  if (wordCount(remark) > JUDGING_REMARK_WORDS || /[\p{N}\uE000-\uF8FF]/u.test(remark) || namesSomething(remark, locale)) return false;
  return ruleFor(JUDGES_EASE_OR_COMMON, locale)?.test(remark) ?? false;
}

/**
 * Whether the text after a reaction's colon is substance enough to stand as the point: three words,
 * or fewer with code in it ("run `git reset --soft HEAD~1`", "`…` चलाइए") or ending on a colon before
 * the code it announces ("run this:").
 */
export function substanceStands(substance: string): boolean {
  return wordCount(substance) >= 3 || /[\uE000-\uF8FF]/u.test(substance) || (wordCount(substance) >= 1 && /[:：]\s*$/u.test(substance));
}
