/**
 * German writes the formal "you" with a capital wherever it stands ("Wählen Sie …", "… zeigt Ihnen …")
 * and "sie" (they, she) in lower case, except at a sentence's start, where the two look alike: there
 * "Sie können die Uhrzeit ändern." tells the reader what to do, pointing back at nothing, when its
 * paragraph speaks to the reader formally elsewhere, with a capital "Sie", "Ihnen" or "Ihr…" inside
 * a sentence. Pure.
 */

/** The formal pronoun inside a sentence: after a space that follows no stop or colon (where a sentence may start). */
const FORMAL_INSIDE = /(?<![.!?:;])\s(?:Sie|Ihnen|Ihr(?:e[mnrs]?)?)(?!\p{L})/u;

/** Whether s opens on "Sie" that its paragraph shows to be the reader addressed, not "they". */
export function opensOnFormalYou(s: string, paragraph: readonly string[], locale: string): boolean {
  if (!/^Sie\s/u.test(s) || !/^de/i.test(locale)) return false;
  return paragraph.some((sentence) => FORMAL_INSIDE.test(sentence));
}
