/**
 * A lead-in that ends its sentence before what it announces takes a colon in its stop's place, whatever
 * the script's full stop ("…है।" in Hindi as "…is as follows." in English): never "।:" (final-stop.ts).
 * Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

describe("a lead-in ending in its script's full stop", () => {
  it.each([
    ['hi', '`du` कमांड फ़ाइलों द्वारा उपयोग की गई जगह का अनुमान लगाता है।', 'फ़ोल्डर का आकार देखने का तरीका इस प्रकार है।'],
    ['en', 'The `du` command estimates how much disk space files use.', 'The way to see a folder size is as follows.'],
  ])('is not shown with its stop before the colon (%s)', (lang, opening, leadIn) => {
    const points = pointsOf(lang, [opening, leadIn, '```sh\ndu -sh photos\n```'].join('\n\n'));
    expect(points.some((p) => p.includes('du -sh photos'))).toBe(true);
    expect(points.filter((p) => /[.।。]\s*[:：]/u.test(p))).toEqual([]);
  });
});

describe("a record's fields ending in their script's full stop", () => {
  it('are joined without it, the last keeping it (hi)', () => {
    const body = [
      'यह नोट हर देश की राजधानी और मुद्रा बताता है।',
      '### भारत', '* **कोड**: +91\n* **राजधानी**: नई दिल्ली है।\n* **मुद्रा**: रुपया है।',
      '### नेपाल', '* **कोड**: +977\n* **राजधानी**: काठमांडू है।\n* **मुद्रा**: नेपाली रुपया है।',
    ].join('\n\n');
    const points = pointsOf('hi', body);
    expect(points.some((p) => p.includes('नई दिल्ली'))).toBe(true);
    expect(points.filter((p) => /।\s*[;,؛、]/u.test(p))).toEqual([]);
  });
});
