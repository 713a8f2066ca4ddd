/**
 * A news note's figures (the length, the stations, the cost: a number with its unit) are what it
 * reports: the sentence giving them is a point, though each figure is said once, in every language
 * (salience.ts, chars.ts isFigure). In Chinese and Japanese the figures were the sentence's only terms
 * not split into character pairs, and it lost its place to the closing remark (issue 23, tester F14).
 * Not a code's digits ("m1", "v2"): they stay details. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { isFigure } from '../../src/summary/chars.js';
import { pointsOfNote } from '../helpers/note-points.js';

const NEWS: Array<[lang: string, figures: string, body: (figures: string) => string]> = [
  [
    'zh',
    '工程全长约12公里，设6座车站，总投资约180亿元。',
    (f) => `北京市昨日宣布，地铁19号线北延工程正式开工。\n\n${f}线路从平安里站向北延伸，经过北太平庄和学院路，终点设在北清路。\n\n北延线通车后，从城北到金融街的通勤时间将缩短一半。沿线居民此前主要依靠公交和13号线出行，早高峰拥挤问题长期存在。\n\n施工单位表示，部分车站将采用暗挖工法，以减少对地面交通的影响。`,
  ],
  [
    'hant',
    '新館總面積約3萬平方公尺，工程費約45億元。',
    (f) => `市政府昨日宣布，市立圖書館新館正式動工。\n\n${f}新館位於河濱公園旁，設有閱覽區、兒童區與展覽廳。\n\n完工後，舊館的藏書將分批搬入新館。附近居民長期反映舊館座位不足，週末常常一位難求。\n\n承包商表示，工地將在夜間停工，以減少對周邊住戶的影響。`,
  ],
  [
    'ja',
    '全長は約12キロで、駅は6つ、総事業費は約1800億円です。',
    (f) => `市は昨日、地下鉄19号線の北延伸工事に着手したと発表しました。\n\n${f}路線は平安里駅から北へ延び、学院路を経て北清路に至ります。\n\n延伸線の開業後、市の北部から金融街までの通勤時間は半分になります。沿線の住民はこれまでバスと13号線に頼っており、朝の混雑が長く問題になっていました。\n\n施工会社によると、一部の駅は地上の交通への影響を減らすため、トンネル工法で建設されます。`,
  ],
  [
    'en',
    'The extension is about 12 km long with 6 stations, at a total cost of about 18 billion yuan.',
    (f) => `The city announced yesterday that construction of the northern extension of Metro Line 19 has started.\n\n${f} The line runs north from Pinganli, past Xueyuan Road, and ends at Beiqing Road.\n\nOnce the extension opens, the commute from the north of the city to Financial Street will be cut in half. Residents along the route have relied on buses and Line 13, and morning crowding has long been a problem.\n\nThe builder said some stations will be dug by tunnelling to reduce the impact on road traffic.`,
  ],
];

describe('the figures a news note reports', () => {
  for (const [lang, figures, body] of NEWS) {
    it(`are a point (${lang})`, () => {
      expect(pointsOfNote(lang, body(figures))).toContain(figures);
    });
  }
});

describe('a figure', () => {
  it.each(['180', '12', '1953', '0.707', '3,000'])('is a number alone: %s', (term) => expect(isFigure(term)).toBe(true));
  it.each(['m1', '1s', 'v2', 'ipv6', 'k8s'])('is not a name or code with digits: %s', (term) => expect(isFigure(term)).toBe(false));
});
