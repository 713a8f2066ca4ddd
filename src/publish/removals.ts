/**
 * Removals wait before they are acted on. A branch switch or an unmount removes files over a
 * moment, and its unlinks can straddle a quiet period: applied batch by batch, the first part stays
 * under `watch.removalThreshold` and deletes its messages while only the rest is held. So removed
 * notes gather here until their burst has ended (none for a removal window, `publish.digest.windowMs`,
 * at least three quiet periods: sync.ts armRemovals), and the threshold is applied to all of them at once. A removed note whose
 * content reappears under another name in that time, in any batch, is a rename.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { KnownNote, Store } from '../store/store.js';
import { toRelPath } from '../notes/read.js';
import { FAMILY_PREFIX } from './family.js';

/** The known, not yet deleted notes a batch's removed paths take away: a note, or every note of a removed folder (moved from publisher.ts). */
export function removedNotes(deps: { root: string; store: Pick<Store, 'knownUnder'> }, removed: readonly string[], known: (rel: string) => KnownNote | undefined): string[] {
  const rels = new Set<string>();
  for (const abs of removed) {
    const rel = toRelPath(deps.root, abs);
    const note = known(rel);
    if (note) {
      if (note.state !== 'deleted') rels.add(rel);
      continue;
    }
    for (const [file, n] of deps.store.knownUnder(rel ? `${rel}/` : '')) if (n.state !== 'deleted') rels.add(file);
  }
  return [...rels].filter((rel) => !existsSync(path.join(deps.root, rel)));
}

export class PendingRemovals {
  /** Removed files (relative paths) and what the store knew of each. */
  private readonly files = new Map<string, KnownNote>();

  add(rel: string, known: KnownNote): void {
    this.files.set(rel, known);
  }

  /** A pending removal with this content, if any (for rename detection). */
  byHash(hash: string, taken?: ReadonlySet<string>): { rel: string; known: KnownNote } | undefined {
    for (const [rel, known] of this.files) if (known.hash === hash && !taken?.has(rel)) return { rel, known };
    return undefined;
  }

  /** Every pending removal and what the store knew of it (for rename detection by identity, rename-match.ts). */
  entries(): [string, KnownNote][] {
    return [...this.files];
  }

  has(rel: string): boolean {
    return this.files.has(rel);
  }

  /** Whether a removed file being waited on was this post's note's, or (a family's post) a member's: by each pending note's key, a few lookups by id. */
  hasPost(postId: string, keyOf: (noteId: string) => string | undefined): boolean {
    const family = postId.startsWith(FAMILY_PREFIX) ? postId.slice(FAMILY_PREFIX.length) : undefined;
    for (const known of this.files.values()) if (family === undefined ? known.id === postId : keyOf(known.id) === family) return true;
    return false;
  }

  /**
   * A waiting note whose record a rename set aside, having moved over its file (rename-apply.ts Overwritten):
   * it waits on under that record's id and file (which no path has), to be removed as it would have been.
   */
  setAside(rel: string, aside: { id: string; file: string }): void {
    const known = this.files.get(rel);
    this.files.delete(rel);
    if (known) this.files.set(aside.file, { ...known, id: aside.id });
  }

  /** Taken back: renamed, or its file is there again. */
  delete(rel: string): void {
    this.files.delete(rel);
  }

  get size(): number {
    return this.files.size;
  }

  /** Every pending removal, emptied. */
  take(): string[] {
    const all = [...this.files.keys()];
    this.files.clear();
    return all;
  }
}
