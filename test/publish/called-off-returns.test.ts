/**
 * The rule (issue 25, the model's seed 311): a note counts as announced in a chat only once a post there
 * went out, or while one waits. A post called off before it went out (its note deleted or drafted while
 * the post was parked for a platform without its token: as one queued in an outage) leaves nothing in
 * that chat, so the note back is new there and is posted, and only there: the console, which got it,
 * keeps its message (`keep`: edited if the note changed, never posted again; `delete`: its message was
 * deleted, so it is posted again as README says). Before, with `keep`, the note back was taken for one
 * whose kept messages were still up, and never reached the chat whose post was called off.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { Store } from '../../src/store/store.js';
import { itWithFakes } from '../helpers/fakes.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, sandbox } from '../helpers/service.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
/** Each test its own fake Telegram: they run at once (below). */
const it = itWithFakes({ telegram: { token: TOKEN } });
// A case that failed part-way leaves its service running (its fake stops only what talks to it): stopped at the end.
afterAll(killLeftoverServices);
const NOTE = '---\ntitle: Called off note\n---\nThe called off note body.\n';
const EDITED = NOTE.replace('body.', 'body, edited while it was away.');

// The sixteen cases run at once (three at a time, vitest.config.ts's maxConcurrency), each with its own sandbox,
// service and fake: most of a case is waiting (three starts, a quiet period, the deliveries); one after another the
// file took 25 s in quiet CI.
describe.concurrent.each([['keep', 'group'], ['keep', 'separate'], ['delete', 'group'], ['delete', 'separate']] as const)('a note whose post was called off, back (onDelete: %s, translations: %s)', (onDelete, mode) => {
  it.for([['deleted', 'as it was'], ['drafted', 'as it was'], ['deleted', 'edited'], ['drafted', 'edited']] as const)('%s while its post waited, back %s: posted in the chat whose post was called off, and only there', { timeout: 90_000 }, async ([how, as], { telegram }) => {
    const back = as === 'edited' ? EDITED : NOTE;
    const group = telegram.addChat(-100500, 'supergroup', { 11: 'administrator' });
    const sb = sandbox(`publish:\n  onDelete: ${onDelete}\n  digest:\n    windowMs: 0\n  translations:\n    mode: ${mode}\n    graceMs: 0\ntelegram:\n  apiRoot: ${telegram.apiRoot}\n  registerCommands: false\nwatch:\n  quietMs: 200\n`);
    let svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready();
    telegram.command(group.id, 11, '/subscribe');
    await telegram.waitFor(() => telegram.sentTo(group.id).some((m) => m.text.startsWith('Subscribed')), 10_000, 'the subscription');
    await svc.stop();

    // No token: the Telegram chat's post parks while the console's goes out.
    svc = InProcessCli.start(sb, [], {}, undefined, parseThreads);
    await svc.ready();
    const file = path.join(sb.notes, 'n1.md');
    writeFileSync(file, NOTE);
    await svc.batched(['n1.md']);
    await svc.waitFor((es) => es.some((e) => e.event === 'post' && e.target === 'console:stdout'), 15_000, 'the console post');
    svc.forgetBatched(['n1.md']);
    if (how === 'deleted') rmSync(file);
    else writeFileSync(file, NOTE.replace('title:', 'draft: true\ntitle:'));
    let from = svc.events.length;
    await svc.batched(['n1.md']);
    await svc.idle(from);
    svc.forgetBatched(['n1.md']);
    from = svc.events.length;
    writeFileSync(file, back);
    await svc.batched(['n1.md']);
    await svc.idle(from);
    const console = svc.events.slice(from).filter((e) => e.target === 'console:stdout').map((e) => e.event);
    await svc.stop();
    // The console got the note: with `keep` its message stays (edited when the note changed); with `delete` it went, and the note is posted again.
    expect(console).toEqual(onDelete === 'delete' ? ['post'] : back === NOTE ? [] : ['edit']);
    const store = new Store(sb.db);
    const open = store.sql("SELECT kind FROM outbox WHERE platform = 'telegram' AND status IN ('pending', 'sending')").all();
    store.close();
    expect(open).toEqual([{ kind: 'post' }]); // the chat whose post was called off gets one, parked until the token is set

    svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready();
    await telegram.waitFor(() => telegram.sentTo(group.id).some((m) => m.text.startsWith('Called off note')), 15_000, 'the post');
    await svc.settled();
    await svc.stop();
    const sent = telegram.sentTo(group.id).filter((m) => m.text.startsWith('Called off note'));
    expect(sent.map((m) => m.text.includes('edited while it was away'))).toEqual([back === EDITED]);
  });
});
