/**
 * Issue 25, tester-1 q2 (HIGH): `translations: group`, the platform down; `x-en.md` and `x-ja.md`
 * (family `x`) saved, their family posts queued; stopped. While stopped: `mv x-ja.md y-ja.md`, an
 * edit of `x-en.md`, the mode switched to `separate`; started with the platform back. Each chat got
 * one message for `x-en` linking "日本語: …/x-ja/" (a page that is gone), and the Japanese note was
 * posted to no chat. In this process: the console platform refuses every send (PlatformFaults).
 */
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

const running: InProcessService[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

const page = (title: string, lang: string, body: string) => `---\ntitle: ${title}\nlang: ${lang}\n---\n\n${body}\n`;
const EN = page('Hello world', 'en', 'An English note about greetings and how people say hello around the world.');
const EN_2 = page('Hello world v2', 'en', 'An English note about greetings and how people say hello around the world. Edited.');
const JA = page('Japanese hello', 'ja', 'A Japanese translation about greetings and how people say hello in Japan.');

describe('group, family posts queued, stopped; a member moved to another family, mode switched to separate', () => {
  it('each note is posted once in every chat on its own, with no link to the moved member\'s old page', { timeout: 60_000 }, async () => {
    const svc = InProcessService.sandbox({
      watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
      publish: { onDelete: 'keep', translations: { mode: 'group', graceMs: 0 }, digest: { threshold: 1000, windowMs: 0 } },
      delivery: { baseDelayMs: 50, maxDelayMs: 200, maxAttempts: 1000, callTimeoutMs: 1000 },
      routes: [{ platform: 'console', chat: 'a' }, { platform: 'console', chat: 'b' }],
    }, { parseThreads });
    running.push(svc);
    const faults = svc.withFaults();
    await svc.start();
    faults.down = true;
    const file = (f: string) => path.join(svc.notes, f);
    writeFileSync(file('x-en.md'), EN);
    writeFileSync(file('x-ja.md'), JA);
    await svc.batched(['x-en.md', 'x-ja.md']);
    await svc.waitFor(() => faults.hits > 0, 20_000, 'the posts meeting the outage');
    await svc.stop();

    renameSync(file('x-ja.md'), file('y-ja.md'));
    writeFileSync(file('x-en.md'), EN_2);
    svc.config.publish.translations.mode = 'separate';
    faults.down = false;
    const idles = svc.idleCount;
    await svc.start();
    await svc.waitFor(() => svc.idleCount > idles && svc.openDeliveries() === 0, 20_000, 'idle with nothing left to send');

    for (const chat of ['a', 'b']) {
      const live = svc.live(chat).map((m) => m.text);
      expect(live).toHaveLength(2); // one message per note
      expect(live.filter((t) => t.includes('Hello world v2'))).toHaveLength(1);
      expect(live.filter((t) => t.includes('Japanese hello'))).toHaveLength(1);
      for (const t of live) expect(t).not.toContain('/x-ja'); // a page that is gone
    }
    expect(svc.anomalies).toEqual([]);

    // Back to group: the Japanese note's own message becomes its family's; nothing is posted again.
    await svc.stop();
    svc.config.publish.translations.mode = 'group';
    const posts = svc.events.filter((e) => e.event === 'post').length;
    await svc.start();
    await svc.waitFor(() => svc.openDeliveries() === 0, 20_000, 'nothing left to send');
    expect(svc.events.filter((e) => e.event === 'post')).toHaveLength(posts);
    for (const chat of ['a', 'b']) {
      expect(svc.live(chat)).toHaveLength(2);
      for (const m of svc.live(chat)) expect(m.text).not.toContain('/x-ja');
    }
    expect(svc.anomalies).toEqual([]);
  });
});
