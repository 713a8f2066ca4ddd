/** The rows as SQLite returns them, and their typed shapes (NoteRow, OutboxRow, KnownNote). */
import type { Summary } from '../summary/build.js';
import { toKeyPoint } from '../summary/inline.js';
import type { DeliveryKind, DeliveryPayload, DeliveryStatus, NoteInfo, NoteRow, NoteState, OutboxRow, Target } from './types.js';

export interface NoteRecord {
  id: string;
  file: string;
  hash: string;
  summary_hash: string | null;
  state: NoteState;
  due_at: number | null;
  revision: number;
  announced: number;
  info: string;
  summary: string | null;
  error: string | null;
}

export interface OutboxRecord {
  id: number;
  note_id: string | null;
  revision: number;
  platform: string;
  chat: string;
  thread: string;
  kind: DeliveryKind;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number;
  message_id: string | null;
  nonce: string;
  last_error: string | null;
}

/** What a batch needs to know of a file the store has seen. */
export interface KnownNote {
  id: string;
  hash: string;
  state: NoteState;
  hasError: boolean;
  /** The file's `mtimeMs:size:recordedAtMs` when its content was last read, if known. */
  seen: string | null;
}

export interface KnownRecord {
  id: string;
  file: string;
  hash: string;
  state: NoteState;
  has_error: number;
  seen: string | null;
}

export function toKnown(r: KnownRecord): KnownNote {
  return { id: r.id, hash: r.hash, state: r.state, hasError: r.has_error === 1, seen: r.seen };
}

/** Summaries written by earlier releases hold key points as strings. */
export function storedSummary(s: Summary): Summary {
  return { ...s, keyPoints: s.keyPoints.map(toKeyPoint) };
}

export function storedPayload(p: DeliveryPayload): DeliveryPayload {
  return p.type === 'summary' ? { ...p, summary: storedSummary(p.summary) } : p;
}

export function toNote(r: NoteRecord): NoteRow {
  return {
    id: r.id,
    file: r.file,
    hash: r.hash,
    summaryHash: r.summary_hash,
    state: r.state,
    dueAt: r.due_at,
    revision: r.revision,
    announced: r.announced === 1,
    info: JSON.parse(r.info) as NoteInfo,
    summary: r.summary ? storedSummary(JSON.parse(r.summary) as Summary) : null,
    error: r.error,
  };
}

export function toOutbox(r: OutboxRecord): OutboxRow {
  return {
    id: r.id,
    noteId: r.note_id,
    revision: r.revision,
    target: { platform: r.platform as Target['platform'], chat: r.chat, thread: r.thread },
    kind: r.kind,
    payload: storedPayload(JSON.parse(r.payload) as DeliveryPayload),
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    messageId: r.message_id,
    nonce: r.nonce,
    lastError: r.last_error,
  };
}

