/**
 * A verdict with two sides: consecutive sentences of one paragraph that say the same of two different names ("If you
 * live on remote servers, pick Vim. If you want one program for everything, pick Emacs."; "…なら Vim を選びましょう。…なら
 * Emacs を選びましょう。"). One side alone recommends one thing, which misleads: they are one point (issue 23, F6). Pure.
 */
import type { Candidate } from './walk.js';
import { CJK_CHAR } from './punctuation.js';

/** A name in a clause: a word with a capital, or a Latin word amid another script ("Vim" in Arabic or Japanese). */
const CAPITALISED = /(?<![\p{L}\p{N}])(?:\p{Lu}[\p{L}\p{N}+#.-]*[\p{L}\p{N}+#]|\p{Lu})(?![\p{L}\p{N}])/gu;
const NAME = new RegExp(`${CAPITALISED.source}|(?<![\\p{Script=Latin}\\p{N}])[A-Za-z][A-Za-z0-9+#.-]*(?![\\p{Script=Latin}\\p{N}])`, 'gu');
/** A clause in another script than Latin, where a Latin word stands out as a name. */
const NOT_LATIN = /[^\P{L}\p{Script=Latin}]/u;

/** A sentence's last clause split at its last name: what comes before it in the clause, the name, what follows. */
function framed(sentence: string): { before: string; name: string; after: string } | undefined {
  const clause = sentence.replace(/[.。!！]\s*$/u, '').split(/[,，、،;；]\s*/u).pop() ?? '';
  // In a Latin clause every word is Latin: only a capital tells a name (else "…wieder ein. …wieder leiser." read as two names framed alike).
  const names = [...clause.matchAll(NOT_LATIN.test(clause) ? NAME : CAPITALISED)].filter((m) => m.index > 0 || CJK_CHAR.test(clause));
  const last = names[names.length - 1];
  if (!last) return undefined;
  return { before: clause.slice(0, last.index).trim(), name: last[0], after: clause.slice(last.index + last[0].length).trim() };
}

type Frame = ReturnType<typeof framed>;

/** Whether two sentences are the two sides of one verdict: the same frame around two different names. */
export function twoSided(a: string, b: string): boolean {
  return framedAlike(framed(a), framed(b));
}

/** Whether two sentences' frames (framed) make them two sides of one verdict. */
function framedAlike(x: Frame, y: Frame): boolean {
  if (!x || !y || x.name === y.name || x.after !== y.after) return false;
  // Spaced scripts: the same words right before the name ("pick", "nimmt", "فاختر"); CJK: the same words after it ("を選びましょう").
  const lastWord = (s: string) => s.split(/\s+/u).pop() ?? '';
  return CJK_CHAR.test(x.after) ? /\p{L}/u.test(x.after) : x.before !== '' && lastWord(x.before) === lastWord(y.before).replace(/^و/u, lastWord(x.before).startsWith('و') ? 'و' : '');
}

/**
 * The candidates with each two-sided verdict as one sentence, where both fit a point ("…, pick Vim. …, pick Emacs.");
 * the second side's place goes. Sides too long for one point stay as they were.
 */
export function joinTwoSided(out: Candidate[], maxChars: number): void {
  // Each sentence is the first side of one pair and the second of the one before: its frame, worked out as
  // the first, serves as the second (a text of its own once joined). framed was most of this pass (issue 23).
  let known: { text: string; frame: Frame } | undefined;
  const frameOf = (text: string): Frame => (known?.text === text ? known.frame : framed(text));
  for (let k = out.length - 2; k >= 0; k--) {
    const a = out[k]!, b = out[k + 1]!;
    if (a.kind !== 'sentence' || b.kind !== 'sentence' || a.block !== b.block || a.turn || b.turn || b.pos !== a.pos + 1) continue;
    const text = CJK_CHAR.test(a.text.slice(-1)) ? `${a.text}${b.text}` : `${a.text} ${b.text}`;
    if (codePoints(text) > maxChars) continue;
    const second = frameOf(b.text), first = framed(a.text);
    known = { text: a.text, frame: first };
    if (!framedAlike(first, second)) continue;
    out.splice(k, 2, { ...a, text, closing: a.closing || b.closing });
  }
}

/** `[...text].length` without the array of characters: a pair of candidates' joined text was spread each time (issue 23's heap profile). */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
