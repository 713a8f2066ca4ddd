/**
 * Issue 23 (tester round 16, F7): a section whose sentences open with its subject's acronym ("BFS
 * visits…" under "Breadth-first search") gave no point: a capital at a sentence's start was no sign
 * of a name, so the acronym weighed as a word said once and the sentence named nothing. An acronym
 * is a name wherever it stands. A note written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';
import { isAcronym } from '../../src/summary/chars.js';

const note = [
  'This note compares four protocols of the internet: the transmission control protocol, the user datagram protocol, the hypertext transfer protocol and the domain name system.',
  '## Transmission control protocol',
  'TCP delivers bytes in order and resends what gets lost. It opens each connection with a handshake.',
  '## User datagram protocol',
  'UDP sends single datagrams without any handshake. It suits games and voice calls.',
  '## Hypertext transfer protocol',
  'HTTP asks a server for a resource and gets back a status code with a body.',
  '## Domain name system',
  'DNS turns a host name into an address, caching the answer for its time to live.',
].join('\n\n');

describe('a section led by its acronym', () => {
  it('gives a point for each section', () => {
    const points = pointsOfNote('en', note);
    for (const acronym of ['TCP', 'UDP', 'HTTP', 'DNS']) expect(points.some((p) => p.startsWith(`${acronym} `))).toBe(true);
  });

  it('an acronym is two capitals or more, digits allowed; a word with a capital is not one', () => {
    expect(['TCP', 'H2O', 'GPU', 'MP3'].filter(isAcronym)).toEqual(['TCP', 'H2O', 'GPU', 'MP3']);
    expect(['Tcp', 'A', 'A1', '42', 'iOS'].filter(isAcronym)).toEqual([]);
  });
});
