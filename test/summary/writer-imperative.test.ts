/**
 * A statement is never taken for the reader asked to write back (issue 23, tester round 2 F14): the
 * Arabic imperfect of a verb whose root ends in ن-ي ("تعني أن…", it means that…) was read as an
 * imperative with the suffix "me" ("أخبرني", tell me), and the sentence with the note's key figure
 * was dropped while the next, pointing back at it, was kept. Told by the grammar: an imperative never
 * carries the imperfect's prefix ي, nor ت/ن/أ with one root letter before ني. And the reader told to
 * believe the writer, set off before a statement ("Glaub mir, …", "Crois-moi, …", "Créeme, …",
 * "صدقني، …"), asks nothing back: that clause goes, the statement stays. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

describe('a statement read as a request to write back', () => {
  it.each([
    [
      'ar',
      'تتكون الذرة من نواة وإلكترونات تدور حولها. تعني كلمة الذرة في اليونانية ما لا ينقسم، وقد استخدمها ديموقريطس قبل 2400 عام. هذه الفكرة عادت مع دالتون.',
      'تعني كلمة الذرة',
    ],
    [
      'ar',
      'الجسر الجديد يربط ضفتي النهر في وسط المدينة. يعني ذلك أن الرحلة تقصر من 40 دقيقة إلى 10 دقائق. هذا التغيير يخدم آلاف السكان.',
      'يعني ذلك أن الرحلة',
    ],
    [
      'ar',
      'تتبع المدينة خطة للإسكان حتى عام 2030. تبني البلدية 5000 شقة جديدة كل عام في الأحياء الشرقية. هذه الشقق مخصصة للعائلات الشابة.',
      'تبني البلدية 5000 شقة',
    ],
  ])('%s: the imperfect opening a statement keeps it (%s)', (lang, note, kept) => {
    expect(pointsOfNote(lang, note).some((p) => p.startsWith(kept))).toBe(true);
  });

  it.each([
    [
      'de',
      'Sauerteig braucht Zeit und Wärme, damit die Hefen arbeiten.\n\nGlaub mir, die Gare ist bei 20 Grad erst nach zwölf Stunden fertig.\n\nDanach wird der Teig geformt und kühl gestellt. Schreib mir, wie es geklappt hat!',
      'Die Gare ist bei 20 Grad',
      'Schreib mir',
    ],
    [
      'fr',
      'Le levain demande du temps et de la chaleur pour que les levures travaillent.\n\nCrois-moi, la fermentation est finie au bout de douze heures à 20 degrés.\n\nEnsuite on façonne la pâte et on la met au frais. Dis-moi si ta pâte a levé.',
      'La fermentation est finie',
      'Dis-moi',
    ],
    [
      'es',
      'La masa madre necesita tiempo y calor para que las levaduras trabajen.\n\nCréeme, la fermentación es lenta: doce horas a 20 grados.\n\nDespués se forma la masa y se guarda en frío. Cuéntame qué tal te salió el pan.',
      'La fermentación es lenta',
      'Cuéntame',
    ],
    [
      'ar',
      'يحتاج خبز العجين المخمر إلى وقت ودفء.\n\nصدقني، التخمير يستغرق اثنتي عشرة ساعة عند 20 درجة.\n\nبعد ذلك يشكل العجين ويوضع في مكان بارد. أخبرني إذا نجحت الطريقة معك.',
      'التخمير يستغرق',
      'أخبرني',
    ],
  ])('%s: "believe me" set off before a statement goes, the statement stays; the closing request is still no point', (lang, note, kept, request) => {
    const points = pointsOfNote(lang, note);
    expect(points.some((p) => p.startsWith(kept))).toBe(true);
    expect(points.some((p) => p.includes(request))).toBe(false);
  });
});
