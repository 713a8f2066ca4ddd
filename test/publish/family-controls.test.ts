/**
 * Whose `notecast:` controls a translation family follows (#29 F12, N11): each chat is shown the
 * member its language choice picks (filter `lang`, the route's `locale`, else the original), its
 * filter deciding only whether the family goes there; the shown member's controls then apply.
 * Through the real service (console adapter) in this process.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, sandbox, type ServiceEvent } from '../helpers/service.js';

afterEach(killLeftoverServices);

const route = (name: string, extra = '') => `  - { platform: console, name: ${name}, chat: ${name.toUpperCase()}${extra} }\n`;
const config =
  'watch:\n  quietMs: 200\npublish:\n  translations: { mode: group, graceMs: 0 }\nroutes:\n' +
  route('a', ', locale: zh') +
  route('b') +
  route('s', ', locale: zh, filter: { words: "stream" }') +
  route('t', ', locale: zh, filter: { tags: [k] }');

const shownIn = (events: ServiceEvent[], family: string) =>
  Object.fromEntries(events.filter((e) => e.event === 'post' && e.family === family).map((e) => [e.target!.slice('console:'.length), e.noteId]));

/** The service on `config`, settled: where its next event goes, and a way to save a note. */
async function started() {
  const sb = sandbox(config);
  const svc = InProcessCli.start(sb);
  await svc.ready();
  const from = await svc.settled();
  return { svc, from, write: (file: string, text: string) => writeFileSync(path.join(sb.notes, file), text) };
}

describe('translation families: the member a chat is shown, and whose controls apply', () => {
  it('a route’s locale picks the member, a filter only decides whether; the shown member’s routes decide the chat', async () => {
    const { svc, from, write } = await started();
    // English (the original) only to route a, Chinese anywhere.
    write('hello-en.md', '---\ntitle: Hello\nlang: en\nnotecast:\n  silent: true\n  routes: [a]\n---\nHello world text.\n');
    write('hello-zh.md', '---\ntitle: 你好\nlang: zh\ntranslated: true\nnotecast:\n  pin: true\n---\n你好世界的文字。\n');
    // Only the English member has the words and the tag the filters of s and t ask for.
    write('x-en.md', '---\ntitle: Stream one\nlang: en\ntags: [k]\n---\nA stream of kafka events.\n');
    write('x-zh.md', '---\ntitle: 流处理一\nlang: zh\ntranslated: true\n---\n关于卡夫卡事件的流处理。\n');
    await svc.idle(from, 30_000);
    const ev = svc.events.slice(from);
    // b has no locale: it is shown the original, English, whose routes leave b out, so b gets nothing
    // (before: the Chinese member, whose controls let it through).
    expect(shownIn(ev, 'hello')).toEqual({ A: 'hello-zh' });
    // s and t pass the family by the English member's words and tag, and are shown Chinese, their locale
    // (before: English, the only member passing the filter).
    expect(shownIn(ev, 'x')).toEqual({ A: 'x-zh', B: 'x-en', S: 'x-zh', T: 'x-zh' });
    await svc.stop();
  });

  it('announce: false on the original leaves it out, and the family is announced by its translation, also where no locale asks for it', async () => {
    const { svc, from, write } = await started();
    write('off-en.md', '---\ntitle: Hello\nlang: en\nnotecast:\n  announce: false\n---\nHello world text.\n');
    write('off-zh.md', '---\ntitle: 你好\nlang: zh\ntranslated: true\n---\n你好世界的文字。\n');
    await svc.idle(from, 30_000);
    // a (locale zh) and b (no locale) are shown the Chinese member; s and t's filters leave the family out.
    expect(shownIn(svc.events.slice(from), 'off')).toEqual({ A: 'off-zh', B: 'off-zh' });
    await svc.stop();
  });
});
