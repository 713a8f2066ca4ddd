/**
 * The writer's empathy opening a reply, its verb of understanding after two adverbs ("そのご不安、本当に
 * よくわかります。"): talk at the answer's edge as with one adverb, no point (README: "その気持ち、よく
 * わかります"; issue 23, tester 22-3 F2). A sentence of the note's own verb after the same adverbs stays.
 * Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

describe('empathy opening a reply, with two adverbs before its verb', () => {
  it('is no point (ja; fr as before)', () => {
    const ja = pointsOfNote('ja', 'そのご不安、本当によくわかります。\n\n苗が徒長するのはほとんどの場合日照不足です。鉢を南向きの窓辺に移してください。');
    expect(ja[0]).toBe('苗が徒長するのはほとんどの場合日照不足です。');
    expect(ja.some((p) => p.includes('わかります'))).toBe(false);
    const fr = pointsOfNote('fr', 'Je comprends très bien cette inquiétude.\n\nDes semis qui filent manquent presque toujours de lumière. Placez le pot près d’une fenêtre au sud.');
    expect(fr[0]).toBe('Des semis qui filent manquent presque toujours de lumière.');
  });

  it('keeps a sentence whose verb after the adverbs is the note’s own (ja)', () => {
    const own = 'この肥料、本当によく効きます。';
    expect(pointsOfNote('ja', `${own}\n\n苗が徒長するのはほとんどの場合日照不足です。鉢を南向きの窓辺に移してください。`)[0]).toBe(own);
  });
});
