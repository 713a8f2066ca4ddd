/**
 * A lead-in followed by exactly two items is one point, the lead-in naming both, as with three or
 * more: not one point per item each repeating the lead-in, nor an item standing alone (issue 23,
 * item 2). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

describe('a lead-in and two items', () => {
  it('is one point naming both, in English and Chinese', () => {
    const en = pointsOfNote('en', 'The flag of Ukraine has two colours:\n\n- blue\n- yellow\n\nIt became the state flag in 1992.');
    expect(en.filter((p) => p.startsWith('The flag of Ukraine has two colours'))).toHaveLength(1);
    expect(en[0]).toMatch(/^The flag of Ukraine has two colours: blue,? (?:and )?yellow\.?$/);
    const zh = pointsOfNote('zh', '乌克兰国旗有两种颜色：\n\n- 蓝色\n- 黄色\n\n这面国旗于1992年成为国旗。');
    expect(zh.filter((p) => p.startsWith('乌克兰国旗有两种颜色'))).toHaveLength(1);
    expect(zh[0]).toMatch(/^乌克兰国旗有两种颜色：蓝色[、，,]\s?黄色。?$/);
  });

  it('keeps the items under their own lead-in, after the sentence before it', () => {
    const points = pointsOfNote('en', 'There are two ways to get a library card in our town.\n\nThe first is the online form, for residents who:\n\n- pay local taxes\n- study here\n\nVisitors apply at the front desk with a passport.');
    expect(points.some((p) => p === 'pay local taxes' || p === 'study here')).toBe(false);
    expect(points.filter((p) => p.startsWith('The first is the online form'))).toHaveLength(1);
  });
});
