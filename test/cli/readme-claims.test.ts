/**
 * What README says is what the CLI does (issue 27): each claim run as the built CLI in a process,
 * as a new user would.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT, requireCorpus } from '../helpers/corpus.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'notecast-readme-'));
const oneLine = (s: string) => s.trim().split('\n').length === 1 && !/\n\s+at /.test(s);

describe('check on something that is not a notes folder', () => {
  it('a missing folder is exit 1 and one line naming it, not "0 notes checked, 0 problems"', () => {
    const missing = path.join(tmp(), 'nothere');
    const r = runCli(['check', missing]);
    expect(r.code).toBe(1);
    expect(oneLine(r.stdout + r.stderr)).toBe(true);
    expect(r.stderr.trim()).toBe(`notes folder ${missing}: no such folder`);
  });

  it('a file is exit 1 and one line naming it', () => {
    const file = path.join(tmp(), 'a.md');
    writeFileSync(file, '# A\n');
    const r = runCli(['check', file]);
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
