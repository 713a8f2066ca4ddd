/**
 * The writer's empathy at an answer's opening is no point, and a sentence opening on a bare
 * demonstrative after it says nothing alone, in French ("C'est…": "ce" elided) and Japanese too, where
 * the empathy has no pronoun: a topic set off by a comma before the speaker's own verb of
 * understanding ("その不安、よくわかります。") (README; tester 21-2 F8). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const AFTER_EMPATHY: Array<[lang: string, body: string, dropped: string[], first: string]> = [
  ['fr', 'Je comprends très bien ton inquiétude. C’est ce que vit presque chaque nouveau cycliste.\n\nUne chaîne s’allonge d’environ un demi-millimètre par maillon en un an. Remplace-la avant qu’elle n’use la cassette.', ['presque chaque nouveau cycliste'], 'Une chaîne s’allonge d’environ un demi-millimètre par maillon en un an.'],
  ['ja', 'その不安、よくわかります。これは自転車を始めたばかりの人なら誰でも通る道です。\n\nチェーンは一年で一コマあたり約0.5ミリ伸びます。カセットが削れる前に交換しましょう。', ['不安', '誰でも通る道'], 'チェーンは一年で一コマあたり約0.5ミリ伸びます。'],
];

describe('a demonstrative after the writer’s empathy', () => {
  for (const [lang, body, dropped, first] of AFTER_EMPATHY) {
    it(`neither is a point (${lang})`, () => {
      const points = pointsOfNote(lang, body);
      expect(points[0]).toBe(first);
      for (const words of dropped) expect(points.some((p) => p.includes(words))).toBe(false);
    });
  }

  it('keeps a Japanese opening whose verb of understanding has its own subject', () => {
    const points = pointsOfNote('ja', 'チェーンの伸びは、専用のゲージを当てるとすぐにわかります。これは自転車を始めたばかりの人でも簡単にできます。\n\nチェーンは一年で一コマあたり約0.5ミリ伸びます。カセットが削れる前に交換しましょう。');
    expect(points[0]).toBe('チェーンの伸びは、専用のゲージを当てるとすぐにわかります。');
  });

  it('keeps a French “C’est” holding the place of the clause after it', () => {
    const points = pointsOfNote('fr', 'Je comprends très bien ton inquiétude. C’est utile de mesurer la chaîne chaque mois avec une jauge.\n\nUne chaîne s’allonge d’environ un demi-millimètre par maillon en un an. Remplace-la avant qu’elle n’use la cassette.');
    expect(points).toContain('C’est utile de mesurer la chaîne chaque mois avec une jauge.');
  });

  it('keeps a French opening whose demonstrative comes with its noun', () => {
    const points = pointsOfNote('fr', 'Je comprends très bien ton inquiétude. Cette usure de la chaîne touche presque chaque nouveau cycliste.\n\nUne chaîne s’allonge d’environ un demi-millimètre par maillon en un an. Remplace-la avant qu’elle n’use la cassette.');
    expect(points.some((p) => p.startsWith('Cette usure de la chaîne'))).toBe(true);
  });
});
