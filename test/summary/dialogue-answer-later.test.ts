/**
 * A dialogue's first question may be answered a turn or two later: the asker adds a brief detail
 * first, or the other speaker asks back before answering. Its question and answer are the
 * dialogue's substance, not opening small talk, however few words a code-filled answer counts
 * (issue 23, tester round 19). These notes are written for this test, in their own words.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

describe('a question answered after a detail or a question back', () => {
  it('keeps the question and its code answer after the asker adds a detail (en)', () => {
    const points = pointsOfNote(
      'en',
      '**Kim:** Hello.\n\n**Helper:** Hi there! How can I help?\n\n' +
        '**Kim:** How can I list the biggest folders on my disk?\n\n**Kim:** I am on macOS.\n\n' +
        '**Helper:** Type `du -sh * | sort -h` in the folder. The largest ones come last.\n\n' +
        '**Kim:** And how do I delete one?\n\n**Helper:** Move it to the Trash with `rm -r` only once you are sure nothing in it is needed.',
    );
    expect(points.some((p) => p.includes('How can I list the biggest folders'))).toBe(true);
    expect(points.some((p) => p.includes('du -sh'))).toBe(true);
  });

  it('keeps the question when the other speaker first asks back (es)', () => {
    const points = pointsOfNote(
      'es',
      '**Lía:** ¿Cómo veo cuánta memoria usa cada programa?\n\n**Asistente:** ¿Qué sistema usas?\n\n' +
        '**Lía:** Windows 11.\n\n**Asistente:** Abre `taskmgr` y mira la pestaña Procesos. La columna Memoria ordena los programas.\n\n' +
        '**Lía:** ¿Y cómo cierro uno?\n\n**Asistente:** Selecciónalo y pulsa Finalizar tarea; guarda antes lo que tengas abierto en él.',
    );
    expect(points.some((p) => p.includes('cuánta memoria usa cada programa'))).toBe(true);
    expect(points.some((p) => p.includes('taskmgr'))).toBe(true);
  });
});
