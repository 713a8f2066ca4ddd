/**
 * Family keys kept in one meta value (a JSON list) for a later batch to take up: the families
 * `separate` left as they were (family-after-switch.ts) and those it announced (family-adopt.ts),
 * both brought up to date by the first `group` batch. Runs inside the batch's transaction.
 */
import type { z } from 'zod';
import type { Store } from '../store/store.js';

/** The keys under `name`; `take` forgets them (the caller is syncing them now). */
export function metaKeys(store: Store, name: string, take = false): string[] {
  const raw = store.getMeta(name);
  if (take && raw !== undefined) store.setMeta(name, '[]');
  try {
    const keys: unknown = JSON.parse(raw ?? '[]');
    return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return []; // unreadable: those families are brought up to date when next touched, as any other
  }
}

/** Adds `keys` under `name` (written only when the list grows). */
export function addMetaKeys(store: Store, name: string, keys: readonly string[]): void {
  const before = metaKeys(store, name);
  const all = new Set([...before, ...keys]);
  if (all.size !== before.length) store.setMeta(name, JSON.stringify([...all]));
}

/** A list of records kept in one meta value, each checked by `item`; none if the value is missing or unreadable. */
export function metaList<T>(store: Pick<Store, 'getMeta'>, name: string, item: z.ZodType<T>): T[] {
  const raw = store.getMeta(name);
  if (!raw) return [];
  try {
    const parsed = item.array().safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Writes a list of files' records under `name`, oldest first (none: the record emptied); not written when it says so already. */
export function writeFileRecords(store: Pick<Store, 'getMeta' | 'setMeta'>, name: string, records: readonly { file: string; since: number }[]): void {
  const text = JSON.stringify([...records].sort((a, b) => a.since - b.since || a.file.localeCompare(b.file)));
  if ((store.getMeta(name) ?? '[]') !== text) store.setMeta(name, text);
}
