/**
 * Numbered headings ("Variante 2: Redis", "方案二：Redis", "विकल्प 2: Redis") are the note's outline in
 * every language (issue 23): the point naming its parts is shown whatever `lang` says. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function pointsOf(lang: string, body: string): string[] {
  const { note, tokens } = parseNote(`notes/2026-01-03-caches-${lang}.md`, Buffer.from(`---\ntitle: Caches\nlang: ${lang}\n---\n\n${body}\n`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

const sections = (word: (n: number) => string, sep: string, texts: readonly string[]) =>
  ['Memcached', 'Redis', 'KeyDB'].map((name, i) => `## ${word(i + 1)}${sep}${name}\n\n${texts[i]}`).join('\n\n');

describe('the outline of numbered headings', () => {
  it.each([
    ['de', (n: number) => `Variante ${n}`, ': ', ['Hält alle Schlüssel im Speicher eines Servers, ohne Persistenz.', 'Ein Server mit Listen und Replikation, der den Speicher auf Platte sichert.', 'Ein Ableger mit mehreren Threads, der mehr Speicher pro Server nutzt.']],
    ['en', (n: number) => `Choice ${n}`, ': ', ['A process in memory, with no persistence, quick for sessions.', 'A server with lists, streams and replication for many services.', 'A fork with several threads for large machines with many cores.']],
    ['zh', (n: number) => `方案${'一二三'[n - 1]}`, '：', ['内存中的进程，没有持久化，适合会话。', '带有列表、流和复制的服务器，适合许多服务。', '多线程的分支，适合多核的大型机器。']],
    ['hi', (n: number) => `विकल्प ${n}`, ': ', ['मेमोरी में एक प्रोसेस, बिना स्थायित्व के, सत्रों के लिए तेज़।', 'सूचियों, स्ट्रीम और प्रतिकृति वाला सर्वर, कई सेवाओं के लिए।', 'कई थ्रेड वाला एक फ़ोर्क, कई कोर वाली बड़ी मशीनों के लिए।']],
    // Words that come back (Speicher, Server) make the sentences salient; the outline's names come once.
  ] as const)('is shown with lang: %s', (lang, word, sep, texts) => {
    const points = pointsOf(lang, sections(word, sep, texts));
    expect(points).toContain(['Memcached', 'Redis', 'KeyDB'].map((name, i) => `${word(i + 1)}${sep.trim()}${sep.startsWith('：') ? '' : ' '}${name}`).join(lang === 'zh' ? '、' : ', ')); // Chinese lists with 、
  });
});
