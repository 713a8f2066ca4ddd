/**
 * A sentence about the note itself ("The rest of this post walks through why", "本文将依次说明原因") tells
 * how the note goes, not what it says: no point where it names none of the note's parts, and so no
 * longer pushes out one that does (issue 23, F2). An overview naming the parts stays. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

const NOTES: Array<[string, string, string, string]> = [
  ['en', 'Sourdough starters die from neglect more than from cold.', 'The rest of this article walks through the reasons and closes with a routine.', 'A starter left unfed for a week turns sour and grey. Feed your starter twice a day at room temperature. Keep a spoonful of starter dried as a spare.'],
  ['zh', '酵种多半是饿死的，而不是冻死的。', '本文会依次说明原因，最后给出一套日常做法。', '一周不喂的酵种会发酸变灰。室温下每天喂两次酵种。留一小勺酵种晒干备用。'],
  ['zh-Hant', '酵種多半是餓死的，而不是凍死的。', '本篇會依次說明原因，最後給出一套日常做法。', '一週不餵的酵種會發酸變灰。室溫下每天餵兩次酵種。留一小勺酵種曬乾備用。'],
  ['es', 'La masa madre muere más por descuido que por frío.', 'En esta guía veremos las causas una a una y acabaremos con una rutina.', 'Una masa madre sin alimentar una semana se agria. Alimenta la masa madre dos veces al día. Guarda una cucharada de masa madre seca de repuesto.'],
  ['fr', 'Un levain meurt plus souvent de négligence que de froid.', 'Dans ce billet, on passe les causes en revue avant une routine simple.', 'Un levain oublié une semaine devient aigre. Nourrissez le levain deux fois par jour. Gardez une cuillère de levain séché en réserve.'],
  ['de', 'Sauerteig stirbt eher an Vernachlässigung als an Kälte.', 'In diesem Beitrag gehe ich die Ursachen der Reihe nach durch.', 'Ein Sauerteig, der eine Woche hungert, wird sauer. Füttern Sie den Sauerteig zweimal täglich. Bewahren Sie einen Löffel getrockneten Sauerteig als Reserve auf.'],
  ['hi', 'खमीर ज़्यादातर लापरवाही से मरता है, ठंड से नहीं।', 'इस लेख में हम कारणों को एक-एक करके देखेंगे।', 'एक हफ़्ते भूखा खमीर खट्टा हो जाता है। खमीर को दिन में दो बार खिलाएँ। थोड़ा सूखा खमीर अलग रखें।'],
];

describe('a line about the note itself', () => {
  for (const [lang, first, meta, body] of NOTES) {
    it(`is no point when it names none of the note's parts (${lang}: ${meta})`, () => {
      const points = pointsOf(lang, `${first} ${meta}\n\n${body}`);
      expect(points).not.toContain(meta);
      expect(points[0]).toBe(first);
    });
  }

  it('stays when it names the parts the note covers', () => {
    const overview = 'This guide covers feeding, storing and reviving a starter.';
    const body = '## Feeding\n\nFeed the starter twice a day.\n\n## Storing\n\nStoring it cold slows it down.\n\n## Reviving\n\nReviving a dried starter takes three feeds.';
    expect(pointsOf('en', `${overview}\n\n${body}`)[0]).toBe(overview);
  });

  it("keeps the note's first sentence, and a warning to the reader about the note's steps", () => {
    const lede = 'Baking bread takes months to learn, and this guide splits it into four stages.';
    expect(pointsOf('en', `${lede}\n\nFeed the starter twice a day. Bake at a high heat.`)[0]).toBe(lede);
    const warning = 'You should not try the steps in this guide on a warm day.';
    expect(pointsOf('en', `Starters die from neglect. ${warning}\n\nFeed the starter twice a day. Bake at a high heat.`)).toContain(warning);
  });
});
