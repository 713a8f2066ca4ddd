/**
 * The in-process harness of the repost tests (test/publish/reposts*.test.ts): console chats `en` (English only), `ja`
 * (Japanese only), `all` (no language asked: the family's original), a config under `onDelete: delete`, and a family of
 * two members posted.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { InProcessService } from './inproc.js';

const CHATS = [
  { platform: 'console', chat: 'en', filter: { lang: ['en'] } },
  { platform: 'console', chat: 'ja', filter: { lang: ['ja'] } },
  { platform: 'console', chat: 'all' },
];

export function repostConfig(onChange: 'edit' | 'repost', mode: 'group' | 'separate' = 'group', threshold = 1000): unknown {
  return {
    watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
    publish: { onChange, onDelete: 'delete', translations: { mode, graceMs: 0 }, digest: { threshold, windowMs: 200 } },
    delivery: { baseDelayMs: 50, maxDelayMs: 300, maxAttempts: 1000, callTimeoutMs: 1000 },
    routes: CHATS,
  };
}

/** A note's text: its title, and a body of its own. */
export const noteText = (title: string, body: string, extra = '') => `---\ntitle: "${title}"\n${extra}---\n\n${body}\n`;

/** What a chat shows: each live message's first line, in the order posted. */
export const showing = (s: InProcessService, chat: string) => s.live(chat).map((m) => m.text.split('\n')[0]);

export async function write(s: InProcessService, files: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(s.notes, file)), { recursive: true });
    writeFileSync(path.join(s.notes, file), text);
  }
  await s.settle(Object.keys(files));
}

export async function remove(s: InProcessService, file: string): Promise<void> {
  rmSync(path.join(s.notes, file));
  await s.settle([file]);
}

export const EN = 'posts/en/guide.md', JA = 'posts/ja/guide.md';

export async function family(onChange: 'edit' | 'repost'): Promise<InProcessService> {
  const s = InProcessService.sandbox(repostConfig(onChange));
  await s.start();
  await write(s, { [EN]: noteText('Guide', 'The English guide tells you how to start.'), [JA]: noteText('ガイド', '日本語のガイドは始め方を説明します。') });
  expect([showing(s, 'en'), showing(s, 'ja'), showing(s, 'all')]).toEqual([['Guide'], ['ガイド'], ['Guide']]);
  return s;
}
