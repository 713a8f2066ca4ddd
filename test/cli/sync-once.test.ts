/**
 * `notecast sync --once` run as a process, again and again on a changing folder, as cron or CI would:
 * the state database is all that is kept between runs, and each change is announced exactly once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCliAsync } from '../helpers/cli.js';
import { note, sandbox } from '../helpers/service.js';


describe('sync --once', () => {
  it('announces what changed since the last run, once, and exits with a summary', async () => {
    const sb = sandbox('');
    const write = (name: string, title: string, body: string) => writeFileSync(path.join(sb.notes, `${name}.md`), note(title, body));
    const run = async (...extra: string[]) => {
      const r = await runCliAsync(['sync', '--once', '--json', '--config', sb.config, '--notes', sb.notes, '--db', sb.db, ...extra], { timeoutMs: 30_000 });
      const lines = jsonLines(r.stdout);
      const summary = lines.at(-1)!;
      expect(summary, r.stderr).toMatchObject({ event: 'sync' });
      return { code: r.code, summary, events: lines.slice(0, -1) };
    };
    const posted: string[] = [];
    const posts = (events: Record<string, unknown>[]) => events.filter((e) => e.event === 'post').map((e) => String(e.noteId));

    write('old', 'Old', 'Already there before the first run.');
    const first = await run(); // a first run records what is there, silently
    expect(first).toMatchObject({ code: 0, events: [], summary: { delivered: 0, failed: 0, waiting: 0 } });

    write('fresh', 'Fresh', 'Written between two runs.');
    const second = await run();
    expect(second.code).toBe(0);
    expect(posts(second.events)).toEqual(['fresh']);
    expect(second.summary).toMatchObject({ delivered: 1, failed: 0, waiting: 0, timedOut: false });
    posted.push(...posts(second.events));

    const third = await run(); // nothing changed: nothing said
    expect(third).toMatchObject({ code: 0, events: [], summary: { delivered: 0, waiting: 0 } });

    write('fresh', 'Fresh', 'Written between two runs, then changed.');
    const fourth = await run();
    expect(fourth.events.map((e) => [e.event, e.noteId])).toEqual([['edit', 'fresh']]);

    // Three new notes, each delivery taking 1.2 s, one second allowed: the run stops, says what waits, exits 1.
    writeFileSync(sb.config, `${readFileSync(sb.config, 'utf8')}console:\n  delayMs: 1200\n`);
    for (const n of ['a', 'b', 'c']) write(n, `Note ${n}`, `Body of note ${n}.`);
    const cut = await run('--timeout', '1');
    expect(cut.code).toBe(1);
    expect(cut.summary).toMatchObject({ timedOut: true, failed: 0 });
    expect(cut.summary.waiting).toBeGreaterThan(0);
    expect(Number(cut.summary.delivered) + Number(cut.summary.waiting)).toBe(3);
    posted.push(...posts(cut.events));

    const rest = await run(); // the next run sends what was left, and only that
    expect(rest.code).toBe(0);
    expect(rest.summary).toMatchObject({ delivered: cut.summary.waiting, waiting: 0 });
    posted.push(...posts(rest.events));
    expect(posted.sort()).toEqual(['a', 'b', 'c', 'fresh']);
    expect(readFileSync(`${sb.db}.mark`, 'utf8')).toMatch(/"outbox":5/); // five deliveries, all recorded
  }, 60_000);

  it('prints one plain summary line without --json', async () => {
    const sb = sandbox('');
    const r = await runCliAsync(['sync', '--once', '--config', sb.config, '--notes', sb.notes, '--db', sb.db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^notecast sync: 0 delivered, 0 skipped, 0 failed, 0 still waiting, in \d+\.\d s\n$/);
  });
});
