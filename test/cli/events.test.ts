/**
 * `start --json` prints one documented shape per event kind (README's "start --json events" table is
 * the contract): every kind seen is checked field by field against it, from the real process with
 * grouped translations (the default), and from the same wiring in this process (`InProcessCli`, the
 * console adapter's own lines) with separate ones.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox, Service, type ServiceEvent } from '../helpers/service.js';

afterEach(killLeftoverServices);

const delivery = {
  target: z.string().regex(/^console:/),
  noteId: z.string().nullable(),
  family: z.string().nullable(),
  revision: z.number().int().nonnegative(),
  messageId: z.string().min(1),
  text: z.string(),
};
/** README's table, as schemas: no field more, none less. */
const EVENT = z.discriminatedUnion('event', [
  z.object({ event: z.literal('ready'), notes: z.number().int().nonnegative() }).strict(),
  z.object({ event: z.literal('idle') }).strict(),
  ...(['post', 'edit', 'delete', 'digest'] as const).map((kind) => z.object({ event: z.literal(kind), ...delivery }).strict()),
]);

type Event = z.infer<typeof EVENT>;
type Delivery = Exclude<Event, { event: 'ready' | 'idle' }>;

function checked(events: ServiceEvent[]): Event[] {
  return events.map((e) => EVENT.parse(e));
}

/** The deliveries among a step's events (all of them but its idle signals). */
function deliveries(events: Event[]): Delivery[] {
  return events.flatMap((e) => {
    if (e.event === 'idle') return [];
    if (e.event === 'ready') throw new Error('a second ready within one life');
    return [e];
  });
}

// The delete step's removal waits the burst window: its shortest (windowMs 0: three quiet periods), as no event's shape depends on it.
const config = (mode: 'group' | 'separate') => `watch:\n  quietMs: 150\npublish:\n  translations: { mode: ${mode}, graceMs: 0 }\n  onDelete: delete\n  onChange: edit\n  digest:\n    threshold: 2\n    windowMs: 0\n`;

/** Runs one life of the service: a lone note, a pair of translations, an edit, a burst, a delete. */
async function life(mode: 'group' | 'separate', start: (sb: ReturnType<typeof sandbox>) => Service | InProcessCli) {
  const sb = sandbox(config(mode));
  const svc = start(sb);
  await svc.ready();
  let from = await svc.settled();
  const step = async (act: () => void) => {
    act();
    await svc.idle(from, 20_000);
    const out = svc.events.slice(from);
    from = svc.events.length;
    return deliveries(checked(out));
  };
  const lone = await step(() => writeFileSync(path.join(sb.notes, 'lone.md'), note('Lone', 'A note without translations.')));
  const pair = await step(() => {
    writeFileSync(path.join(sb.notes, 'pair-en.md'), note('Pair', 'The English one.', 'lang: en\n'));
    writeFileSync(path.join(sb.notes, 'pair-ja.md'), note('ペア', '日本語のもの。', 'lang: ja\ntranslated: true\n'));
  });
  const edited = await step(() => writeFileSync(path.join(sb.notes, 'lone.md'), note('Lone', 'A note without translations, now changed.')));
  const burst = await step(() => {
    for (const n of ['b1', 'b2', 'b3']) writeFileSync(path.join(sb.notes, `${n}.md`), note(n, `Burst note ${n}.`));
  });
  const deleted = await step(() => rmSync(path.join(sb.notes, 'lone.md')));
  expect(await svc.stop()).toBe(0);
  checked(svc.events); // ready and every idle too
  return { lone, pair, edited, burst, deleted };
}

describe('start --json events match README', () => {
  it('grouped translations (the default): noteId is the note shown, family its key, on every delivery', async () => {
    const { lone, pair, edited, burst, deleted } = await life('group', (sb) => Service.start(sb));
    expect(lone).toEqual([expect.objectContaining({ event: 'post', noteId: 'lone', family: 'lone' })]);
    expect(pair).toEqual([expect.objectContaining({ event: 'post', noteId: 'pair-en', family: 'pair' })]);
    expect(pair[0]!.text).toMatch(/日本語/); // the other language is linked
    expect(edited).toEqual([expect.objectContaining({ event: 'edit', noteId: 'lone', family: 'lone', messageId: lone[0]!.messageId })]);
    expect(burst).toEqual([expect.objectContaining({ event: 'digest', noteId: null, family: null })]);
    // The family's message goes with its last member: no note is shown any more, the family is named.
    expect(deleted).toEqual([expect.objectContaining({ event: 'delete', noteId: null, family: 'lone', messageId: lone[0]!.messageId, text: '' })]);
  }, 60_000);

  it('separate translations: family is null, a delete names the note it removes', async () => {
    const { lone, pair, edited, burst, deleted } = await life('separate', (sb) => InProcessCli.start(sb));
    expect(lone).toEqual([expect.objectContaining({ event: 'post', noteId: 'lone', family: null })]);
    expect(pair.map((e) => [e.event, e.noteId, e.family]).sort()).toEqual([
      ['post', 'pair-en', null],
      ['post', 'pair-ja', null],
    ]);
    expect(edited).toEqual([expect.objectContaining({ event: 'edit', noteId: 'lone', family: null })]);
    expect(burst).toEqual([expect.objectContaining({ event: 'digest', noteId: null, family: null })]);
    expect(deleted).toEqual([expect.objectContaining({ event: 'delete', noteId: 'lone', family: null, text: '' })]);
  }, 60_000);
});
