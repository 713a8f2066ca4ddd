/**
 * Headings that are a label and a count and nothing else ("Tag 1", "Tag 2 bis 4", "Tag 5"): a timeline whose sections
 * never say their heading; their points carry it, or the order of the days is lost (issue 23, tester-23-2 F16, de).
 * Notes written for this test, in other languages than the tester's (the zh and ja cases held before: a short CJK
 * heading was a name already).
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const TIMELINES: Array<[string, string, string[]]> = [
  [
    'en',
    '## Week 1\n\nWalk for twenty minutes every morning before breakfast. Keep the pace easy.\n\n## Weeks 2 to 4\n\nAdd one minute of jogging after every four minutes of walking. Rest a day between runs.\n\n## Week 5\n\nRun fifteen minutes without stopping. Most beginners manage it by now.',
    ['Week 1: ', 'Weeks 2 to 4: ', 'Week 5: '],
  ],
  [
    'zh',
    '## 第1天\n\n把50克黑麦粉和50毫升温水放进玻璃罐里搅匀。盖子轻轻盖上。\n\n## 第2至4天\n\n每天加入50克面粉和50毫升水继续喂养。表面开始出现气泡。\n\n## 第5天\n\n酵头闻起来微酸，体积已经翻倍。现在可以用来烤面包了。',
    ['第1天：', '第2至4天：', '第5天：'],
  ],
  [
    'ja',
    '## 1日目\n\nライ麦粉50グラムとぬるま湯50ミリリットルを瓶で混ぜます。ふたは軽くのせるだけにします。\n\n## 2〜4日目\n\n毎日小麦粉50グラムと水50ミリリットルを足して混ぜます。小さな泡が出てきます。\n\n## 5日目\n\n生地は酸っぱい香りになり、量が二倍に増えています。これでパンを焼けます。',
    ['1日目：', '2〜4日目：', '5日目：'],
  ],
  [
    'fr',
    "## Jour 1\n\nMélangez 50 g de farine de seigle avec 50 ml d'eau tiède dans un bocal. Couvrez sans fermer.\n\n## Jours 2 à 4\n\nNourrissez le levain chaque jour avec 50 g de farine et 50 ml d'eau. Des bulles apparaissent.\n\n## Jour 5\n\nLe levain sent l'aigre et a doublé de volume. Il est prêt pour la cuisson.",
    ['Jour 1: ', 'Jours 2 à 4: ', 'Jour 5: '],
  ],
  [
    'es',
    '## Día 1\n\nMezcla 50 g de harina de centeno con 50 ml de agua tibia en un frasco. Tápalo sin cerrar del todo.\n\n## Días 2 a 4\n\nAlimenta la masa cada día con 50 g de harina y 50 ml de agua. Empiezan a salir burbujas.\n\n## Día 5\n\nLa masa huele ácida y ha doblado su volumen. Ya está lista para hornear.',
    ['Día 1: ', 'Días 2 a 4: ', 'Día 5: '],
  ],
  [
    'hi',
    '## दिन 1\n\nएक जार में 50 ग्राम राई का आटा और 50 मिलीलीटर गुनगुना पानी मिलाएँ। ढक्कन ढीला रखें।\n\n## दिन 2 से 4\n\nरोज़ 50 ग्राम आटा और 50 मिलीलीटर पानी मिलाते रहें। छोटे बुलबुले दिखने लगते हैं।\n\n## दिन 5\n\nखमीर से खट्टी महक आती है और उसका आयतन दोगुना हो गया है। अब यह रोटी पकाने के लिए तैयार है।',
    ['दिन 1: ', 'दिन 2 से 4: ', 'दिन 5: '],
  ],
];

describe('sections headed by a label and a count', () => {
  for (const [lang, body, names] of TIMELINES) {
    it(`give points that carry the count (${lang})`, () => {
      const points = pointsOfNote(lang, body);
      for (const name of names) expect(points.some((p) => p.startsWith(name)), `${name} in ${points.join(' | ')}`).toBe(true);
    });
  }

  it('are no timeline when their labels differ or a heading says more than its count', () => {
    const points = pointsOfNote('en', '## Day 1\n\nPack the tent and the stove. Check the weather.\n\n## Packing list for the trip\n\nBring two litres of water each. Add a spare battery.\n\n## Week 2\n\nWalk the ridge path to the hut. It takes six hours.');
    expect(points.some((p) => /^(Day 1|Week 2): /.test(p))).toBe(false);
  });
});
