/**
 * `notecast sync --once` run again and again on a changing folder, as cron or CI would: the state
 * database is all that is kept between runs, and each change is announced exactly once. The runs go
 * through the CLI's own program in this process (`syncIn`, its log captured as the process's stderr);
 * the plain summary line is also read from the real process, exit code and all.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliIn, jsonLines, runCliAsync } from '../helpers/cli.js';
import { note, sandbox } from '../helpers/service.js';

/** `notecast sync --once <args>` in this process (cliIn). */
const syncIn = (args: string[]) => cliIn(['sync', '--once', ...args]);

describe('sync --once', () => {
  it('announces what changed since the last run, once, and exits with a summary', async () => {
    const sb = sandbox('');
    const write = (name: string, title: string, body: string) => writeFileSync(path.join(sb.notes, `${name}.md`), note(title, body));
    const run = async (...extra: string[]) => {
      const r = await syncIn(['--json', '--config', sb.config, '--notes', sb.notes, '--db', sb.db, ...extra]);
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
    // (Not less: deliveries begin during start-up, before the timeout counts, and a loaded machine's start-up took 1.8 s.)
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

  it('prints one plain summary line without --json (the process: its exit code reaches the shell)', async () => {
    const sb = sandbox('');
    const r = await runCliAsync(['sync', '--once', '--config', sb.config, '--notes', sb.notes, '--db', sb.db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^notecast sync: 0 delivered, 0 skipped, 0 failed, 0 still waiting, in \d+\.\d s\n$/);
  });

  it('a note held for a digest schedule is not "still waiting": the line says when the digest goes, and the run exits 0 (#29 F9)', async () => {
    const at = `${String((new Date().getUTCHours() + 12) % 24).padStart(2, '0')}:00`; // half a day away, whenever the test runs
    const sb = sandbox(`routes:\n  - { platform: console, chat: daily, filter: { digest: { at: "${at}", tz: UTC } } }\n`);
    const run = (...extra: string[]) => syncIn(['--config', sb.config, '--notes', sb.notes, '--db', sb.db, ...extra]);
    expect((await run()).code).toBe(0); // the first run records the empty folder
    writeFileSync(path.join(sb.notes, 'held.md'), note('Held', 'Waits for the daily digest.'));
    const r = await run();
    expect(r.stdout, r.stderr).toMatch(new RegExp(`^notecast sync: 0 delivered, 0 skipped, 0 failed, 0 still waiting, 1 held for a digest at \\d{4}-\\d\\d-\\d\\dT${at}:00\\.000Z \\(the first run after then sends it\\), in \\d+\\.\\d s\\n$`));
    expect(r.code).toBe(0);
    const again = await syncIn(['--json', '--config', sb.config, '--notes', sb.notes, '--db', sb.db]);
    expect(jsonLines(again.stdout).at(-1)).toMatchObject({ event: 'sync', waiting: 0, heldForDigest: 1, digestAt: expect.stringMatching(new RegExp(`T${at}:00.000Z$`)) });
    expect(again.code).toBe(0);
  });

  it('runs with a config that also names the push webhook, whose secret only `start` needs (it opens no port)', async () => {
    const sb = sandbox('pull:\n  webhook:\n    port: 18999\n');
    const r = await syncIn(['--config', sb.config, '--notes', sb.notes, '--db', sb.db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('NOTECAST_PUSH_SECRET');
  });

  it('waits for a new note\'s page (publish.waitUntilLive), and holds one never built, shown by status', async () => {
    // The blog: /built.html is 404 twice, then 200; /unbuilt.html is 404 forever.
    const asked: string[] = [];
    const site = createServer((req, res) => {
      asked.push(`${req.method} ${req.url}`);
      const built = req.url === '/built.html' && asked.filter((a) => a.endsWith('/built.html')).length > 2;
      res.writeHead(built ? 200 : 404).end();
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
      const sb = sandbox(`site:\n  url: ${url}\npublish:\n  waitUntilLive: { enabled: true, intervalMs: 200, maxIntervalMs: 200, limitMs: 1500, atLimit: hold }\n`);
      const run = () => syncIn(['--json', '--config', sb.config, '--notes', sb.notes, '--db', sb.db]);
      expect((await run()).code).toBe(0);
      writeFileSync(path.join(sb.notes, 'built.md'), note('Built', 'Its page is built a little later.'));
      writeFileSync(path.join(sb.notes, 'unbuilt.md'), note('Unbuilt', 'Its page never comes.'));
      const r = await run();
      const lines = jsonLines(r.stdout);
      expect(lines.filter((l) => l.event === 'post').map((l) => l.noteId), r.stderr).toEqual(['built']);
      expect(lines.at(-1)).toMatchObject({ event: 'sync', delivered: 1, waiting: 1, timedOut: false });
      expect(r.code).toBe(1);
      expect(asked.filter((a) => a.endsWith('/built.html'))).toEqual(['HEAD /built.html', 'HEAD /built.html', 'HEAD /built.html']);
      const status = await cliIn(['status', '--config', sb.config, '--db', sb.db]);
      expect(status.stdout).toMatch(new RegExp(`posts waiting for their page:\\n  ${url}/unbuilt\\.html: held .*, \\d+ requests, last: HTTP 404`));
    } finally {
      site.closeAllConnections();
      await new Promise((r) => site.close(r));
    }
  }, 30_000);
});
