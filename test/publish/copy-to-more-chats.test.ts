/**
 * A copy of an announced note into a folder a chat's path filter picks, the original removed later (an
 * IDE's move: issue 25, tester 22 F2). The copy reaches the chats its original has and one more: it is
 * posted only in that one; the chats that have the original are not sent the same text again, and once
 * the original's removal is applied their messages show the copy (src/publish/family-copies.ts).
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { idleAfter } from '../helpers/chat-shown.js';
import { fileParseThreads, InProcessService } from '../helpers/inproc.js';
import { note as text } from '../helpers/service.js';

const running: InProcessService[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});
const parseThreads = fileParseThreads();

const XENO = text('Xeno', 'Xeno is about apples and pears, said in a sentence long enough to sketch.', 'lang: en\npermalink: /x/\n');
const live = (s: InProcessService, chat: string) => s.live(chat).map((m) => `${m.noteId}: ${m.text.split('\n')[0]}`);

describe('a copy into a folder more chats pick, its original removed later', () => {
  const variants = [
    { onDelete: 'keep', mode: 'group' },
    { onDelete: 'delete', mode: 'group' },
    { onDelete: 'keep', mode: 'separate' },
    { onDelete: 'delete', mode: 'separate' },
  ] as const;
  for (const { onDelete, mode } of variants) {
    it(`is posted only where it is new, and takes the original's messages (${onDelete}, ${mode})`, { timeout: 90_000 }, async () => {
      const s = InProcessService.sandbox(
        {
          watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
          publish: { onDelete, translations: { mode, graceMs: 0 }, digest: { windowMs: 300 } },
          routes: [
            { platform: 'console', name: 'all', chat: 'all' },
            { platform: 'console', name: 'en', chat: 'en', filter: { lang: ['en'] } },
            { platform: 'console', name: 'posts', chat: 'posts', filter: { path: '_posts/**' } },
          ],
        },
        { parseThreads },
      );
      running.push(s);
      await s.start();
      const original = path.join(s.notes, 'a/x.md'), copy = path.join(s.notes, '_posts/en/x.md');
      await idleAfter(s, () => {
        mkdirSync(path.dirname(original), { recursive: true });
        writeFileSync(original, XENO);
      });
      await idleAfter(s, () => {
        mkdirSync(path.dirname(copy), { recursive: true });
        copyFileSync(original, copy);
      });
      expect({ all: live(s, 'all'), en: live(s, 'en'), posts: live(s, 'posts') }).toEqual({ all: ['a/x: Xeno'], en: ['a/x: Xeno'], posts: ['_posts/en/x: Xeno'] });
      await idleAfter(s, () => rmSync(original));
      await s.waitFor(() => s.app!.publisher.pendingRemovals === 0, 20_000, 'the removal applied');
      await idleAfter(s, () => writeFileSync(copy, readFileSync(copy, 'utf8').replace('title: "Xeno"', 'title: "Xeno v2"')));
      // One message a chat, each showing the copy as edited; nothing posted again.
      expect({ all: live(s, 'all'), en: live(s, 'en'), posts: live(s, 'posts') }).toEqual({ all: ['_posts/en/x: Xeno v2'], en: ['_posts/en/x: Xeno v2'], posts: ['_posts/en/x: Xeno v2'] });
      expect([s.sent('all', 'post'), s.sent('en', 'post'), s.sent('posts', 'post')].map((p) => p.length)).toEqual([1, 1, 1]);
    });
  }
});
