/**
 * A step's time comes from its lead, not from the explanation after it (issue 23, tester 22-3 F7):
 * "Drink water first. The body loses 1-2 litres over 8 hours…" explains why; it does not say the
 * step takes 8 hours. A label's body after its colon is the step's instructions and still gives
 * its time. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const list = (lead: string, items: readonly string[]) => [lead, '', ...items.map((item, i) => `${i + 1}. ${item}`), ''].join('\n');

describe('a step named by a sentence of its own', () => {
  it('takes no time from the explanation that follows (en)', () => {
    const body = list('My mornings got easier with three changes:', [
      'Drink water before coffee. Overnight the body goes without water for 7-8 hours, so it wakes up dry. I keep a glass by the bed.',
      'Walk outside. Daylight resets the inner clock within 3 days, even on cloudy mornings. I take the long way to the bakery.',
      'Plan the day on paper. A list written down is kept for 2 weeks longer than one in the head. I use a small notebook.',
    ]);
    const compact = pointsOfNote('en', body).find((p) => p.startsWith('My mornings'));
    expect(compact).toBe('My mornings got easier with three changes: Drink water before coffee, Walk outside, Plan the day on paper');
  });

  it('takes no time from the explanation that follows (ja)', () => {
    const body = list('この三つの変化で朝が楽になりました：', [
      'コーヒーの前に水を飲む。夜の間、体は7〜8時間水分をとらないので、起きたときには乾いています。ベッドの横にコップを置いています。',
      '外を歩く。日光は3日以内に体内時計を整えます。曇りの朝でも同じで、少し歩くだけで目が覚めます。パン屋まで遠回りして、川沿いの道を通っています。',
      '紙に一日の予定を書く。書いたリストは頭の中のものより2週間長く続きます。小さなノートを使っています。',
    ]);
    const compact = pointsOfNote('ja', body).find((p) => p.startsWith('この三つの変化'));
    expect(compact).toBe('この三つの変化で朝が楽になりました：コーヒーの前に水を飲む、外を歩く、紙に一日の予定を書く');
  });

  it('still times a labelled step from its instructions after the colon (de, must not change)', () => {
    const body = list('### Ein Brot backen', [
      '**Teig mischen**: Mehl, Wasser, Hefe und Salz in einer großen Schüssel verrühren.',
      '**Kneten**: Den Teig auf einem bemehlten Brett gut durcharbeiten. Danach 8-10 Minuten weiterkneten, bis er glatt ist.',
      '**Gehen lassen**: Die Schüssel abdecken. An einem warmen Ort 1-2 Stunden stehen lassen.',
    ]);
    expect(pointsOfNote('de', body).join('\n')).toContain('Kneten (8-10 Minuten), Gehen lassen (1-2 Stunden)');
  });

  it('keeps the time the step sentence itself says (en, must not change)', () => {
    const body = list('### Boiling an egg', [
      'Bring the water to a boil.',
      'Cook the egg for 6-7 minutes. A softer yolk needs less.',
      'Cool it in cold water for 2 minutes. Then peel it.',
    ]);
    expect(pointsOfNote('en', body)[0]).toBe('Boiling an egg: Bring the water to a boil, Cook the egg for 6-7 minutes, Cool it in cold water for 2 minutes');
  });
});
