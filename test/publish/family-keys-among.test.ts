/** Issue 25 (C/H): `preview` and `check` decide families as `start` does: a draft holds no language's place. */
import { describe, expect, it } from 'vitest';
import { familyKeysAmong } from '../../src/publish/family-key.js';

describe('familyKeysAmong', () => {
  it('a draft read first does not push a published note of its language out of the family', () => {
    const { keyOf, conflicts } = familyKeysAmong([
      { id: 'setup', file: 'setup.md', lang: 'en', translationKey: 'setup', draft: true },
      { id: 'a/setup', file: 'a/setup.md', lang: 'en', translationKey: 'setup', draft: false },
      { id: 'setup-ja', file: 'setup-ja.md', lang: 'ja', translationKey: 'setup', draft: false },
    ]);
    expect(keyOf.get('a/setup')).toBe('setup');
    expect(keyOf.get('setup-ja')).toBe('setup');
    expect(conflicts).toEqual([]);
  });
  it('a third note of one language is, like the second, announced on its own', () => {
    const { keyOf, conflicts } = familyKeysAmong(['a', 'b', 'c'].map((d) => ({ id: `${d}/x`, file: `${d}/x.md`, lang: 'en', translationKey: 'x', draft: false })));
    expect([...keyOf.values()]).toEqual(['x', 'x#b/x', 'x#c/x']);
    expect(conflicts.map((c) => [c.holder.id, c.other.id])).toEqual([['a/x', 'b/x'], ['a/x', 'c/x']]);
  });
});
