/**
 * Our own time limit on every Discord REST call (`delivery.callTimeoutMs`), start-up calls
 * included (the gateway lookup `login` makes, command registration): a Discord that accepts
 * connections and never answers is given up on and retried like one that is down, one log line
 * per call given up. Installed as the REST client's `makeRequest`, so it bounds each attempt the
 * REST queue sends, whoever asked for it.
 */
import { DefaultRestOptions, type RESTOptions } from 'discord.js';
import { withTimeout } from '../../util/timeout.js';
import { withoutUrlCredentials } from '../../errors.js';

type MakeRequest = RESTOptions['makeRequest'];

/** A call our time limit ended (the REST client's own error for an abort says only "aborted"). */
class DiscordCallTimeout extends Error {
  override readonly name = 'DiscordCallTimeout';
}

/** The REST options that put the limit in place; the REST client's own timeout is kept behind ours. */
export function boundedRestOptions(callTimeoutMs: number, said: (line: string, fields: { call: string; timeoutMs: number }) => void, inner: MakeRequest = DefaultRestOptions.makeRequest): Pick<RESTOptions, 'makeRequest' | 'timeout'> {
  const makeRequest: MakeRequest = async (url, init) => {
    const bounded = withTimeout(init.signal as AbortSignal | null | undefined, callTimeoutMs);
    try {
      return await inner(url, { ...init, signal: bounded.signal as NonNullable<typeof init.signal> });
    } catch (e) {
      if (!bounded.timedOut()) throw e;
      const call = `discord ${(init.method ?? 'GET').toUpperCase()} ${withoutUrlCredentials(new URL(url).pathname.replace(/^\/api\/v\d+/, ''))}`;
      said(`${call}: no answer within ${callTimeoutMs} ms; aborted`, { call, timeoutMs: callTimeoutMs });
      throw new DiscordCallTimeout(`${call}: no answer within ${callTimeoutMs} ms`);
    } finally {
      bounded.done();
    }
  };
  return { makeRequest, timeout: callTimeoutMs + 1000 };
}
