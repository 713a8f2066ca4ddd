/**
 * Issue 25, F3, as item 1 of the tester round revised it: two English notes under one key
 * (python/setup.md, rust/setup.md) beside a Japanese translation: the second is announced on its
 * own (`setup#rust/setup`). Once the first is gone it stays on its own (it once joined the family
 * at its next change, and a message posted for one note then showed the other): its edit edits
 * its own message, never posts it again, and the family's messages never show it.
 */
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessService } from '../helpers/inproc.js';

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

const note = (title: string, lang: string, body: string) => `---\ntitle: ${title}\nlang: ${lang}\n---\n\n${body}\n`;

describe('a same-language conflict that goes away (issue 25, F3 and item 1)', () => {
  it.each(['keep', 'delete'] as const)('the leftover stays on its own at its next edit: its own message edited, never posted again (onDelete: %s)', { timeout: 60_000 }, async (onDelete) => {
    svc = InProcessService.sandbox({
      watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
      // The removal waits the burst window (3 s by default): here the shortest, three quiet periods.
      publish: { onDelete, translations: { mode: 'group', graceMs: 0 }, digest: { threshold: 1000, windowMs: 120 } },
      routes: [
        { platform: 'console', chat: 'en', locale: 'en' },
        { platform: 'console', chat: 'ja', locale: 'ja' },
      ],
    });
    await svc.start();
    for (const d of ['python', 'rust']) mkdirSync(path.join(svc.notes, d));
    writeFileSync(path.join(svc.notes, 'python/setup.md'), note('Python setup', 'en', 'Install Python.'));
    writeFileSync(path.join(svc.notes, 'rust/setup.md'), note('Rust setup', 'en', 'Install Rust.'));
    writeFileSync(path.join(svc.notes, 'setup-ja.md'), note('セットアップ', 'ja', 'Python を入れる。'));
    await svc.settle(['python/setup.md', 'rust/setup.md', 'setup-ja.md']);
    expect(svc.app!.store.getNote('rust/setup')?.info.translationKey).toBe('setup#rust/setup');
    const rustMessages = (chat: string) => svc!.sent(chat, 'post').filter((e) => e.noteId === 'rust/setup').map((e) => e.messageId);

    rmSync(path.join(svc.notes, 'python/setup.md'));
    await svc.settle(['python/setup.md']);
    const postsBefore = svc.events.filter((e) => e.event === 'post').length;
    writeFileSync(path.join(svc.notes, 'rust/setup.md'), note('Rust setup', 'en', 'Install Rust with rustup.'));
    await svc.settle(['rust/setup.md']);

    expect(svc.app!.store.getNote('rust/setup')?.info.translationKey).toBe('setup#rust/setup');
    expect(svc.events.filter((e) => e.event === 'post')).toHaveLength(postsBefore); // edited, never posted
    for (const chat of ['en', 'ja']) {
      const [own] = rustMessages(chat);
      const live = svc.live(chat);
      expect(live.find((m) => m.messageId === own)?.text, chat).toContain('Install Rust with rustup.');
      // The family's message (posted for Python, or the Japanese translation) never shows Rust.
      expect(live.filter((m) => m.messageId !== own && m.text.includes('Rust')), chat).toEqual([]);
    }
    expect(svc.anomalies).toEqual([]);
  });
});
