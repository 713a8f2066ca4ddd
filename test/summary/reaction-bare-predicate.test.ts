/**
 * A reaction opening the note whose remark before its colon has no pronoun: Spanish and Portuguese
 * leave the subject unsaid ("¡Uy, facilísimo: …", "Nossa, simples: …"), and any language may answer in
 * a bare predicate ("Oh, easy: …"). The remark is no point, the substance after the colon is, as after
 * "Ah, it's simple:" (issue 23, tester 19-2 item 4). A name before the colon is no remark. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

describe('a reaction whose remark has no pronoun', () => {
  it('gives the substance after its colon (es, pt, en)', () => {
    const es = pointsOfNote('es', '¡Uy, facilísimo: deja reposar la masa 40 minutos antes de estirarla!\n\nEl gluten se relaja y la masa deja de encogerse. Estírala desde el centro hacia fuera.');
    expect(es[0]).toBe('Deja reposar la masa 40 minutos antes de estirarla.'); // the exclamation was the reaction's
    const pt = pointsOfNote('pt', 'Nossa, bem simples: deixe a massa descansar 40 minutos antes de abrir.\n\nO glúten relaxa e a massa para de encolher. Abra do centro para fora.');
    expect(pt[0]).toBe('Deixe a massa descansar 40 minutos antes de abrir.');
    const en = pointsOfNote('en', 'Oh, easy: rest the dough for 40 minutes before rolling it.\n\nThe gluten relaxes and the dough stops shrinking. Roll from the centre outwards.');
    expect(en[0]).toBe('Rest the dough for 40 minutes before rolling it.');
  });

  it('gives the substance of a reaction with a pronoun as a statement, the exclamation being the reaction’s (en, es)', () => {
    const en = pointsOfNote('en', 'Ah, it is simple: rest the dough for 40 minutes before rolling it!\n\nThe gluten relaxes and the dough stops shrinking. Roll from the centre outwards.');
    expect(en[0]).toBe('Rest the dough for 40 minutes before rolling it.');
    const es = pointsOfNote('es', '¡Ah, esto es sencillo: deja reposar la masa 40 minutos antes de estirarla!\n\nEl gluten se relaja y la masa deja de encogerse. Estírala desde el centro hacia fuera.');
    expect(es[0]).toBe('Deja reposar la masa 40 minutos antes de estirarla.');
  });

  it('leaves a sentence whose words before the colon name something as it is', () => {
    const named = 'Ah, Neapolitan: rest the dough for 40 minutes before stretching it.';
    expect(pointsOfNote('en', `${named}\n\nThe gluten relaxes and the dough stops shrinking. Stretch from the centre outwards.`)[0]).toBe(named);
  });
});
