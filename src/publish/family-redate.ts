/**
 * Re-dating a translated post one file at a time (issue 25, the tester's `sO`): `_posts/en/2025-11-07-soup.md`
 * → `…-11-08-soup.md`, then `_posts/ja/…` the same a few seconds (or a restart) later. The family key is the
 * file name with its date, so the first re-date took the English post into a family of its own, the untouched
 * translation was posted anew as the old family in every chat that wants both, and that message was deleted
 * when the translation was re-dated too.
 *
 * The rule (family-key.ts): a note whose rename was recognised and whose written key changed only in its date
 * prefix keeps the family it had, while the new date's family has no note of its own (there it joins, as
 * before: a family is never hidden behind another). Stored families are not touched and unrelated notes never
 * merged: only a note already in the family stays in it. A translation written later under the new date
 * (`_posts/es/2025-11-08-soup.md`, no family `2025-11-08-soup` in the store) finds the family its re-dated
 * members kept by the key they write (`keyAsWritten`, store/family-rows.ts familiesHolding), and joins it.
 * All of it is read from the notes' records: a restart between the re-dates decides alike.
 */
import { DATE_PREFIX } from '../notes/url.js';

/** Whether two written keys name one post, only its date prefix changed (`2025-11-07-soup` → `2025-11-08-soup`). */
export function onlyRedated(before: string, after: string): boolean {
  return before !== after && before.replace(DATE_PREFIX, '') === after.replace(DATE_PREFIX, '');
}

/**
 * For a note written under `raw`, a dated key whose own family has no note: the family that notes re-dated to
 * `raw` kept, this chunk's first (`chunk`, written key → family key), else the store's; undefined if none.
 */
export function familyRedatedTo(holding: (written: string) => readonly string[], raw: string, chunk: ReadonlyMap<string, string>): string | undefined {
  if (!DATE_PREFIX.test(raw)) return undefined;
  return chunk.get(raw) ?? holding(raw).find((key) => onlyRedated(key, raw));
}
