/**
 * The deliverer's limit on a delivery's platform call (`delivery.callTimeoutMs`), for adapters that do not time their
 * calls themselves (ChatAdapter.timesItsCalls): a hung call must not hold its chat's queue (and a concurrency slot)
 * forever. An adapter that does time them is left alone: around its whole call, our limit would also count the waits
 * in its own queue (Telegram's pacer, discord.js's rate-limit queue) as the platform's silence.
 */
import type { ChatAdapter } from './port.js';

/** Our limit ended the call: it is unknown whether the platform acted on it (uncertain.ts). */
export class CallTimeout extends Error {
  override readonly name = 'CallTimeout';
}

/** `call` given a signal aborted when `ms` pass without an answer; for an adapter timing its own calls, `call` as it is. */
export function boundedCall<T>(adapter: Pick<ChatAdapter, 'timesItsCalls'>, ms: number, call: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> {
  if (adapter.timesItsCalls) return call(undefined);
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new CallTimeout(`no answer from the platform within ${ms} ms`));
      abort.abort();
    }, ms);
  });
  return Promise.race([call(abort.signal), timeout]).finally(() => clearTimeout(timer));
}
