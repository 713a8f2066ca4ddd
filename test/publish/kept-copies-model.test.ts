/**
 * Copies kept back (src/publish/kept-copies.ts) over random sequences of writes, copies, removals and
 * restarts, each change seen live (with or without its removal window ending) or only by the next
 * start's scan (the service down: a stop or a kill -9, whose removals waiting in memory are lost),
 * with `onDelete` keep or delete. A real publisher and store in this process; the deliverer's part is
 * done as it records it. Checked
 * whenever nothing waits (every removal window over, every delivery out):
 * - no stale record: every note record not deleted has its file, holding what the record says;
 * - nothing lost: every file is shown, as its note's message or, a copy kept back, as the message
 *   of a note with exactly its content;
 * - nothing doubled: no two live messages show the same content, and no message was replaced;
 * - a message shows the note whose record it belongs to (deleted, or its file's content now).
 * Seeded (COPY_MODEL_SEED to replay one; a failure prints its seed and shrunk sequence).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configSchema, type Platform } from '../../src/config/schema.js';
import { silentLogger } from '../../src/log.js';
import { contentHash } from '../../src/notes/read.js';
import { Publisher } from '../../src/publish/publisher.js';
import { Store } from '../../src/store/store.js';
import { DEFAULT_SUMMARY_OPTIONS } from '../../src/summary/build.js';
import { testReadOptions } from '../helpers/publisher.js';
import { workerParseThreads } from '../helpers/parse-threads.js';
import { tempFolder } from '../helpers/temp-folder.js';

const FILES = ['a.md', 'b.md', 'c.md'] as const;
type Seen = 'window' | 'batch' | 'down';
type Step = { op: 'write' | 'rm'; file: number; seen: Seen } | { op: 'cp'; from: number; to: number; seen: Seen } | { op: 'restart' };

const seenArb = fc.constantFrom<Seen>('window', 'window', 'batch', 'down');
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('write' as const), file: fc.nat(FILES.length - 1), seen: seenArb }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('cp' as const), from: fc.nat(FILES.length - 1), to: fc.nat(FILES.length - 1), seen: seenArb }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('rm' as const), file: fc.nat(FILES.length - 1), seen: seenArb }) },
  { weight: 1, arbitrary: fc.constant({ op: 'restart' as const }) },
);

type OnDelete = 'keep' | 'delete';
const configOf = (onDelete: OnDelete) => configSchema.parse({ routes: [{ platform: 'console', chat: 'all' }], publish: { onDelete, translations: { mode: 'separate' } } });

class Bench {
  readonly notes: string;
  readonly store: Store;
  publisher: Publisher;
  private seq = 0;

  constructor(
    readonly dir: string,
    private readonly config: ReturnType<typeof configOf>,
  ) {
    this.notes = path.join(dir, 'notes');
    mkdirSync(this.notes);
    this.store = new Store(path.join(dir, 'state.db'));
    this.publisher = this.open();
  }

  private open(): Publisher {
    return new Publisher({ root: this.notes, store: this.store, config: this.config, read: testReadOptions(), summary: DEFAULT_SUMMARY_OPTIONS, platforms: new Set(['console']), log: silentLogger(), onEnqueued: () => {}, parseThreads: workerParseThreads() });
  }

  at = (f: number) => path.join(this.notes, FILES[f]!);

  /** A note of its own: a title and a body no other write shares. */
  write(f: number): void {
    const n = ++this.seq;
    writeFileSync(this.at(f), `---\ntitle: "Note ${n}"\n---\n\nNote ${n} is about ${['apples', 'trains', 'rivers', 'clocks'][n % 4]} and number ${n}, nothing else.\n`);
  }

  /** As the deliverer records deliveries that went out (deliverer.ts recordPost). */
  delivered(): void {
    const open = this.store.db.prepare("SELECT id, note_id AS noteId, kind, platform, chat, thread, revision FROM outbox WHERE status IN ('pending', 'sending')").all() as { id: number; noteId: string; kind: string; platform: Platform; chat: string; thread: string; revision: number }[];
    for (const o of open) {
      this.store.markDone(o.id, `m${o.id}`);
      const target = { platform: o.platform, chat: o.chat, thread: o.thread };
      if (o.kind === 'post') this.store.putPost(o.noteId, target, `m${o.id}`, o.revision);
      if (o.kind === 'delete') this.store.dropPost(o.noteId, target); // onDelete: delete (deliverer.ts: the message deleted, its post dropped)
    }
  }

  async windowEnds(): Promise<void> {
    await this.publisher.releaseHeld();
    this.publisher.applyRemovals();
  }

  /** Stopped or killed, then started: what waited in memory is gone; the start's scan compares the folder with the store (sync.ts load). */
  async restart(): Promise<void> {
    await this.publisher.close();
    this.publisher = this.open();
    const files = readdirSync(this.notes).map((f) => path.join(this.notes, f));
    const live = this.store.db.prepare("SELECT file FROM notes WHERE state != 'deleted'").all() as { file: string }[];
    const gone = live.map((r) => path.join(this.notes, r.file)).filter((abs) => !existsSync(abs));
    await this.publisher.processBatch({ changed: files, removed: gone }, { mtimes: new Map(), trustStat: true });
  }

  async close(): Promise<void> {
    await this.publisher.close();
    this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The first broken expectation, or undefined; looked at when nothing waits. */
function broken(b: Bench): string | undefined {
  const notes = b.store.db.prepare('SELECT id, file, hash, state, announced, error, info FROM notes').all() as { id: string; file: string; hash: string; state: string; announced: number; error: string | null; info: string }[];
  const posts = b.store.db.prepare('SELECT note_id AS noteId, message_id AS messageId FROM posts').all() as { noteId: string; messageId: string }[];
  const onDisk = new Map(readdirSync(b.notes).map((f) => [f, contentHash(readFileSync(path.join(b.notes, f), 'utf8'))]));
  const byId = new Map(notes.map((n) => [n.id, n]));
  for (const n of notes) {
    if (n.error) return `${n.file}: an error on record (${n.error})`;
    if (n.state !== 'deleted' && onDisk.get(n.file) !== n.hash) return `${n.file}: a ${n.state} record ${onDisk.has(n.file) ? 'behind its file' : 'for a file that is gone'}`;
  }
  const shownHashes = new Map<string, string>();
  for (const p of posts) {
    const n = byId.get(p.noteId);
    if (!n) return `message ${p.messageId}: its note ${p.noteId} has no record`;
    const twin = shownHashes.get(n.hash);
    if (twin) return `messages ${twin} and ${p.messageId} show the same content (${p.noteId})`;
    shownHashes.set(n.hash, p.messageId);
  }
  for (const [file, hash] of onDisk) {
    const n = notes.find((r) => r.file === file);
    if (!n) return `${file}: no record`;
    if (!shownHashes.has(hash)) return `${file}: shown nowhere (${n.announced ? 'announced' : (JSON.parse(n.info) as { copyOf?: string }).copyOf ? 'a copy kept back' : 'not announced'})`;
  }
  const sent = (kind: string) => (b.store.db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE kind = ? AND status = ?').get(kind, 'done') as { n: number }).n;
  const postRows = sent('post'), deleted = sent('delete');
  if (postRows - deleted !== posts.length) return `${postRows} posts sent, ${deleted} deleted, ${posts.length} messages kept: a message was replaced or dropped`;
  return undefined;
}

async function run(steps: readonly Step[], onDelete: OnDelete = 'keep'): Promise<string | undefined> {
  const b = new Bench(tempFolder('notecast-copy-model-'), configOf(onDelete));
  try {
    b.write(0);
    b.write(1);
    await b.publisher.processBatch({ changed: [b.at(0), b.at(1)], removed: [] });
    b.delivered();
    let down = false; // changes made while the service is down are seen by its next start
    for (const [i, s] of steps.entries()) {
      let changed: string[] = [], removed: string[] = [];
      if (s.op === 'restart') {
        await b.restart();
      } else if (s.op === 'write') {
        b.write(s.file);
        changed = [b.at(s.file)];
      } else if (s.op === 'cp') {
        if (s.from === s.to || !existsSync(b.at(s.from))) continue;
        copyFileSync(b.at(s.from), b.at(s.to));
        changed = [b.at(s.to)];
      } else {
        if (!existsSync(b.at(s.file))) continue;
        rmSync(b.at(s.file));
        removed = [b.at(s.file)];
      }
      if (s.op !== 'restart' && s.seen === 'down') down = true;
      else if (s.op !== 'restart' && down) await b.restart(); // the service starts again: its scan sees this change with the others
      else if (s.op !== 'restart') await b.publisher.processBatch({ changed, removed });
      if (s.op === 'restart' || s.seen !== 'down') down = false;
      if (s.op === 'restart' || s.seen === 'window') await b.windowEnds();
      b.delivered();
      if (b.publisher.pendingRemovals === 0 && (s.op === 'restart' || s.seen === 'window')) {
        const why = broken(b);
        if (why) return `after step ${i} (${JSON.stringify(s)}): ${why}`;
      }
    }
    await b.restart(); // whatever was seen or not: a last start sees it all
    await b.windowEnds();
    b.delivered();
    const why = broken(b);
    return why && `at the end: ${why}`;
  } finally {
    await b.close();
  }
}

describe('copies kept back, over random writes, copies, removals and restarts', () => {
  // `cp b.md a.md` over an announced a.md whose content is nowhere else was an edit of a (its message edited
  // to show b's note: two messages show it); it is a's note gone and a copy of b (kept-copies.ts). The copy
  // chain's `cp p2.md p3.md` held already: p3's old content is at p4.
  it('a copy over a note whose content is nowhere else: the model\'s shrunk case', async () => {
    expect(await run([{ op: 'cp', from: 1, to: 0, seen: 'window' }])).toBeUndefined();
  });
  // A copy of a file whose wholesale rewrite waits in the removal window (held-rewrites.ts) was decided
  // before its original: no announced record had its content yet, so it was announced, and the original's
  // message edited to the same content when the window ended. The held file's content counts now.
  it('a copy of a note whose rewrite waits in the removal window: the model\'s shrunk case', async () => {
    expect(await run([{ op: 'write', file: 0, seen: 'batch' }, { op: 'cp', from: 0, to: 2, seen: 'window' }])).toBeUndefined();
  });

  // Found at seed 2026 once copies over notes were generated: `cp b.md a.md`, then `rm b.md` in the window is
  // `mv b.md a.md`: a's note removed, b's message following it to a.md (not a's edited to b's text, b's kept).
  it('a copy over a note, then its original removed in the window: the model\'s shrunk case', async () => {
    expect(await run([{ op: 'cp', from: 1, to: 0, seen: 'batch' }, { op: 'rm', file: 1, seen: 'window' }])).toBeUndefined();
  });

  it('every file shown once, no stale record, no message replaced', async () => {
    const seed = Number(process.env.COPY_MODEL_SEED ?? 20251205);
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 7 }), fc.constantFrom<OnDelete>('keep', 'delete'), async (steps, onDelete) => {
        expect(await run(steps, onDelete)).toBeUndefined();
      }),
      { numRuns: Number(process.env.COPY_MODEL_RUNS ?? 15), seed },
    );
  }, 240_000);
});
