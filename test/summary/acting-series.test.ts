/**
 * "You cut a branch from main, review it and merge it": the reader as the subject of a series of
 * actions is no reply clause before a comma (issue 23, F7): the point keeps its subject and first
 * action, never "Review it … and merge it" alone. A reply clause to the reader still goes ("You're
 * right, …"). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';
import { actsInSeries } from '../../src/summary/predicate-series.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(title: string, body: string, lang = 'en'): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-note-${lang}.md`, Buffer.from(`---\ntitle: ${title}\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

const DEPLOYS = `Three ways to ship a web service without downtime are common.

## Blue-green

You build a second environment, switch the traffic to it and keep the old one for a rollback.

## Canary

A small share of the traffic reaches the new version first, and the share grows while its error rate stays low.

## Rolling

Instances are replaced a few at a time, so the service keeps enough capacity during the update.
`;

const UMZUG = `Ein Umzug der Datenbank gelingt in drei Schritten.

Du exportierst die Tabellen mit pg_dump, prüfst die Datei auf dem neuen Server und spielst sie dort mit psql ein.
`;

describe('the reader acting in a series of predicates', () => {
  it('keeps the subject and first action of the series (en)', () => {
    const got = points('Zero-downtime deploys', DEPLOYS);
    const series = got.find((p) => /switch the traffic/i.test(p));
    expect(series, got.join(' | ')).toBeDefined();
    expect(series).toMatch(/^(?:Blue-green: )?You build a second environment, switch the traffic to it/);
  });

  // German keeps it already (its reply clauses are told otherwise): a guard.
  it('keeps the subject and first action of the series (de)', () => {
    const got = points('Datenbankumzug', UMZUG, 'de');
    expect(got.some((p) => p.startsWith('Du exportierst die Tabellen mit pg_dump, prüfst')), got.join(' | ')).toBe(true);
  });

  it('tells a series of actions from a reply clause by grammar', () => {
    expect(actsInSeries('You cut a branch, review and merge.', 'en')).toBe(true);
    expect(actsInSeries('You are right, restart the server and check the logs.', 'en')).toBe(false);
    expect(actsInSeries("You're right, restart the server and check the logs.", 'en')).toBe(false);
    expect(actsInSeries('You asked about caching, and the answer depends on the data.', 'en')).toBe(false);
    expect(actsInSeries('Du hast recht, starte den Server neu und prüfe die Logs.', 'de')).toBe(false);
  });

  it('still drops a reply clause to the reader before the substance', () => {
    const got = points('Cache sizes', "You're absolutely right, the cache holds the last hundred pages and evicts the oldest first.\n\nIt is sized in the config file.");
    expect(got[0]).toBe('The cache holds the last hundred pages and evicts the oldest first.');
  });
});
