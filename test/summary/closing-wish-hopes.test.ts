/**
 * A closing wish by the writer's hope or the language's optative (issue 23, F5) is no point, in every
 * language: the verb of hoping in the first person or impersonal ("Espero que te sirva.", "أتمنى أن…",
 * "उम्मीद है…"), its adverb ("Hoffentlich…") or the optative particle ("Ojalá…", "¡Que te salga…!"), the
 * writer glad on a condition of helping ("参考になれば幸いです。"), a request to spend a good time
 * ("…お過ごしください。"), and a verb of wishing with the reader in what is wished ("希望这些建议能帮你…").
 * Closing lines in the same words that say something of the subject stay. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';
import { STARTER, starterPoints } from '../helpers/starter-notes.js';

const WISHES: Array<[lang: string, wish: string]> = [
  ['de', 'Hoffentlich klappt es beim nächsten Versuch.'],
  ['es', 'Ojalá te salga un pan perfecto.'],
  ['es', '¡Que te salga un pan riquísimo!'],
  ['ja', '素敵なパン作りの時間をお過ごしください。'],
  ['ja', '参考になれば幸いです。'],
  ['zh', '希望这些建议能帮你做出一个好面包。'],
  ['hant', '希望這些建議能幫到你。'],
  ['ar', 'أتمنى أن يساعدك هذا في خبزك.'],
  ['ar', 'أتمنى لك تجربة ممتعة.'],
  ['hi', 'उम्मीद है यह आपके काम आएगा।'],
  ['hi', 'आशा है इससे आपको मदद मिलेगी।'],
  ['hi', 'मुझे उम्मीद है कि यह आपके काम आएगा।'],
  ['hi', 'आपको बहुत-बहुत शुभकामनाएँ।'],
];

const STATEMENTS: Array<[lang: string, statement: string]> = [
  ['es', 'Que la masa repose toda la noche en la nevera.'],
  ['zh', '希望值越高，结果越稳定。'],
  ['hi', 'उम्मीद से ज़्यादा समय लगता है।'],
  ['ja', 'ご確認ください。'],
];

describe('a closing wish by hope or optative', () => {
  for (const [lang, wish] of WISHES) {
    it(`is no point (${lang}: ${wish})`, () => {
      expect(pointsOfNote(lang, `${STARTER[lang]}\n\n${wish}`)).toEqual(starterPoints(lang));
    });
  }
});

describe('a closing line in the same words that says something', () => {
  for (const [lang, statement] of STATEMENTS) {
    it(`stays a point (${lang}: ${statement})`, () => {
      expect(pointsOfNote(lang, `${STARTER[lang]}\n\n${statement}`)).toContain(statement);
    });
  }
});
