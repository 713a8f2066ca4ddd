/**
 * A line saying only how the answer will go ("Lass uns das in Ruhe durchgehen.", "Te lo explico
 * rápido.", "我們一步一步來分析。", "चलो इसे ध्यान से देखते हैं।", "では、要点をまとめてみます。"), praise of
 * the question after a laugh ("哈哈，這個問題問得好！"), a greeting to the channel ("Hi @everyone,") or a
 * label of the message ("Quick question:") names nothing of the subject: none of them may become a
 * point (issue 23, tester 14-2 item 2). Each is told by its form in its language. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

const DE = ['Ein Sauerteig wird am Tag vor dem Backen gefüttert.', 'Gebacken wird bei 240 Grad vierzig Minuten lang.'];
const ES = ['La masa madre se alimenta el día antes de hornear.', 'Se hornea a 240 grados durante cuarenta minutos.'];
const HANT = ['酸麵團要在烘焙前一天餵養。', '用240度烤四十分鐘。'];
const HI = ['खमीर को पकाने से एक दिन पहले खिलाया जाता है।', 'रोटी को 240 डिग्री पर चालीस मिनट तक पकाएँ।'];
const JA = ['サワー種は焼く前日に餌をやります。', '240度で四十分焼きます。'];
const EN = ['A sourdough starter is fed the day before baking.', 'Bake the loaf at 240 degrees for forty minutes.'];

describe('a line saying only how the answer will go', () => {
  const cases: Array<[string, string, string[]]> = [
    ['de', 'Lass uns das Punkt für Punkt durchgehen.', DE],
    ['de', 'Lasst uns das Stück für Stück anschauen.', DE],
    ['es', 'Te cuento lo que sé.', ES],
    ['es', 'Bueno, te lo explico rápido.', ES],
    ['es', 'Os lo resumo en pocas palabras.', ES],
    ['hant', '我們一步一步來分析。', HANT],
    ['zh', '咱们慢慢来看。', ['酸面团要在烘焙前一天喂养。', '用240度烤四十分钟。']],
    ['hant', '哈哈，這個問題問得真好，很多新手都會遇到！', HANT],
    ['hi', 'चलो इसे ध्यान से देखते हैं।', HI],
    ['hi', 'चलिए इन्हें एक-एक करके समझते हैं।', HI],
    ['ja', 'では、要点をまとめてみます。', JA],
    ['ja', 'それでは、ポイントを説明します。', JA],
    ['en', "Let's walk through it slowly.", EN],
    ['en', "I'll keep it brief.", EN],
  ];
  const kept = cases.filter(([lang, meta, facts]) => pointsOf(lang, [meta, ...facts].join('\n\n'))[0] !== facts[0]);
  it('is no point, and the statement after it leads', () => expect(kept).toEqual([]));

  it('stays when it names the subject', () => {
    expect(pointsOf('de', 'Lass uns den Teig über Nacht gehen lassen.\n\n' + DE[1]!)[0]).toBe('Lass uns den Teig über Nacht gehen lassen.');
    expect(pointsOf('es', 'Te recomiendo hornear la masa a 240 grados.\n\n' + ES[0]!)[0]).toBe('Te recomiendo hornear la masa a 240 grados.');
  });
});

describe('a greeting to the channel or a label of the message in front of a sentence', () => {
  it('goes, and the sentence stays', () => {
    expect(pointsOf('en', `Hey @everyone and @here, the bakery opens at seven tomorrow.\n\n${EN[0]!}`)[0]).toBe('The bakery opens at seven tomorrow.');
    expect(pointsOf('en', `Hi all, the bakery opens at seven tomorrow.\n\n${EN[0]!}`)[0]).toBe('The bakery opens at seven tomorrow.');
    expect(pointsOf('en', `Quick question: the bakery opens at seven tomorrow.\n\n${EN[0]!}`)[0]).toBe('The bakery opens at seven tomorrow.');
    expect(pointsOf('en', `Quick one: the bakery opens at seven tomorrow.\n\n${EN[0]!}`)[0]).toBe('The bakery opens at seven tomorrow.');
  });

  it('stays where the greeting is the subject', () => {
    expect(pointsOf('en', `Hello, world is the first program most people write.\n\n${EN[0]!}`)[0]).toBe('Hello, world is the first program most people write.');
  });
});

describe("a label of the message in front of an asker's question in a dialogue", () => {
  it('goes, and the question stays', () => {
    const note = [
      '**Me:** Quick question: why does my loaf spread flat in the oven?',
      '**ChatGPT:** Usually the dough was proofed too long, so the gluten gave out.',
      '**Me:** How long should the final proof take?',
      '**ChatGPT:** About one to two hours at room temperature, until a poked dent springs back slowly.',
    ].join('\n\n');
    expect(pointsOf('en', note)[0]!.startsWith('Why does my loaf spread flat in the oven?')).toBe(true);
  });
});
