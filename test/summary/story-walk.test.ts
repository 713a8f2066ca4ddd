/**
 * A long note of prose paragraphs without headings (a story, an essay) is read to its end, each paragraph its share
 * (story-walk.ts): read as one section, the walk stopped after 24 sentences, and the lesson a story closes on was never
 * offered (issue 23: an essay on bees never said its closing "treat all living things kindly"). Each note here has
 * eleven paragraphs and about thirty sentences; its last paragraph says what the story taught. Notes written for this
 * test, one per language.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const notes: [string, string, string][] = [
  [
    'en',
    `Written for a school magazine in my second year at the bakery.

The first morning at the bakery began at four. Mr. Ortega handed me an apron and a jar of sourdough starter. He told me to feed it and wait.

The starter smelled of apples and vinegar. I fed it flour and water as he had shown me. Then I stared at it for an hour, and nothing happened.

By noon I was bored. I asked whether we could simply add yeast from a packet. Mr. Ortega laughed and kept shaping loaves.

The next week I tried to rush the dough. I raised the oven heat and shortened the proofing time. The loaves came out flat, pale and sour.

Mr. Ortega cut one open without a word. The crumb was dense and gummy. He put the knife down and pointed at the clock.

So I started again. I fed the starter every morning at the same hour. I let the dough rise for as long as it needed, even when the shop was busy.

Slowly the bread changed. The crust turned dark and crackled as it cooled. The crumb grew open and shiny.

Customers began to ask for my loaves by name. An old woman came every Saturday for two of them. She said they tasted like her village.

One evening Mr. Ortega tasted a slice and nodded. He said I had finally listened to the dough. I felt prouder than after any exam.

What the starter taught me is simple: good bread needs patience far more than talent, and the dough decides when it is ready. I still think of that whenever I want to hurry anything.
`,
    'good bread needs patience far more than talent',
  ],
  [
    'de',
    `Geschrieben für die Schülerzeitung in meinem zweiten Jahr in der Bäckerei.

Der erste Morgen in der Bäckerei begann um vier Uhr. Herr Ortega gab mir eine Schürze und ein Glas Sauerteig. Er sagte, ich solle ihn füttern und warten.

Der Sauerteig roch nach Äpfeln und Essig. Ich fütterte ihn mit Mehl und Wasser, wie er es mir gezeigt hatte. Dann starrte ich eine Stunde lang darauf, und nichts geschah.

Gegen Mittag langweilte ich mich. Ich fragte, ob wir nicht einfach Hefe aus dem Päckchen nehmen könnten. Herr Ortega lachte und formte weiter Brote.

In der nächsten Woche versuchte ich, den Teig zu hetzen. Ich drehte den Ofen höher und kürzte die Gehzeit. Die Brote kamen flach, blass und sauer heraus.

Herr Ortega schnitt eines wortlos auf. Die Krume war dicht und klebrig. Er legte das Messer hin und zeigte auf die Uhr.

Also fing ich von vorn an. Ich fütterte den Sauerteig jeden Morgen zur selben Stunde. Ich ließ den Teig so lange gehen, wie er brauchte, auch wenn der Laden voll war.

Langsam veränderte sich das Brot. Die Kruste wurde dunkel und knisterte beim Abkühlen. Die Krume wurde luftig und glänzend.

Kunden fragten bald nach meinen Broten. Eine alte Frau kam jeden Samstag für zwei davon. Sie sagte, sie schmeckten wie in ihrem Dorf.

Eines Abends probierte Herr Ortega eine Scheibe und nickte. Er sagte, ich hätte endlich auf den Teig gehört. Ich war stolzer als nach jeder Prüfung.

Was mich der Sauerteig gelehrt hat, ist einfach: Gutes Brot braucht viel mehr Geduld als Talent, und der Teig entscheidet, wann er fertig ist. Daran denke ich noch heute, wenn ich etwas überstürzen will.
`,
    'Gutes Brot braucht viel mehr Geduld als Talent',
  ],
];

describe('a long story without headings', () => {
  it.each(notes)('%s: the lesson of its last paragraph is a point', (lang, body, lesson) => {
    const points = pointsOfNote(lang, body);
    expect(points.some((p) => p.includes(lesson)), points.join('\n')).toBe(true);
  });
});
