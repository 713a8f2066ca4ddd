/**
 * New announcements of a batch, per chat: above the digest threshold one digest listing them, else one post each. A batch
 * committed a chunk at a time (publisher.ts) still makes one digest per chat: later chunks join the first's while it waits.
 */
import type { Config } from '../config/schema.js';
import type { Store } from '../store/store.js';
import { targetKey, type DigestItem, type Target } from '../store/types.js';
import type { Logger } from '../log.js';
import { holdForScheduledDigest, type NewPost } from './scheduled-digest.js';
import { backAfterwards, leftByLine } from './left-message-back.js';

export class NewPosts {
  /** The digest each chat got in the batch being processed; undefined between batches. */
  private batchDigests: Map<string, number> | undefined;

  constructor(private readonly store: Store, private readonly config: Config, private readonly now: () => number, private readonly log?: Logger) {}

  /** A batch begins: its chunks' digests are one per chat. */
  beginBatch(): void {
    this.batchDigests = new Map();
  }

  endBatch(): void {
    this.batchDigests = undefined;
  }

  /**
   * New announcements for one chat, not sent before `notBefore` (a family's grace period); returns the deliveries queued
   * or changed. A note whose line a digest message a refused delete left still shows goes to that message (left-message-back.ts). Inside a transaction.
   */
  enqueue(target: Target, all: NewPost[], notBefore?: number): number {
    const { store, config } = this;
    const left = leftByLine(store, target);
    const back = left.size ? all.filter((p) => left.has(p.noteId)) : [];
    const posts = holdForScheduledDigest(store, config, target, back.length ? all.filter((p) => !left.has(p.noteId)) : all, this.now());
    if (!back.length) return this.enqueueNew(target, posts, all.length, notBefore);
    // Counted with the others as they would have gone: in a burst's digest a line, else a post.
    const burst = posts.length + back.length > config.publish.digest.threshold;
    const returned = backAfterwards(store, this.log, target, back, burst, (p) => store.enqueue({ noteId: p.noteId, revision: p.revision, target, kind: 'post', payload: p.payload, notBefore }));
    return returned + this.enqueueNew(target, posts, posts.length, notBefore);
  }

  /** `posts` (of `count` announcements, the held ones included) as one digest above the threshold, else a post each. */
  private enqueueNew(target: Target, posts: NewPost[], count: number, notBefore?: number): number {
    const { store, config } = this;
    if (posts.length > config.publish.digest.threshold) {
      const items: DigestItem[] = posts.map((p) => ({ noteId: p.noteId, title: p.title, url: p.url, member: p.payload.member ?? p.noteId }));
      const earlier = this.batchDigests?.get(targetKey(target));
      const open = earlier === undefined ? undefined : store.outboxRow(earlier);
      if (open?.status === 'pending' && open.payload.type === 'digest') {
        store.replacePayload(open.id, 0, { type: 'digest', items: [...open.payload.items, ...items] });
        return 1;
      }
      const id = store.enqueue({ noteId: null, revision: 0, target, kind: 'digest', payload: { type: 'digest', items } });
      this.batchDigests?.set(targetKey(target), id);
      return 1;
    }
    for (const p of posts) store.enqueue({ noteId: p.noteId, revision: p.revision, target, kind: 'post', payload: p.payload, notBefore });
    return count;
  }
}
