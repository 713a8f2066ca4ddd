/**
 * A store whose lookups wait until the test lets them go: its summaries' `prepare` (the step of a lookup that loads
 * the summariser and makes a deferred summary, store/deferred-summaries.ts: the slow one under load) waits on a promise
 * the test settles, then does its work. The store is the real one; only that step is held.
 */
import type { CommandStore } from '../../src/commands/types.js';
import type { Store } from '../../src/store/store.js';

export interface HeldSummaries {
  /** The store to give the commands. */
  store: CommandStore;
  /** Resolves when a lookup reached the held step. */
  entered: Promise<void>;
  /** Lets every held and later `prepare` go on. */
  release(): void;
  /** Makes every held and later `prepare` fail with `err`. */
  fail(err: Error): void;
}

export function heldSummaries(real: Store): HeldSummaries {
  let release!: () => void;
  let fail!: (err: Error) => void;
  const gate = new Promise<void>((resolve, reject) => ((release = resolve), (fail = reject)));
  gate.catch(() => undefined); // failed before any lookup waited on it: each waiter still sees the failure
  let entered!: () => void;
  const reached = new Promise<void>((resolve) => (entered = resolve));
  const summaries = new Proxy(real.summaries, {
    get(target, key, receiver) {
      if (key !== 'prepare') return Reflect.get(target, key, receiver) as unknown;
      return async (rows: Parameters<Store['summaries']['prepare']>[0]) => {
        entered();
        await gate;
        return target.prepare(rows);
      };
    },
  });
  const store: CommandStore = {
    getNote: (id) => real.getNote(id),
    summaries,
    subscribe: (...a) => real.subscribe(...a),
    unsubscribe: (...a) => real.unsubscribe(...a),
    subscriptions: (...a) => real.subscriptions(...a),
    isPaused: (...a) => real.isPaused(...a),
    resume: (...a) => real.resume(...a),
  };
  return { store, entered: reached, release, fail };
}
