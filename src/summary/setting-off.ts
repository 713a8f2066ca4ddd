/**
 * A short line that only sets off, saying nothing of the subject ("Here we go.", "Let's roll.",
 * "OK so here's the deal.", "Vamos allá.", "On y va !", "Los geht's!", "咱们开始吧！", "さあ、始めましょう！",
 * "चलिए शुरू करते हैं।", "هيا بنا!"): by form, each language's "we" urging itself on (let's, -emos/-amos,
 * -ons, verb + wir, 咱们/我们…吧, ましょう, चलिए/आइए, هيا/لن…) with no object, or "here" with we/it and a
 * verb of going, after at most two filler words. A line with a figure or code names something. Pure.
 */
import { ruleFor, type Rules } from './locale-rules.js';

const END = String.raw`[\s.!¡¿…。！،؟।]*$`;
const SETS_OFF: Rules = [
  [/^en/, new RegExp(String.raw`^(?:\p{L}+[,\s]+){0,2}?(?:here\s+(?:we|it)\s+(?:go|goes)|here\s+goes(?:\s+nothing)?|here['’]s\s+the\s+(?:deal|thing|plan|story|scoop)|let['’]s\s+(?:go|roll|begin|start|get\s+(?:started|going|rolling|to\s+it)|dive\s+(?:in|right\s+in)|jump\s+(?:in|right\s+in)|do\s+(?:this|it))|off\s+we\s+go)${END}`, 'iu')],
  [/^es/, new RegExp(String.raw`^[¡¿]?(?:\p{L}+[,\s]+){0,1}?(?:vamos(?:\s+(?:allá|alla|a\s+ello|al\s+lío))?|allá\s+vamos|al\s+lío|manos\s+a\s+la\s+obra|empecemos|comencemos|arranquemos)${END}`, 'iu')],
  [/^pt/, new RegExp(String.raw`^(?:\p{L}+[,\s]+){0,1}?(?:vamos\s+(?:lá|nessa|começar)|mãos\s+à\s+obra|comecemos)${END}`, 'iu')],
  [/^fr/, new RegExp(String.raw`^(?:\p{L}+[,\s]+){0,1}?(?:on\s+y\s+va|allons-y|c['’]est\s+parti|commençons|en\s+route)${END}`, 'iu')],
  [/^de/, new RegExp(String.raw`^(?:\p{L}+[,\s]+){0,1}?(?:(?:los|auf)\s+geht['’]?s|(?:fangen|legen)\s+wir\s+(?:an|los)|dann\s+mal\s+los)${END}`, 'iu')],
  [/^(zh|hant|yue)/, new RegExp(String.raw`^(?:那|好|好了|那么|那麼|来|來)?[，,]?(?:我们|我們|咱们|咱們)?(?:就|现在|現在)?(?:开始|開始|出发|出發|走起)(?:吧|啦|了)?${END}`, 'u')],
  [/^ja/, new RegExp(String.raw`^(?:さあ|では|じゃあ|それでは|さっそく|早速)?[、,]?\s*(?:始め|はじめ|行き|いき)ましょう(?:か)?${END}`, 'u')],
  [/^hi/, new RegExp(String.raw`^(?:तो\s+)?(?:चलिए|चलो|आइए)(?:\s+शुरू\s+(?:करते\s+हैं|करें|करो))?${END}`, 'u')],
  [/^ar/, new RegExp(String.raw`^(?:هيا(?:\s+بنا)?(?:\s+نبدأ)?|فلنبدأ|لنبدأ)${END}`, 'u')],
];

export function setsOff(s: string, locale: string): boolean {
  const line = s.trim();
  return line.length <= 40 && !/[\d\uE000-\uF8FF]/u.test(line) && (ruleFor(SETS_OFF, locale)?.test(line) ?? false);
}
