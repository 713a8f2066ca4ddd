/**
 * A short display formula is shown with the sentence announcing it ("… is" then `$$…$$`), as a short
 * command is with its lead-in (issue 23, tester round 13 item 11: "… relation between mass and energy
 * is" with its formula lost, a sentence opening "It …" chosen instead). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const after = 'It tells the engineer how far the beam may bend before it cracks.';

describe('an announced display formula', () => {
  it.each([
    ['The bending stress at the outer fibre is', '$$\\sigma = \\frac{M y}{I}$$', 'The bending stress at the outer fibre is σ = (M y)/I'],
    ['The bending stress at the outer fibre is:', '$$\\sigma = \\frac{M y}{I}$$', 'The bending stress at the outer fibre is: σ = (M y)/I'],
    ['The bending stress at the outer fibre is given as follows.', '\\[ \\sigma = M y / I \\]', 'The bending stress at the outer fibre is given as follows: σ = M y / I'],
  ])('"%s" %s is one point', (announcing, formula, point) => {
    const points = pointsOfNote('en', `${announcing}\n\n${formula}\n\n${after}`);
    expect(points).toContain(point);
  });

  it('a long formula is not shown, and its announcement is no point', () => {
    const long = `$$\\sigma = ${Array.from({ length: 12 }, (_, k) => `\\frac{M_${k} y}{I_${k}}`).join(' + ')}$$`;
    const points = pointsOfNote('en', `The bending stress at the outer fibre is\n\n${long}\n\n${after}`);
    expect(points.join('\n')).not.toContain('outer fibre is');
  });

  it('a formula with a command no table reads is not shown', () => {
    const points = pointsOfNote('en', `The bending stress at the outer fibre is\n\n$$\\sigma = \\frobnicate{M}$$\n\n${after}`);
    expect(points.join('\n')).not.toMatch(/outer fibre is|frobnicate/);
  });
});

// Tester round 14 item 7: after a short lead-in's colon, a formula of few letters was taken for a program's output ("Label: 0 1 2") and dropped with its lead-in.
describe('a formula of few letters after a colon', () => {
  it.each([
    ['en', 'Its period is:', '$$T = 2\\pi \\sqrt{\\frac{L}{g}}$$', 'It tells the clockmaker how long to cut the rod for each beat.', 'Its period is: T = 2π √(L/g)'],
    ['zh', '单摆小角度摆动的周期由摆长决定：', '$$T = 2\\pi \\sqrt{\\frac{L}{g}}$$', '钟表匠据此决定摆杆的长度。', '单摆小角度摆动的周期由摆长决定：T = 2π √(L/g)'],
    ['hi', 'आवर्तकाल का सूत्र यह है:', '$$T = 2\\pi \\sqrt{\\frac{L}{g}}$$', 'घड़ीसाज़ इसी से छड़ की लंबाई तय करता है।', 'आवर्तकाल का सूत्र यह है: T = 2π √(L/g)'],
  ])('%s: the formula is shown with its lead-in', (lang, announcing, formula, after2, point) => {
    const points = pointsOfNote(lang, `${announcing}\n\n${formula}\n\n${after2}`);
    expect(points).toContain(point);
  });
});

// Tester round 14 item 7: a short formula whose symbols the note never names again named nothing "salient", and was left out though it is the note's result.
it('a short announced formula whose symbols come once is still a point', () => {
  const note = [
    'Hooke studied springs by hanging weights on them in his workshop.',
    'The restoring force is',
    '$$F = -k x$$',
    'Beyond the elastic limit of the spring, Hooke found that the law no longer holds for the spring.',
  ].join('\n\n');
  expect(pointsOfNote('en', note)).toContain('The restoring force is F = -k x');
});
