// Which languages' scripts a sentence holds, whatever the note's language (translations leave such bits).

/** Any of the scripts scriptLanguages tells: most sentences of a Latin-script note with a character past Latin hold an arrow or an emoji, none of them. */
export const OTHER_SCRIPTS = /[\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\p{Script=Hangul}\p{Script=Cyrillic}]/u;

/** Languages whose script is in a sentence, whatever the note's language (translations leave such bits). */
export function scriptLanguages(s: string): string[] {
  const out: string[] = [];
  if (/\p{Script=Arabic}/u.test(s)) out.push('ar');
  if (/\p{Script=Devanagari}/u.test(s)) out.push('hi');
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(s)) out.push('ja');
  else if (/\p{Script=Han}/u.test(s)) out.push('zh');
  if (/\p{Script=Hangul}/u.test(s)) out.push('ko');
  if (/\p{Script=Cyrillic}/u.test(s)) out.push('ru');
  return out;
}
