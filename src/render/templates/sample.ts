/**
 * Notes every template is rendered against when it is loaded, so an unknown variable shows then,
 * not at post time: one with every field set (loops run), one with none (the other branches).
 */
import type { TemplateNote } from './context.js';

const FULL: TemplateNote = {
  summary: {
    title: 'A sample note',
    url: 'https://example.org/2026/01/02/sample.html',
    keyPoints: [[{ text: 'A first point with ' }, { text: 'code', style: 'code' }, { text: '.' }], [{ text: 'A second point.' }]],
    links: [
      { text: 'A link', url: 'https://example.org/a' },
      { text: 'Another', url: 'https://example.org/b' },
    ],
    lang: 'en',
    locale: 'en',
    tags: ['sample', 'notes'],
    date: '2026-01-02',
    readingMinutes: 3,
    categories: ['blog'],
    page: { title: 'A sample note', tags: ['sample', 'notes'], categories: ['blog'], description: 'A sample.' },
  },
  alsoIn: [{ label: '日本語', url: 'https://example.org/ja/2026/01/02/sample.html' }],
};

const EMPTY: TemplateNote = {
  summary: { title: 'Untitled', keyPoints: [], links: [], lang: 'und', locale: 'und', tags: [], readingMinutes: 1, categories: [], page: {} },
  alsoIn: [],
};

export const SAMPLE_NOTES: readonly TemplateNote[] = [FULL, EMPTY];
