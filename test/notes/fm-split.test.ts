/**
 * Issue 31: a note's front matter is split from its body without gray-matter, which requires js-yaml as
 * it loads (54-59 ms of CPU on the main thread and on each parse thread) though notecast never uses it.
 * The split must be gray-matter's own, whatever the text: each case below, and every note of the corpus,
 * gives the same value, body and error as gray-matter given the same YAML engine.
 */
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import matter from 'gray-matter';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrontMatterLanguageError, splitFrontMatter } from '../../src/notes/fm-split.js';
import { parseFrontMatterYaml, parseNoteText } from '../../src/notes/read.js';
import { NoteError } from '../../src/errors.js';
import { scanNotesSync } from '../../src/notes/scan.js';
import { CORPUS_NOTES, REPO_ROOT, requireCorpus } from '../helpers/corpus.js';

/** What gray-matter makes of `text` (its value and body, or its error's message), as read.ts called it before. */
function byGrayMatter(text: string): unknown {
  try {
    const { data, content } = matter(text, { language: 'yaml', engines: { yaml: parseFrontMatterYaml } });
    return { data, content };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

function bySplit(text: string): unknown {
  try {
    return splitFrontMatter(text, parseFrontMatterYaml);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

const CASES: Record<string, string> = {
  empty: '',
  'no front matter': 'Just a body.\n',
  'leading blank line': '\n---\ntitle: A\n---\nBody\n',
  flat: '---\ntitle: A\ndraft: false\n---\n\nBody.\n',
  'a list (the full YAML parser)': '---\ntitle: A\ntags:\n  - one\n  - two\n---\nBody\n',
  'a byte order mark': '\ufeff---\ntitle: A\n---\nBody\n',
  'CRLF line ends': '---\r\ntitle: A\r\n---\r\nBody\r\n',
  'a rule, not an opening line': '----\ntitle: A\n----\nBody\n',
  'spaces after the opening dashes': '---   \ntitle: A\n---\nBody\n',
  'only comments': '---\n# a comment\n  # another\n---\nBody\n',
  'empty front matter': '---\n---\nBody\n',
  'no closing line': '---\ntitle: A\nBody\n',
  'closing dashes with more after them': '---\ntitle: A\n---more\nBody\n',
  'no line end at all': '---',
  'dashes and one character': '---x',
  'body right after the closing dashes': '---\ntitle: A\n---',
  'a blank line and a CR after closing': '---\ntitle: A\n---\r\n\nBody\n',
  'JSON front matter': '---json\n{"title": "J", "tags": ["a"]}\n---\nBody\n',
  'JSON null': '---json\nnull\n---\nBody\n',
  'yaml named': '---yaml\ntitle: Y\n---\nBody\n',
  'invalid YAML': '---\ntitle: [unclosed\n---\nBody\n',
  'a scalar': '---\njust text\n---\nBody\n',
  'an excerpt separator': '---\nexcerpt_separator: <!--more-->\n---\nLead<!--more-->rest\n',
  'an excerpt separator that is no text': '---\nexcerpt_separator:\n  toString: 1\n---\nBody\n',
  'an excerpt separator that is a list': '---\nexcerpt_separator: [a, b]\n---\nBody a,b\n',
};

describe('splitting front matter from the body', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`as gray-matter does: ${name}`, () => {
      expect(bySplit(text)).toEqual(byGrayMatter(text));
    });
  }

  it('as gray-matter does for every note of the corpus', () => {
    requireCorpus();
    const files = scanNotesSync(CORPUS_NOTES);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(bySplit(text), f).toEqual(byGrayMatter(text));
    }
  });
});

// Where Jekyll and gray-matter differ, Jekyll is followed: a line of `...` (YAML's end of a document) closes the front
// matter there (jekyll/jekyll lib/jekyll/document.rb YAML_FRONT_MATTER_REGEXP: `^((---|\.\.\.)\s*$\n?)`); gray-matter
// reads on to the next `---` and the YAML engine refuses the second document (issue 25, tester 20 F5).
describe('a closing line of dots, as Jekyll reads it', () => {
  const split = (text: string) => splitFrontMatter(text, parseFrontMatterYaml);
  const read = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: ['en'], site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} } };

  it('ends the front matter; the body follows it', () => {
    expect(split('---\ntitle: Dots\n...\n\nBody.\n')).toEqual({ data: { title: 'Dots' }, content: '\nBody.\n' });
    // CRLF: what the closing dashes would give (the YAML engine's reading of the block is its own), trailing spaces and all.
    expect(split('---\r\ntitle: Dots\r\n...  \r\nBody.\r\n')).toEqual(split('---\r\ntitle: Dots\r\n---\r\nBody.\r\n'));
    expect(split('---\ntitle: Dots\n...')).toEqual({ data: { title: 'Dots' }, content: '' });
  });

  it('before a later line of dashes, which stays in the body', () => {
    expect(split('---\ntitle: A\n...\nBody\n---\nrest\n')).toEqual({ data: { title: 'A' }, content: 'Body\n---\nrest\n' });
  });

  it('only as a line of its own: dots inside a value or after the closing dashes change nothing', () => {
    expect(split('---\ntitle: Wait...\n---\nBody\n...\n')).toEqual({ data: { title: 'Wait...' }, content: 'Body\n...\n' });
    expect(split('---\ntitle: A\nnote: |\n  ...\n---\nBody\n').data).toEqual({ title: 'A', note: '...\n' });
  });

  // Generated: any front matter of plain keys closed as Jekyll's regex allows (`---` or `...`, trailing blanks; LF
  // only, as read.ts decodeNoteText hands every note over with CRLF made LF), and any body whose lines are not a closing line, splits into that mapping and that body (tester 20's F5,
  // a note Jekyll publishes refused, is one case; the property would have found it).
  it('splits every front matter closed as Jekyll closes it into its mapping and body (property)', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
    const line = fc.stringMatching(/^[A-Za-z0-9 ,]{0,20}$/).filter((l) => /^[^ ]/.test(l) && !/^(?:---|\.\.\.)/.test(l));
    fc.assert(
      fc.property(fc.dictionary(word, word, { minKeys: 1, maxKeys: 4 }), fc.constantFrom('---', '...'), fc.constantFrom('', ' ', '\t '), fc.array(line, { maxLength: 4 }), (data, close, blanks, body) => {
        const eol = '\n';
        const text = ['---', ...Object.entries(data).map(([k, v]) => `${k}: ${JSON.stringify(v)}`), close + blanks, ...body].join(eol) + eol;
        const got = split(text);
        expect(got.data).toEqual(data);
        // The closing line's trailing blanks, which Jekyll's `\s*$` takes too, may lead the body: Markdown ignores them.
        expect(got.content.replace(/^[ \t]*\r?\n?/, '')).toBe(body.length ? body.join(eol) + eol : '');
      }),
    );
  });

  it("reads a note Jekyll publishes, where gray-matter's split fails", () => {
    const text = '---\ntitle: Dots\n...\n\nBody.\n';
    expect(byGrayMatter(text)).toMatchObject({ error: expect.stringContaining('multiple documents') });
    expect(parseNoteText('notes/dots.md', text, read).note.title).toBe('Dots');
  });
});

/** Which of gray-matter and js-yaml are loaded once notes with YAML front matter (flat, and a list) are read, then once one with JSON front matter is; and what they read. */
const SCRIPT = `
import { createRequire } from 'node:module';
import path from 'node:path';
const root = process.argv[1];
const cache = createRequire(path.join(root, 'package.json')).cache;
const { parseNoteText } = await import(path.join(root, 'dist/src/notes/read.js'));
const loaded = () => ['gray-matter', 'js-yaml'].filter((m) => Object.keys(cache).some((k) => k.split(path.sep).join('/').includes('/node_modules/' + m + '/')));
const read = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: ['en'], site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} } };
const flat = parseNoteText('flat.md', '---\\ntitle: Flat\\n---\\n\\nBody.\\n', read);
const listed = parseNoteText('listed.md', '---\\ntitle: Listed\\ntags:\\n  - one\\n---\\n\\nBody.\\n', read);
const afterYaml = loaded();
const json = parseNoteText('json.md', '---json\\n{"title": "Json"}\\n---\\n\\nBody.\\n', read);
console.log(JSON.stringify({ afterYaml, afterJson: loaded(), titles: [flat.note.title, listed.note.title, json.note.title] }));
`;

describe('gray-matter and js-yaml in a process reading notes', () => {
  it('are never loaded, for YAML or JSON front matter', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT, REPO_ROOT], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ afterYaml: [], afterJson: [], titles: ['Flat', 'Listed', 'Json'] });
  });
});

describe('front matter in another language', () => {
  // gray-matter evaluates `---js` front matter (eval): a note could run code in the service. Jekyll reads YAML only.
  const RUNS = '---js\n{ title: (function () { globalThis.FM_SPLIT_RAN = 1; return "ran"; })() }\n---\nBody\n';

  it('is refused, never evaluated, for JavaScript and every language but YAML and JSON', () => {
    for (const language of ['js', 'javascript', 'coffee', 'toml', 'JS']) {
      const text = RUNS.replace('---js', `---${language}`);
      expect(() => splitFrontMatter(text, parseFrontMatterYaml)).toThrow(FrontMatterLanguageError);
    }
    expect((globalThis as { FM_SPLIT_RAN?: number }).FM_SPLIT_RAN).toBeUndefined();
  });

  it("is the note's error on line 1, naming the file and the language", () => {
    const read = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: ['en'], site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} } };
    const thrown = ((): unknown => {
      try {
        parseNoteText('notes/run.md', RUNS, read);
        return undefined;
      } catch (e) {
        return e;
      }
    })();
    expect(thrown).toBeInstanceOf(NoteError);
    expect(thrown).toMatchObject({ file: 'notes/run.md', line: 1 });
    expect((thrown as Error).message).toContain("'js'");
    expect((globalThis as { FM_SPLIT_RAN?: number }).FM_SPLIT_RAN).toBeUndefined();
  });
});
