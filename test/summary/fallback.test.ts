/** A summary whose every sentence fell out falls back to the note's opening words (issue 23). Notes written for this test. */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

describe('a summary with nothing else', () => {
  it('shows the opening sentence, its overlong code span shortened', () => {
    const signature = `async fn reconcile_lighthouse_schedules<S: Store + Clone + Send + 'static>(store: S, keepers: Vec<BTreeMap<String, Vec<Option<Arc<Mutex<Shift>>>>>>) -> Result<impl Stream<Item = Shift>, ScheduleError>`;
    const { note, tokens } = parseNote('notes/2026-01-04-shifts-en.md', Buffer.from(`---\ntitle: Shifts\n---\n\nRead \`${signature}\` before changing the rota code.\n`), opts);
    const points = buildSummary(note, tokens).keyPoints;
    expect(points).toHaveLength(1);
    const text = pointText(points[0]!);
    expect(text).toMatch(/^Read async fn reconcile_lighthouse_schedules.*… before changing the rota code\.$/);
    expect(text.length).toBeLessThanOrEqual(200);
    expect(points[0]!.find((r) => r.style === 'code')?.text).toMatch(/^async fn reconcile.*…$/);
  });
});
