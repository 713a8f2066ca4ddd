#!/usr/bin/env node
/** The `notecast` command line: the program (program.ts) run on this process's output and exit code. */
import { readFileSync } from 'node:fs';
import { buildProgram } from './program.js';

// `notecast preview notes | head` closes our stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

const io = { out: (l: string) => process.stdout.write(`${l}\n`), err: (l: string) => process.stderr.write(`${l}\n`) };
const end = {
  finished(code: number) {
    process.exitCode = code;
  },
  exit: (code: number): never => process.exit(code),
};

await buildProgram({ io, end, version: version() }).parseAsync(process.argv);
