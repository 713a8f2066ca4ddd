/**
 * In a dialogue where the other speaker also asks (a teacher questioning a student), the asker's
 * reply to that question is shown with it, never alone: "Salt, I think." answers nothing shown
 * (issue 23, tester-23-2 F15). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

describe('an asker’s reply to the other speaker’s question', () => {
  it('is shown after that question (en)', () => {
    const points = pointsOfNote(
      'en',
      'Pupil: Why does ice melt faster on the pavement than on the grass?\n\n' +
        'Tutor: It does, because dark stone soaks up more sunlight and passes the heat to the ice above it.\n\n' +
        'Tutor: And what do road crews scatter on the ice in winter?\n\n' +
        'Pupil: Salt, I think.\n\n' +
        'Tutor: Right. Salt lowers the freezing point of water, so the ice melts even below zero degrees.',
    );
    expect(points.some((p) => p.startsWith('Salt, I think'))).toBe(false);
    expect(points).toContain('And what do road crews scatter on the ice in winter? Salt, I think.');
  });

  it('is shown after that question (de)', () => {
    const points = pointsOfNote(
      'de',
      'Schüler: Warum schmilzt Eis auf dem Gehweg schneller als auf dem Rasen?\n\n' +
        'Lehrer: Weil der dunkle Stein mehr Sonnenlicht aufnimmt und die Wärme an das Eis darüber abgibt.\n\n' +
        'Lehrer: Und was streuen die Räumdienste im Winter auf das Eis?\n\n' +
        'Schüler: Salz, glaube ich.\n\n' +
        'Lehrer: Genau. Salz senkt den Gefrierpunkt des Wassers, deshalb schmilzt das Eis auch unter null Grad.',
    );
    expect(points.some((p) => p.startsWith('Salz, glaube ich'))).toBe(false);
  });
});
