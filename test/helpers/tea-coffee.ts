/**
 * The Tea and Coffee sandbox the family-move tests share (family-join-by-move, family-kept-message, family-kept-aside,
 * family-kept-in-flight): chats `en` and `ja` filtered to their language and `all`, translations grouped, the shortest
 * quiet period and digest window; Coffee moves from posts/en/coffee.md into Tea's family as posts/ja/tea.md.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { InProcessService, type fileParseThreads } from './inproc.js';

export const note = (title: string, date: string, body: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n\n${body}\n`;
export const TEA = note('Tea', '2025-01-01', 'About tea and brewing it well.\n\n- water');
export const COFFEE = note('Coffee', '2025-01-02', 'About coffee and grinding.\n\n- beans');

export function teaCoffeeSandbox(
  onDelete: 'keep' | 'delete',
  parseThreads: ReturnType<typeof fileParseThreads>,
  delivery: Record<string, number> = {},
): InProcessService {
  return InProcessService.sandbox(
    {
      watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
      publish: { onDelete, translations: { mode: 'group', graceMs: 0 }, digest: { threshold: 1000, windowMs: 120 } },
      delivery,
      routes: [
        { platform: 'console', chat: 'en', filter: { lang: ['en'] } },
        { platform: 'console', chat: 'ja', filter: { lang: ['ja'] } },
        { platform: 'console', chat: 'all' },
      ],
    },
    { parseThreads },
  );
}

/** The first line (title) of each live message of a chat, sorted. */
export const titles = (s: InProcessService, chat: string) =>
  s.live(chat).map((m) => m.text.split('\n')[0]!.replace(/<[^>]+>|\*/g, '').trim()).sort();

/**
 * Tea and Coffee posted in en/all, then Coffee moved into Tea's family (posts/ja/tea.md): the kept state. `beginStep`:
 * the next settle waits for a batch after this point (for steps that follow at once).
 */
export async function joinedTeaCoffee(s: InProcessService, opts: { beginStep?: boolean } = {}): Promise<(rel: string) => string> {
  await s.start();
  const at = (rel: string) => path.join(s.notes, rel);
  mkdirSync(at('posts/en'), { recursive: true });
  mkdirSync(at('posts/ja'), { recursive: true });
  writeFileSync(at('posts/en/tea.md'), TEA);
  writeFileSync(at('posts/en/coffee.md'), COFFEE);
  await s.settle(['posts/en/tea.md', 'posts/en/coffee.md']);
  renameSync(at('posts/en/coffee.md'), at('posts/ja/tea.md'));
  await s.settle(['posts/en/coffee.md', 'posts/ja/tea.md']);
  for (const chat of ['en', 'all']) expect(titles(s, chat), chat).toEqual(['Coffee', 'Tea']);
  if (opts.beginStep) s.beginStep();
  return at;
}
