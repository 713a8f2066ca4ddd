/**
 * What the main thread and a parse thread send each other (parse-pool.ts, budgeted-worker.ts,
 * parse-worker.ts): the jobs, their results, and the options a thread is started with.
 */
import type { NoteProblem } from '../errors.js';
import type { Note, ReadOptions } from '../notes/read.js';
import type { Summary, SummaryOptions } from '../summary/build.js';
import type { BodySketch, SearchText } from '../store/types.js';

interface JobBase {
  rel: string;
  /**
   * Set for a first run's records: no summary now, it is made when first shown (store/deferred-summaries.ts;
   * see DEFER_SUMMARY_UP_TO); but a note dated after `now` gets its summary, as a timer releases it.
   */
  deferSummary?: { now: number } | undefined;
}

/** A note read by the caller. */
export interface TextJob extends JobBase {
  text: string;
  /** The text's digest, taken where the file was read. */
  hash?: string | undefined;
}

/**
 * A note read on the parse thread itself (a file the store has no record of: every note of a cold
 * start), so the main thread never holds its text: `path` absolute, `realRoot` the notes folder's realpath.
 */
export interface FileJob extends JobBase {
  path: string;
  realRoot: string;
}

export type ParseJob = TextJob | FileJob;

/** What the parse thread read of a FileJob: the digest and stat of the text it parsed; `null`: unreadable (the result says why). */
export type ThreadRead = { hash: string; mtimeMs: number; size: number } | null;

export type ParseResult =
  /**
   * `text`: the note's words for the lookup index, split on the worker (segmenting CJK is the costly part);
   * `body`: its body's sketch (rename-match.ts), taken here as the body itself is not sent back;
   * `summary`: null when the job asked for none.
   */
  | { ok: true; rel: string; note: Note; summary: Summary | null; text: SearchText; body: BodySketch; read?: ThreadRead | undefined }
  /** `read` absent for a FileJob: the thread ended (or ran out of time) before it had read the file. */
  | { ok: false; rel: string; error: { message: string; line?: number | undefined; more?: NoteProblem[] | undefined }; read?: ThreadRead | undefined };

/** The parse thread's first message for a chunk with FileJobs (parse-worker.ts). */
export interface ReadsMessage {
  reads: (ThreadRead | undefined)[];
}

export const TOO_LONG = 'took too long to parse';
/** What a worker thread says first: where its CPU time is read (thread-cpu.ts; absent where none is). */
export interface CpuStatMessage {
  cpuStat: string;
}

/** What a worker thread says once it has loaded (parse-worker.ts). */
export const READY = 'ready';
/**
 * What it says before and after it loads the summary's modules, which it does when a note first
 * wants its summary (parse-note.ts): loading is not parsing, so no note's budget runs meanwhile.
 */
export const LOADING_SUMMARIES = 'loading summaries';
export const SUMMARIES_LOADED = 'summaries loaded';
/** Sent to a thread started ahead of need (parse-pool.ts `spare`): it loads the summary's modules now, not on the note that needs them. */
export const WARM_UP = 'warm up';

/** When a note still parsing is set aside (parse-aside.ts): `cpuMs` of its thread's CPU, or `wallMs` by the clock, whichever comes first. */
export interface AsideBounds {
  cpuMs: number;
  wallMs: number;
}

export interface ParserOptions {
  read: ReadOptions;
  summary: SummaryOptions;
  /** Longest one note may take to parse and summarise. */
  budgetMs: number;
  /** `parseAside`'s bounds when its caller gives none: parse-aside.ts's own unless given (AppOptions.asideBounds). */
  aside?: Partial<AsideBounds> | undefined;
}

