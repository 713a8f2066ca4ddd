/**
 * A paragraph opening in lower case goes on from what came before it ("or: readlink -f …"), in a
 * script that has capitals. A sentence in a script without them (Han, kana, Arabic, Devanagari,
 * Hangul) that opens with a Latin term ("rebase 会把你的提交…", "npm يثبت…") starts with its subject:
 * the term's case says nothing of the sentence (issue 23, item 6). Pure.
 */
const UNCASED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Hangul}]/u;

/** Whether `s` is written in a script with capitals: its first letter's case says something of it. */
export function inCasedScript(s: string): boolean {
  return !UNCASED_SCRIPT.test(s);
}

export function opensAsContinuation(s: string): boolean {
  return /^[a-z]/.test(s) && inCasedScript(s);
}
