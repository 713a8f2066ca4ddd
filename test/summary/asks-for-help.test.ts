/**
 * In a dialogue, the asker only asking for help ("Can you help me?", "क्या आप मेरी मदद कर सकते हैं?")
 * names nothing of the subject: no point; the questions after it lead (issue 23, item 5). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

describe('a dialogue opening with a request for help', () => {
  const cases: Array<[string, string, string, string, string, string]> = [
    ['hi', 'प्रश्न', 'उत्तर', 'क्या आप मेरी मदद कर सकते हैं?', 'पौधों को कितनी बार पानी देना चाहिए?', 'गर्मियों में हफ़्ते में दो बार पानी देना काफ़ी है।'],
    ['es', 'P', 'R', '¿Puedes ayudarme?', '¿Cada cuánto hay que regar las plantas?', 'En verano basta con regarlas dos veces por semana.'],
    ['zh', '问', '答', '你能帮我一下吗？', '植物多久浇一次水？', '夏天每周浇两次水就够了。'],
  ];
  for (const [lang, q, a, help, asked, answer] of cases) {
    it(`is no point, and the question after it leads (${lang}: ${help})`, () => {
      const points = pointsOf(lang, [`${q}: ${help}`, `${a}: OK.`, `${q}: ${asked}`, `${a}: ${answer}`].join('\n\n'));
      expect(points).not.toContain(help);
      // What was asked leads, its answer after it in one point (dialogue-answer-with-question.test.ts).
      expect(points[0]!.startsWith(asked), points[0]).toBe(true);
      expect(points[0]).toContain(answer);
    });
  }
});
