/** The original among a family's translations (README, Translations): never decided by paths or reading order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { originalAmong, type MemberFacts } from '../../src/notes/original.js';

const member = (id: string, lang: string, extra: Partial<MemberFacts['info']> = {}): MemberFacts => ({ id, info: { lang, locale: lang, ...extra } });

describe('originalAmong', () => {
  it('English beside an unmarked Japanese translation, whatever the folders and their order', () => {
    for (const [en, ja] of [['posts/guide', 'ja/posts/guide'], ['zeta/guide', 'ja/guide'], ['docs/guide', 'ja/docs/guide'], ['en/guide', 'ja/guide']] as const) {
      for (const members of [[member(en, 'en'), member(ja, 'ja')], [member(ja, 'ja'), member(en, 'en')]]) expect(originalAmong(members)?.id).toBe(en);
    }
  });
  it('the member a chat shows stays while it is unmarked; a marked translation gives way to the original', () => {
    const en = member('zeta/guide', 'en');
    const ja = member('ja/guide', 'ja');
    expect(originalAmong([en, ja], 'ja/guide')?.id).toBe('ja/guide');
    expect(originalAmong([en, { ...ja, info: { ...ja.info, original: false } }], 'ja/guide')?.id).toBe('zeta/guide');
  });
  it('without English: the earliest date, then the language code, never the path', () => {
    expect(originalAmong([member('a/x', 'zh', { date: '2025-02-01' }), member('z/x', 'ja', { date: '2025-01-01' })])?.id).toBe('z/x');
    expect(originalAmong([member('z/x', 'zh'), member('a/x', 'ja')])?.id).toBe('a/x');
    expect(originalAmong([member('a/x', 'zh'), member('z/x', 'ja')])?.id).toBe('z/x');
  });

  // Paths as sites lay translations out: a language folder beside or above, a suffix, any folder name.
  const dirs = ['', 'posts/', 'notes/', 'zeta/', 'docs/', '_posts/', 'a/b/'];
  const langs = ['en', 'ja', 'zh', 'de', 'ko'];
  const familyArb = fc.record({
    langs: fc.uniqueArray(fc.constantFrom(...langs), { minLength: 1, maxLength: 4 }),
    marked: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    dated: fc.array(fc.option(fc.constantFrom('2025-01-01', '2025-03-01')), { minLength: 4, maxLength: 4 }),
  });
  const layout = (langsOf: readonly string[], marked: readonly boolean[], dated: readonly (string | null)[], dirOf: (i: number) => string, suffix: boolean) =>
    langsOf.map((lang, i) => member(suffix ? `${dirOf(i)}guide-${lang}` : `${lang}/${dirOf(i)}guide`, lang, { original: !marked[i], ...(dated[i] ? { date: dated[i] } : {}) }));

  it('the language chosen is the same for any paths and any reading order', () => {
    fc.assert(
      fc.property(familyArb, fc.array(fc.constantFrom(...dirs), { minLength: 8, maxLength: 8 }), fc.boolean(), fc.boolean(), (f, dirOf, suffix, reverse) => {
        const plain = layout(f.langs, f.marked, f.dated, () => '', false);
        const moved = layout(f.langs, f.marked, f.dated, (i) => dirOf[i]!, suffix);
        const chosen = originalAmong(reverse ? [...moved].reverse() : moved);
        expect(chosen?.info.lang).toBe(originalAmong(plain)?.info.lang);
        // An unmarked member a chat shows stays shown, whichever joins.
        for (const m of moved.filter((x) => x.info.original !== false)) expect(originalAmong(moved, m.id)).toBe(m);
      }),
      { seed: 825, numRuns: 300 },
    );
  });
});
