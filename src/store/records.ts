/** The rows as SQLite returns them, and their typed shapes (NoteRow, OutboxRow, KnownNote). */
import { z } from 'zod';
import { errorText } from '../errors.js';
import type { Summary } from '../summary/build.js';
import { toKeyPoint, type KeyPoint } from '../summary/inline.js';
import { heldState } from './held-unanswered.js';
import type { Delivery, DeliveryStatus, DigestPayload, NoteInfo, NoteRow, NoteState, OutboxRow, SummaryPayload, Target } from './types.js';

/**
 * The rows `status` lists as notes with problems and `sync --once` counts as not read. A removed note's error is none:
 * its file has nothing left to read (a database written before issue 25's tester 19 F3 fix kept them, red for good).
 */
export const NOTE_PROBLEM = "error IS NOT NULL AND state != 'deleted'";

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
  kind: string;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number;
  message_id: string | null;
  nonce: string;
  last_error: string | null;
  held: number;
  unanswered_sends: number;
  send_timed_out: number;
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
function storedSummary(s: Omit<Summary, 'keyPoints'> & { keyPoints: (KeyPoint | string)[] }): Summary {
  return { ...s, keyPoints: s.keyPoints.map(toKeyPoint) };
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

/**
 * A delivery's kind, note and payload as the store holds them: checked when read, so the deliverer
 * meets only the shapes `Delivery` names. Key points as strings are an earlier release's (`storedSummary`).
 */
const run = z.object({ text: z.string(), style: z.enum(['code', 'del', 'literal']).optional() });
const summary = z.object({
  title: z.string(),
  url: z.string().optional(),
  keyPoints: z.array(z.union([z.string(), z.array(run)])),
  links: z.array(z.object({ text: z.string(), url: z.string() })),
  lang: z.string(),
  locale: z.string(),
  tags: z.array(z.string()),
  date: z.string().optional(),
  readingMinutes: z.number(),
  // For templates (issue 28): front matter categories and the whole front matter as `page.*`.
  categories: z.array(z.string()).optional(),
  page: z.record(z.string(), z.unknown()).optional(),
});
const summaryPayload = z.object({
  type: z.literal('summary'),
  summary,
  alsoIn: z.array(z.object({ label: z.string(), url: z.string().optional() })).optional(),
  member: z.string().optional(),
  silent: z.boolean().optional(),
  // Front matter `notecast: {pin: true}`, and the time of the chat's scheduled digest that holds it (issue 29).
  pin: z.boolean().optional(),
  digestAt: z.number().optional(),
  insteadOfPost: z.boolean().optional(),
});
const noteId = z.string().min(1);
const digestItem = z.object({ noteId, title: z.string(), url: z.string().optional(), member: z.string().optional() });
const digestPayload = z.object({ type: z.literal('digest'), items: z.array(digestItem), insteadOfDigest: z.boolean().optional(), shown: z.array(digestItem).optional() });
const deliverySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('post'), noteId, payload: summaryPayload }),
  // An edit of a digest message carries the digest as it is now (digest-lines.ts).
  z.object({ kind: z.literal('edit'), noteId, payload: z.union([summaryPayload, digestPayload]) }),
  z.object({ kind: z.literal('delete'), noteId, payload: z.object({ type: z.literal('delete'), calledOff: z.number().int().positive().optional(), left: z.object({ messageId: z.string(), lines: z.array(z.string()) }).optional() }) }),
  z.object({ kind: z.literal('digest'), noteId: z.null(), payload: digestPayload }),
  z.object({ kind: z.literal('crosspost'), noteId: noteId.nullable(), payload: z.object({ type: z.literal('crosspost'), messageId: z.string().min(1) }) }),
  z.object({
    kind: z.literal('pin'),
    noteId: noteId.nullable(),
    payload: z.object({ type: z.literal('pin'), messageId: z.string().min(1), unpinPrevious: z.boolean().optional() }),
  }),
  z.object({ kind: z.literal('duplicate'), noteId: noteId.nullable(), payload: z.object({ type: z.literal('duplicate'), messageId: z.string().min(1), of: z.number().int().positive() }) }),
]);

/** Stored JSON read by `schema`, or undefined when it is not JSON or not that shape. */
function readStored<T>(text: string, schema: z.ZodType<T>): T | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const r = schema.safeParse(parsed);
  return r.success ? r.data : undefined;
}

/** A post's or an edit's stored payload, if it is one (see `summaryPayload`). */
export function readSummaryPayload(text: string): SummaryPayload | undefined {
  const stored = readStored(text, summaryPayload);
  return stored && { ...stored, summary: storedSummary(stored.summary) };
}

/** A digest's or a digest edit's stored payload, if it is one (see `digestPayload`). */
export function readDigestPayload(text: string): DigestPayload | undefined {
  return readStored(text, digestPayload);
}

/** An outbox row whose kind, note or payload is not one `Delivery` names (written by hand, or damaged). */
export interface InvalidOutboxRecord {
  id: number;
  problem: string;
}

function toDelivery(r: OutboxRecord): Delivery | string {
  let payload: unknown;
  try {
    payload = JSON.parse(r.payload);
  } catch (e) {
    return `payload is not JSON: ${errorText(e)}`;
  }
  const parsed = deliverySchema.safeParse({ kind: r.kind, noteId: r.note_id, payload });
  if (!parsed.success) return z.prettifyError(parsed.error).replace(/\s+/g, ' ');
  const d = parsed.data;
  // Key points written as strings are read as runs.
  if (d.kind === 'post') return { ...d, payload: { ...d.payload, summary: storedSummary(d.payload.summary) } };
  if (d.kind === 'edit') {
    const p = d.payload;
    return { ...d, payload: p.type === 'summary' ? { ...p, summary: storedSummary(p.summary) } : p };
  }
  return d;
}

/** The row, typed by its kind, or what is wrong with it. */
export function toOutbox(r: OutboxRecord): OutboxRow | InvalidOutboxRecord {
  const delivery = toDelivery(r);
  if (typeof delivery === 'string') return { id: r.id, problem: `outbox row ${r.id} (${r.kind}): ${delivery}` };
  return {
    id: r.id,
    revision: r.revision,
    target: { platform: r.platform as Target['platform'], chat: r.chat, thread: r.thread },
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    messageId: r.message_id,
    nonce: r.nonce,
    lastError: r.last_error,
    held: heldState(r.held),
    unansweredSends: r.unanswered_sends ?? 0,
    sendTimedOut: r.send_timed_out === 1,
    ...delivery,
  };
}

export function isInvalidOutbox(r: OutboxRow | InvalidOutboxRecord): r is InvalidOutboxRecord {
  return 'problem' in r;
}
