/**
 * A question the writer asks indirectly ("I wanted to know why…", "Ich wollte wissen, warum…",
 * "我想知道为什么…"), answered by the next sentence of its paragraph, goes with its answer as a question
 * with "?" does, not left out as the writer's talk with the answer shown alone ("The answer is…");
 * "You'll learn how…" asks nothing (issue 23, tester 19-2 item 6). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const ASKED: Array<[lang: string, body: string, pair: string]> = [
  [
    'en',
    'I wanted to know why my bike chain skips under load. The cause is a worn cassette: its teeth no longer hold the chain.\n\nReplace the chain and the cassette together. Shift under light pedalling.',
    'I wanted to know why my bike chain skips under load. The cause is a worn cassette: its teeth no longer hold the chain.',
  ],
  [
    'de',
    'Ich wollte wissen, warum meine Fahrradkette unter Last springt. Die Ursache ist eine abgenutzte Kassette: ihre Zähne halten die Kette nicht mehr.\n\nTauschen Sie Kette und Kassette zusammen. Schalten Sie bei leichtem Tritt.',
    'Ich wollte wissen, warum meine Fahrradkette unter Last springt. Die Ursache ist eine abgenutzte Kassette: ihre Zähne halten die Kette nicht mehr.',
  ],
  [
    'zh',
    '我想知道为什么我的自行车链条在用力时会跳齿。原因是飞轮磨损了：齿已经咬不住链条。\n\n把链条和飞轮一起更换。轻踩时再换挡。',
    '我想知道为什么我的自行车链条在用力时会跳齿。原因是飞轮磨损了：齿已经咬不住链条。',
  ],
];

describe('a question asked indirectly and answered', () => {
  for (const [lang, body, pair] of ASKED) {
    it(`goes with its answer (${lang})`, () => {
      expect(pointsOfNote(lang, body)[0]).toBe(pair);
    });
  }

  it('is not the reader told what they will learn', () => {
    const points = pointsOfNote('en', 'You will learn how a chain wears. A chain stretches about half a percent every 3000 km.\n\nMeasure it monthly with a chain checker.');
    expect(points.some((p) => p.startsWith('You will learn how a chain wears. A chain'))).toBe(false);
  });
});
