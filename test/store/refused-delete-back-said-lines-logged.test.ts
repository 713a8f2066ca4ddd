/**
 * Review rv34-a R4: a digest message a refused delete left lists n1 and n2. n1 comes back afterwards in a burst: its line
 * goes back to the message (edit E, said and logged). n2 comes back in the next burst while E is still pending: its line
 * goes back by the same edit E. Before df2dd25a each return was logged (left-message-back.ts backAfterwards warned every
 * time); now sayBackToLeftMessage logs only when the failed delete's line changed, so n2's return is named nowhere.
 */
import { expect, it } from 'vitest';
import { pino } from 'pino';
import type { Store } from '../../src/store/store.js';
import { recordFailure, type FailureDeps } from '../../src/publish/outcomes.js';
import type { FailureClass } from '../../src/publish/port.js';
import { silentLogger, type Logger } from '../../src/log.js';
import type { OutboxRow, SummaryPayload } from '../../src/store/types.js';
import { leaveDigest } from '../../src/publish/digest-lines.js';
import { backAfterwards } from '../../src/publish/left-message-back.js';
import type { NewPost } from '../../src/publish/scheduled-digest.js';
import { tempStores } from '../helpers/temp-store.js';

const newStore = tempStores('back-said-lines');

async function failed(s: Store, row: OutboxRow, f: FailureClass): Promise<void> {
  const d: FailureDeps = { store: s, log: silentLogger(), onEvent: () => {}, now: Date.now, opts: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10 }, record: async (_c, write) => write(), tokenRefused: () => {} };
  await recordFailure(d, row, f, { delivery: row.id, note: row.noteId, target: `${row.target.platform}:${row.target.chat}`, kind: row.kind, attempt: row.attempts + 1 });
}

const TOO_OLD: FailureClass = { kind: 'rejected', reason: "telegram deleteMessage: 400 Bad Request: message can't be deleted" };
const chat = { platform: 'telegram' as const, chat: '-100777', thread: '' };
const summary = (title: string) => ({ title, keyPoints: [], links: [], lang: 'en', locale: 'en', tags: [], readingMinutes: 1 });
const newPost = (noteId: string, title: string): NewPost => ({ noteId, revision: 2, title, info: { title } as NewPost['info'], payload: { type: 'summary', summary: summary(title) } as SummaryPayload });

it('R4: two notes of a left digest message back one after the other, the first edit still pending: each return named in a log line', async () => {
  const s = newStore();
  const lines: string[] = [];
  const log: Logger = pino({ level: 'info' }, { write: (l: string) => void lines.push(l) });
  s.markDone(s.enqueue({ kind: 'digest', noteId: null, revision: 0, target: chat, payload: { type: 'digest', items: [{ noteId: 'n1', title: 'One' }, { noteId: 'n2', title: 'Two' }] } }), '7');
  s.putPost('n1', chat, '7', 0, true);
  s.putPost('n2', chat, '7', 0, true);
  leaveDigest(s, 'n1', chat);
  leaveDigest(s, 'n2', chat);
  const { id } = s.sql("SELECT id FROM outbox WHERE kind = 'delete'").get() as { id: number };
  s.markSending(id);
  await failed(s, s.outboxRow(id)!, TOO_OLD);
  expect(s.outboxRow(id)!.status).toBe('failed');
  const post = () => { throw new Error('a burst posts nothing'); };
  expect(backAfterwards(s, log, chat, [newPost('n1', 'One again')], true, post)).toBe(1);
  expect(backAfterwards(s, log, chat, [newPost('n2', 'Two again')], true, post)).toBe(1);
  const edits = s.sql("SELECT id, status FROM outbox WHERE kind = 'edit' AND status = 'pending'").all() as { id: number }[];
  expect(edits).toHaveLength(1); // one edit lists both lines
  const said = lines.map((l) => JSON.parse(l) as { notes?: string[]; msg: string }).filter((l) => l.msg.startsWith('notes back'));
  expect(said.map((l) => l.notes)).toEqual([['n1'], ['n2']]);
});
