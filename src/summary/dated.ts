/**
 * A sentence that opens on a date ("In a December 2024 update, …", "By May 2025, …", "2024年12月の…"):
 * a story's chronology, told event by event. Among a note's opening sentences such a one narrates
 * what led up to the point, where an opening's other sentences state what the note is about
 * (issue 23: the Llama 4 note's second sentence, its background, took the place of its pivot). Pure.
 */

/** A year (1800–2099, not part of a longer number) within the first 40 characters, before any other digit. */
const OPENS_ON_YEAR = /^\D{0,40}?(?:1[89]|20)\d\d(?!\d)/u;

export function opensOnDate(text: string): boolean {
  return OPENS_ON_YEAR.test(text);
}
