/**
 * A long guide's opening paragraph, before its first heading, offers its sentences as the opening
 * of any note does: a guide of many sections gave it only the small share each of its sections
 * gets, so its later sentences (where it names its format, its tool) were never candidates.
 * Notes written for this test.
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

/** Fourteen sections, each with a short paragraph: the walk's candidates shared out over them. */
const SECTIONS = ['Setup', 'Layout', 'Queues', 'Workers', 'Retries', 'Timeouts', 'Metrics', 'Logging', 'Scaling', 'Security', 'Backups', 'Upgrades', 'Testing', 'Costs']
  .map((name) => `## ${name}\n\nThe ${name.toLowerCase()} part of a quarry cluster is set in its main file, and each node reads it at start.\n`)
  .join('\n');

/** An opening of five sentences, its last two naming the record format and the shell the note's examples use. */
const GUIDE = `Quarry is a small open-source job queue written for teams that run batch work on their own machines. It keeps every job as a record of plain fields, so a job can be read without the server. Unlike hosted queues, it has no account to open and no fee per job. Jobs travel between nodes as Parcelpack frames, a compact binary framing of those records. This guide shows every step with the Quarry console (qsh), the shell that ships with it.

${SECTIONS}
Open the console with \`qsh\` and list the queues with \`qsh list\`; qsh prints one queue a line. Frames are Parcelpack frames on the wire.
`;

describe('the opening paragraph of a note of many sections', () => {
  it('offers its later sentences, so what only they name can be a point', () => {
    const got = points('Quarry Guide', GUIDE).join('\n');
    expect(got).toMatch(/binary framing|Quarry console/);
  });
});
