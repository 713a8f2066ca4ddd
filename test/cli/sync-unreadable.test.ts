/**
 * Issue 25, finding 5: `sync --once` exited 0 with "0 failed" when notes could not be read, and a
 * note past the parse budget was parsed again on every run (the budget spent each time) although
 * its file had not changed. Now the summary counts unreadable notes and the run exits 1, and a
 * note is read again only once its content changes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOO_LONG } from '../../src/publish/parse-pool.js';
import { cliIn, jsonLines } from '../helpers/cli.js';
import { note, sandbox, withTestDefaults } from '../helpers/service.js';

describe('sync --once and notes that cannot be read', () => {
  it('says so and exits 1; a note past the parse budget is not parsed again until it changes', { timeout: 120_000 }, async () => {
    const sb = sandbox('notes:\n  parseTimeoutMs: 1500\n'); // room for a loaded machine; the slow note takes far longer
    const run = async () => {
      // The CLI's program in this process (cliIn: its log captured as the process's stderr).
      const r = await cliIn(['sync', '--once', '--json', '--announce-existing', '--config', sb.config, '--notes', sb.notes, '--db', sb.db]);
      const summary = jsonLines(r.stdout).at(-1)!;
      expect(summary, r.stderr).toMatchObject({ event: 'sync' });
      return { code: r.code, summary, parsedSlow: r.stderr.includes('slow.md') && r.stderr.includes(TOO_LONG) };
    };
    writeFileSync(path.join(sb.notes, 'good.md'), note('Good', 'A note that reads well.'));
    writeFileSync(path.join(sb.notes, 'slow.md'), '*a'.repeat(500_000)); // far past 1.5 s to parse

    const first = await run();
    expect(first.summary).toMatchObject({ delivered: 1, failed: 0, waiting: 0, unreadable: 1 });
    expect(first.code).toBe(1);
    expect(first.parsedSlow).toBe(true);

    const second = await run(); // nothing changed: the slow note's error stands, unparsed
    expect(second.summary).toMatchObject({ delivered: 0, unreadable: 1 });
    expect(second.code).toBe(1);
    expect(second.parsedSlow).toBe(false);

    // The budget raised (a timeout on a busy machine): the same content is parsed again, once.
    writeFileSync(sb.config, withTestDefaults('notes:\n  parseTimeoutMs: 2500\n'));
    const raised = await run();
    expect(raised.parsedSlow).toBe(true);
    expect(raised.summary).toMatchObject({ delivered: 0, unreadable: 1 });
    expect((await run()).parsedSlow).toBe(false);

    writeFileSync(path.join(sb.notes, 'slow.md'), note('Fixed', 'Now a short note.'));
    const third = await run();
    expect(third.summary).toMatchObject({ delivered: 1, unreadable: 0 });
    expect(third.code).toBe(0);
  });

  it('the summary line names the unreadable notes', async () => {
    const sb = sandbox('');
    writeFileSync(path.join(sb.notes, 'broken.md'), '---\ntitle: [unclosed\n---\nBody.\n');
    const r = await cliIn(['sync', '--once', '--config', sb.config, '--notes', sb.notes, '--db', sb.db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/notecast sync: 0 delivered, 0 skipped, 0 failed, 0 still waiting, 1 note could not be read \(see `notecast status`\), in \d+\.\d s\n$/);
  });
});
