/**
 * Points cover the note's parts: the sub-sections of one top-level section ("## Setup" over
 * "### Windows", "### macOS", "### Linux") are one part, and a second point from it weighs less than
 * what the rest of the note says. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(title: string, body: string): string[] {
  const { note, tokens } = parseNote('_posts/2025-01-01-note-en.md', Buffer.from(`---\ntitle: ${title}\nlang: en\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

/** One platform's setup: a list of steps under its own heading, as install guides write them. */
const platform = (name: string, tool: string, folder: string) => `### ${name}
- Install the Vesper server with ${tool}.
- Create the Vesper data folder at ${folder}.
- Start the Vesper server and check its status page.
`;

const GUIDE = `Vesper is a small open-source time-series database designed for sensor data at the edge. It keeps readings in compact columnar blocks called VLOG segments (Vesper Log), making range scans over weeks of data cheap. Unlike general databases, Vesper drops old readings on a schedule, so a device never runs out of disk.

## Setup

${platform('Windows', 'winget', 'C:\\vesper')}
${platform('macOS', 'Homebrew', '/usr/local/var/vesper')}
${platform('Linux', 'apt', '/var/lib/vesper')}
${platform('Cloud', 'the Vesper Console', 'a mounted volume')}
## Queries

Queries are written in VQL, a small query language that selects readings by sensor tag and time range. A VQL query returns readings in time order, with gaps filled by interpolation when asked.

## Retention

Retention rules say how long each sensor's readings are kept, and downsampling keeps hourly averages of older readings. Downsampling runs at night, so queries over old data stay fast.
`;

describe('points over the parts of a note', () => {
  it('take one point from a part of several platform sub-sections while the other parts say more', () => {
    const got = points('Vesper Guide', GUIDE);
    const fromSetup = got.filter((p) => /Install the Vesper server|data folder|Start the Vesper server/.test(p));
    expect(fromSetup.length, got.join('\n')).toBeLessThanOrEqual(1);
    expect(got.join('\n')).toMatch(/VQL[^]*Retention rules/);
  });
});
