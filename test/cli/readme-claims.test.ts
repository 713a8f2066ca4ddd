/**
 * What README says is what the CLI does (issue 27): each claim run through the CLI's own program in
 * this process (`cliIn`: the same arguments, output and exit codes as the built CLI; the exit code
 * reaching the shell is config-and-args.test.ts's process test), the service in this process too.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliIn, jsonLines, type CliResult } from '../helpers/cli.js';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, sandbox, type Sandbox } from '../helpers/service.js';
import { REPO_ROOT, requireCorpus } from '../helpers/corpus.js';
import { tempFolder } from '../helpers/temp-folder.js';

afterEach(killLeftoverServices);

const tmp = () => tempFolder('notecast-readme-');
const oneLine = (s: string) => s.trim().split('\n').length === 1 && !/\n\s+at /.test(s);

describe('check on something that is not a notes folder', () => {
  it('a missing folder is exit 1 and one line naming it, not "0 notes checked, 0 problems"', async () => {
    const missing = path.join(tmp(), 'nothere');
    const r = await cliIn(['check', missing]);
    expect(r.code).toBe(1);
    expect(oneLine(r.stdout + r.stderr)).toBe(true);
    expect(r.stderr.trim()).toBe(`notes folder ${missing}: no such folder`);
  });

  it('a file is exit 1 and one line naming it', async () => {
    const file = path.join(tmp(), 'a.md');
    writeFileSync(file, '# A\n');
    const r = await cliIn(['check', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`notes folder ${file}: is a file, not a folder`);
    expect(r.stdout).toBe('');
  });

  it('the corpus helpers fail loudly, naming where the corpus is expected, when it is absent', () => {
    const elsewhere = path.join(tmp(), 'shared', 'corpus');
    expect(() => requireCorpus(elsewhere)).toThrow(`the shared corpus of real notes is missing: expected at ${elsewhere}`);
    expect(() => requireCorpus()).not.toThrow(); // and here it is
  });
});

describe('the repository', () => {
  it('ignores config/notecast.yaml, the file README tells users to create', () => {
    const r = spawnSync('git', ['check-ignore', '--no-index', 'config/notecast.yaml'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('config/notecast.yaml');
  });
});

describe('notes that cannot be read', () => {
  /** A sandbox with one note of each kind README lists as "cannot be read", and one good note. */
  function badNotes(): Sandbox {
    const sb = sandbox('');
    const notes = sb.notes;
    writeFileSync(path.join(notes, 'good.md'), '# Good\n\nFine.\n');
    writeFileSync(path.join(notes, 'empty.md'), '');
    writeFileSync(path.join(notes, 'binary.md'), Buffer.from([0, 1, 2, 0x41]));
    writeFileSync(path.join(notes, 'latin1.md'), Buffer.from('# T\n\ncaf\xe9\n', 'latin1'));
    writeFileSync(path.join(notes, 'big.md'), 'a'.repeat(1024 * 1024 + 1));
    writeFileSync(path.join(notes, 'yaml.md'), '---\ntitle: [a\n---\nx\n');
    writeFileSync(path.join(notes, 'list-title.md'), '---\ntitle: [a, b]\n---\nx\n');
    symlinkSync('/etc/hostname', path.join(notes, 'outside.md'));
    return sb;
  }

  it('status lists every note check lists, and start logs each once', async () => {
    const sb = badNotes();
    const { notes, db } = sb;
    const check = await cliIn(['check', notes]);
    expect(check.code).toBe(1);
    const problems = check.stdout.trim().split('\n');
    expect(problems).toHaveLength(7);
    const svc = InProcessCli.start(sb);
    await svc.ready();
    expect(await svc.stop()).toBe(0);
    for (const p of problems) {
      const file = path.basename(p.split(':')[0]!);
      expect(svc.stderr.split('\n').filter((l) => l.includes(`"file":"${file}"`)), file).toHaveLength(1);
    }
    const status = await cliIn(['status', '--db', db]);
    expect(status.code).toBe(0);
    const listed = status.stdout.split('notes with problems:\n')[1]!.trim().split('\n').map((l) => l.trim());
    // The same lines as check's, relative to the notes folder.
    expect(listed.sort()).toEqual(problems.map((p) => path.relative(notes, p)).sort());
  }, 30_000);
});

describe('status', () => {
  it('names the database, the notes folder and whether a service runs on it (pid, since when)', async () => {
    const sb = sandbox('');
    const { notes, db } = sb;
    for (const n of ['a', 'b', 'c']) writeFileSync(path.join(notes, `${n}.md`), `# ${n}\n\nLone note ${n}.\n`);
    // In this process: the service records this process's id, as a real one records its own.
    const svc = InProcessCli.start(sb);
    await svc.ready();
    const running = await cliIn(['status', '--db', db]);
    expect(running.code).toBe(0);
    expect(running.stdout).toContain(`database:       ${db}\n`);
    expect(running.stdout).toContain(`notes folder:   ${notes}\n`);
    expect(running.stdout).toMatch(new RegExp(`service: +running: process ${process.pid} on .+, since \\d{4}-\\d\\d-\\d\\dT`));
    // Three lone notes are three notes, not "3 published families of translations".
    expect(running.stdout).toMatch(/notes: +3 \(3 published\)\n/);
    const json = JSON.parse((await cliIn(['status', '--db', db, '--json'])).stdout) as { database: string; notesDir: string; instance: { pid: number } | null };
    expect(json).toMatchObject({ database: db, notesDir: notes, instance: { pid: process.pid } });
    expect(await svc.stop()).toBe(0);
    expect((await cliIn(['status', '--db', db])).stdout).toMatch(/service: +not running\n/);
  }, 30_000);
});

describe('search', () => {
  it('answers from the database index when there is one, without reading the folder', async () => {
    const dir = tmp();
    const notes = path.join(dir, 'notes');
    mkdirSync(notes);
    writeFileSync(path.join(notes, 'walrus.md'), '# Walrus migration\n\nWalruses travel far.\n');
    const db = path.join(dir, 'state', 'nc.db');
    const config = path.join(dir, 'notecast.yaml');
    writeFileSync(config, 'notes:\n  dir: notes\nstore:\n  path: state/nc.db\n');
    // As `start --config` would: the config's folder and database.
    const svc = InProcessCli.start({ dir, notes, db, config });
    await svc.ready();
    expect(await svc.stop()).toBe(0);
    // The folder changes behind the stopped service: an unreadable note would be reported by a
    // reading of the folder, and the walrus would be gone from it. The index still has the walrus.
    rmSync(path.join(notes, 'walrus.md'));
    writeFileSync(path.join(notes, 'broken.md'), '');
    const fromDb = await cliIn(['search', 'walrus', '--json', '--config', config]);
    expect(fromDb.code).toBe(0);
    expect(fromDb.stderr).toBe('');
    expect((jsonLines(fromDb.stdout)[0]!.results as { id: string }[]).map((r) => r.id)).toEqual(['walrus']);
    // --dir naming another folder than the database follows: that folder is read.
    const other = path.join(dir, 'other');
    mkdirSync(other);
    writeFileSync(path.join(other, 'walrus2.md'), '# Walrus again\n\nMore walruses.\n');
    const fromFolder = await cliIn(['search', 'walrus', '--json', '--config', config, '--dir', other]);
    expect((jsonLines(fromFolder.stdout)[0]!.results as { id: string }[]).map((r) => r.id)).toEqual(['walrus2']);
  }, 30_000);
});

describe('YAML errors point at the broken line, in the config and in front matter alike', () => {
  // [name, YAML whose line 3 is the mistake (line 1 is a plain key), the parser's message]
  const cases: [string, string, RegExp][] = [
    ['a tab as indentation', 'a: 1\nb:\n\tc: 2\nd: 3\ne: 4\n', /Tabs are not allowed/],
    ['a duplicate key', 'a: 1\nb: 2\na: 3\nd: 4\ne: 5\n', /Map keys must be unique/],
    ['an unclosed double quote', 'a: 1\nb: 2\nc: "text\nd: 4\ne: 5\n', /Missing closing "quote/],
    ["an unclosed single quote with an escaped '' in it", "a: 1\nb: 2\nc: 'it''s\nd: 4\ne: 5\n", /Missing closing 'quote/],
    ['an unclosed [', 'a: 1\nb: 2\nc: [x, y\nd: 4\ne: 5\n', /Flow sequence/],
  ];

  it('each case on its line: config files one run each, the notes in one check', async () => {
    const dir = tmp();
    const notes = path.join(dir, 'notes');
    mkdirSync(notes);
    const configs = cases.map((_c, i) => path.join(dir, `c${i}.yaml`));
    cases.forEach(([, yaml], i) => {
      writeFileSync(configs[i]!, yaml);
      // The same YAML as a note's front matter: the file's line 4 (line 1 is `---`).
      writeFileSync(path.join(notes, `n${i}.md`), `---\n${yaml}---\n\nBody.\n`);
    });
    const runs: CliResult[] = [];
    for (const args of [...configs.map((c) => ['check', notes, '--config', c]), ['check', notes]]) runs.push(await cliIn(args));
    const noteLines = runs.at(-1)!.stdout.trim().split('\n');
    cases.forEach(([name, , message], i) => {
      expect(runs[i]!.code, name).toBe(1);
      expect(runs[i]!.stdout.trim(), name).toMatch(new RegExp(`^${configs[i]}:3: ${message.source}`));
      expect(noteLines.find((l) => l.startsWith(`${notes}/n${i}.md:`)), name).toMatch(new RegExp(`^${notes}/n${i}\\.md:4: invalid YAML front matter: ${message.source}`));
    });
  });
});

describe('preview says what it leaves out and what is wrong with its inputs', () => {
  it('a symlink leading outside the folder is named, not skipped without a word', async () => {
    const dir = tmp();
    const notes = path.join(dir, 'notes');
    mkdirSync(notes);
    writeFileSync(path.join(notes, 'good.md'), '# Good\n\nFine.\n');
    writeFileSync(path.join(dir, 'secret.md'), '# Secret\n\nNot a note of this folder.\n');
    symlinkSync(path.join(dir, 'secret.md'), path.join(notes, 'leak.md'));
    const r = await cliIn(['preview', notes], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('notes/leak.md: a symlink leading outside the notes folder: not read (notes are read only inside it)');
    expect(r.stdout).toContain('Good');
    expect(r.stdout).not.toContain('Secret');
    const json = jsonLines((await cliIn(['preview', '--json', notes], { cwd: dir })).stdout);
    expect(json).toContainEqual({ file: 'notes/leak.md', ok: false, error: { message: expect.stringMatching(/symlink leading outside/), line: null } });
  });

  it('--jekyll-config missing or broken is one line naming the file (and the line)', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'n.md'), '# N\n\nText.\n');
    writeFileSync(path.join(dir, 'bad.yml'), 'title: Blog\nurl: "https://example.org\nbaseurl: /x\n');
    const cmds = [['preview', path.join(dir, 'n.md')], ['check', dir], ['search', 'n', '--dir', dir]];
    const runs: CliResult[] = [];
    for (const cmd of cmds) for (const file of ['nope.yml', 'bad.yml']) runs.push(await cliIn([...cmd, '--jekyll-config', path.join(dir, file)]));
    cmds.forEach((cmd, i) => {
      const [missing, broken] = [runs[2 * i]!, runs[2 * i + 1]!];
      expect(missing.code, cmd[0]).not.toBe(0);
      expect(missing.stdout + missing.stderr, cmd[0]).toBe(`${path.join(dir, 'nope.yml')}: no such file (the Jekyll site's _config.yml, named by --jekyll-config or notes.jekyllConfig)\n`);
      expect(broken.code, cmd[0]).not.toBe(0);
      expect(broken.stdout + broken.stderr, cmd[0]).toBe(`${path.join(dir, 'bad.yml')}:2: Missing closing "quote\n`);
    });
  });
});
