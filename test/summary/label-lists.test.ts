/**
 * A list whose items are bold labels each followed by what the item says: the labels compacted
 * into one point ("Key ideas: Tiling, Caching, …") name nothing a reader learns; the items' content
 * does, when each says a long sentence (short items stay compacted: meta-leads, timed-steps tests).
 * A ranking's labels (ordered) stay its point, however long its items. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(title: string, body: string, lang = 'en'): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-note-${lang}.md`, Buffer.from(`---\ntitle: ${title}\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

const CONCEPTS = `Loop tiling is a compiler technique that reorders nested loops so that the data they touch fits in the cache. It splits each loop into blocks and runs one block of every loop before moving on.

#### Key Ideas
- **Block Size**: Each block is chosen so that its working set fits in the L1 cache, usually a few kilobytes of data.
- **Loop Order**: Tiled loops visit memory in row-major order, so that neighbouring iterations reuse the same cache lines.
- **Reuse Distance**: Tiling shortens the reuse distance of each element, the number of accesses between two uses of it.
- **Legality Check**: A dependence analysis proves that reordering the blocks keeps every read after the write it depends on.

Tiling pays most for matrix multiplication and stencil codes, where each element is read many times.
`;

// German compounds say in one word what English says in two or three (issue 23, F18): each item
// here says as much as an English statement of sixteen words or more, in twelve or thirteen words.
const KONZEPTE = `Die Nachtschicht der Bibliothek wurde im Frühjahr neu organisiert.

- **Anlass**: Mehrere Ausleihautomaten im Lesesaal verweigerten nach Mitternacht regelmäßig sämtliche Buchungen der Studierendenausweise.
- **Folgen**: Rund dreihundert Ausleihvorgänge mussten handschriftlich nachgetragen werden, weil die Verbuchungssoftware abstürzte.
- **Abhilfe**: Die Automaten werden jetzt nächtlich neu gestartet und ihre Protokolldateien wöchentlich ausgewertet.
`;

const RANKING = `These are the editors most used by developers in the 2025 survey, by share of answers.

1. **Vimto**: The oldest editor of the list, still loved by many for its modal editing, its macros and its speed on remote servers.
2. **Quillpad**: A fast graphical editor with a large market of plugins, remote editing over SSH and a built-in terminal for builds.
3. **Nebula**: A young editor built around collaborative sessions, where several people edit one file and an assistant answers questions.
4. **Stonebrook**: A classic IDE for large Java and Kotlin projects, with deep refactoring, a profiler and a debugger for remote machines.

Shares moved little since last year, and the top two together hold more than half.
`;

describe('lists of labels followed by what each item says', () => {
  it('give what the items say, not the labels compacted into a point', () => {
    const got = points('Loop Tiling', CONCEPTS);
    expect(got.some((p) => /^Key Ideas: Block Size, Loop Order/.test(p)), got.join('\n')).toBe(false);
    expect(got.join('\n')).toMatch(/row-major order|reuse distance of each element|dependence analysis/);
  });

  it('keep a ranking named by its entries (an ordered list)', () => {
    const got = points('Editors of 2025', RANKING);
    expect(got.join('\n')).toMatch(/Vimto, Quillpad, Nebula/);
  });

  it('count a German statement by its letters: its compounds are long words', () => {
    const got = points('Nachtschicht', KONZEPTE, 'de');
    expect(got.some((p) => /^Anlass, Folgen, Abhilfe/u.test(p)), got.join('\n')).toBe(false);
    expect(got.join('\n')).toMatch(/Ausleihautomaten|Ausleihvorgänge|Protokolldateien/u);
  });

  // Issue 23, F15: one definition of fifteen words (one short of the mark) kept a labels-only point.
  it('give what the items say when one of them is a little shorter than the others', () => {
    const glossary = `A few words recur in every talk about caches, and each means something precise.

- **Hit ratio**: the share of all lookups that find their entry in the cache without going to the slower store behind it.
- **Eviction**: the removal of an entry chosen by a policy when the cache is full and a new entry has to be stored.
- **Write-back**: a policy where changed entries are written to the store only when they leave the cache, not at every write.
- **Warm-up**: the period after a restart during which the cache fills and most lookups still miss.
`;
    const got = points('Cache words', glossary);
    expect(got.some((p) => /Hit ratio, Eviction, Write-back/.test(p)), got.join('\n')).toBe(false);
    expect(got.join('\n')).toMatch(/share of all lookups|removal of an entry|written to the store/);
  });
});
