/**
 * A sentence opening on a bare demonstrative after a cheer that gives no point ("Nice one! This is
 * X at work: <clause>") is kept when its colon is followed by a clause that says the note's answer;
 * one that says nothing of the topic ("This is a thing many people hit.") is still dropped (issue 23,
 * F7). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(body: string, lang: string): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-gc-${lang}.md`, Buffer.from(`---\ntitle: Garbage collection pauses\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

const notes: Array<{ lang: string; states: string; idle: string; tips: string; kept: RegExp }> = [
  {
    lang: 'en',
    states: 'Nice one! This is the generational collector doing its job: young objects die fast, so a minor collection pauses the program for only a few milliseconds.',
    idle: 'Nice one! This is a thing many people hit.',
    tips: 'Raise the young generation size when short pauses pile up. Log every collection with its pause time before tuning anything.',
    kept: /^This is the generational collector/,
  },
  {
    lang: 'de',
    states: 'Schön gefragt! Das ist der Generationen-Kollektor bei der Arbeit: Junge Objekte sterben schnell, deshalb hält eine kleine Sammlung das Programm nur wenige Millisekunden an.',
    idle: 'Schön gefragt! Das ist etwas, das viele erleben.',
    tips: 'Vergrößern Sie die junge Generation, wenn sich kurze Pausen häufen. Protokollieren Sie jede Sammlung mit ihrer Pausenzeit, bevor Sie etwas einstellen.',
    kept: /^Das ist der Generationen-Kollektor/,
  },
  {
    lang: 'zh',
    states: '问得妙！这是分代收集器在工作：新对象很快死亡，所以一次小回收只让程序暂停几毫秒。',
    idle: '问得妙！这是很多人都会遇到的。',
    tips: '短暂停顿频繁时，调大新生代。调整任何参数之前，先记录每次回收及其停顿时间。',
    kept: /^这是分代收集器/,
  },
];

describe('a demonstrative sentence that says the answer after its colon', () => {
  for (const n of notes) {
    it(`${n.lang}: is kept after a cheer that gives no point`, () => {
      const shown = points(`${n.states}\n\n${n.tips}\n`, n.lang);
      expect(shown.some((p) => n.kept.test(p))).toBe(true);
    });
    it(`${n.lang}: one that says nothing of the topic is still no point`, () => {
      const shown = points(`${n.idle}\n\n${n.tips}\n`, n.lang);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.every((p) => !/^(?:This is|Das ist|这是)/.test(p))).toBe(true);
    });
  }
});
