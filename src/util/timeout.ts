/** Our own bound on a platform call: a signal that aborts when the caller's does or after `ms`. */

export interface BoundedSignal {
  signal: AbortSignal;
  /** Whether it was our time limit (not the caller) that aborted it. */
  timedOut(): boolean;
  /** Clears the timer and the listener on the caller's signal; call it when the call ends. */
  done(): void;
}

/** A signal aborted by `outer` or after `ms`; `timedOut` tells which. */
export function withTimeout(outer: AbortSignal | null | undefined, ms: number): BoundedSignal {
  const ctl = new AbortController();
  let expired = false;
  const onOuter = () => ctl.abort();
  if (outer?.aborted) ctl.abort();
  else outer?.addEventListener('abort', onOuter, { once: true });
  const timer = setTimeout(() => {
    expired = true;
    ctl.abort();
  }, ms);
  return {
    signal: ctl.signal,
    timedOut: () => expired,
    done: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuter);
    },
  };
}
