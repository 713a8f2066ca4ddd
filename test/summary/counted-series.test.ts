/**
 * A sentence counting what the next one only lists ("Three stores are common. Redis, Memcached and
 * Hazelcast."): the bare list is no point alone, verbless and without what it names; the two read as
 * one (issue 23, F7 en-11). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';
import { withSeriesNamed } from '../../src/summary/counted-series.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(title: string, body: string, lang = 'en'): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-note-${lang}.md`, Buffer.from(`---\ntitle: ${title}\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

const STORES = `Which cache fits depends on how the data is shared between the servers of a web service.

Three stores are common. Redis, Memcached and Hazelcast.

Typed structures in memory, persisted to disk on request, are what the first keeps. Plain strings spread over many servers are the second's. The third lives inside the application's own JVM.
`;

describe('a count and the bare list after it', () => {
  it('read as one point', () => {
    const got = points('Cache stores', STORES);
    expect(got.some((p) => /^Redis, Memcached and Hazelcast\.?$/.test(p)), got.join(' | ')).toBe(false);
    expect(got).toContain('Three stores are common: Redis, Memcached and Hazelcast.');
  });

  it('joins only a bare series of three names or more after a short sentence', () => {
    expect(withSeriesNamed(['Tres almacenes son habituales.', 'Redis, Memcached y Hazelcast.'])).toEqual(['Tres almacenes son habituales: Redis, Memcached y Hazelcast.']);
    expect(withSeriesNamed(['Garnish with a slice of orange.', 'Serve warm or chilled!'])).toHaveLength(2);
    const long = 'A cache sits between an application and its database in most web services today.';
    expect(withSeriesNamed([long, 'Redis, Memcached and Hazelcast.'])).toHaveLength(2);
  });
});
