/**
 * The preview page as a process serves it: `notecast preview --serve` (on 127.0.0.1 unless told,
 * stopped by SIGTERM), and `/preview` on `start`'s HTTP endpoint when `http.preview` is on (off by
 * default), whose event stream says when a saved note changed the page: the service's endpoint,
 * served by the same wiring in this process (`InProcessCli`).
 */
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/corpus.js';
import { freePort } from '../helpers/net.js';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox } from '../helpers/service.js';
import { tempFolder } from '../helpers/temp-folder.js';

let leftover: ReturnType<typeof spawnCli> | undefined;
afterEach(async () => {
  await killLeftoverServices();
  if (leftover && leftover.exitCode === null && leftover.signalCode === null) {
    const gone = new Promise((r) => leftover!.once('exit', r));
    leftover.kill('SIGKILL');
    await gone;
  }
  leftover = undefined;
});

/** Reads a Server-Sent Events stream until an event of `type` arrives; returns its data. */
async function nextEvent(url: string, type: string, after: () => void, timeoutMs = 20_000): Promise<string> {
  return eventsUntil(url, type, after, async () => true, timeoutMs);
}

/**
 * Reads a Server-Sent Events stream, making the change (`after`) once it is open, and each event of `type` asks
 * `settled` whether the change has shown; returns the data of the event that settled it. One stream for all of them:
 * a change that shows in two events (two files saved, the page made again for each) cannot slip between two
 * streams (it did under load in CI: the second event came before a second stream was open).
 */
async function eventsUntil(url: string, type: string, after: () => void, settled: (data: string) => Promise<boolean>, timeoutMs = 20_000): Promise<string> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const res = await fetch(url, { signal: abort.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '';
    let triggered = false;
    const event = new RegExp(`event: ${type}\\ndata: ([^\\n]*)\\n\\n`, 'g');
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended before a "${type}" event settled it: ${buf}`);
      buf += value;
      // The stream opens with "hello": only then is the change made, so its event cannot be missed.
      if (!triggered && buf.includes('event: hello')) {
        triggered = true;
        after();
      }
      for (let m = event.exec(buf); m; m = event.exec(buf)) if (await settled(m[1]!)) return m[1]!;
    }
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

describe('/preview on the service', () => {
  it('is served with http.preview: the notes as they would be posted, and an event when one is saved', async () => {
    const port = await freePort();
    const sb = sandbox(`watch:\n  quietMs: 200\nhttp:\n  port: ${port}\n  preview: true\n`);
    writeFileSync(path.join(sb.notes, 'first-en.md'), note('First <b>note</b>', 'Its **only** point, with `code`.'));
    const svc = InProcessCli.start(sb);
    await svc.ready();
    const page = await fetch(`http://127.0.0.1:${port}/preview`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('First &lt;b&gt;note&lt;/b&gt;');
    expect(html).toContain('<code class="inline">code</code>');
    const version = await nextEvent(`http://127.0.0.1:${port}/preview/events`, 'notes', () => writeFileSync(path.join(sb.notes, 'second-en.md'), note('Second note', 'Saved while the page was open.')));
    expect(Number(version)).toBeGreaterThan(0);
    expect(await (await fetch(`http://127.0.0.1:${port}/preview/cards`)).text()).toContain('Second note');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    // An open event stream does not hold the stop.
    const stream = await fetch(`http://127.0.0.1:${port}/preview/events`);
    expect(stream.status).toBe(200);
    expect(await svc.stop()).toBe(0);
  });

  it('is not served without http.preview (the health port may face a network; drafts are in the folder)', async () => {
    const port = await freePort();
    const sb = sandbox(`http:\n  port: ${port}\n`);
    const svc = InProcessCli.start(sb);
    await svc.ready();
    expect((await fetch(`http://127.0.0.1:${port}/preview`)).status).toBe(404);
    expect(await svc.stop()).toBe(0);
  });
});

describe('notecast preview --serve', () => {
  it("follows the config's template files: the copied example, changed and saved, changes the page without a restart", async () => {
    const dir = tempFolder('notecast-preview-templates-');
    try {
      mkdirSync(path.join(dir, 'notes'));
      writeFileSync(path.join(dir, 'notes', 'tagged-en.md'), note('Tagged note', 'The gearbox turns the mill.\n\nSee [the manual](https://example.org/manual).', 'tags: [gears, mills]\n'));
      const example = (name: string) => readFileSync(path.join(REPO_ROOT, 'config', 'templates', name), 'utf8');
      writeFileSync(path.join(dir, 'discord.liquid'), example('discord.liquid'));
      writeFileSync(path.join(dir, 'telegram.liquid'), example('telegram.liquid'));
      writeFileSync(path.join(dir, 'notecast.yaml'), 'notes: { dir: notes }\ntemplates:\n  discord: { file: discord.liquid }\n  telegram: { file: telegram.liquid }\n');
      const proc = spawnCli(['preview', '--serve', '--port', '0', '--config', 'notecast.yaml'], { cwd: dir, env: { NOTECAST_LOG_LEVEL: 'warn' } });
      leftover = proc;
      let out = '';
      proc.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
      const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
      const url = await new Promise<string>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 20_000);
        proc.stdout.on('data', () => {
          const m = /preview: (http:\/\/\S+)/.exec(out);
          if (m) (clearTimeout(t), resolve(m[1]!));
        });
      });
      type Entry = { file: string; routes: Array<{ discord?: { embeds: Array<{ description?: string }> }; telegram?: { text: string } }> };
      const shown = async () => ((await (await fetch(`${url}/payloads`)).json()) as Entry[]).find((e) => e.file === 'tagged-en.md')!.routes[0]!;
      const before = await shown();
      expect(before.telegram!.text).toContain('https://example.org/manual');
      expect(before.discord!.embeds[0]!.description).toMatch(/^• /);
      // Tags first in the Discord embed; the Telegram message without its links. Each file is its
      // own save: the page changes once per save, so it is read after each change until both show.
      const save = () => {
        writeFileSync(path.join(dir, 'discord.liquid'), example('discord.liquid').replace('=== description ===\n', '=== description ===\nTags: {{ note.tags | join: ", " }}\n'));
        writeFileSync(path.join(dir, 'telegram.liquid'), example('telegram.liquid').replace(/\{%- if summary\.links\.size > 0 %\}[\s\S]*?\{%- endif %\}\n/, ''));
      };
      let after = before;
      const bothChanged = () => after.discord!.embeds[0]!.description !== before.discord!.embeds[0]!.description && after.telegram!.text !== before.telegram!.text;
      await eventsUntil(`${url}/events`, 'notes', save, async () => ((after = await shown()), bothChanged()));
      expect(after.telegram!.text).not.toContain('https://example.org/manual');
      expect(after.telegram!.text).toContain('The gearbox turns the mill.');
      expect(after.discord!.embeds[0]!.description).toMatch(/^Tags: gears, mills\n• /);
      proc.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves the folder on 127.0.0.1 by default, redirects / to the page, follows a saved config file, and stops on SIGTERM', async () => {
    const dir = tempFolder('notecast-preview-serve-');
    try {
      mkdirSync(path.join(dir, 'notes'));
      const body = ['## Build', 'The compiler turns sources into a binary.', '## Tests', 'The runner checks every module twice.', '## Release', 'The release script uploads the archive.'].join('\n\n');
      writeFileSync(path.join(dir, 'notes', 'hello-en.md'), note('Hello preview', body));
      writeFileSync(path.join(dir, 'notecast.yaml'), 'notes: { dir: notes }\nsummary: { maxPoints: 5 }\n');
      const proc = spawnCli(['preview', '--serve', '--port', '0', '--config', 'notecast.yaml'], { cwd: dir, env: { NOTECAST_LOG_LEVEL: 'warn' } });
      let out = '';
      proc.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
      const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
      leftover = proc; // killed after the test if it fails before its own SIGTERM
      const url = await new Promise<string>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 20_000);
        proc.stdout.on('data', () => {
          const m = /preview: (http:\/\/\S+)/.exec(out);
          if (m) {
            clearTimeout(t);
            resolve(m[1]!);
          }
        });
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/preview$/);
      expect(await (await fetch(url)).text()).toContain('Hello preview');
      // A name that is not this machine's (DNS rebinding to 127.0.0.1) is refused.
      const { request } = await import('node:http');
      const rebound = await new Promise<number>((resolve, reject) =>
        request(url, { headers: { host: 'attacker.example:80' } }, (r) => {
          r.resume();
          resolve(r.statusCode!);
        })
          .on('error', reject)
          .end(),
      );
      expect(rebound).toBe(421);
      expect((await fetch(url.replace('127.0.0.1', 'localhost'))).status).toBe(200);
      const root = await fetch(url.replace(/\/preview$/, '/'), { redirect: 'manual' });
      expect([root.status, root.headers.get('location')]).toEqual([302, '/preview']);
      // A saved config file changes the page too: one point now.
      // Each point is a bullet in the Discord embed and one in the Telegram message.
      const points = async () => ((await (await fetch(`${url}/cards`)).text()).match(/•/g) ?? []).length / 2;
      expect(await points()).toBeGreaterThan(1);
      await nextEvent(`${url}/events`, 'notes', () => writeFileSync(path.join(dir, 'notecast.yaml'), 'notes: { dir: notes }\nsummary: { maxPoints: 1 }\n'));
      expect(await points()).toBe(1);
      proc.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
