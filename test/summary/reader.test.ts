/**
 * Summaries judged as readers judge them: `../shared/corpus/reader-checks.yaml` says, per corpus
 * note, what its summary must name and what no key point may start with (matching as
 * `../shared/tools/check-reader.py` does). And a summary is set beside the plainest one, the note's
 * first three sentences, note by note.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { bodyText } from '../../src/summary/body.js';
import { pointText } from '../../src/summary/inline.js';
import { splitSentences } from '../../src/summary/sentences.js';
import { CORPUS } from '../helpers/corpus.js';
import { corpusSummaryOf } from '../helpers/corpus-summaries.js';

const Checklist = z.array(z.object({ file: z.string(), gist: z.string(), must: z.array(z.string()), never: z.array(z.string()) }));

/** As check-reader.py compares: NFKC, straight quotes, case-folded, white space collapsed. */
function fold(s: string): string {
  return s.normalize('NFKC').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').toLowerCase().replace(/\s+/g, ' ').trim();
}

interface Score {
  found: number;
  must: number;
  violations: string[];
  missing: string[];
}

function score(points: readonly string[], entry: { must: string[]; never: string[] }): Score {
  const text = fold(points.join(' '));
  const missing = entry.must.filter((m) => !text.includes(fold(m)));
  const violations = points.flatMap((p) => entry.never.filter((n) => fold(p).startsWith(fold(n))).map((n) => `${n} (in "${p.slice(0, 60)}")`));
  return { found: entry.must.length - missing.length, must: entry.must.length, violations, missing };
}

/**
 * The share of must items found today (235/259): a floor that only rises. The target is 90 %; the
 * figure printed by this test is the one to read.
 */
const MUST_FLOOR = 0.907;

/**
 * Notes whose summary names fewer must items than their first three sentences: a ceiling that only
 * falls (the issue asks for none; the test prints which they are).
 */
const WORSE_CEILING = 0;

describe('reader checks over the corpus', () => {
  const checklist = Checklist.parse(parse(readFileSync(path.join(CORPUS, 'reader-checks.yaml'), 'utf8')));

  it('finds what readers need and never starts a point with filler', async () => {
    expect(checklist.length).toBeGreaterThan(0);
    let found = 0;
    let must = 0;
    const violations: string[] = [];
    const lines: string[] = [];
    for (const entry of checklist) {
      const { summary } = await corpusSummaryOf(entry.file);
      const s = score(summary.keyPoints.map(pointText), entry);
      found += s.found;
      must += s.must;
      violations.push(...s.violations.map((v) => `${entry.file}: ${v}`));
      if (s.missing.length) lines.push(`${entry.file}: missing ${s.missing.join(', ')}`);
    }
    console.log(`${lines.join('\n')}\nreader checks: ${found}/${must} must items found (${((100 * found) / must).toFixed(1)} %), ${violations.length} never-violations`);
    expect(violations).toEqual([]);
    expect(found / must).toBeGreaterThanOrEqual(MUST_FLOOR);
  });

  it('is never worse than the note’s first three sentences, and shows where the two differ', async () => {
    let better = 0;
    let same = 0;
    const worse: string[] = [];
    const diffs: string[] = [];
    for (const entry of checklist) {
      const { note, tokens, summary } = await corpusSummaryOf(entry.file);
      const points = summary.keyPoints.map(pointText);
      const firstThree = splitSentences(bodyText(tokens).replace(/\n/g, ' '), note.locale, 3);
      const ours = score(points, entry);
      const plain = score(firstThree, entry);
      const oursBad = ours.violations.length;
      const plainBad = plain.violations.length;
      if (ours.found < plain.found || (ours.found === plain.found && oursBad > plainBad)) worse.push(`${entry.file}: ${ours.found} found against ${plain.found}`);
      else if (ours.found > plain.found || oursBad < plainBad) better++;
      else same++;
      if (ours.found !== plain.found || oursBad !== plainBad) diffs.push(`${entry.file}\n  first three: ${plain.found}/${plain.must}, ${plainBad} filler\n  summary:     ${ours.found}/${ours.must}, ${oursBad} filler`);
    }
    console.log(`${diffs.join('\n')}\nagainst the first three sentences: ${better} better, ${same} the same, ${worse.length} worse`);
    expect(worse.length, worse.join('\n')).toBeLessThanOrEqual(WORSE_CEILING);
    expect(better).toBeGreaterThan(worse.length);
  });
});
