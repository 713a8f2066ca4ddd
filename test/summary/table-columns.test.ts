/**
 * A comparison table whose header names its subjects ("| | Rust | Go |"): a row shown as a point
 * says whose each value is, or "Compile speed: slow · fast" compares nothing a reader can tell
 * (issue 23, tester round 14, item 13): by the column's name, or after the subjects named in the
 * header's order ("Tea, Coffee — Caffeine: moderate · high", table-subjects.ts). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

describe('a row of a table comparing its columns', () => {
  it('names the column each value is of', () => {
    const body = 'Tea and coffee wake you up in different ways.\n\n| | Tea | Coffee |\n|---|---|---|\n| Caffeine | moderate | high |\n| Taste | grassy | bitter |\n| Best drunk | afternoon | morning |\n\nPick tea for a gentle lift, coffee for a strong one.';
    const points = pointsOfNote('en', body);
    const rows = points.filter((p) => /^(Caffeine|Taste|Best drunk): /.test(p));
    // Or after the subjects named in the header's order, its values in that order (table-subjects.ts).
    const underSubjects = points.filter((p) => /^Tea, Coffee — (Caffeine|Taste|Best drunk): /.test(p));
    expect(rows.length + underSubjects.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/Tea \S+.* · Coffee /);
    for (const row of underSubjects) expect(['Tea, Coffee — Caffeine: moderate · high', 'Tea, Coffee — Taste: grassy · bitter', 'Tea, Coffee — Best drunk: afternoon · morning']).toContain(row);
  });
});
