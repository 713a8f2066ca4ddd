/**
 * A dialogue's closing small talk: the asker's last turn, after their question was answered, asking
 * nothing and brief, with only brief turns after it ("Thanks, the light stays on now." / "Great!"), is
 * thanks and a word that it worked, no point, in any language; an asker's last turn that says more,
 * or is followed by a longer answer, is no closing: that answer stays (issue 23, tester 19-2 item 5). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const DIALOGUES: Array<[lang: string, body: string, thanks: string, answer: string]> = [
  [
    'en',
    '**Sam:** Hi there!\n\n**Shop:** Hello Sam, what can we do for you?\n\n**Sam:** Why does my bike light blink after a minute?\n\n' +
      '**Shop:** The battery is below a fifth of its charge, so the lamp saves power. Charge it over USB for two hours before the next ride.\n\n' +
      '**Sam:** Thanks, the light stays on now.\n\n**Shop:** Great to hear!',
    'stays on now',
    'Charge it over USB for two hours before the next ride.',
  ],
  [
    'es',
    '**Sam:** ¡Hola!\n\n**Tienda:** Hola Sam, ¿en qué podemos ayudarte?\n\n**Sam:** ¿Por qué parpadea la luz de mi bici después de un minuto?\n\n' +
      '**Tienda:** La batería está por debajo de una quinta parte de su carga, así que la lámpara ahorra energía. Cárgala por USB durante dos horas antes de la próxima salida.\n\n' +
      '**Sam:** Gracias, ya se queda encendida.\n\n**Tienda:** ¡Qué bien!',
    'se queda encendida',
    'Cárgala por USB durante dos horas antes de la próxima salida.',
  ],
  [
    'zh',
    '**小王：** 你好！\n\n**店员：** 你好，有什么可以帮你？\n\n**小王：** 为什么我的自行车灯一分钟后就开始闪？\n\n' +
      '**店员：** 电池电量低于五分之一，灯会自动省电。下次骑车前用USB充电两个小时。\n\n**小王：** 谢谢，现在灯一直亮着了。\n\n**店员：** 太好了！',
    '一直亮着',
    '下次骑车前用USB充电两个小时。',
  ],
];

describe('a dialogue’s closing thanks', () => {
  for (const [lang, body, thanks, answer] of DIALOGUES) {
    it(`is no point, the answer is (${lang})`, () => {
      const points = pointsOfNote(lang, body);
      expect(points.some((p) => p.includes(thanks)), thanks).toBe(false);
      expect(points.some((p) => p.includes(answer))).toBe(true);
    });
  }

  it('is not a brief last turn of the asker that a longer answer follows: that answer stays', () => {
    const points = pointsOfNote(
      'en',
      '**Sam:** Why does my bike light blink after a minute?\n\n**Shop:** The battery is below a fifth of its charge, so the lamp saves power. Charge it over USB for two hours.\n\n' +
        '**Sam:** It still blinks.\n\n**Shop:** Then the battery is worn out after years of use. Order a new cell for the lamp from the maker.',
    );
    expect(points.some((p) => p.includes('Order a new cell for the lamp from the maker.'))).toBe(true);
  });
});
