/**
 * Records whose first field is a short key the outline shows beside each name (issue 23, F11): the
 * field's full stop is not carried into the outline ("Elm +31., Oak +32."), and the record's other
 * fields make one point with their labels, never a value alone ("Elm: closed on Sundays." — what
 * is?). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

/** The note's points; English unless told. */
const pointsOf = (body: string, lang = 'en'): string[] => pointsOfNote(lang, body);

type Record3 = [string, string, string, string];

function records(intro: string, labels: [string, string, string], rows: readonly Record3[], stop: string): string {
  const [a, b, c] = labels;
  return `${intro}\n\n${rows.map(([name, x, y, z]) => `## ${name}\n\n**${a}:** ${x}${stop}\n**${b}:** ${y}${stop}\n**${c}:** ${z}${stop}\n`).join('\n')}`;
}

const PONDS: Record3[] = [
  ['Mill Pond', '3 metres', 'swimming allowed in summer', 'free parking by the gate'],
  ['Reed Lake', '9 metres', 'boats for hire at the pier', 'a kiosk open at weekends'],
  ['Stone Quarry', '20 metres', 'diving only with a guide', 'no shade on the shore'],
];

const ONSEN: Record3[] = [
  ['草津', '酸性泉', '湯畑の周りを歩ける', 'バスで四時間'],
  ['箱根', '塩化物泉', '美術館が多い', '電車で九十分'],
  ['別府', '硫黄泉', '地獄めぐりが名物', '飛行機と電車で三時間'],
];

const GARES: Record3[] = [
  ['Lyon', '2 heures', 'départ toutes les heures', 'billet dès 25 euros'],
  ['Lille', '1 heure', 'départ toutes les demi-heures', 'billet dès 19 euros'],
  ['Nantes', '2 heures 10', 'trois départs le matin', 'billet dès 29 euros'],
];

describe('records keyed by a short first field (F11)', () => {
  it('the outline shows each key without its full stop, and each record says its other fields with their labels', () => {
    const got = pointsOf(records('Where to swim near town this summer.', ['Depth', 'Rules', 'Extras'], PONDS, '.'));
    expect(got).toContain('Mill Pond 3 metres, Reed Lake 9 metres, Stone Quarry 20 metres');
    for (const [name, , rules, extras] of PONDS) expect(got).toContain(`${name} — Rules: ${rules}; Extras: ${extras}.`);
    expect(got.some((p) => /\.,|^[^—]+: /u.test(p) && !p.includes('—') && PONDS.some(([name]) => p.startsWith(`${name}:`)))).toBe(false);
  });

  it('in Japanese: no 。 inside the outline, labels kept, a full-width colon without a space after it', () => {
    const got = pointsOf(records('週末に行ける温泉を三つ選んだ。', ['泉質', '見どころ', '行き方'], ONSEN, '。').replaceAll(':**', '：**'), 'ja');
    expect(got.some((p) => p.includes('。、') || p.includes('。；'))).toBe(false);
    for (const [name, , sight, way] of ONSEN) expect(got).toContain(`${name} — 見どころ：${sight}；行き方：${way}。`);
  });

  it('in French the fields are set apart as French sets a semicolon', () => {
    const got = pointsOf(records('Trois villes à une ou deux heures de Paris.', ['Trajet', 'Fréquence', 'Prix'], GARES, '.').replaceAll(':**', ' :**'), 'fr');
    for (const [name, , freq, price] of GARES) expect(got).toContain(`${name} — Fréquence : ${freq} ; Prix : ${price}.`);
  });
});
