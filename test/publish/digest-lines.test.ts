/**
 * Issue 25, finding A: a digest message announces several notes; with `onDelete: delete`, removing
 * or drafting one of them takes only its line out (the digest is edited), the message goes with its
 * last line, once, and a note put back is announced on its own. Real service in process, console chats.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, sandbox, type ServiceEvent } from '../helpers/service.js';

// Both modes run at once, each on its own folder: a service a failed test left is stopped at the end.
afterAll(killLeftoverServices);

// Removals wait for the burst window (publish.digest.windowMs, 3 s by default): the shortest it may
// be here, three quiet periods, as nothing here is about its length.
const config = (mode: 'group' | 'separate') =>
  `watch:\n  quietMs: 200\npublish:\n  translations: { mode: ${mode}, graceMs: 0 }\n  onDelete: delete\n  digest:\n    threshold: 2\n    windowMs: 600\nroutes:\n  - platform: console\n    chat: c1\n`;
const note = (n: number, extra = '') => `---\ntitle: Digest line ${n}\ndate: 2026-11-0${n}\n${extra}---\nThe ${n}th note says one plain thing about digests and their lines.\n`;
const file = (dir: string, n: number) => path.join(dir, `2026-11-0${n}-line-${n}.md`);
const kinds = (ev: ServiceEvent[]) => ev.filter((e) => e.target === 'console:c1').map((e) => e.event);

describe.concurrent.each(['group', 'separate'] as const)('a digest line goes alone (translations: %s)', (mode) => {
  it('removing or drafting one note edits the digest; the last one deletes it once; a note put back is posted alone', async () => {
    const sb = sandbox(config(mode));
    let svc = InProcessCli.start(sb);
    await svc.ready();
    let from = await svc.settled();
    for (const n of [1, 2, 3, 4]) writeFileSync(file(sb.notes, n), note(n));
    await svc.idle(from, 20_000);
    const digest = svc.events.slice(from).filter((e) => e.target === 'console:c1');
    expect(digest.map((e) => e.event)).toEqual(['digest']);
    const messageId = digest[0]!.messageId;

    from = svc.events.length;
    rmSync(file(sb.notes, 3));
    await svc.idle(from);
    const afterRemove = svc.events.slice(from).filter((e) => e.target === 'console:c1');
    expect(afterRemove.map((e) => e.event)).toEqual(['edit']);
    expect(afterRemove[0]!.messageId).toBe(messageId);
    expect(afterRemove[0]!.text).not.toContain('Digest line 3');
    for (const n of [1, 2, 4]) expect(afterRemove[0]!.text).toContain(`Digest line ${n}`);

    from = svc.events.length;
    writeFileSync(file(sb.notes, 2), note(2, 'draft: true\n'));
    await svc.idle(from);
    const afterDraft = svc.events.slice(from).filter((e) => e.target === 'console:c1');
    expect(afterDraft.map((e) => e.event)).toEqual(['edit']);
    expect(afterDraft[0]!.text).not.toMatch(/Digest line [23]/);

    // Across a restart: the note put back is announced alone, once; the digest is not posted again.
    await svc.stop();
    svc = InProcessCli.start(sb);
    await svc.ready();
    from = await svc.settled();
    writeFileSync(file(sb.notes, 3), note(3));
    await svc.idle(from);
    const back = svc.events.slice(from).filter((e) => e.target === 'console:c1');
    expect(back.map((e) => e.event)).toEqual(['post']);
    expect(back[0]!.text).toContain('Digest line 3');
    expect(back[0]!.text).not.toContain('Digest line 1');

    // The last two lines go in one batch: one delete of the digest, and later removals send none.
    from = svc.events.length;
    rmSync(file(sb.notes, 1));
    rmSync(file(sb.notes, 4));
    await svc.idle(from);
    const gone = svc.events.slice(from).filter((e) => e.target === 'console:c1');
    expect(gone.map((e) => [e.event, e.messageId])).toEqual([['delete', messageId]]);
    from = svc.events.length;
    writeFileSync(file(sb.notes, 2), note(2, 'draft: false\n'));
    await svc.idle(from);
    from = svc.events.length;
    rmSync(file(sb.notes, 2));
    await svc.idle(from);
    expect(kinds(svc.events.slice(from))).toEqual(['delete']); // its own post from coming back, not the digest
    expect(svc.events.slice(from).find((e) => e.event === 'delete')!.messageId).not.toBe(messageId);
    await svc.stop();
  });
});
