import type { Filter, Platform } from '../config/schema.js';
import type { Summary } from '../summary/build.js';
import type { NoteIdentity } from '../notes/identity.js';

/** A chat (and optional thread/topic) on a platform. `thread` is '' when there is none. */
export interface Target {
  platform: Platform;
  chat: string;
  thread: string;
}

export function targetKey(t: Target): string {
  return `${t.platform}:${t.chat}${t.thread ? `/${t.thread}` : ''}`;
}

/**
 * The queue a delivery waits in: its target's, in order, except crossposts, which wait in a lane of
 * their own beside it. Discord allows about 10 crossposts a channel an hour, so one may wait an
 * hour, and the channel's later posts must not wait behind it.
 */
export function laneKey(row: { target: Target; kind: DeliveryKind }): string {
  return row.kind === 'crosspost' ? `${targetKey(row.target)}#crosspost` : targetKey(row.target);
}

/** What routing, lookup and `/latest` need of a note, kept in the store so unchanged notes are not parsed again. */
export interface NoteInfo {
  file: string;
  title: string;
  lang: string;
  locale: string;
  tags: string[];
  type?: string | undefined;
  url?: string | undefined;
  /** ISO date-time, if the note has a date. */
  date?: string | undefined;
  /** The family the note is in (see publish/family-key.ts). */
  translationKey: string;
  /** The key the note wrote, when it is announced apart from that family (another note has its language there). */
  keyAsWritten?: string | undefined;
  draft: boolean;
  /** Written in this language first (front matter `translated` is not true). */
  original?: boolean;
  /** The saved searches (filter `words`) the note's words matched when it was saved. */
  searches?: string[] | undefined;
  /** A sketch of the body, to tell a renamed and edited note from an unrelated one (notes/body-sketch.ts); absent in records written before it. */
  body?: BodySketch | undefined;
  /** What the front matter wrote of which note it is (`date`, `permalink`, `slug`, family key, `tags`, `categories`; `{}` when it writes none); absent in records written before it (notes/identity.ts). */
  identity?: NoteIdentity | undefined;
  /** A copy kept back: the id of the note it has exactly the content of, which every chat wanting it shows already (publish/kept-copies.ts). */
  copyOf?: string | undefined;
  /** The digest of the note's text without its controls, only when it writes any (notes/bare-text.ts): copies match by it (`bareHash`). */
  bareHash?: string | undefined;
  /** The author's controls (front matter `notecast:`), when any is set; see notes/frontmatter.ts. */
  controls?: { announce?: boolean | 'again' | undefined; silent?: boolean | undefined; routes?: string[] | undefined; pin?: boolean | undefined } | undefined;
}

/** The smallest hashes of a body's three-word shingles (base64 of little-endian 32-bit words) and how many it has (notes/body-sketch.ts). */
export interface BodySketch {
  n: number;
  mins: string;
}

/**
 * A note's words for the lookup index, space-separated (search/text.ts). `title` and `tags` are
 * split as the note's language splits words; `grams` holds the title's spaceless-script runs from
 * each character on, so a typed CJK prefix finds a title across word boundaries; `words` is every
 * word of the note (title, tags, prose), with Chinese and Japanese as overlapping character pairs.
 */
export interface SearchText {
  title: string;
  tags: string;
  grams: string;
  words: string;
}

export type NoteState = 'published' | 'draft' | 'scheduled' | 'deleted' | 'error';

export interface NoteRow {
  id: string;
  file: string;
  hash: string;
  summaryHash: string | null;
  state: NoteState;
  dueAt: number | null;
  revision: number;
  /** Announced at some revision: later changes edit rather than post. */
  announced: boolean;
  info: NoteInfo;
  summary: Summary | null;
  error: string | null;
}

export interface DigestItem {
  noteId: string;
  title: string;
  url?: string | undefined;
  /** The note the line shows (of a family's line, the member; written since issue 25, fx26a): title and link may both change at once. */
  member?: string | undefined;
}

/**
 * `crosspost`: publishing a Discord announcement to following servers, once its post is out (see
 * laneKey); `pin`: pinning it (front matter `notecast: {pin: true}`), queued the same way.
 */
export type DeliveryKind = Delivery['kind'];

/** Another language of the same note, linked under its announcement. */
export interface AlsoIn {
  /** The language's name in its own script (日本語, Español). */
  label: string;
  /** The translation's URL; without a site URL configured, the name stands alone. */
  url?: string | undefined;
}

/** A note's (or family's) summary, posted or edited in. `member`: in a family announcement, the note whose text is shown (the chat's language). */
export interface SummaryPayload {
  type: 'summary';
  summary: Summary;
  alsoIn?: AlsoIn[] | undefined;
  member?: string | undefined;
  /** Posted without a notification (front matter `notecast: {silent: true}`). */
  silent?: boolean | undefined;
  /** Pinned once posted (front matter `notecast: {pin: true}`). */
  pin?: boolean | undefined;
  /** Held for the chat's scheduled digest at that time (ms), posted in it. */
  digestAt?: number | undefined;
  /** An edit that was a post queued behind a delete that then left its message (publish/left-message-back.ts): posted should the message be gone. */
  insteadOfPost?: boolean | undefined;
}

export interface DigestPayload {
  type: 'digest';
  items: DigestItem[];
  /** An edit of a digest message a refused delete left, given lines back (publish/left-message-back.ts): they are posted in a digest should it be gone. */
  insteadOfDigest?: boolean | undefined;
  /** Of a burst's digest sent: the lines it went out with when they differ from `items`, changed in flight (store/left-messages.ts linesShownBy). */
  shown?: DigestItem[] | undefined;
}

export interface DeletePayload {
  type: 'delete';
  /**
   * The post (its delivery id) called off after a send that may have reached the chat (store/maybe-sent.ts), under
   * `onDelete: delete`: no message of it is recorded, so the delete first learns it (publish/called-off-find.ts).
   */
  calledOff?: number | undefined;
  /**
   * Written when the delete ended without deleting (refused for good, its attempts spent): the message that stayed and
   * the lines (note or family ids) it showed then (store/under-way.ts recordLeftMessage), which every reader of "what
   * the message a refused delete left shows" reads (publish/left-message-back.ts).
   */
  left?: { messageId: string; lines: string[] } | undefined;
}

/** The posted message to publish to following channels. */
export interface CrosspostPayload {
  type: 'crosspost';
  messageId: string;
}

/** The posted message to pin; `unpinPrevious`: unpin the announcement pinned before it in that chat (a route's `unpinPrevious`). */
export interface PinPayload {
  type: 'pin';
  messageId: string;
  unpinPrevious?: boolean | undefined;
}

/**
 * A message a post's late answer named after another of its sends' was recorded (publish/late-answers.ts): the same
 * post shown twice, so this one is deleted; `of`: the post's delivery.
 */
export interface DuplicatePayload {
  type: 'duplicate';
  messageId: string;
  of: number;
}

export type DeliveryPayload = SummaryPayload | DigestPayload | DeletePayload | CrosspostPayload | PinPayload | DuplicatePayload;

/**
 * What a delivery is, by kind: which note it is about and what it carries. A post or an edit
 * carries a summary, a delete nothing, a digest the notes it lists (and belongs to no one note),
 * a crosspost or a pin the message it publishes or pins (a digest's has no note).
 */
export type Delivery =
  | { kind: 'post'; noteId: string; payload: SummaryPayload }
  | { kind: 'edit'; noteId: string; payload: SummaryPayload | DigestPayload }
  | { kind: 'delete'; noteId: string; payload: DeletePayload }
  | { kind: 'digest'; noteId: null; payload: DigestPayload }
  | { kind: 'crosspost'; noteId: string | null; payload: CrosspostPayload }
  | { kind: 'pin'; noteId: string | null; payload: PinPayload }
  | { kind: 'duplicate'; noteId: string | null; payload: DuplicatePayload };

export type DeliveryStatus = 'pending' | 'sending' | 'done' | 'failed' | 'skipped';

interface OutboxState {
  id: number;
  revision: number;
  target: Target;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: number;
  messageId: string | null;
  nonce: string;
  lastError: string | null;
  /** Whether it waits for a signal after unanswered sends (store/held-unanswered.ts), never read from `lastError`. */
  held: HeldState;
  /** Its sends whose answer never came (a stop's catch included), and whether one of them timed out: what bounds its sends. */
  unansweredSends: number;
  sendTimedOut: boolean;
}

/**
 * Whether a post waits for a signal (the outbox's `held`): `no`; `held` until a send of its platform is answered or the
 * platform is seen down and answering again; `after-timeout` (a send of it timed out: most likely posted) until the latter only.
 */
export type HeldState = 'no' | 'held' | 'after-timeout';

/** An outbox row as read (and validated) from the store. */
export type OutboxRow = OutboxState & Delivery;

export type NewDelivery = Delivery & {
  revision: number;
  target: Target;
  /** Not sent before this time (ms): a family's grace period for translations arriving together. */
  notBefore?: number | undefined;
};

export interface Subscription {
  id: number;
  target: Target;
  filter: Filter;
  createdBy?: string | undefined;
  /** The chat's language as the platform told it when the chat subscribed (BCP 47). */
  locale?: string | undefined;
}

/**
 * A note's `summaryHash` while its summary is not built yet (issue 31: a first run records tens of
 * thousands of notes and shows none of them): this prefix and a digest of what the summary is
 * built from (the note's text and file). The summary is made when first shown (`Store.summaries`).
 */
export const DEFERRED_SUMMARY = 'in:';

/** Whether a note has a summary that is made when first asked for (see `DEFERRED_SUMMARY`). */
export function summaryDeferred(row: Pick<NoteRow, 'summary' | 'summaryHash'>): boolean {
  return row.summary === null && row.summaryHash !== null && row.summaryHash.startsWith(DEFERRED_SUMMARY);
}

/** What a record's note shows, for telling copies (publish/kept-copies.ts): its text's digest without its controls. */
export function bareHash(row: { hash: string; info: Pick<NoteInfo, 'bareHash'> }): string {
  return row.info.bareHash ?? row.hash;
}
