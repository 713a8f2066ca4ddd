/**
 * notes/bare-text.ts: a note's text without its controls, what copies are compared by (issue 25, fx27c). Controls
 * never change what a message shows, so two files differing only in them have one bare text; anything else differs.
 */
import { describe, expect, it } from 'vitest';
import { textWithoutControls } from '../../src/notes/bare-text.js';
import { parseNoteText, type ReadOptions } from '../../src/notes/read.js';

const OPTS: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [], site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} } };
const BODY = 'Alpha is about apples.\n';
const note = (fm: string) => `---\ntitle: Alpha\n${fm}---\n${BODY}`;
const bareHash = (text: string) => {
  const { note: n } = parseNoteText('a.md', text, OPTS);
  return n.bareHash ?? n.hash;
};

describe('textWithoutControls', () => {
  it('takes out each control key, whatever its style, as the lines it is written on', () => {
    const bare = note('');
    for (const fm of [
      'notecast: {silent: true}\n',
      'notecast:\n  silent: true\n  routes:\n    - everyone\n',
      'notecast: {\n  pin: true,\n  silent: true }\n',
      '"notecast": {announce: again}\n',
      'announce: again\n',
      'notecast:\n  silent: true # a comment\nannounce: again\n',
    ]) expect(textWithoutControls(note(fm)), fm).toBe(bare);
  });

  it('keeps every other key, and the body, as written', () => {
    expect(textWithoutControls(`---\ntags: [a]\nnotecast:\n  silent: true\ndate: 2024-01-02\n---\nnotecast: not front matter\n`)).toBe('---\ntags: [a]\ndate: 2024-01-02\n---\nnotecast: not front matter\n');
  });

  it('is undefined where nothing is taken out: no front matter, no control, a control only in the body', () => {
    expect(textWithoutControls(BODY)).toBeUndefined();
    expect(textWithoutControls(note('tags: [notecast]\n'))).toBeUndefined();
    expect(textWithoutControls(`---\ntitle: A\n---\nnotecast: {silent: true}\n`)).toBeUndefined();
  });
});

describe('a note\'s bareHash', () => {
  it('is one for files differing only in controls, and differs with the text', () => {
    const plain = note('');
    expect(bareHash(note('notecast: {silent: true}\n'))).toBe(bareHash(plain));
    expect(bareHash(note('notecast:\n  routes: [everyone]\n'))).toBe(bareHash(plain));
    expect(bareHash(note('tags: [a]\nnotecast: {silent: true}\n'))).not.toBe(bareHash(plain));
    expect(bareHash(plain.replace('apples', 'pears'))).not.toBe(bareHash(plain));
  });

  it('is absent without controls, so a record matches by its hash as before', () => {
    expect(parseNoteText('a.md', note(''), OPTS).note.bareHash).toBeUndefined();
  });
});
