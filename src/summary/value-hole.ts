/**
 * A sentence with a hole where a value was empty: a Liquid output Jekyll renders as nothing
 * (`{{ site.title }}` on a site without one) leaves "the en section of ." with a space before
 * its stop. Jekyll prints it so, but as a point it is broken (issue 23). Pure.
 */
// Not `;` `:` `!` `?`: French puts a (thin) space before those.
const HOLE_BEFORE_STOP = /\s[.,](?=\s|$)|\s[.,]["'”’»)]*$/u;

/** Whether `text` has a stop or comma standing after a space, where a word was left out. */
export function showsValueHole(text: string): boolean {
  return HOLE_BEFORE_STOP.test(text);
}
