/** An in-process service in a folder of its own whose log lines are kept (the slow-note tests read what it logged). */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { configSchema } from '../../src/config/schema.js';
import { createLogger } from '../../src/log.js';
import { InProcessService } from './inproc.js';
import { tempFolder } from './temp-folder.js';

/** A log line as the tests read it. */
export interface LoggedLine {
  msg: string;
  file?: string;
}

/**
 * `config` parsed as the config file is; `logged`: each line the service logs at info and above, in order. `onLine` is
 * told each as it is logged, inside the service's call (a test's gate: a change made at that point of the service's work).
 */
export function loggedService(config: unknown, onLine: (line: LoggedLine) => void = () => undefined): { svc: InProcessService; logged: LoggedLine[] } {
  const logged: LoggedLine[] = [];
  const keep = (line: LoggedLine) => (logged.push(line), onLine(line));
  const log = createLogger({ level: 'info', secrets: [], destination: new Writable({ write: (chunk, _enc, done) => (keep(JSON.parse(String(chunk)) as LoggedLine), done()) }) });
  const dir = tempFolder('notecast-logged-');
  mkdirSync(path.join(dir, 'notes'));
  return { svc: new InProcessService(path.join(dir, 'notes'), path.join(dir, 'state', 'notecast.db'), configSchema.parse(config), log), logged };
}
