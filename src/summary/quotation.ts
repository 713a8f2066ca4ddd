/** What a sentence quotes, told apart from the writer's own words. Pure. */

/** A quotation in any of the nine languages' styles, with what it quotes. */
const QUOTATION = /"[^"]*"|“[^”]*”|«[^»]*»|„[^“”]*[“”]|「[^」]*」|『[^』]*』/gu;

/**
 * The sentence with what it quotes left out: the words inside quotation marks are someone else's
 * ('Feynman said: "I can live with doubt…"'), not the writer's talk to the reader.
 */
export function writersOwnWords(s: string): string {
  return /["“«„「『]/u.test(s) ? s.replace(QUOTATION, ' … ') : s;
}
