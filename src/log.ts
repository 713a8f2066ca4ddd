/** The logger: pino, JSON lines on stderr, with every secret value redacted wherever it appears. */
import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';
import { withoutUrlCredentials } from './errors.js';

export type { Logger };

/** Replaces each secret (and the credentials platform URLs carry, errors.ts) in a string. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join('[redacted]');
  return withoutUrlCredentials(out);
}

/** JSON lines by default; readable lines when `pretty` (a person at a terminal). */
export function createLogger(opts: { level: string; secrets: readonly string[]; destination?: NodeJS.WritableStream; pretty?: boolean; beforeWrite?: () => void }): Logger {
  const secrets = opts.secrets;
  const stream = opts.destination ?? (opts.pretty ? loadPretty()({ destination: 2, sync: true, colorize: true, ignore: 'pid,hostname' }) : pino.destination({ fd: 2, sync: true }));
  return pino(
    {
      level: opts.level,
      base: undefined,
      hooks: {
        // Secrets can hide in any string (an error message carrying a URL), so the whole line is scrubbed.
        streamWrite: (line: string) => {
          opts.beforeWrite?.(); // e.g. clear a progress bar the line would otherwise continue
          return redact(line, secrets);
        },
      },
    },
    stream as pino.DestinationStream,
  );
}

/**
 * pino-pretty, loaded only for a person at a terminal: it and its dependencies are CommonJS that
 * every other run (JSON lines, the tests, cron) would parse for nothing (tens of ms of CPU per command).
 */
function loadPretty(): typeof PinoPretty {
  return createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;
}

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
