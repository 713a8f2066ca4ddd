/**
 * One announcement per note, in the chat's language, with its translations linked: the corpus's
 * nine-language families run through the real service (console adapter) and, for a chat's own
 * language, through grammY against the fake Telegram.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeTelegram } from '../fakes/telegram/server.js';
import { copyCorpusNotes, corpusFamily, CORPUS_JEKYLL_CONFIG, CORPUS_NOTES, manifest } from '../helpers/corpus.js';
import { previewOf, statusOf } from '../helpers/cli.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, sandbox, type ServiceEvent } from '../helpers/service.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

// The tests run at once, each on its own folder and service (they mostly wait on quiet periods):
// a service a failed test left running is stopped when the file ends.
afterAll(killLeftoverServices);

const family = corpusFamily;
const LLAMA = 'llama-4-hype-reality'; // notes/…-en.md and eight translations under _posts/<lang>/
const ZSH = 'resume-zsh-jobs'; // nine languages under _notes/<lang>/
const JAVA = 'java-fundamentals-guide'; // en, hi, ja

const copyIn = copyCorpusNotes;

const routes = (list: string) => `routes:\n${list}`;
const chat = (name: string, extra = '') => `  - platform: console\n    chat: ${name}\n${extra}`;
// The corpus's own site config, so members have their real URLs to link.
const site = `notes:\n  jekyllConfig: ${JSON.stringify(CORPUS_JEKYLL_CONFIG)}\n`;
const base = (grace = 0, extra = '') => `${site}watch:\n  quietMs: 200\npublish:\n  translations: { mode: group, graceMs: ${grace} }\n  onDelete: delete\n  digest:\n    threshold: 2\n${extra}`;

const to = (events: ServiceEvent[], target: string, kind?: string) => events.filter((e) => e.target === `console:${target}` && (!kind || e.event === kind));
const firstLine = (e: ServiceEvent) => e.text!.split('\n')[0]!;

describe.concurrent('translation families', () => {
  it('a whole family at once is one post per chat, in each chat’s language, with the others linked', async () => {
    const sb = sandbox(
      base() +
        routes(
          chat('plain') + // no language asked: the original (English)
            chat('zh-only', '    filter: { lang: [zh] }\n') +
            chat('ja-chat', '    locale: ja\n') + // the chat's language
            chat('ko-only', '    filter: { lang: [ko] }\n'), // the family has no Korean
        ),
    );
    const svc = InProcessCli.start(sb, [], {}, undefined, parseThreads);
    await svc.ready();
    const from = await svc.settled();
    copyIn(sb.notes, family(LLAMA));
    await svc.idle(from, 30_000);
    const ev = svc.events.slice(from);
    expect(to(ev, 'plain')).toHaveLength(1);
    expect(to(ev, 'zh-only')).toHaveLength(1);
    expect(to(ev, 'ja-chat')).toHaveLength(1);
    expect(to(ev, 'ko-only')).toHaveLength(0);
    expect(to(ev, 'plain')[0]!.noteId).toBe('notes/2025-10-05-llama-4-hype-reality-en');
    expect(to(ev, 'zh-only')[0]!.noteId).toBe('_posts/zh/2025-10-05-llama-4-hype-reality-zh');
    expect(to(ev, 'ja-chat')[0]!.noteId).toBe('_posts/ja/2025-10-05-llama-4-hype-reality-ja');
    // "Also in": every other language, by its own name, linking to its translation.
    const also = to(ev, 'plain')[0]!.text!.split('\n').find((l) => l.startsWith('🌐'))!;
    for (const name of ['中文', '日本語', 'Español', 'Français', 'Deutsch', 'العربية', 'हिन्दी', '繁體中文']) expect(also).toContain(name);
    expect(also).not.toContain('English');
    const jaUrl = manifest().find((r) => r.path === '_posts/ja/2025-10-05-llama-4-hype-reality-ja.md')!.url_path;
    expect(also).toContain(`日本語: https://lzwjava.github.io${jaUrl}`); // the translation's own URL (the corpus's site config)
    await svc.stop();
    expect(statusOf(sb.db).stdout).toMatch(/9 published\); the 9 published are 1 translation family \(one announcement each\)/);
  });

  // A ceiling: a preview of the whole corpus is ~70 notes parsed and summarised, past 30 s at load 17-21 (issue 24).
  it('preview --json shows each note’s family key and the members found', { timeout: 120_000 }, async () => {
    // In process (runPreview, as main.ts calls it): what is read here is the family in its JSON, not the command line.
    const r = await previewOf([CORPUS_NOTES], { json: true });
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { ok: boolean; note: { id: string }; family: { key: string; members: string[] } });
    const ja = rows.find((x) => x.ok && x.note.id === '_posts/ja/2025-10-05-llama-4-hype-reality-ja')!;
    expect(ja.family.key).toBe('2025-10-05-llama-4-hype-reality');
    expect(ja.family.members).toHaveLength(family(LLAMA).length);
    expect(ja.family.members).toContain('notes/2025-10-05-llama-4-hype-reality-en');
  });

  it('members arriving one by one are one post, then edits; a deleted one leaves the "also in" line; the last one deletes the post', async () => {
    // Removals wait for the burst window (publish.digest.windowMs, 3 s by default): here the shortest, three quiet periods.
    const sb = sandbox(base(0, '    windowMs: 600\n') + routes(chat('plain') + chat('zh-only', '    filter: { lang: [zh] }\n')));
    const svc = InProcessCli.start(sb, [], {}, undefined, parseThreads);
    await svc.ready();
    let from = await svc.settled();
    const [en, ...rest] = family(ZSH).sort((a, b) => (a.includes('/en/') ? -1 : b.includes('/en/') ? 1 : a.localeCompare(b)));
    copyIn(sb.notes, [en!]);
    await svc.idle(from);
    for (const rel of rest) {
      from = svc.events.length;
      copyIn(sb.notes, [rel]);
      await svc.idle(from);
    }
    expect(to(svc.events, 'plain', 'post')).toHaveLength(1);
    expect(to(svc.events, 'plain', 'edit')).toHaveLength(rest.length); // each translation edits it in
    expect(to(svc.events, 'zh-only', 'post')).toHaveLength(1); // posted when Chinese arrived, not before
    expect(to(svc.events, 'zh-only', 'post')[0]!.noteId).toMatch(/-zh$/);
    const last = to(svc.events, 'plain', 'edit').at(-1)!;
    expect(last.text).toContain('日本語');

    from = svc.events.length;
    rmSync(path.join(sb.notes, rest.find((r) => r.includes('/ja/'))!));
    await svc.idle(from);
    const afterJa = to(svc.events.slice(from), 'plain', 'edit');
    expect(afterJa).toHaveLength(1);
    expect(afterJa[0]!.text).not.toContain('日本語');

    // Deleting every member: the post goes (onDelete: delete), once per chat.
    from = svc.events.length;
    rmSync(path.join(sb.notes, '_notes'), { recursive: true });
    await svc.idle(from);
    expect(to(svc.events.slice(from), 'plain', 'delete')).toHaveLength(1);
    expect(to(svc.events.slice(from), 'zh-only', 'delete')).toHaveLength(1);
    await svc.stop();
  }, 60_000); // eleven changes one after another: past 30 s on a machine at load 20

  it('the grace period makes members arriving a moment apart one post from the start', async () => {
    const sb = sandbox(base(3000) + routes(chat('plain')));
    const svc = InProcessCli.start(sb, [], {}, undefined, parseThreads);
    await svc.ready();
    const from = await svc.settled();
    const files = family(JAVA);
    copyIn(sb.notes, [files[0]!]);
    await svc.batched([files[0]!]); // the next ones come in a later batch
    copyIn(sb.notes, files.slice(1));
    await svc.idle(from, 20_000);
    const ev = to(svc.events.slice(from), 'plain');
    expect(ev.map((e) => e.event)).toEqual(['post']);
    expect(ev[0]!.text).toMatch(/🌐 .*हिन्दी.*日本語|🌐 .*日本語.*हिन्दी/);
  });

  it('a digest counts families: three families of nine, three and two files say "3 new notes"', async () => {
    const sb = sandbox(base() + routes(chat('plain')));
    const svc = InProcessCli.start(sb, [], {}, undefined, parseThreads);
    await svc.ready();
    const from = await svc.settled();
    copyIn(sb.notes, [...family(LLAMA), ...family(JAVA), ...family('lemon-tea-recipe')]);
    await svc.idle(from, 30_000);
    const ev = to(svc.events.slice(from), 'plain');
    expect(ev.map((e) => e.event)).toEqual(['digest']);
    expect(ev[0]!.text).toMatch(/^📚 3 new notes/);
  });

  it('publish.translations: separate announces each translation on its own, as before', async () => {
    const sb = sandbox(`watch:\n  quietMs: 200\npublish:\n  translations: separate\n  digest:\n    threshold: 20\n` + routes(chat('plain')));
    const svc = InProcessCli.start(sb, [], {}, undefined, parseThreads);
    await svc.ready();
    const from = await svc.settled();
    copyIn(sb.notes, family(JAVA));
    await svc.idle(from);
    expect(to(svc.events.slice(from), 'plain', 'post')).toHaveLength(family(JAVA).length);
  });
});

describe.concurrent('a chat’s own language', () => {
  it('a Telegram group subscribed by a Japanese-speaking admin gets the Japanese member', async () => {
    const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
    const fake = await new FakeTelegram({ token: TOKEN }).start();
    try {
      const group = fake.addChat(-100321, 'supergroup', { 11: 'administrator' });
      const sb = sandbox(`${site}watch:\n  quietMs: 200\ntelegram:\n  apiRoot: ${fake.apiRoot}\n  registerCommands: false\n`);
      const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
      await svc.ready();
      await fake.waitFor(() => fake.calls.some((c) => c.method === 'getUpdates'), 10_000, 'polling');
      fake.command(group.id, 11, '/subscribe', { from: { id: 11, is_bot: false, first_name: 'A', language_code: 'ja' } });
      await fake.waitFor(() => fake.sentTo(group.id).length === 1, 10_000, 'subscribed');
      const from = await svc.settled();
      copyIn(sb.notes, family(LLAMA));
      await svc.idle(from, 30_000);
      const posts = fake.sentTo(group.id).slice(1);
      expect(posts).toHaveLength(1);
      const ja = readdirSync(path.join(sb.notes, '_posts', 'ja'))[0]!;
      expect(ja).toMatch(/-ja\.md$/);
      expect(posts[0]!.text).toMatch(/[\u3040-\u30ff]/); // Japanese kana in the shown text
      expect(posts[0]!.html).toContain('🌐');
      await svc.stop();
    } finally {
      await fake.stop();
    }
  });
});
