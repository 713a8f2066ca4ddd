/**
 * Issue 23 (tester round 16, F7): headings that count their parts in words ("Phase one: …", "Phase
 * two: …", "المرحلة الأولى: …") are a counted series as "Phase 1: …" is, so a section's point says
 * its part's name. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { countedPartNames } from '../../src/summary/sections.js';
import { pointsOfNote } from '../helpers/note-points.js';

describe('parts counted in words', () => {
  it('name their parts as parts counted in digits do', () => {
    const en = countedPartNames(['Phase one: Planning', 'Phase two: Building', 'Phase Three – Testing']);
    expect([...en.values()]).toEqual(['Planning', 'Building', 'Testing']);
    const de = countedPartNames(['Schritt eins: Messen', 'Schritt zwei: Schneiden']);
    expect([...de.values()]).toEqual(['Messen', 'Schneiden']);
    const hi = countedPartNames(['चरण एक: योजना', 'चरण दो: निर्माण']);
    expect([...hi.values()]).toEqual(['योजना', 'निर्माण']);
  });

  it('but a word that only starts like a number word counts nothing', () => {
    expect(countedPartNames(['Phase oneness: Planning', 'Phase twofold: Building']).size).toBe(0);
  });

  it('give a section its part name in Arabic, where the ordinal follows its noun', () => {
    const ar = [
      'ترميم غرفة قديمة يمر بثلاث مراحل، وكل مرحلة تحتاج إلى وقتها.',
      '## المرحلة الأولى: التخطيط',
      'قِس الجدران وارسم مخططًا بسيطًا. حدد الميزانية قبل شراء أي شيء.',
      '## المرحلة الثانية: الهدم',
      'انزع البلاط القديم بحذر واحمِ الأرضية بغطاء سميك.',
      '## المرحلة الثالثة: الطلاء',
      'اختر لونًا فاتحًا يجعل الغرفة أوسع، وادهن طبقتين رقيقتين.',
    ].join('\n\n');
    expect(pointsOfNote('ar', ar).some((p) => p.startsWith('الهدم: ') || p.startsWith('الطلاء: '))).toBe(true);
  });
});
