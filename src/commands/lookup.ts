/**
 * Lookups outside a command's reply: Discord's autocomplete, Telegram's inline queries, and the
 * buttons under a `/note` answer. Platforms limit the value a choice or button carries (Discord
 * 100 characters, Telegram 64 bytes), so a note is named by a short key remembered here.
 */
import type { SearchResult } from '../search/index.js';
import type { Summary } from '../summary/build.js';
import { firstChars } from '../util/words.js';
import { noteKey } from './note-key.js';
import type { CommandDeps, CommandReply } from './types.js';

/** Keys of the notes recently offered (the newest 5,000): a key from an older offer has expired. */
export class OfferedNotes {
  private readonly keys = new Map<string, string>();

  constructor(private readonly max = 5000) {}

  /** The key to put in a button or choice for note `id`. */
  remember(id: string): string {
    const k = noteKey(id);
    this.keys.delete(k);
    this.keys.set(k, id);
    if (this.keys.size > this.max) this.keys.delete(this.keys.keys().next().value!);
    return k;
  }

  resolve(key: string): string | undefined {
    return this.keys.get(key);
  }
}

export interface Suggestion extends SearchResult {
  /** The short key standing for the note (see `OfferedNotes`). */
  key: string;
}

/**
 * Notes matching what is typed so far, in the asker's language where there is one; the newest
 * notes when nothing is typed yet. Every keystroke asks this, so the note texts are not searched
 * (see NoteSearch.search `deep`).
 */
export function suggestNotes(deps: CommandDeps, offered: OfferedNotes, typed: string, locale: string | undefined, limit: number): Suggestion[] {
  const q = firstChars(typed.trim(), 100);
  const results = q ? deps.search.search(q, { lang: locale, limit }) : deps.search.latest(limit, undefined);
  return results.map((r) => ({ ...r, key: offered.remember(r.id) }));
}

/** Suggestions with the summary each would send (Telegram inline results send it as the message). */
export async function suggestNotesWithSummaries(deps: CommandDeps, offered: OfferedNotes, typed: string, locale: string | undefined, limit: number): Promise<(Suggestion & { summary: Summary })[]> {
  const found = suggestNotes(deps, offered, typed, locale, limit).map((s) => ({ s, row: deps.store.getNote(s.id) }));
  // A first run's long notes have their summaries made on the parse threads (store/deferred-summaries.ts).
  await deps.store.summaries.prepare(found.flatMap(({ row }) => (row ? [row] : [])));
  return found.flatMap(({ s, row }) => {
    const summary = row?.state === 'published' ? deps.store.summaries.of(row) : null;
    return summary ? [{ ...s, summary }] : [];
  });
}

export const EXPIRED_TEXT = 'That result has expired; search again with /note.';

/** The note behind a pressed button, as a `/note` reply (without further results). */
export async function openOffered(deps: CommandDeps, offered: OfferedNotes, key: string): Promise<CommandReply> {
  const id = offered.resolve(key);
  const row = id ? deps.store.getNote(id) : undefined;
  if (row) await deps.store.summaries.prepare([row]);
  const summary = row?.state === 'published' ? deps.store.summaries.of(row) : null;
  if (!row || !summary) return { type: 'text', text: EXPIRED_TEXT };
  return { type: 'note', noteId: row.id, summary, more: [] };
}
