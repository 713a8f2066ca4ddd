/**
 * A reply agreeing with the asker ("you are right"), alone or after a short praise clause and "and",
 * says nothing of the subject: never a point, in any language (issue 23, item 3). The writer's
 * politeness in Arabic ("it pleases me that I explain…") is the writer speaking as "I", as it is in
 * other languages (item 4). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';
import { agreesWithReader } from '../../src/summary/agreement.js';

const substance: Record<string, string[]> = {
  en: ['The scheduler runs each job on the least loaded worker.', 'Retries back off exponentially up to a minute.'],
  fr: ["L'ordonnanceur lance chaque tâche sur le nœud le moins chargé.", "Les reprises s'espacent jusqu'à une minute."],
  es: ['El planificador ejecuta cada tarea en el nodo menos cargado.', 'Los reintentos se espacian hasta un minuto.'],
  de: ['Der Planer startet jede Aufgabe auf dem am wenigsten belasteten Knoten.', 'Wiederholungen warten bis zu einer Minute.'],
  ar: ['المجدول يشغل كل مهمة على العقدة الأقل حملًا.', 'إعادة المحاولة تتباعد حتى دقيقة واحدة.'],
  zh: ['调度器会把每个任务放到负载最低的节点上运行。', '重试的间隔会逐渐拉长，最长一分钟。'],
};

describe('agreeing with the asker is no point', () => {
  const cases: Array<[string, string]> = [
    ['en', "Nice observation, and you're entirely correct to raise it."],
    ['en', 'You are quite right to wonder.'],
    ['fr', 'Excellente remarque, et vous avez entièrement raison de la soulever.'],
    ['es', 'Buena observación, y tienes toda la razón en preguntarlo.'],
    ['de', 'Gute Beobachtung, und da hast du völlig recht.'],
    ['ar', 'نعم، وأنتم محقون في هذا السؤال.'],
    ['ar', 'أنت على حق في هذا الاستنتاج.'],
    ['zh', '你说得非常对。'],
  ];
  for (const [lang, said] of cases) {
    it(`${lang}: ${said.slice(0, 24)}…`, () => {
      const [first, second] = substance[lang]!;
      const points = pointsOf(lang, `${said}\n\n${first} ${second}`);
      expect(points).not.toContainEqual(expect.stringMatching(/right|correct|raison|razón|recht|محق|حق|说得/u));
      expect(points[0]).toBe(first);
    });
  }

  it('a sentence saying what the asker is right about stays a sentence of substance', () => {
    expect(agreesWithReader("You're right that the scheduler skips workers that are draining.", 'en')).toBe(false);
    expect(agreesWithReader('Vous avez raison : le planificateur ignore les nœuds en vidange.', 'fr')).toBe(false);
    expect(agreesWithReader('You are right to ask about ports 8080 and 8443.', 'en')).toBe(false);
  });
});

describe('the writer pleased to explain, in Arabic', () => {
  it('is no point, as it is none in other languages', () => {
    const [first, second] = substance.ar!;
    const points = pointsOf('ar', `سؤال ممتاز! يسرني أن أوضح لك الفكرة.\n\n${first} ${second}\n\nأهم إعداد هو عدد مرات إعادة المحاولة.`);
    expect(points).not.toContainEqual(expect.stringContaining('يسرني'));
    expect(points[0]).toBe(first);
  });
});
