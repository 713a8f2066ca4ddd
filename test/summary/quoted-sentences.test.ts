/**
 * A quotation of several sentences is one sentence with the words that introduce it: a break
 * inside the quote is no boundary for a point (issue 23, tester-23-2 F1: « Qu'est-ce … ? Un homme
 * qui dit non. » split in two points, each with one quote mark; the sentence naming who was
 * quoted dropped). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/summary/sentences.js';
import { pointsOfNote } from '../helpers/note-points.js';

const QUOTE_PAIRS: ReadonlyArray<readonly [string, string]> = [['«', '»'], ['“', '”'], ['"', '"']];

/** Whether every quotation a point opens it also closes (German „ closes with “ or ”). */
function quotesBalanced(point: string): boolean {
  const low = (point.match(/„/gu) ?? []).length;
  const curly = (point.match(/[“”]/gu) ?? []).length;
  if (low) return curly === low;
  return QUOTE_PAIRS.every(([o, c]) => (o === c ? (point.split(o).length - 1) % 2 === 0 : point.split(o).length === point.split(c).length));
}

describe('sentences inside a quotation', () => {
  it.each([
    ['fr', 'Le guide dit : « Que faut-il emporter ? Une gourde et un pull. » Le sentier est long.', ['Le guide dit : « Que faut-il emporter ? Une gourde et un pull. »', 'Le sentier est long.']],
    ['en', 'The sign read: "Stop here. Wait for the bell." Nobody did.', ['The sign read: "Stop here. Wait for the bell."', 'Nobody did.']],
    ['en', 'She wrote: “Measure twice. Cut once.” The shop kept it.', ['She wrote: “Measure twice. Cut once.”', 'The shop kept it.']],
    ['de', 'Der Meister sagte: „Zuerst messen. Dann sägen.“ Das half.', ['Der Meister sagte: „Zuerst messen. Dann sägen.“', 'Das half.']],
    ['zh', '老师说：“先读题。再动笔。”大家都点头。后来成绩好了。', ['老师说：“先读题。再动笔。”大家都点头。', '后来成绩好了。']],
    ['es', 'El cartel decía: «Cierre la puerta. Apague la luz.» Nadie lo leyó.', ['El cartel decía: «Cierre la puerta. Apague la luz.»', 'Nadie lo leyó.']],
  ])('%s: one sentence with its introduction', (lang, text, sentences) => {
    expect(splitSentences(text, lang)).toEqual(sentences);
  });

  it('a quote mark that never closes joins nothing', () => {
    expect(splitSentences('The screen is 15" wide. It weighs a kilo. It folds.', 'en')).toEqual(['The screen is 15" wide.', 'It weighs a kilo.', 'It folds.']);
  });

  it('a point never holds half a quotation, and keeps who is quoted', () => {
    const long = 'We keep the old shed. We mend its roof each spring, before the rains come, and we paint its door a new colour every few years so it lasts.';
    const points = pointsOfNote('en', `In a 1990 talk the builder said: "${long}" The crew agreed. They still do.`);
    expect(points.length).toBeGreaterThan(0);
    for (const p of points) expect(quotesBalanced(p), p).toBe(true);
    expect(points.join('\n')).toContain('the builder said');
  });

  it('a quoted "I" is the person quoted: the sentence that names them stays', () => {
    const points = pointsOfNote('en', 'At the 1962 fair the potter said: "I can wait for the clay to dry. Hurrying it only cracks the bowl." Her pupils still repeat it. The kiln is older than the town.');
    expect(points[0]).toBe('At the 1962 fair the potter said: "I can wait for the clay to dry. Hurrying it only cracks the bowl."');
  });

  it.each([
    ['fr', 'Dans son carnet, Marie écrit : « Pourquoi partir si tôt ? Parce que la route est longue, que la nuit tombe vite en hiver et que les refuges ferment leurs portes bien avant le coucher du soleil. » Cette phrase résume le voyage. Elle revient souvent.'],
    ['de', 'Der Lehrer schrieb an die Tafel: „Lernen ist kein Wettlauf. Wer langsam geht, aber nicht stehen bleibt, kommt weiter als jemand, der rennt und nach der ersten Kurve schon aufgibt.“ Die Klasse las es laut. Dann begann der Unterricht.'],
    ['zh', '爷爷在信里写道：“种树最好的时间是十年前。其次是现在，所以别再犹豫了，明天早上就去苗圃买几棵小树回来种在院子里吧。”这封信我一直留着。'],
  ])('%s: no point leaves a quotation open', (lang, body) => {
    const points = pointsOfNote(lang, body);
    expect(points.length).toBeGreaterThan(0);
    for (const p of points) expect(quotesBalanced(p), p).toBe(true);
  });
});
