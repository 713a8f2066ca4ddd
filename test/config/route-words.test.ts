/** A config route's `filter.words` is checked as `/subscribe words:` is (issue 29, t29 N2, N7): `check` and `start` load it so. */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { tempFolder } from '../helpers/temp-folder.js';

const dir = tempFolder('route-words-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The config's problems as `check` prints them, or `[]`. */
function problems(words: string[]): string[] {
  const file = path.join(dir, 'notecast.yaml');
  writeFileSync(file, `routes:\n${words.map((w, i) => `  - platform: console\n    chat: c${i}\n    filter:\n      words: ${JSON.stringify(w)}\n`).join('')}`);
  try {
    loadConfig(file);
    return [];
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.message.split('\n').map((l) => l.slice(file.length));
  }
}

describe('config route filter.words', () => {
  it('N2: words with no letter or digit (symbols alone) are a config error on their line, in plain words', () => {
    expect(problems(['rust', '***', '!!! ???', '🎉'])).toEqual(
      [9, 13, 17].map((line, i) => `:${line}: routes.${i + 1}.filter.words: has no letter or digit to look for (symbols alone are not searched): write words such as words: "rust async"`),
    );
    expect(problems(['c++', '.NET', '模型'])).toEqual([]);
  });

  it('N7: at most 200 characters, counted as characters (code points), not UTF-16 units', () => {
    expect(problems([`rust ${'🎉'.repeat(150)}`])).toEqual([]);
    expect(problems([`rust ${'x'.repeat(200)}`])).toEqual([':5: routes.0.filter.words: takes at most 200 characters']);
  });
});
