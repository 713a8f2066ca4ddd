/**
 * Issue 25, tester 24 F2/F3/F4: a note announced in a burst digest has its line follow it as its
 * own message would (README, Edits): renamed, retitled or moved to another language folder, the
 * digest is edited to show it; another line going later keeps it; it is never posted again and
 * never lost. Real service in process, console chats.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, sandbox, type ServiceEvent } from '../helpers/service.js';

afterAll(killLeftoverServices);

// Removals wait for the burst window: the shortest it may be, three quiet periods.
const config = (mode: 'group' | 'separate', onDelete: 'keep' | 'delete') =>
  `watch:\n  quietMs: 200\npublish:\n  translations: { mode: ${mode}, graceMs: 0 }\n  onDelete: ${onDelete}\n  digest:\n    threshold: 2\n    windowMs: 600\n` +
  `site:\n  url: https://blog.example.org\nroutes:\n  - platform: console\n    chat: all\n  - platform: console\n    chat: en\n    filter: { lang: [en] }\n  - platform: console\n    chat: ja\n    filter: { lang: [ja] }\n`;
const body = (n: number) => `The ${n}th note walks through harbor ${n} and says one plain thing about lanterns, stones and rivers ${n}.\n`;
const note = (n: number, title = `Digest member ${n}`, extra = '') => `---\ntitle: ${title}\n${extra}---\n${body(n)}`;
const deliveries = (ev: ServiceEvent[]) => ev.filter((e) => e.target !== undefined);
const inChat = (ev: ServiceEvent[], chat: string) => ev.filter((e) => e.target === `console:${chat}`);

async function burst(mode: 'group' | 'separate', onDelete: 'keep' | 'delete') {
  const sb = sandbox(config(mode, onDelete));
  mkdirSync(path.join(sb.notes, 'en'), { recursive: true });
  mkdirSync(path.join(sb.notes, 'ja'), { recursive: true });
  const svc = InProcessCli.start(sb);
  await svc.ready();
  const from = await svc.settled();
  for (const n of [1, 2, 3, 4]) writeFileSync(path.join(sb.notes, 'en', `n${n}.md`), note(n));
  await svc.idle(from, 20_000);
  const digests = deliveries(svc.events.slice(from));
  expect(digests.map((e) => [e.target, e.event])).toEqual([['console:all', 'digest'], ['console:en', 'digest']]);
  const at = (...p: string[]) => path.join(sb.notes, ...p);
  return { svc, at, messageOf: (chat: string) => inChat(digests, chat)[0]!.messageId };
}

/** What the service does between `from` and its next idle. */
async function after(svc: InProcessCli, change: () => void): Promise<ServiceEvent[]> {
  const from = svc.events.length;
  change();
  await svc.idle(from, 20_000);
  return deliveries(svc.events.slice(from));
}

describe.concurrent.each(['group', 'separate'] as const)('a digest line follows its note (translations: %s)', (mode) => {
  it('renamed: the digest shows its new link, keeps it when another line goes, and follows it back; nothing is posted (F2, F3)', async () => {
    const { svc, at, messageOf } = await burst(mode, 'delete');
    const renamed = await after(svc, () => renameSync(at('en', 'n1.md'), at('en', 'n1-moved.md')));
    for (const chat of ['all', 'en']) {
      expect(inChat(renamed, chat).map((e) => [e.event, e.messageId])).toEqual([['edit', messageOf(chat)]]);
      expect(inChat(renamed, chat)[0]!.text).toContain('https://blog.example.org/en/n1-moved.html');
    }
    const drafted = await after(svc, () => writeFileSync(at('en', 'n2.md'), note(2, 'Digest member 2', 'draft: true\n')));
    for (const chat of ['all', 'en']) {
      const text = inChat(drafted, chat).at(-1)!.text;
      expect(text).not.toContain('Digest member 2');
      expect(text).toContain('Digest member 1 — https://blog.example.org/en/n1-moved.html');
    }
    const back = await after(svc, () => renameSync(at('en', 'n1-moved.md'), at('en', 'n1.md')));
    for (const chat of ['all', 'en']) {
      expect(inChat(back, chat).map((e) => [e.event, e.messageId])).toEqual([['edit', messageOf(chat)]]);
      expect(inChat(back, chat)[0]!.text).toContain('Digest member 1 — https://blog.example.org/en/n1.html');
    }
    expect(svc.events.filter((e) => e.event === 'post')).toEqual([]);
    await svc.stop();
  });

  it('renamed with its permalink kept: nothing to edit, and its line stays when the digest is re-rendered for another (F2)', async () => {
    const { svc, at } = await burst(mode, 'delete');
    const kept = 'permalink: /kept/n1.html\n';
    await after(svc, () => writeFileSync(at('en', 'n1.md'), note(1, 'Digest member 1', kept)));
    const renamed = await after(svc, () => renameSync(at('en', 'n1.md'), at('en', 'n1-moved.md')));
    expect(renamed).toEqual([]); // what the line shows did not change
    const drafted = await after(svc, () => writeFileSync(at('en', 'n2.md'), note(2, 'Digest member 2', 'draft: true\n')));
    for (const chat of ['all', 'en']) {
      expect(inChat(drafted, chat).map((e) => e.event)).toEqual(['edit']);
      expect(inChat(drafted, chat)[0]!.text).toContain('Digest member 1 — https://blog.example.org/kept/n1.html');
    }
    expect(svc.events.filter((e) => e.event === 'post')).toEqual([]);
    await svc.stop();
  });

  it.each(['keep', 'delete'] as const)('retitled (onDelete: %s): the digest shows its new title, in place (F3)', async (onDelete) => {
    const { svc, at, messageOf } = await burst(mode, onDelete);
    const retitled = await after(svc, () => writeFileSync(at('en', 'n3.md'), note(3, 'Digest member 3 retitled')));
    for (const chat of ['all', 'en']) {
      expect(inChat(retitled, chat).map((e) => [e.event, e.messageId])).toEqual([['edit', messageOf(chat)]]);
      expect(inChat(retitled, chat)[0]!.text).toContain('Digest member 3 retitled');
      expect(inChat(retitled, chat)[0]!.text).toContain('Digest member 4');
    }
    expect(inChat(retitled, 'ja')).toEqual([]);
    await svc.stop();
  });
});

describe.concurrent('a digest note moved to another language folder (translations: group)', () => {
  it('stays in the chat filtered to its old language, shown at its new link; the new language posts it; another line going keeps it (F4)', async () => {
    const { svc, at, messageOf } = await burst('group', 'delete');
    const moved = await after(svc, () => renameSync(at('en', 'n1.md'), at('ja', 'n1.md')));
    for (const chat of ['all', 'en']) {
      expect(inChat(moved, chat).map((e) => [e.event, e.messageId])).toEqual([['edit', messageOf(chat)]]);
      expect(inChat(moved, chat)[0]!.text).toContain('Digest member 1 — https://blog.example.org/ja/n1.html');
    }
    expect(inChat(moved, 'ja').map((e) => e.event)).toEqual(['post']);
    const removed = await after(svc, () => writeFileSync(at('en', 'n2.md'), note(2, 'Digest member 2', 'draft: true\n')));
    expect(inChat(removed, 'en').at(-1)!.text).toContain('Digest member 1 — https://blog.example.org/ja/n1.html');
    expect(inChat(removed, 'en').at(-1)!.text).not.toContain('Digest member 2');
    expect(inChat(removed, 'ja')).toEqual([]);
    await svc.stop();
  });

  it('a deleted member whose translation keeps its title: the line leaves the chat filtered to the deleted one\'s language', async () => {
    const { svc, at } = await burst('group', 'delete');
    // A translation: its title kept, its text its own. Byte for byte the English note, it would be a copy, and the
    // English file's removal a move into it (moved-into-copy.ts): the line then follows it, as a message does (fx26a:
    // the line records its member, so that move is told from a translation left behind).
    const joined = await after(svc, () => writeFileSync(at('ja', 'n4.md'), `${note(4)}港の灯りについての短い訳文。\n`));
    expect(inChat(joined, 'ja').map((e) => e.event)).toEqual(['post']);
    const removed = await after(svc, () => rmSync(at('en', 'n4.md')));
    expect(inChat(removed, 'en').map((e) => e.event)).toEqual(['edit']);
    expect(inChat(removed, 'en')[0]!.text).not.toContain('Digest member 4');
    expect(inChat(removed, 'all').at(-1)!.text).toContain('Digest member 4 — https://blog.example.org/ja/n4.html');
    await svc.stop();
  });
});
