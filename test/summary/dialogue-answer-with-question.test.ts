/**
 * A dialogue gives what was asked and the substance of what was answered: an answer that does not
 * name what it answers ("Once a month in winter.", "One size up…", "No. …") is shown after its
 * question in one point, never alone (issue 23, tester 17-2 F5); the first statement of a reply,
 * though it names the asker's own ("Your starter is too weak…"), is the answer its question goes
 * with, not the sentence after it (F1). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

/** Each answer's opening words shown only in a point that holds its question before them. */
function expectAnswersWithQuestions(points: string[], pairs: Array<[question: string, answer: string]>): void {
  for (const [question, answer] of pairs) {
    const shown = points.filter((p) => p.includes(answer));
    expect(shown, `${answer} shown`).toHaveLength(1);
    expect(shown[0]!.indexOf(question), `${answer} after ${question}`).toBeGreaterThanOrEqual(0);
    expect(shown[0]!.indexOf(question)).toBeLessThan(shown[0]!.indexOf(answer));
  }
}

describe('a dialogue answer that does not name what it answers', () => {
  it('is shown after its question (en)', () => {
    const points = pointsOfNote(
      'en',
      '**Jo:** How often should I water a cactus?\n\n**Gardener:** Once a month in winter. In summer, when it grows, every ten days is fine.\n\n' +
        '**Jo:** How big a pot does it need?\n\n**Gardener:** One size up from the root ball, with a drainage hole at the bottom.\n\n' +
        '**Jo:** Can it stay on the balcony all year?\n\n**Gardener:** No. A single night of frost kills most desert cacti, so bring it inside in October.',
    );
    expectAnswersWithQuestions(points, [
      ['How often should I water a cactus?', 'Once a month in winter'],
      ['How big a pot does it need?', 'One size up from the root ball'],
      ['Can it stay on the balcony all year?', 'No. A single night of frost'],
    ]);
  });

  it('is shown after its question (de, Q:/A: lines)', () => {
    const points = pointsOfNote(
      'de',
      'F: Wie oft muss ich einen Kaktus gießen?\nA: Im Winter einmal im Monat. Im Sommer, wenn er wächst, alle zehn Tage.\n\n' +
        'F: Wie groß muss der Topf sein?\nA: Eine Nummer größer als der Wurzelballen, mit einem Loch im Boden.\n\n' +
        'F: Kann er das ganze Jahr auf dem Balkon bleiben?\nA: Nein. Eine einzige Frostnacht tötet die meisten Wüstenkakteen, also im Oktober hereinholen.',
    );
    expectAnswersWithQuestions(points, [
      ['Wie oft muss ich einen Kaktus gießen?', 'Im Winter einmal im Monat'],
      ['Wie groß muss der Topf sein?', 'Eine Nummer größer'],
      ['Kann er das ganze Jahr auf dem Balkon bleiben?', 'Nein. Eine einzige Frostnacht'],
    ]);
  });

  it('is shown after its question (zh)', () => {
    const points = pointsOfNote(
      'zh',
      '甲：仙人掌多久浇一次水？\n\n乙：冬天一个月一次。夏天生长的时候，十天左右浇一次就可以。\n\n甲：花盆要多大？\n\n乙：比根团大一号，底部要有排水孔。\n\n' +
        '甲：能一年四季放在阳台上吗？\n\n乙：不能。一个霜冻的夜晚就能冻死大多数沙漠仙人掌，所以十月要搬进屋里。',
    );
    expectAnswersWithQuestions(points, [
      ['仙人掌多久浇一次水？', '冬天一个月一次'],
      ['花盆要多大？', '比根团大一号'],
      ['能一年四季放在阳台上吗？', '不能。'],
    ]);
  });

  it('keeps an answer naming what was asked beside its question, as before', () => {
    const points = pointsOfNote(
      'en',
      'A: I have been reading about caches in CPUs. What about cache lines?\n\nB: Cache lines are the 64-byte blocks a CPU moves between memory and its caches.\n\n' +
        'A: And what about false sharing between threads?\n\nB: False sharing happens when two threads write to different variables on one cache line, and each write invalidates the other core’s copy.',
    );
    expect(points.some((p) => p.startsWith('Cache lines are the 64-byte blocks'))).toBe(true);
    expect(points.some((p) => p.startsWith('False sharing happens'))).toBe(true);
  });
});

describe("a reply naming the asker's own", () => {
  it('is the answer its question goes with', () => {
    const points = pointsOfNote(
      'en',
      '**Kim:** Why does my sourdough come out dense?\n\n**Baker:** Your starter is too weak when you mix the dough, so the gas cells stay small. Feeding it twice the day before fixes most of it.\n\n' +
        '**Kim:** How long should the dough rest?\n\n**Baker:** Until it has grown by half, often five hours at room temperature.',
    );
    expectAnswersWithQuestions(points, [
      ['Why does my sourdough come out dense?', 'Your starter is too weak'],
      ['How long should the dough rest?', 'Until it has grown by half'],
    ]);
    expect(points.some((p) => p.includes('dense? Feeding'))).toBe(false);
  });
});
