/** The logger: pino, JSON lines on stderr, with every secret value redacted wherever it appears. */
import { pino, type Logger } from 'pino';

export type { Logger };

/** Replaces each secret (and `bot<token>` URL parts) in a string. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join('[redacted]');
  return out.replace(/\/bot\d+:[A-Za-z0-9_-]{20,}/g, '/bot[redacted]');
}

export function createLogger(opts: { level: string; secrets: readonly string[]; destination?: NodeJS.WritableStream }): Logger {
  const secrets = opts.secrets;
  const stream = opts.destination ?? pino.destination({ fd: 2, sync: true });
  return pino(
    {
      level: opts.level,
      base: undefined,
      hooks: {
        // Secrets can hide in any string (an error message carrying a URL), so the whole line is scrubbed.
        streamWrite: (line: string) => redact(line, secrets),
      },
    },
    stream as pino.DestinationStream,
  );
}

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
