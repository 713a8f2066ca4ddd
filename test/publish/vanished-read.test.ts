/**
 * Issue 25 (outside tester, round 15): a note renamed right after it was saved logged
 * `level 50 "note skipped: cannot read it" … ENOENT`, an error for a note that has none: its file
 * had only moved on. A file gone before it could be read is said at info, with what happens next;
 * a file that is there and cannot be read stays an error.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { tempPublisher } from '../helpers/publisher.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function setUp() {
  const lines: { level: number; msg: string; file?: string }[] = [];
  const log = createLogger({ level: 'debug', secrets: [], destination: new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk)) as { level: number; msg: string }), done()) }) });
  const { notes, publisher, close } = tempPublisher('vanished-read', { routes: [{ platform: 'console', chat: 'c1' }] }, { log });
  cleanups.push(close);
  return { at: (rel: string) => path.join(notes, rel), publisher, lines };
}

describe('a changed file that cannot be read', () => {
  it('gone before it was read (renamed right after a save): an info line, no error', async () => {
    const { at, publisher, lines } = setUp();
    await publisher.processBatch({ changed: [at('renamed-away.md')], removed: [] });
    const about = lines.filter((l) => l.file === 'renamed-away.md');
    expect(about.filter((l) => l.level >= 50)).toEqual([]);
    expect(about.map((l) => [l.level, l.msg])).toContainEqual([30, expect.stringContaining('removed or renamed before it could be read') as unknown]);
  });

  it('there and unreadable (a folder named like a note): still an error', async () => {
    const { at, publisher, lines } = setUp();
    mkdirSync(at('folder.md'));
    await publisher.processBatch({ changed: [at('folder.md')], removed: [] });
    expect(lines.filter((l) => l.file === 'folder.md' && l.level >= 50).map((l) => l.msg)).toEqual(['note skipped: cannot read it']);
  });
});
