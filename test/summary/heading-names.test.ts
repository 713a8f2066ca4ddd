/**
 * Headings that are names (a walk, a place, an option) whose sections never repeat them: a point
 * from such a section carries the heading's name, or no point says what it describes (issue 23,
 * tester round 14, item 6). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const en = 'Three markets in Lisbon are worth a morning.\n\n## Ribeira\n\nA covered hall of food stalls by the river.\n\n## Campo de Ourique\n\nA neighbourhood market with a small wine bar.\n\n## Arroios\n\nFish and fruit sold by local traders.';
const ja = 'リスボンで朝に行きたい市場を三つ紹介します。\n\n## リベイラ\n\n川沿いにある屋内の屋台街です。\n\n## アロイオス\n\n地元の人が魚と果物を売っています。\n\n## カンポ\n\n小さなワインバーのある市場です。';

describe('a section named by its heading alone', () => {
  it('gives points that carry the name (en, de)', () => {
    const points = pointsOfNote('en', en);
    for (const name of ['Ribeira', 'Campo de Ourique', 'Arroios']) expect(points.some((p) => p.startsWith(`${name}: `))).toBe(true);
    const de = pointsOfNote('de', 'Drei Märkte in Lissabon lohnen einen Morgen.\n\n## Ribeira\n\nEine überdachte Halle mit Essensständen am Fluss.\n\n## Campo de Ourique\n\nEin Markt im Viertel mit einer kleinen Weinbar.\n\n## Arroios\n\nFisch und Obst von Händlern aus dem Viertel.');
    expect(de.some((p) => p.startsWith('Ribeira: '))).toBe(true);
    expect(de.some((p) => p.startsWith('Arroios: '))).toBe(true);
  });

  it('gives points that carry the name in Japanese, with a full-width colon', () => {
    const points = pointsOfNote('ja', ja);
    expect(points.some((p) => p.startsWith('リベイラ：'))).toBe(true);
    expect(points.some((p) => p.startsWith('アロイオス：'))).toBe(true);
  });

  it('leaves a point that says the name, and headings naming kinds of section, as they are', () => {
    const says = pointsOfNote('en', 'Three markets in Lisbon.\n\n## Ribeira\n\nRibeira is a covered hall of food stalls.\n\n## Arroios\n\nArroios sells fish and fruit.\n\n## Campo\n\nCampo has a wine bar.');
    expect(says.some((p) => p.startsWith('Ribeira: '))).toBe(false);
    const kinds = pointsOfNote('en', 'Caching speeds up reads.\n\n## Why This Happens\n\nReads hit memory instead of the disk.\n\n## What to Watch For\n\nStale entries linger after writes.\n\n## How to Measure It\n\nCount the hits against the misses.');
    expect(kinds.some((p) => /^(Why This Happens|What to Watch For): /.test(p))).toBe(false);
  });

  it('is left as it is when the note has only two such sections: they may be kinds of section', () => {
    const zh = pointsOfNote('zh', '## 云服务器\n\n一个月的调用费用约为48.6美元。\n\n## 数据库\n\n读取比写入便宜得多。');
    expect(zh.some((p) => p.startsWith('云服务器：'))).toBe(false);
  });
});
