/**
 * Reposts over random sequences (tester 35's F2, F3, F5, F6): edits (with `announce: again` or not), renames, deletes,
 * restarts and re-creations of a translation family's members and of lone notes first announced in a burst digest, under
 * `onChange: repost` or `edit`, translations `group` or `separate`, `onDelete: delete`. The real service in this
 * process, console chats `en` (English only), `ja` (Japanese only) and `all`. Every version of a note has a title of its
 * own; checked after each step, once the service is idle:
 * - nothing lost: each chat shows the current title of every note it wants (its own message or a digest line; with
 *   translations grouped, the no-language chat the English member while there is one, else the Japanese);
 * - nothing stale: no message shows a title of a note deleted since (its older, reposted messages included);
 * - nothing doubled: no current title is shown by two messages of one chat (a repost shows a new version, a rename is
 *   no new version).
 * Seeded (REPOST_MODEL_SEED to replay one, REPOST_MODEL_RUNS for more runs; a failure prints its shrunk sequence).
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InProcessService } from '../helpers/inproc.js';

type Mode = 'group' | 'separate';
type OnChange = 'edit' | 'repost';
type Step = { op: 'edit'; note: number; again: boolean } | { op: 'rename'; note: number } | { op: 'rm'; note: number } | { op: 'write'; note: number } | { op: 'restart' };

/** The notes: two members of the family `guide`, and three lone English notes. */
const NOTES = [
  { name: 'Guide', files: ['posts/en/guide.md'], lang: 'en' },
  { name: 'ガイド', files: ['posts/ja/guide.md'], lang: 'ja' },
  { name: 'Alpha', files: ['alpha.md', 'alpha-moved.md'], lang: 'en' },
  { name: 'Bravo', files: ['bravo.md', 'bravo-moved.md'], lang: 'en' },
  { name: 'Charlie', files: ['charlie.md'], lang: 'en' },
] as const;

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('edit' as const), note: fc.nat(NOTES.length - 1), again: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('rename' as const), note: fc.constantFrom(2, 3) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('rm' as const), note: fc.nat(NOTES.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('write' as const), note: fc.nat(NOTES.length - 1) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'restart' as const }) },
);

function configOf(onChange: OnChange, mode: Mode): unknown {
  return {
    watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
    publish: { onChange, onDelete: 'delete', translations: { mode, graceMs: 0 }, digest: { threshold: 2, windowMs: 200 } },
    delivery: { baseDelayMs: 50, maxDelayMs: 300, maxAttempts: 1000, callTimeoutMs: 1000 },
    routes: [
      { platform: 'console', chat: 'en', filter: { lang: ['en'] } },
      { platform: 'console', chat: 'ja', filter: { lang: ['ja'] } },
      { platform: 'console', chat: 'all' },
    ],
  };
}

/**
 * What the model knows of each note: the file it is at (undefined: deleted), its title now, every title it had since it
 * was last written anew (what its messages, older ones included, may show), and every title of a note deleted since.
 */
class World {
  readonly at: (string | undefined)[] = NOTES.map((n) => n.files[0]);
  readonly title: string[] = NOTES.map(() => '');
  readonly titles: string[][] = NOTES.map(() => []);
  readonly dead = new Set<string>();
  private version = 0;

  constructor(private readonly s: InProcessService) {}

  /** A new version of note `i` at its file: a title and a body no other version shares ("n12 " never inside "n123 "). */
  text(i: number, again = false): string {
    const n = ++this.version;
    this.title[i] = `${NOTES[i]!.name} n${n} note`;
    this.titles[i]!.push(this.title[i]!);
    const body = NOTES[i]!.lang === 'ja' ? `版${n}のガイドは始め方を説明します。` : `Version ${n} of ${NOTES[i]!.name} tells one thing about item ${n}.`;
    return `---\ntitle: "${this.title[i]}"\n${again ? 'notecast: {announce: again}\n' : ''}---\n\n${body}\n`;
  }

  /** Every note written at once: one batch, a burst digest where a chat gets two or more. */
  async start(): Promise<void> {
    const files = NOTES.map((_, i) => this.put(i, this.text(i)));
    await this.s.settle(files);
  }

  private put(i: number, text: string): string {
    const file = this.at[i]!;
    mkdirSync(path.dirname(path.join(this.s.notes, file)), { recursive: true });
    writeFileSync(path.join(this.s.notes, file), text);
    return file;
  }

  /** Applies a step (one that cannot apply is skipped) and waits for the service to be idle after it. */
  async apply(step: Step): Promise<boolean> {
    this.s.beginStep();
    if (step.op === 'restart') {
      await this.s.stop();
      await this.s.start(); // waits for idle: the start's scan finds nothing changed
      return true;
    }
    const i = step.note, file = this.at[i];
    if (step.op === 'write') {
      if (file !== undefined) return false;
      this.at[i] = NOTES[i]!.files[0];
      return this.s.settle([this.put(i, this.text(i))]).then(() => true);
    }
    if (file === undefined) return false;
    if (step.op === 'edit') await this.s.settle([this.put(i, this.text(i, step.again))]);
    else if (step.op === 'rm') {
      rmSync(path.join(this.s.notes, file));
      this.at[i] = undefined;
      for (const t of this.titles[i]!.splice(0)) this.dead.add(t);
      await this.s.settle([file]);
    } else {
      const to = NOTES[i]!.files.find((f) => f !== file)!;
      renameSync(path.join(this.s.notes, file), path.join(this.s.notes, to));
      this.at[i] = to;
      await this.s.settle([file, to]);
    }
    return true;
  }

  /** The notes (indexes) chat `chat` is to show. */
  wanted(chat: string, mode: Mode): number[] {
    const live = NOTES.map((_, i) => i).filter((i) => this.at[i] !== undefined);
    if (chat === 'en') return live.filter((i) => NOTES[i]!.lang === 'en');
    if (chat === 'ja') return live.filter((i) => NOTES[i]!.lang === 'ja');
    // No language asked: with translations grouped, the family shows its English member while there is one.
    return mode === 'group' && this.at[0] !== undefined ? live.filter((i) => i !== 1) : live;
  }

  /** The first broken expectation in a chat, or undefined. */
  broken(chat: string, mode: Mode): string | undefined {
    const texts = this.s.live(chat).map((m) => m.text);
    for (const i of this.wanted(chat, mode)) {
      const showing = texts.filter((t) => t.includes(this.title[i]!)).length;
      if (showing === 0) return `${chat}: "${this.title[i]}" is shown nowhere`;
      if (showing > 1) return `${chat}: "${this.title[i]}" is shown by ${showing} messages`;
    }
    for (const t of this.dead) if (texts.some((x) => x.includes(t))) return `${chat}: "${t}" of a deleted note is still shown`;
    return undefined;
  }
}

async function run(steps: readonly Step[], onChange: OnChange, mode: Mode): Promise<string | undefined> {
  const s = InProcessService.sandbox(configOf(onChange, mode));
  await s.start();
  try {
    const w = new World(s);
    await w.start();
    const done: Step[] = [];
    for (const step of steps) {
      if (!(await w.apply(step))) continue;
      done.push(step);
      for (const chat of ['en', 'ja', 'all']) {
        const why = w.broken(chat, mode);
        if (why) return `${why}, after ${JSON.stringify(done)}; chat ${chat} shows ${JSON.stringify(s.live(chat).map((m) => m.text.split('\n')[0]))}`;
      }
    }
    return undefined;
  } finally {
    await s.stop();
  }
}

describe('reposts over random edits, renames, announce-again and deletes', () => {
  // Shrunk counterexamples on main (dc5ea25 / 2ed6896): each failed there, as the findings say.
  it('F5: a Japanese edit under repost posted the unchanged English announcement again', { timeout: 60_000 }, async () => {
    expect(await run([{ op: 'edit', note: 1, again: false }], 'repost', 'group')).toBeUndefined();
  });
  it('F6: a rename under repost posted the note again', { timeout: 60_000 }, async () => {
    expect(await run([{ op: 'rename', note: 2 }], 'repost', 'group')).toBeUndefined();
  });
  it('F2: the English member announced again, then deleted: its first message stayed in the chat shown the family', { timeout: 60_000 }, async () => {
    expect(await run([{ op: 'edit', note: 0, again: true }, { op: 'rm', note: 0 }], 'edit', 'group')).toBeUndefined();
  });
  // Found by the property with the F2 fix in place: the English member's first message was a line of the burst digest;
  // reposted, then deleted, the line stayed in the digest of the chat shown the family.
  it('F2 in a digest: the English member\'s digest line goes once it is deleted after a repost', { timeout: 60_000 }, async () => {
    expect(await run([{ op: 'edit', note: 0, again: false }, { op: 'rm', note: 0 }], 'repost', 'group')).toBeUndefined();
  });
  it.each(['group', 'separate'] as const)('F3: a note of the burst digest announced again, then deleted: the digest still listed it (%s)', { timeout: 60_000 }, async (mode) => {
    expect(await run([{ op: 'edit', note: 2, again: true }, { op: 'rm', note: 2 }], 'edit', mode)).toBeUndefined();
  });

  it('every chat shows each note it wants once, and nothing of a deleted note', { timeout: 600_000 }, async () => {
    const seed = Number(process.env.REPOST_MODEL_SEED ?? 20261207);
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 6 }), fc.constantFrom<OnChange>('repost', 'edit'), fc.constantFrom<Mode>('group', 'separate'), async (steps, onChange, mode) => {
        expect(await run(steps, onChange, mode)).toBeUndefined();
      }),
      { numRuns: Number(process.env.REPOST_MODEL_RUNS ?? 12), seed },
    );
  });
});
