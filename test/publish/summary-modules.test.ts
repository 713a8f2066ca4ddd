/**
 * Issue 31: a parse thread loads the summary's modules only when a note first wants its summary
 * (a cold start defers them all; they were a quarter of a thread's start-up), and the loading
 * counts against no note's budget.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { LOADING_SUMMARIES, SUMMARIES_LOADED } from '../../src/publish/parse-jobs.js';
import { parseJob } from '../../src/publish/parse-here.js';
import { openParser, type Parser } from '../../src/publish/parse-pool.js';
import { DEFAULT_SUMMARY_OPTIONS } from '../../src/summary/build.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** The modules `file` loads when it is imported, by their static imports and re-exports (not `import type`, not `import()`). */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const m of source.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'(\.[^']+)'/gm)) {
    staticImports(path.resolve(path.dirname(file), m[1]!.replace(/\.js$/, '.ts')), seen);
  }
  return seen;
}

describe('the summary’s modules on a parse thread', () => {
  it('are not among what the thread loads to start', () => {
    const loaded = [...staticImports(path.join(SRC, 'publish/parse-worker.ts'))].map((f) => path.relative(SRC, f).split(path.sep).join('/'));
    expect(loaded).toContain('notes/read.ts'); // the walk does follow the thread's imports
    expect(loaded).not.toContain('summary/build.ts');
  });

  let parser: Parser | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    await parser?.close();
    parser = undefined;
  });

  it('are loaded when a note first wants its summary, which is the one made on this thread, and no budget runs while they load', { timeout: 60_000 }, async () => {
    const read = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} } };
    const budgetMs = 10_000;
    parser = openParser({ read, summary: DEFAULT_SUMMARY_OPTIONS, budgetMs });
    const text = (n: number) => `---\ntitle: Note ${n}\n---\n\nNote number ${n} says one thing. It says it twice, in other words.\n`;
    // A first run's deferred summaries: the thread starts and parses without the summary's modules.
    const deferred = await parser.parse([1, 2].map((n) => ({ rel: `n${n}-en.md`, text: text(n), deferSummary: { now: Date.now() } })));
    expect(deferred.map((r) => r.ok && r.summary)).toEqual([null, null]);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const events: string[] = [];
    const listened = new WeakSet<Worker>();
    const send = Worker.prototype.postMessage;
    vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker, sent: unknown) {
      // Heard after the parser's own listener: while the modules load, time far past the budget goes by.
      if (!listened.has(this))
        this.on('message', (m: unknown) => {
          if (m === LOADING_SUMMARIES) vi.advanceTimersByTime(budgetMs * 10);
          events.push(typeof m === 'string' ? m : 'result');
        });
      listened.add(this);
      send.call(this, sent);
    });
    const jobs = [3, 4].map((n) => ({ rel: `n${n}-en.md`, text: text(n) }));
    const wanted = await parser.parse(jobs);
    expect(events).toEqual([LOADING_SUMMARIES, SUMMARIES_LOADED, 'result', 'result']);
    expect(wanted.map((r) => r.ok)).toEqual([true, true]);
    const inline = parseJob(jobs[0]!, read, DEFAULT_SUMMARY_OPTIONS);
    expect(wanted[0]!.ok && wanted[0]!.summary).toEqual(inline.ok && inline.summary);
    expect(wanted[0]!.ok && wanted[0]!.summary).not.toBeNull();
  });
});
