/**
 * The full stop that ends a sentence, in every script the notes are written in: "." and the
 * full-width "。" "．" "｡", the Devanagari danda "।" (Hindi), the Urdu "۔". A name joined with others
 * ("A, B, C") drops it whatever the script ("…लौटाता है।, …" read as a stray stop). Pure.
 */
const FINAL_STOP = /[.。．｡।۔]$/u;

/** `text` without the full stop that ends it, if it has one. */
export function withoutFinalStop(text: string): string {
  return text.replace(FINAL_STOP, '');
}
