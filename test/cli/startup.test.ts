/**
 * Start-up as README describes it (issue 27 items 5 to 7): each failure is one line naming the path
 * or setting at fault and the cause; off a terminal stderr is JSON lines only; on one, the scan's
 * progress bar is ended before the next line. The failures run through the CLI's program in this
 * process (`cliIn`: the same output, its log captured as the process's stderr, and exit code); the
 * logs as the built CLI in a process, off a terminal and on one.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliIn, spawnCli } from '../helpers/cli.js';
import { CLI, REPO_ROOT } from '../helpers/corpus.js';
import { tempFolder } from '../helpers/temp-folder.js';

const tmp = () => tempFolder('notecast-start-');

/** A notes folder with one good and one unreadable note, and a database path beside it. */
function folder(): { notes: string; db: string } {
  const dir = tmp();
  const notes = path.join(dir, 'notes');
  mkdirSync(notes);
  writeFileSync(path.join(notes, 'good.md'), '# Good\n\nA note.\n');
  writeFileSync(path.join(notes, 'bad.md'), '---\ntitle: [a\n---\nx\n');
  return { notes, db: path.join(dir, 'state', 'nc.db') };
}

/** stderr of a start off a terminal: every line must be a JSON log line. */
function jsonLog(stderr: string): { level: number; msg: string }[] {
  return stderr
    .trim()
    .split('\n')
    .map((l) => {
      try {
        return JSON.parse(l) as { level: number; msg: string };
      } catch {
        throw new Error(`a plain line in the JSON log: ${l}`);
      }
    });
}

/** The one line a failed start writes: plain before the logger exists (a bad flag), else one JSON line. */
async function failure(args: string[]): Promise<string> {
  const r = await cliIn(['start', ...args]);
  expect(r.code, r.stderr).toBe(1);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  return lines[0]!.startsWith('{') ? jsonLog(lines[0]!)[0]!.msg : lines[0]!;
}

describe('start-up errors name the path and the cause in one line', () => {
  it('--notes: a missing folder, a file', async () => {
    const { notes, db } = folder();
    const missing = path.join(notes, 'nothere');
    expect(await failure(['--notes', missing, '--db', db])).toBe(`notecast could not start: notes folder ${missing}: no such folder`);
    const file = path.join(notes, 'good.md');
    expect(await failure(['--notes', file, '--db', db])).toBe(`notecast could not start: notes folder ${file}: is a file, not a folder`);
  });

  it('--db: where no file can be made, under a file', async () => {
    const { notes } = folder();
    expect(await failure(['--notes', notes, '--db', '/proc/x.db'])).toMatch(/^notecast could not start: state database \/proc\/x\.db: .*\(E[A-Z]+: [a-z ]+\)$/);
    const file = path.join(notes, 'good.md');
    expect(await failure(['--notes', notes, '--db', path.join(file, 'x.db')])).toBe(`notecast could not start: state database ${path.join(file, 'x.db')}: ${file} is a file, not a folder`);
  });

  // Root writes through a read-only mode, so only another user can see this refusal.
  it.skipIf(process.getuid?.() === 0)('--db in a read-only state folder', async () => {
    const { notes } = folder();
    const state = path.join(tmp(), 'ro');
    mkdirSync(state, { mode: 0o555 });
    chmodSync(state, 0o555);
    expect(await failure(['--notes', notes, '--db', path.join(state, 'x.db')])).toMatch(new RegExp(`state database .*x\\.db: .* cannot be created in .*ro \\(EACCES: permission denied\\)`));
  });

  it('--http-host that does not resolve blames the host, not the port', async () => {
    const { notes, db } = folder();
    const msg = await failure(['--notes', notes, '--db', db, '--http-port', '18999', '--http-host', 'not.a.host.invalid']);
    expect(msg).toMatch(/^notecast could not start: http host not\.a\.host\.invalid does not resolve to an address \((ENOTFOUND|EAI_AGAIN)\): choose another with http\.host or --http-host$/);
    expect(msg).not.toMatch(/http\.port/);
  });
});

describe('logs', () => {
  it('off a terminal, stderr is JSON lines only, ready included', async () => {
    const { notes, db } = folder();
    const child = spawnCli(['start', '--notes', notes, '--db', db]);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
      if (stderr.includes('notecast is ready') && !child.killed) child.kill('SIGTERM');
    });
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(0);
    const log = jsonLog(stderr);
    expect(log.map((l) => l.msg)).toContain(`notecast is ready: watching 2 notes in ${notes}`);
    expect(log.at(-1)!.msg).toBe('stopped');
  });

  it('on a terminal, the progress bar is ended before the next line', async () => {
    const { notes, db } = folder();
    // `script` gives the service a terminal; Ctrl+C through it stops the service. `script` runs the
    // command through $SHELL: `exec` makes the service the only process that gets the SIGINT (dash,
    // CI's /bin/sh, would otherwise die of it and `script` would exit 130).
    const child = spawn('script', ['-qec', `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} start --notes ${JSON.stringify(notes)} --db ${JSON.stringify(db)}`, '/dev/null'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, SHELL: '/bin/sh' } });
    let out = '';
    let stopping = false;
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      if (stopping || !out.includes('Ctrl+C stops')) return;
      stopping = true;
      child.stdin.write('\x03');
    });
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(0);
    expect(out).toMatch(/scanning \[#+\] 2\/2/);
    expect(out).toMatch(/note skipped/); // a log line came after the bar…
    expect(out).not.toMatch(/scanning \[[#.]+\] \d+\/\d+(?!\r?\x1b\[K|\r)/); // …on a line of its own
  }, 20_000);
});
