/**
 * A closing wish to the reader, a short last line with no verb of the note's, is no point, told by its
 * language's form: German nouns joined by prepositions and articles only ("Gute Fahrt mit dem neuen
 * Rad"), Japanese an object left without its verb or a bare request ("快適なサイクリングを", "気をつけてね"),
 * Chinese a line opening on 祝; and the formal "Schreiben Sie mir, …" asks to hear back as "Schreib mir"
 * does. A short line with a verb, or a sentence with its stop, stays (issue 23, tester 19-2 item 3).
 * Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const WISHES: Array<[lang: string, body: string, wish: string]> = [
  ['de', 'Eine Fahrradkette hält etwa 3000 Kilometer. Messen Sie die Längung mit einer Kettenlehre.\n\nTauschen Sie die Kette ab 0,5 Prozent Längung.\n\nGute Fahrt mit dem neuen Rad 🚲', 'Gute Fahrt'],
  ['de', 'Eine Fahrradkette hält etwa 3000 Kilometer. Messen Sie die Längung mit einer Kettenlehre.\n\nTauschen Sie die Kette ab 0,5 Prozent Längung.\n\nSchreiben Sie mir, wie lange Ihre Kette gehalten hat!', 'Schreiben Sie mir'],
  ['ja', '自転車のチェーンは約3000キロで伸びます。チェーンチェッカーで伸びを測ってください。\n\n0.5%伸びたら交換します。\n\n快適なサイクリングを🚲', '快適なサイクリング'],
  ['ja', '自転車のチェーンは約3000キロで伸びます。チェーンチェッカーで伸びを測ってください。\n\n0.5%伸びたら交換します。\n\n気をつけてね', '気をつけて'],
  ['zh', '自行车链条大约骑行3000公里后会伸长。用链条尺测量伸长量。\n\n伸长超过0.5%就更换。\n\n祝骑行顺利愉快🚲', '祝骑行'],
];

describe('a closing wish to the reader', () => {
  for (const [lang, body, wish] of WISHES) {
    it(`is no point (${lang}: ${wish})`, () => {
      const points = pointsOfNote(lang, body);
      expect(points.some((p) => p.includes(wish)), wish).toBe(false);
      expect(points.length).toBeGreaterThan(1);
    });
  }

  it('keeps a short closing line with a verb, and a closing sentence with its stop', () => {
    const body = 'Eine Fahrradkette hält etwa 3000 Kilometer. Messen Sie die Längung mit einer Kettenlehre.\n\nTauschen Sie die Kette ab 0,5 Prozent Längung.\n\n';
    expect(pointsOfNote('de', `${body}Eine Kette mit Wachs hält länger`)).toContain('Eine Kette mit Wachs hält länger');
    expect(pointsOfNote('de', `${body}Gewachste Ketten halten länger.`)).toContain('Gewachste Ketten halten länger.');
    const ja = '自転車のチェーンは約3000キロで伸びます。チェーンチェッカーで伸びを測ってください。\n\n0.5%伸びたら交換します。\n\n';
    expect(pointsOfNote('ja', `${ja}チェーンを毎月掃除してください。`)).toContain('チェーンを毎月掃除してください。');
  });
});
