/**
 * A logger for an in-process service whose warn (and worse) lines' messages a test reads: what the
 * service said to the operator.
 */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/log.js';

export function warnLines(): { log: Logger; warns: string[] } {
  const warns: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        const rec = JSON.parse(line) as { level: number; msg: string };
        if (rec.level >= 40) warns.push(rec.msg);
      }
      done();
    },
  });
  return { log: createLogger({ level: 'warn', secrets: [], destination: sink }), warns };
}
