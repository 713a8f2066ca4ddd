/** Outbox rows read back from SQLite are checked by kind (store/records.ts): every field a delivery carries survives the trip. */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import type { NewDelivery } from '../../src/store/types.js';
import { tempFolder } from '../helpers/temp-folder.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function store(): Store {
  const dir = tempFolder('notecast-outbox-rows-');
  dirs.push(dir);
  return new Store(path.join(dir, 'state.db'));
}

const target = { platform: 'discord' as const, chat: '42', thread: '' };
const summary = {
  title: 'A note',
  url: 'https://ex.org/a',
  keyPoints: [[{ text: 'Run ' }, { text: 'npm ci', style: 'code' as const }]],
  links: [{ text: 'the guide', url: 'https://ex.org/guide' }],
  lang: 'en',
  locale: 'en',
  tags: ['build'],
  date: '2026-01-02',
  readingMinutes: 1,
  categories: ['tools'],
  page: { title: 'A note', author: 'Ada', nested: { n: 1 } },
};

it.each<NewDelivery>([
  // A pinned, silent post held for a scheduled digest, with the front matter templates show (issues 28, 29).
  { kind: 'post', noteId: 'a', revision: 1, target, payload: { type: 'summary', summary, alsoIn: [{ label: 'Deutsch', url: 'https://ex.org/de/a' }], member: 'a', silent: true, pin: true, digestAt: 1_800_000_000_000 } },
  { kind: 'edit', noteId: 'a', revision: 2, target, payload: { type: 'summary', summary } },
  { kind: 'delete', noteId: 'a', revision: 3, target, payload: { type: 'delete' } },
  { kind: 'digest', noteId: null, revision: 0, target, payload: { type: 'digest', items: [{ noteId: 'a', title: 'A note', url: 'https://ex.org/a' }] } },
  { kind: 'crosspost', noteId: 'a', revision: 1, target, payload: { type: 'crosspost', messageId: '9001' } },
  { kind: 'pin', noteId: 'a', revision: 1, target, payload: { type: 'pin', messageId: '9001', unpinPrevious: true } },
])('a $kind row reads back as it was queued', (d) => {
  const s = store();
  try {
    const row = s.outboxRow(s.enqueue(d));
    expect(row).toBeDefined();
    expect({ kind: row!.kind, noteId: row!.noteId, payload: row!.payload }).toEqual({ kind: d.kind, noteId: d.noteId, payload: d.payload });
  } finally {
    s.close();
  }
});
