/**
 * Every command reads config the same way, and every bad input gets one clear line (issue 16).
 * The variants run the CLI's own program in this process (`cliIn`: the same arguments, output and
 * exit codes); the last describe runs the built CLI as a process once per thing only a process shows
 * (the exit code reaching the shell, the version read from the installed package, a port in use).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliIn, runCliAsync, spawnCli, type CliResult } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/corpus.js';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox, Service } from '../helpers/service.js';
import { tempFolder } from '../helpers/temp-folder.js';

afterEach(killLeftoverServices);

const tmp = () => tempFolder('notecast-cli-');

/** A config folder with its own notes and database, away from any working directory used below. */
function project(configText: string): { dir: string; config: string } {
  const dir = tmp();
  mkdirSync(path.join(dir, 'etc', 'mynotes'), { recursive: true });
  writeFileSync(path.join(dir, 'etc', 'mynotes', 'hello-en.md'), note('Hello', 'A first sentence.'));
  const config = path.join(dir, 'etc', 'notecast.yaml');
  writeFileSync(config, configText);
  return { dir, config };
}

const oneLine = (s: string) => s.trim().split('\n').length === 1 && !/\n\s+at /.test(s);

describe('one config resolution for every command', () => {
  it('NOTECAST_CONFIG is read by check, preview, search and status, as by start', async () => {
    const { config } = project('notes:\n  dir: mynotes\n  bogus: 1\n');
    const env = { NOTECAST_CONFIG: config };
    for (const args of [['check'], ['preview'], ['search', 'hello'], ['status']]) {
      const r = await cliIn(args, { cwd: tmp(), env });
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stdout + r.stderr, args.join(' ')).toMatch(/notecast\.yaml:3: notes: unknown key "bogus"/);
    }
  });

  it('a NOTECAST_CONFIG naming a missing file is an error, never the defaults', async () => {
    for (const args of [['check'], ['preview'], ['search', 'x'], ['status']]) {
      const r = await cliIn(args, { cwd: tmp(), env: { NOTECAST_CONFIG: '/nowhere/typo.yaml' } });
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stdout + r.stderr, args.join(' ')).toMatch(/\/nowhere\/typo\.yaml: no such file \(named by NOTECAST_CONFIG\)/);
    }
  });

  it('paths in a config file are relative to its folder, whatever the working directory', async () => {
    const { dir, config } = project('notes:\n  dir: mynotes\nstore:\n  path: ../state/nc.db\nwatch:\n  quietMs: 200\n');
    const elsewhere = tmp();
    const check = await cliIn(['check', '--config', config], { cwd: elsewhere });
    expect(check.code).toBe(0);
    expect(check.stderr).toMatch(/1 note checked, 0 problems/);
    const svc = new Service(spawnCli(['start', '--json', '--config', config], { cwd: elsewhere }));
    await svc.ready();
    expect(svc.events[0]!.notes).toBe(1);
    await svc.stop();
    // status, from yet another folder, finds the same database through NOTECAST_CONFIG.
    const status = await cliIn(['status'], { cwd: tmp(), env: { NOTECAST_CONFIG: config } });
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/notes: +1 \(1 published\)/);
    expect(readFileSync(path.join(dir, 'state', 'nc.db')).length).toBeGreaterThan(0);
  }, 30_000);
});

describe('notes with impossible dates or the wrong shapes', () => {
  const dates: [string, number][] = [
    ['2025-13-45', 3],
    ['2025-02-30', 3],
    ['"2025-02-30 10:00 +0800"', 3],
  ];
  /** One check over every case's note (each its own file): one run reads them all, each case then reads its lines. */
  let checked: Promise<CliResult> | undefined;
  const check = () =>
    (checked ??= (async () => {
      const dir = tmp();
      dates.forEach(([date], i) => writeFileSync(path.join(dir, `bad${i}-en.md`), `---\ntitle: Bad\ndate: ${date}\n---\n\nBody.\n`));
      writeFileSync(path.join(dir, 'list-en.md'), '---\nlang: en\ntitle:\n  - one\n  - two\n---\n\nBody.\n');
      return cliIn(['check', dir], { cwd: tmp() });
    })());

  it.each(dates.map(([date, line], i) => [date, line, i] as const))('date: %s is a file:line error, not another day', async (_date, line, i) => {
    const r = await check();
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`bad${i}-en\\.md:${line}: .*date`));
  });

  it('a list as a title says what a title must be, on its line', async () => {
    const r = await check();
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/list-en\.md:3: .*title must be text/);
  });
});

describe('arguments', () => {
  const notesDir = path.join(REPO_ROOT, 'notes');
  it.each([
    [['search', 'x', '--limit', '0'], /--limit.*expected a whole number from 1 to 100/],
    [['search', 'x', '--limit', 'abc'], /--limit.*expected a whole number from 1 to 100/],
    [['search', 'x', '--lang', 'xx'], /--lang.*expected a language code/],
    [['search', ''], /give some words to look for/],
    [['search', 'x', '--dir', '/no/such/folder'], /\/no\/such\/folder: no such notes folder/],
    [['register-commands', '--guild', 'notanumber'], /--guild.*expected a Discord server id/],
    [['start', '--http-port', 'abc'], /--http-port: expected a port number/],
  ])('%j is refused with one line', async (args, message) => {
    const r = await cliIn([...args, ...(args[0] === 'search' && !args.includes('--dir') ? ['--dir', notesDir] : [])], { cwd: tmp() });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(oneLine(r.stderr)).toBe(true);
  });

  it.each([
    [['start', '--bogus'], /unknown option '--bogus'/],
    [['check', '--bogus'], /unknown option '--bogus'/],
    [['nosuch'], /unknown command 'nosuch'/],
    [['sync'], /required option '--once'/],
    [['search', 'x', '--limit', '0'], /--limit.*expected a whole number/],
  ])('%j is wrong before anything starts: exit 2, as README says', async (args, message) => {
    const r = await cliIn(args, { cwd: tmp() });
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
  });

  it('accepts what is valid: --lang pt-BR, --limit 3', async () => {
    const r = await cliIn(['search', 'note', '--lang', 'pt-BR', '--limit', '3', '--json', '--dir', notesDir], { cwd: tmp() });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { results: unknown[] }).results.length).toBeLessThanOrEqual(3);
  });

  it('the process: --version prints the installed package version; a wrong command reaches the shell as exit 2, check\'s wrong config as exit 1', async () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const { config } = project('notes:\n  dir: mynotes\n  bogus: 1\n');
    const [version, wrong, badConfig] = await Promise.all([
      runCliAsync(['--version']),
      runCliAsync(['nosuch'], { cwd: tmp() }),
      runCliAsync(['check'], { cwd: tmp(), env: { NOTECAST_CONFIG: config } }),
    ]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/unknown command 'nosuch'/);
    expect(badConfig.code).toBe(1);
    expect(badConfig.stdout + badConfig.stderr).toMatch(/notecast\.yaml:3: notes: unknown key "bogus"/);
  });
});

describe('what the service says', () => {
  it('logs a note saved with a future date, with the date, and status lists it; deletes are logged at info', async () => {
    // The delete waits the burst window: its shortest (windowMs 0: three quiet periods), as the log line is the point.
    const sb = sandbox('watch:\n  quietMs: 200\npublish:\n  digest:\n    windowMs: 0\n');
    const svc = InProcessCli.start(sb, [], { NOTECAST_LOG_LEVEL: 'info' });
    await svc.ready();
    let from = await svc.settled();
    writeFileSync(path.join(sb.notes, 'later-en.md'), note('Later', 'Comes out later.', 'date: 2099-01-02\n'));
    writeFileSync(path.join(sb.notes, 'now-en.md'), note('Now', 'Out now.'));
    await svc.idle(from);
    expect(svc.stderr).toMatch(/"note":"later-en".*"due":"2099-01-02T00:00:00.000Z".*note scheduled/);
    from = svc.events.length;
    const { rmSync } = await import('node:fs');
    rmSync(path.join(sb.notes, 'now-en.md'));
    await svc.idle(from);
    expect(svc.stderr).toMatch(/"level":30.*"note":"now-en".*note deleted/);
    await svc.stop();
    const status = await cliIn(['status', '--db', sb.db]);
    expect(status.stdout).toMatch(/scheduled notes:\n  later-en\.md: announced at 2099-01-02T00:00:00\.000Z/);
  });
});

describe('a symlink leading outside the notes folder', () => {
  it('is reported by check, by the start-up scan and in status, and its note is never read', async () => {
    const { symlinkSync } = await import('node:fs');
    const outside = tmp();
    writeFileSync(path.join(outside, 'secret-en.md'), note('Secret', 'Must not be announced.'));
    const sb = sandbox('watch:\n  quietMs: 200\n');
    writeFileSync(path.join(sb.notes, 'ok-en.md'), note('Fine', 'A note inside.'));
    symlinkSync(path.join(outside, 'secret-en.md'), path.join(sb.notes, 'leak-en.md'));
    symlinkSync(outside, path.join(sb.notes, 'elsewhere'));

    const check = await cliIn(['check', sb.notes], { cwd: tmp() });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/leak-en\.md: a symlink leading outside the notes folder/);
    expect(check.stdout).toMatch(/elsewhere: a symlink leading outside the notes folder/);

    const svc = InProcessCli.start(sb, ['--announce-existing']);
    await svc.ready();
    await svc.settled();
    expect(svc.stderr).toMatch(/"file":"leak-en\.md".*a symlink leading outside the notes folder/);
    expect(svc.deliveries().map((e) => e.noteId)).toEqual(['ok-en']);
    await svc.stop();
    expect((await cliIn(['status', '--db', sb.db])).stdout).toMatch(/notes with problems:[\s\S]*leak-en\.md: a symlink leading outside the notes folder/);
  });
});

describe('one line instead of a stack trace', () => {
  it('a bad NOTECAST_LOG_LEVEL names the variable and what it accepts', async () => {
    const r = await cliIn(['start', '--notes', path.join(REPO_ROOT, 'notes'), '--db', path.join(tmp(), 'x.db')], { cwd: tmp(), env: { NOTECAST_LOG_LEVEL: 'verbose' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/NOTECAST_LOG_LEVEL: .*"trace".*"silent"/);
    expect(oneLine(r.stderr)).toBe(true);
  });

  it('status on a file that is not a database says so', async () => {
    const db = path.join(tmp(), 'broken.db');
    writeFileSync(db, 'this is not a database at all, just text '.repeat(200));
    const r = await cliIn(['status', '--db', db], { cwd: tmp() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.db/);
    expect(oneLine(r.stderr)).toBe(true);
  });

  it('start on a port in use names the port and the way out', async () => {
    const { createServer } = await import('node:net');
    const server = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as { port: number }).port;
    const r = await runCliAsync(['start', '--notes', path.join(REPO_ROOT, 'notes'), '--db', path.join(tmp(), 'x.db'), '--http-port', String(port)], { cwd: tmp() });
    server.close();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`http port ${port} on 127\\.0\\.0\\.1 is already in use: choose another with http\\.port or --http-port`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
