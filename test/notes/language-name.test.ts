/**
 * One language name (issue 24): the summary's footer and a family's "also in" links had a copy
 * each, and they differed: the footer wrote `español`, the links `Español`, and for a language Intl
 * does not know the links showed Intl's guess (`Root` for an unknown code, `Xx` for `xx`). Kept: the
 * name in its own script as a label (first letter up, as a menu shows it), else the code as written.
 */
import { describe, expect, it } from 'vitest';
import { languageName } from '../../src/notes/lang.js';
import { alsoInFor } from '../../src/publish/family.js';
import type { NoteRow } from '../../src/store/types.js';
import { summaryFooter } from '../../src/summary/build.js';

const member = (id: string, lang: string): NoteRow => ({
  id, file: `${id}.md`, hash: id, summaryHash: null, state: 'published', dueAt: null, revision: 1, announced: true, error: null, summary: null,
  info: { file: `${id}.md`, title: id, lang, locale: lang, tags: [], translationKey: 'k', draft: false },
});

describe('languageName', () => {
  it('names a language in its own script, as a label', () => {
    expect(['es', 'fr', 'ja', 'hant', 'de', 'hi'].map((l) => languageName(l))).toEqual(['Español', 'Français', '日本語', '繁體中文', 'Deutsch', 'हिन्दी']);
  });

  it('shows a language Intl does not name as written', () => {
    expect(languageName('xx')).toBe('xx');
    expect(languageName('not a code!')).toBe('not a code!');
  });

  it('is the same name in the footer and in the family links', () => {
    for (const lang of ['es', 'xx', 'not a code!']) {
      const footer = summaryFooter({ lang, locale: lang === 'es' ? 'es' : 'und', tags: [], readingMinutes: 1 });
      const [link] = alsoInFor([member('a', 'en'), member('b', lang)], member('a', 'en'));
      expect(footer.startsWith(link!.label)).toBe(true);
      expect(link!.label).toBe(languageName(lang));
    }
  });
});
