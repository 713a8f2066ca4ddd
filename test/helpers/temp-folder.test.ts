/**
 * Tests' temporary folders (temp-folder.ts): the sandbox helpers make theirs with `tempFolder`, and the file's folders
 * are removed when it ends (temp-folder-cleanup.ts calls `removeFileFolders`), or kept and listed when a test failed.
 * That no file leaves any is checked over whole files by scripts/check-test-folders.mjs.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InProcessService } from './inproc.js';
import { sandbox } from './service.js';
import { removeFileFolders, tempFolder } from './temp-folder.js';

describe('temporary folders of a test file', () => {
  it('a sandbox, a service sandbox and a folder of its own are all removed with the file, their files in them', () => {
    const own = tempFolder('notecast-own-');
    writeFileSync(path.join(own, 'x.md'), 'x');
    const sb = sandbox('');
    const svc = InProcessService.sandbox({});
    const dirs = [own, sb.dir, path.dirname(svc.notes)];
    expect(dirs.every((d) => existsSync(d))).toBe(true);
    expect(removeFileFolders(undefined)).toBeUndefined();
    expect(dirs.filter((d) => existsSync(d))).toEqual([]);
  });

  it('kept, and said where, when the file asks to keep them (a failed test)', () => {
    const dir = tempFolder('notecast-kept-');
    const said = removeFileFolders('x.test.ts: a test failed');
    expect(said).toContain(dir);
    expect(said).toMatch(/^x\.test\.ts: a test failed: kept 1 temporary folder/);
    expect(existsSync(dir)).toBe(true);
    rmSync(dir, { recursive: true });
  });
});
