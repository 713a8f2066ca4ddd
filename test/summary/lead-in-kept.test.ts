/**
 * A lead-in that presents a list keeps what it names once its presenting words go, in every
 * language ("Here is a comparison:" → "A comparison: A, B, C"), and its trimming leaves no stray
 * punctuation before the words ("以下は、…" → "…", never "、…"). An outside tester's round (issue 23,
 * F07, F08). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

const items = '- Valkey\n- Dragonfly\n- KeyDB';
const after = 'Each of them speaks the Redis protocol and runs on a single machine without trouble.';

describe('a one-word lead-in after its presenting words', () => {
  const cases: Array<[string, string, string]> = [
    ['ar', 'إليك مقارنة:', 'مقارنة: Valkey، Dragonfly، KeyDB'],
    ['zh', '以下是对比：', '对比：Valkey、Dragonfly、KeyDB'],
    ['hi', 'यहाँ एक तुलना है:', 'एक तुलना: Valkey, Dragonfly, KeyDB'],
    ['ja', '以下に比較を示します：', '比較：Valkey、Dragonfly、KeyDB'],
  ];
  for (const [lang, leadIn, point] of cases) {
    it(`keeps what it names before the items (${lang}: ${leadIn})`, () => {
      expect(pointsOf(lang, `${leadIn}\n\n${items}\n\n${after}`)).toContain(point);
    });
  }
});

describe('trimming the presenting words', () => {
  it('leaves no leading comma: Japanese 、', () => {
    const points = pointsOf('ja', `以下は、キャッシュに使えるサーバーです：\n\n${items}\n\n${after}`);
    expect(points).toContain('キャッシュに使えるサーバーです：Valkey、Dragonfly、KeyDB');
  });

  it('leaves no leading comma: Chinese ，', () => {
    const points = pointsOf('zh', `以下是，可以用作缓存的服务器：\n\n${items}\n\n${after}`);
    expect(points).toContain('可以用作缓存的服务器：Valkey、Dragonfly、KeyDB');
  });

  it('leaves no point starting with punctuation, in any script', () => {
    for (const [lang, leadIn] of [['ja', '以下は、キャッシュ用のサーバー：'], ['zh', '以下是，缓存服务器：'], ['ar', 'إليك، خوادم التخزين المؤقت:'], ['en', 'Here are, in short, the caching servers:']]) {
      for (const p of pointsOf(lang!, `${leadIn}\n\n${items}\n\n${after}`)) expect(p, `${lang}: ${p}`).not.toMatch(/^[\p{Po}\p{Pd}\s]/u);
    }
  });
});

describe('an English lead-in naming what the writer recommends', () => {
  it('keeps its noun phrase before the items', () => {
    expect(pointsOf('en', `The servers I recommend:\n\n${items}\n\n${after}`)).toContain('The servers I recommend: Valkey, Dragonfly, KeyDB');
    expect(pointsOf('en', `Here is an overview of the servers I recommend:\n\n${items}\n\n${after}`)).toContain('An overview of the servers I recommend: Valkey, Dragonfly, KeyDB');
  });
});

describe('a lead-in saying its subject is "as follows"', () => {
  it('keeps its subject before the items', () => {
    expect(pointsOf('ja', `検証したサーバーは次のとおりです：\n\n${items}\n\n${after}`)).toContain('検証したサーバー：Valkey、Dragonfly、KeyDB');
    expect(pointsOf('en', `The servers we tested are as follows:\n\n${items}\n\n${after}`)).toContain('The servers we tested: Valkey, Dragonfly, KeyDB');
  });
});

describe('a lead-in that ends its sentence before a list (tester round after stop 40)', () => {
  const cases: Array<[string, string, string]> = [
    ['ja', '北海道で泊まった温泉は次の三つです。', '北海道で泊まった温泉：登別、洞爺湖、定山渓'],
    ['ja', '以下は北海道でおすすめの温泉です。', '北海道でおすすめの温泉：登別、洞爺湖、定山渓'],
    ['ja', '北海道で泊まった温泉は以下の通りです。', '北海道で泊まった温泉：登別、洞爺湖、定山渓'],
  ];
  for (const [lang, leadIn, point] of cases) {
    it(`names the list, not a bare list (${lang}: ${leadIn})`, () => {
      expect(pointsOf(lang, `${leadIn}\n\n- 登別\n- 洞爺湖\n- 定山渓`)).toContain(point);
    });
  }
});
