import { subscribe as parcelSubscribe, type Event } from '@parcel/watcher';
import type { NativeSubscribe } from '../../src/watch/sources.js';

/**
 * @parcel/watcher's own `subscribe`, with the events of chosen paths held back until the test lets them
 * through (`release`) or never (`loseTheRest`). Both are the library's: its debounce thread hands a change over
 * at least MIN_WAIT_TIME (50 ms) after it (src/Debounce.cc, Debounce::wait), and a loaded event loop runs
 * the callback later still, so an event can come after a timer set for the moment just past the change;
 * 2.6.0 can also drop a burst's events for good (parcel-bundler/watcher#183; src/watch/watcher.ts says how).
 * Events of other paths pass at once. Held events go, when released, to every subscription then alive whose
 * folder holds them (a kill and a start in one process subscribe anew), as the library's nested
 * subscriptions each watch their own tree.
 */
export class LateNativeEvents {
  private readonly subs = new Set<{ dir: string; fn: (err: Error | null, events: Event[]) => unknown }>();
  /** Paths (absolute) whose events are held, and what came for them meanwhile. */
  private readonly held = new Map<string, Event[]>();
  private readonly lost = new Set<string>();

  readonly subscribe: NativeSubscribe = async (dir, fn, opts) => {
    const sub = { dir, fn };
    const inner = await parcelSubscribe(
      dir,
      (err, events) => {
        const now = events.filter((e) => !this.hold(e));
        if (err || now.length) return fn(err, now);
      },
      opts,
    );
    this.subs.add(sub);
    return {
      unsubscribe: async () => {
        this.subs.delete(sub);
        await inner.unsubscribe();
      },
    };
  };

  /** From now on, events of `paths` (absolute) are held. */
  holdBack(paths: readonly string[]): void {
    for (const p of paths) if (!this.held.has(p)) this.held.set(p, []);
  }

  /** Paths held back whose event has come (and waits). */
  waiting(): string[] {
    return [...this.held].flatMap(([p, es]) => (es.length ? [p] : []));
  }

  /** The held events of `paths` go now (the last of each, as the library's tree gives one per path and batch), later ones at once. */
  release(paths: readonly string[]): void {
    const events = paths.flatMap((p) => this.held.get(p)?.slice(-1) ?? []);
    for (const p of paths) this.held.delete(p);
    for (const sub of this.subs) {
      const mine = events.filter((e) => e.path.startsWith(sub.dir + '/'));
      if (mine.length) void sub.fn(null, mine);
    }
  }

  /** Every path still held is lost: its events, come or to come, are never handed over. */
  loseTheRest(): void {
    for (const p of this.held.keys()) this.lost.add(p);
    this.held.clear();
  }

  /** Whether `e` is held back (and kept to be released) or lost. */
  private hold(e: Event): boolean {
    const kept = this.held.get(e.path);
    kept?.push(e);
    return kept !== undefined || this.lost.has(e.path);
  }
}
