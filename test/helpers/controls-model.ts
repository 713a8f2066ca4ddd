/**
 * The controls property of test/publish/controls-property.test.ts (issue 29), shared with its long hunt,
 * `npm run bench -- controls` (bench/controls.ts): random saves of one note's title and `notecast:` controls
 * and deliveries, through a real publisher and store in this process, checked after every step.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { familyPostId } from '../../src/publish/family.js';
import type { ParseThreads } from '../../src/publish/parse-pool.js';
import type { Publisher } from '../../src/publish/publisher.js';
import type { Store } from '../../src/store/store.js';
import type { Target } from '../../src/store/types.js';
import { tempPublisher } from './publisher.js';

export type Mode = 'group' | 'separate';
export interface Controls { announce?: false; silent?: boolean; pin?: true; routes?: string[] }
export type Step = { op: 'save'; title: string; controls: Controls } | { op: 'deliver' };

const CHATS = ['a', 'b', 'c'] as const; // routes named a and b; c has no name
const target = (chat: string): Target => ({ platform: 'console', chat, thread: '' });

/** `arb` or, `absentWeight` times as often, the key left out. */
const sometimes = <T>(arb: fc.Arbitrary<T>, absentWeight: number) => fc.oneof({ weight: absentWeight, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

/**
 * Each control in half the saves, `announce: false` in a quarter: with fc.record's optional keys (present five
 * times in six) 84 % of saves were held, and a run rarely had a post waiting for a later save to change (issue 24).
 */
const controlsArb: fc.Arbitrary<Controls> = fc
  .record({
    announce: sometimes(fc.constant(false as const), 3),
    silent: sometimes(fc.boolean(), 1),
    pin: sometimes(fc.constant(true as const), 1),
    routes: sometimes(fc.constantFrom(['a'], ['b'], ['a', 'b']), 1),
  })
  .map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as Controls);
export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('save' as const), title: fc.constantFrom('One', 'Two'), controls: controlsArb }) },
  { weight: 2, arbitrary: fc.constant({ op: 'deliver' as const }) },
);

/** A run: one to eight steps on a note of its own. */
export const controlsRunArb: fc.Arbitrary<Step[]> = fc.array(stepArb, { minLength: 1, maxLength: 8 });

/**
 * `name`: the run's note, in its text: runs share a store, and a file with exactly another note's content is its copy,
 * kept back (publish/kept-copies.ts); one with its title and most of its body waits a removal window, as an editor's
 * move whose old file is deleted last would (rename-match.ts besideOriginal): most of its words are its own.
 */
function frontMatter(name: string, title: string, c: Controls): string {
  const keys = Object.entries(c).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  const own = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'].map((w) => `${name}${w}`).join(' ');
  return `---\ntitle: ${title}\n${keys.length ? `notecast: { ${keys.join(', ')} }\n` : ''}---\n\nA note called ${title}, in words of its own: ${own}.\n`;
}

interface Bench { notes: string; store: Store; publisher: Publisher; runs: number }

/** One store and publisher per mode (a parse thread starts once); each run has a note of its own. */
export class ControlsBenches {
  private readonly benches = new Map<Mode, Bench & { close(): Promise<void> }>();
  constructor(private readonly parseThreads?: ParseThreads) {}

  of(mode: Mode): Bench {
    let b = this.benches.get(mode);
    if (b) return b;
    const t = tempPublisher('controls', {
      routes: [{ platform: 'console', chat: 'a', name: 'a' }, { platform: 'console', chat: 'b', name: 'b' }, { platform: 'console', chat: 'c' }],
      publish: { translations: { mode } },
    }, this.parseThreads ? { parseThreads: this.parseThreads } : {});
    this.benches.set(mode, (b = { ...t, runs: 0 }));
    return b;
  }

  async close(): Promise<void> {
    for (const b of this.benches.values()) await b.close();
    this.benches.clear();
  }
}

/** The title a chat's message of the note will show: its waiting edit's, else the last one sent. */
function shownTitle(store: Store, id: string, chat: Target): string | undefined {
  const edit = store.openDelivery(id, chat, ['edit']);
  const payload = edit?.payload.type === 'summary' ? edit.payload : store.upkeep.lastSentPayload(id, chat);
  return payload?.summary.title;
}

/** Runs the steps on a new note; returns the first broken expectation, or undefined. */
export async function runControls(benches: ControlsBenches, mode: Mode, steps: readonly Step[]): Promise<string | undefined> {
  const b = benches.of(mode);
  const { notes, store, publisher } = b;
  const name = `n${++b.runs}`;
  const id = mode === 'group' ? familyPostId(name) : name;
  const file = path.join(notes, `${name}.md`);
  const sent = new Set<string>();
  let latest: { title: string; controls: Controls } | undefined;
  let messages = 0;
  for (const [i, step] of steps.entries()) {
    if (step.op === 'save') {
      writeFileSync(file, frontMatter(name, step.title, step.controls));
      await publisher.processBatch({ changed: [file], removed: [] });
      latest = step;
    } else {
      // What the deliverer records when a post went out.
      for (const chat of CHATS) {
        const post = store.openDelivery(id, target(chat), ['post']);
        if (!post) continue;
        store.markDone(post.id, `${name}-m${++messages}`);
        store.putPost(id, target(chat), `${name}-m${messages}`, post.revision);
        sent.add(chat);
      }
    }
    const c = latest?.controls;
    const wanted = new Set(c === undefined || c.announce === false ? [] : (c.routes ?? CHATS));
    for (const chat of CHATS) {
      const post = store.openDelivery(id, target(chat), ['post']);
      const at = `step ${i} (${mode}), chat ${chat}`;
      const waits = wanted.has(chat) && !sent.has(chat);
      if (!!post !== waits) return `${at}: ${post ? 'a post waits' : 'no post waits'}; the latest controls ${JSON.stringify(c)}, sent before: ${sent.has(chat)}`;
      if (store.openDelivery(id, target(chat), ['delete'])) return `${at}: a delete was queued`;
      // A sent message follows its note wherever it is, picked by the chat's route or not (#29 F3).
      const showing = shownTitle(store, id, target(chat));
      if (sent.has(chat) && c?.announce !== false && showing !== latest!.title) return `${at}: the sent message will show ${JSON.stringify(showing)}, the note is called ${JSON.stringify(latest!.title)}`;
      if (post?.payload.type !== 'summary') continue;
      const shown = { title: post.payload.summary.title, silent: post.payload.silent === true, pin: post.payload.pin === true };
      const expected = { title: latest!.title, silent: c?.silent === true, pin: c?.pin === true };
      if (JSON.stringify(shown) !== JSON.stringify(expected)) return `${at}: the waiting post is ${JSON.stringify(shown)}, the note says ${JSON.stringify(expected)}`;
    }
  }
  return undefined;
}
