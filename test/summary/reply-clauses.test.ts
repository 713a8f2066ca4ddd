/**
 * What a chat answer wraps its substance in, never a key point nor its start: a leading clause of
 * agreement, praise or feeling addressed to the reader (issue 23). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { addressesReader } from '../../src/summary/tone.js';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

describe('a leading clause that agrees with, praises or speaks to the reader', () => {
  const cases: Array<[string, string, string]> = [
    ['en', 'You have a sharp eye, the index is rebuilt every night at two.', 'The index is rebuilt every night at two.'],
    ['en', 'Truly, this is a question I enjoy — the index is rebuilt every night at two.', 'The index is rebuilt every night at two.'],
    ['en', 'Nice observation, the index is rebuilt every night at two.', 'The index is rebuilt every night at two.'],
    ['es', 'Estás en lo cierto, el índice se reconstruye cada noche a las dos.', 'El índice se reconstruye cada noche a las dos.'],
    ['fr', 'Vous voyez juste, l’index est reconstruit chaque nuit à deux heures.', 'L’index est reconstruit chaque nuit à deux heures.'],
    ['de', 'Sie liegen genau richtig, der Index wird jede Nacht um zwei neu aufgebaut.', 'Der Index wird jede Nacht um zwei neu aufgebaut.'],
    ['ja', 'ご指摘のとおりです、インデックスは毎晩二時に再構築されます。', 'インデックスは毎晩二時に再構築されます。'],
    ['ar', 'أنت على حق، يعاد بناء الفهرس كل ليلة في الساعة الثانية.', 'يعاد بناء الفهرس كل ليلة في الساعة الثانية.'],
    ['hi', 'आप एकदम ठीक कह रहे हैं, इंडेक्स हर रात दो बजे फिर से बनाया जाता है।', 'इंडेक्स हर रात दो बजे फिर से बनाया जाता है।'],
    ['zh', '您观察得很仔细，索引每天夜里两点重建一次。', '索引每天夜里两点重建一次。'],
    ['zh-Hant', '您觀察得很仔細，索引每天夜裡兩點重建一次。', '索引每天夜裡兩點重建一次。'],
  ];
  for (const [lang, said, substance] of cases) {
    it(`goes, and the substance after it stays (${lang}: ${said.slice(0, 24)}…)`, () => {
      const points = pointsOf(lang, `${said}\n\nThe job takes about ten minutes on a small server.`);
      expect(points[0]).toBe(substance);
    });
  }

  it('stays when it does the note\'s work: a condition, or what the reader can do', () => {
    expect(pointsOf('en', 'If you run it in Docker, the index is rebuilt every night at two.')[0]).toBe('If you run it in Docker, the index is rebuilt every night at two.');
    expect(pointsOf('en', 'You can rebuild it by hand, the job takes about ten minutes.')[0]).toBe('You can rebuild it by hand, the job takes about ten minutes.');
    expect(pointsOf('de', 'Starten Sie den Dienst neu, um den Index sofort aufzubauen.')[0]).toBe('Starten Sie den Dienst neu, um den Index sofort aufzubauen.');
    expect(pointsOf('zh', '如果你用 Docker，索引每天夜里两点重建一次。')[0]).toBe('如果你用 Docker，索引每天夜里两点重建一次。');
  });

  // Issue 23 (F03): the comma after a list's first name is no clause's end.
  it('never takes the first name of a list with it', () => {
    const cases: Array<[string, string, string]> = [
      ['en', 'I would pack a tent, a stove and a lamp.', 'a tent'],
      ['es', 'Te recomiendo Nginx, Caddy y Traefik.', 'Nginx'],
      ['zh', '我推荐你用 Nginx、Caddy 或 Traefik。', 'Nginx'],
    ];
    for (const [lang, said, first] of cases) {
      const points = pointsOf(lang, `${said}\n\nThe job takes about ten minutes on a small server.`);
      expect(points.filter((p) => !p.includes(first) && /Caddy|stove/u.test(p))).toEqual([]);
    }
  });

  // Issue 23 (F20): what is left must be a sentence (a verb of its own), not the clause's complement.
  it('stays whole when the rest after it has no verb of its own', () => {
    const cases: Array<[string, string]> = [
      ['fr', 'Vous configurez tout vous-même, du noyau aux sauvegardes.'],
      ['es', 'Tú eliges todo, desde el puerto hasta el nombre del servicio.'],
      ['es', 'Usted fija el tamaño del bloque, de uno a treinta y dos.'],
      ['de', 'Sie wählen alles selbst, vom Kernel bis zu den Sicherungen.'],
      ['en', 'You pick the region yourself, from Frankfurt to Tokyo.'],
      ['zh', '你自己管理一切，从防火墙到系统更新。'],
      ['ja', 'あなたが全部管理します、ファイアウォールから更新まで。'],
    ];
    for (const [lang, said] of cases) {
      const points = pointsOf(lang, `${said}\n\nThe job takes about ten minutes on a small server.`);
      expect(points[0], lang).toBe(said);
    }
  });

  // Kept whole, such a sentence still talks to the reader, and weighs as one that does.
  it('counts a sentence kept whole for its reader clause as talking to the reader', () => {
    expect(addressesReader('This short recipe gives you a bright, fizzy ginger soda.', 'en')).toBe(true);
    expect(addressesReader('This short recipe makes a bright, fizzy ginger soda.', 'en')).toBe(false);
  });
});
