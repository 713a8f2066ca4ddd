/**
 * A summary made when first shown (issue 31) is made on the main thread with no time budget: only
 * a file no longer than what the parse threads leave to it (DEFER_SUMMARY_UP_TO). A file grown past
 * that since its record (1 MB of `*a` took 211 s on the main thread: issue 25, item 5) is left to
 * its batch on the parse threads: nothing is shown from it meanwhile, and nothing freezes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFER_SUMMARY_UP_TO } from '../../src/publish/parse-pool.js';
import { summaryMaker } from '../../src/publish/summary-maker.js';
import type { NoteRow } from '../../src/store/types.js';
import { DEFAULT_SUMMARY_OPTIONS } from '../../src/summary/build.js';
import { corpusReadOptions } from '../helpers/corpus.js';
import { TOO_LONG_HERE } from '../../src/store/deferred-summaries.js';
import { tempFolder } from '../helpers/temp-folder.js';

const row = (file: string) => ({ file }) as unknown as NoteRow; // the maker reads only `file`

describe('summaryMaker', () => {
  const root = tempFolder('notecast-maker-');
  const maker = summaryMaker(root, { ...corpusReadOptions(), realRoot: root }, DEFAULT_SUMMARY_OPTIONS);
  const make = (r: NoteRow) => maker.make(r);
  beforeAll(() => maker.load());

  it('makes the summary of a note within the limit', () => {
    writeFileSync(path.join(root, 'small.md'), '---\ntitle: Small\n---\n\nA small note says one thing clearly.\n');
    const made = make(row('small.md'));
    expect(made !== TOO_LONG_HERE && made?.summary.title).toBe('Small');
  });

  it('leaves a file grown past the limit (pathological emphasis) to its batch', () => {
    writeFileSync(path.join(root, 'grown.md'), `---\ntitle: Grown\n---\n\n${'*a'.repeat(DEFER_SUMMARY_UP_TO)}\n`);
    expect(make(row('grown.md'))).toBeUndefined();
  });
});
