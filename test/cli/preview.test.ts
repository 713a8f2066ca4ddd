import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_JEKYLL_CONFIG, CORPUS_NOTES, manifest } from '../helpers/corpus.js';
import { cliIn, jsonLines, spawnCli } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp-folder.js';

describe('notecast preview --json', () => {
  it('prints one object per corpus note with exactly the documented keys and the manifest URLs', async () => {
    const r = await cliIn(['preview', '--json', '--jekyll-config', CORPUS_JEKYLL_CONFIG, CORPUS_NOTES]);
    expect(r.code).toBe(0);
    const lines = jsonLines(r.stdout);
    const rows = manifest();
    expect(lines).toHaveLength(rows.length);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['file', 'ok', 'note', 'family', 'controls', 'summary', 'discord', 'telegram', 'text', 'routes']);
      expect(Object.keys(l.family as object)).toEqual(['key', 'members']);
      expect(Object.keys(l.controls as object)).toEqual(['set', 'effects', 'unknownRoutes', 'excludedRoutes']);
      expect(Object.keys(l.note as object)).toEqual(['id', 'title', 'lang', 'date', 'tags', 'url', 'draft']);
      expect(Object.keys(l.summary as object)).toEqual(['title', 'url', 'keyPoints', 'links']);
      expect(Object.keys(l.discord as object).sort()).toEqual(['allowed_mentions', 'embeds']);
      expect(Object.keys(l.telegram as object).sort()).toEqual(['link_preview_options', 'parse_mode', 'text']);
      const id = (l.note as { id: string }).id;
      const row = rows.find((x) => x.path === `${id}.md`)!;
      expect((l.note as { url: string }).url).toBe(`https://lzwjava.github.io${row.url_path}`);
      expect(((l.summary as { keyPoints: string[] }).keyPoints).length).toBeGreaterThan(0);
    }
  });

  it('shows what each notecast: control does for a note, and check names a route no config has', async () => {
    const dir = tempFolder('notecast-');
    const notes = path.join(dir, 'notes');
    mkdirSync(notes);
    const cfg = path.join(dir, 'notecast.yaml');
    writeFileSync(cfg, 'routes:\n  - { platform: console, chat: rel, name: releases }\n  - { platform: console, chat: top, name: top, unpinPrevious: true }\n');
    writeFileSync(path.join(notes, 'quiet.md'), '---\ntitle: Quiet\nnotecast:\n  silent: true\n  routes: [releases, nowhere]\n---\nText.');
    writeFileSync(path.join(notes, 'off.md'), '---\ntitle: Off\nnotecast: { announce: false }\n---\nText.');
    writeFileSync(path.join(notes, 'plain.md'), '---\ntitle: Plain\n---\nText.');
    writeFileSync(path.join(notes, 'pinned.md'), '---\ntitle: Pinned\nnotecast: { pin: true }\n---\nText.');
    const lines = jsonLines((await cliIn(['preview', '--json', '--config', cfg, notes])).stdout);
    const of = (name: string) => lines.find((l) => String(l.file).endsWith(name))!.controls as { set: object; effects: string[]; unknownRoutes: string[] };
    expect(of('quiet.md').set).toEqual({ silent: true, routes: ['releases', 'nowhere'] });
    expect(of('quiet.md').effects).toEqual([
      'posted without a notification (Discord SUPPRESS_NOTIFICATIONS, Telegram disable_notification)',
      "sent only to the routes releases (console:rel); not to chats' subscriptions",
    ]);
    expect(of('quiet.md').unknownRoutes).toEqual(['nowhere']);
    expect(of('off.md').effects).toEqual(['not announced (notecast.announce: false); its posts still waiting to go out are called off, posts made before stay as they are']);
    expect(of('plain.md')).toEqual({ set: {}, effects: [], unknownRoutes: [], excludedRoutes: [] });
    expect(of('pinned.md').set).toEqual({ pin: true });
    expect(of('pinned.md').effects).toEqual([
      'pinned where the bot may pin (Discord: Pin Messages permission; Telegram: an admin with the right to pin, or a private chat), without a second notification; where it may not, only the pin fails; in top (unpinPrevious) the announcement pinned before is unpinned',
    ]);
    const check = await cliIn(['check', '--config', cfg, notes]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('quiet.md:5: front matter `notecast.routes`: no route in the config is named "nowhere"');
  });

  it('effects promise only what will happen: a named route whose filter leaves the note out, a digest route not pinned nor silent; check warns (#29 F4)', async () => {
    const dir = tempFolder('notecast-');
    const notes = path.join(dir, 'notes');
    mkdirSync(notes);
    const cfg = path.join(dir, 'notecast.yaml');
    writeFileSync(
      cfg,
      'routes:\n  - { platform: console, chat: "-300", name: x, unpinPrevious: true, filter: { tags: [nomatch] } }\n' +
        '  - { platform: console, chat: "-301", name: y, filter: { words: kafka, digest: { at: "09:00", tz: UTC } } }\n  - { platform: console, chat: "-302", name: z, unpinPrevious: true }\n',
    );
    writeFileSync(path.join(notes, 'both.md'), '---\ntitle: Kafka streams\nnotecast: { routes: [x, y], pin: true, silent: true }\n---\nA stream of kafka events.');
    writeFileSync(path.join(notes, 'posted.md'), '---\ntitle: Kafka again\nnotecast: { routes: [x, y, z], pin: true }\n---\nMore kafka events.');
    writeFileSync(path.join(notes, 'nowhere.md'), '---\ntitle: Nothing here\nnotecast: { routes: [x] }\n---\nUnrelated text.');
    const lines = jsonLines((await cliIn(['preview', '--json', '--config', cfg, notes])).stdout);
    const of = (name: string) => lines.find((l) => String(l.file).endsWith(name))!.controls as { effects: string[]; excludedRoutes: string[] };
    expect(of('both.md').effects).toEqual([
      'in y the note goes into the daily digest: not pinned, notifies as the digest does',
      "sent only to the routes y (console:-301); not to chats' subscriptions",
      'x: its filter leaves this note out',
    ]);
    expect(of('both.md').excludedRoutes).toEqual(['x']);
    const pinned = of('posted.md').effects;
    expect(pinned[0]).toMatch(/^pinned where the bot may pin .*; in z \(unpinPrevious\) the announcement pinned before is unpinned$/); // not x: nothing goes there
    expect(pinned.slice(1)).toEqual([
      'in y the note goes into the daily digest: not pinned, notifies as the digest does',
      "sent only to the routes y (console:-301), z (console:-302); not to chats' subscriptions",
      'x: its filter leaves this note out',
    ]);
    expect(of('nowhere.md').effects).toEqual(['sent nowhere: the filter of every route it names leaves it out', 'x: its filter leaves this note out']);

    const check = await cliIn(['check', '--config', cfg, notes]);
    expect(check.code).toBe(1);
    const problems = check.stdout.split('\n').filter((l) => l.includes('leaves this note out'));
    expect(problems.map((l) => path.basename(l.split(':')[0]!)).sort()).toEqual(['both.md', 'nowhere.md', 'posted.md']);
    expect(check.stdout).toContain('nowhere.md:3: front matter `notecast.routes`: the route "x" has a filter that leaves this note out (it is not sent there)');
  });

  it('a route’s saved search (filter words) is matched on the note’s words as start matches it, and its digest schedule is shown', async () => {
    const dir = tempFolder('notecast-');
    const notes = path.join(dir, 'notes');
    mkdirSync(notes);
    const cfg = path.join(dir, 'notecast.yaml');
    writeFileSync(cfg, 'routes:\n  - { platform: console, chat: all }\n  - { platform: console, chat: rust, filter: { words: "rsut async", digest: { at: "09:00", tz: Europe/Paris } } }\n');
    writeFileSync(path.join(notes, 'tokio.md'), '---\ntitle: Tokio notes\n---\nAsynchronous Rust with Tokio: futures and tasks.');
    writeFileSync(path.join(notes, 'py.md'), '---\ntitle: Python asyncio\n---\nAsync Python with asyncio.');
    writeFileSync(path.join(notes, 'off.md'), '---\ntitle: Rust async, withheld\nnotecast: { announce: false }\n---\nRust async.');
    const lines = jsonLines((await cliIn(['preview', '--json', '--config', cfg, notes])).stdout);
    const routes = (name: string) => (lines.find((l) => String(l.file).endsWith(name))!.routes as { chat: string; matches: boolean; digest: string | null }[]).map((r) => [r.chat, r.matches, r.digest]);
    const digest = 'digest:"daily 09:00" tz:Europe/Paris';
    expect(routes('tokio.md')).toEqual([['all', true, null], ['rust', true, digest]]); // "rsut": a typo of a word the note has; "async" starts "Asynchronous"
    expect(routes('py.md')).toEqual([['all', true, null], ['rust', false, digest]]);
    expect(routes('off.md')).toEqual([['all', false, null], ['rust', false, digest]]);
  });

  it('reports a bad note as ok:false with its line, still prints the others, and exits 1', async () => {
    const dir = tempFolder('notecast-');
    writeFileSync(path.join(dir, 'good.md'), '---\ntitle: Good\n---\nFine text.');
    writeFileSync(path.join(dir, 'bad.md'), '---\ntitle: [a, b]\n---\nx');
    const r = await cliIn(['preview', '--json', dir]);
    expect(r.code).toBe(1);
    const lines = jsonLines(r.stdout);
    expect(lines).toHaveLength(2);
    const bad = lines.find((l) => String(l.file).endsWith('bad.md'))!;
    expect(bad).toMatchObject({ ok: false, error: { line: 2 } });
    expect(Object.keys(bad)).toEqual(['file', 'ok', 'error']);
    expect(lines.find((l) => String(l.file).endsWith('good.md'))).toMatchObject({ ok: true });
  });

  // A ceiling: a process's start and the corpus's first notes took past 30 s at load 17-21 (issue 24).
  it('stops quietly when its reader goes away (preview … | head)', { timeout: 120_000 }, async () => {
    const child = spawnCli(['preview', CORPUS_NOTES]);
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += String(c)));
    child.stdout!.once('data', () => child.stdout!.destroy());
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });

  it('previews the bundled notes with no config and no tokens', async () => {
    const r = await cliIn(['preview', 'notes']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Welcome to notecast');
    expect(r.stdout).toContain('为什么要等两秒');
  });
});

describe('notecast check', () => {
  it('passes on the corpus and the bundled notes', async () => {
    const corpus = await cliIn(['check', CORPUS_NOTES]);
    expect(corpus.code).toBe(0);
    // Every corpus note was read: "0 problems" over nothing would pass too.
    // The corpus has one English note twice (notes/ and _posts/en/), both keyed 2025-10-15-gpg-ascii-armor:
    // `start` announces them as two notes, and check says so as a warning, not a problem.
    expect(corpus.stderr.trim()).toBe(`${manifest().length} notes checked, 0 problems, 1 warning`);
    expect(corpus.stdout).toMatch(/2025-10-15-gpg-ascii-armor-en\.md: warning: shares the translation key "2025-10-15-gpg-ascii-armor" with .*2025-10-15-gpg-ascii-armor-en\.md, both in language en/);
    expect((await cliIn(['check', 'notes'])).code).toBe(0);
  });

  it('lists each problem as file:line: message and exits 1', async () => {
    const dir = tempFolder('notecast-');
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'yaml.md'), '---\ntitle: ok\nlang: [en\n---\nx');
    writeFileSync(path.join(dir, 'empty.md'), '');
    writeFileSync(path.join(dir, 'fine.md'), '# Fine\n\nText.');
    const r = await cliIn(['check', dir]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').sort();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^${dir}/empty\\.md:1: empty file$`));
    expect(lines[1]).toMatch(new RegExp(`^${dir}/sub/yaml\\.md:\\d+: invalid YAML`));
  });

  it('accepts the documented example config', async () => {
    const r = await cliIn(['check', 'notes', '--config', 'config/notecast.example.yaml']);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  it('validates the config and names the key and line', async () => {
    const dir = tempFolder('notecast-');
    const cfg = path.join(dir, 'c.yaml');
    writeFileSync(cfg, 'summary:\n  maxChars: 5\n');
    const r = await cliIn(['check', 'notes', '--config', cfg]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/c\.yaml:2: summary\.maxChars: .*200/);
  });
});
