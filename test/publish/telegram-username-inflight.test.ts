/**
 * Review rv-b (s31) R2: an @username route's id learned WHILE a post under the name is in flight (chat-names-later.ts
 * learned(), here from an update's chat.username). The rename moves the outbox row to the id; the deliverer recorded the
 * message under the target it read before the send (`@my_channel`), a record under the old name after the move, left
 * there until a later start's getChat answers. It now records it under the row's name when the answer lands
 * (store/recorded-messages.ts recordedUnder), and the edit and delete still reach the message.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect } from 'vitest';
import { itWithFakes } from '../helpers/fakes.js';
import { statusOf } from '../helpers/cli.js';
import { InProcessCli, fileParseThreads } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox } from '../helpers/service.js';

const parseThreads = fileParseThreads();
const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const CHANNEL = -1001777;
const it = itWithFakes({ telegram: { token: TOKEN } });
afterAll(killLeftoverServices);

// getChat held at the start and at every retry; a call timeout long enough to learn the id while the send's answer waits.
// The delete at the end waits the shortest removal window (three quiet periods, 600 ms, not 3 s): where it lands is the point.
const CONFIG = 'watch:\n  quietMs: 200\npublish:\n  onDelete: delete\n  digest: { windowMs: 600 }\ndelivery:\n  baseDelayMs: 200\n  maxDelayMs: 500\n  callTimeoutMs: 6000\n';

describe('R2: @username learned while a post under the name is in flight', () => {
  it('the post sent under the name is recorded under the id the route names now', { timeout: 120_000 }, async ({ telegram: fake }) => {
    const channel = fake.addChat(CHANNEL, 'channel', {}, 'My channel');
    channel.username = 'my_channel';
    const sb = sandbox(`${CONFIG}telegram:\n  apiRoot: ${fake.apiRoot}\nroutes:\n  - platform: telegram\n    chat: "@my_channel"\n`);
    fake.hangMethods.add('getChat');
    const svc = InProcessCli.start(sb, [], { TELEGRAM_BOT_TOKEN: TOKEN }, undefined, parseThreads);
    await svc.ready();
    await fake.waitFor(() => fake.calls.some((c) => c.method === 'getUpdates'), 20_000, 'polling');
    // The post is carried out; its answer waits.
    fake.dropAnswers = { count: 1, methods: ['sendMessage'], late: 'held' };
    const from = svc.events.length;
    writeFileSync(path.join(sb.notes, 'a.md'), note('Alpha note', 'Alpha body text here.'));
    await fake.waitFor(() => fake.answersHeld === 1, 20_000, 'the post sent, its answer held');
    // An update from the channel names it: the route learns the id while the send is in flight.
    fake.command(CHANNEL, 0, '/help');
    await fake.waitFor(() => svc.stderr.includes('"how":"an update from the chat"'), 20_000, 'learned from the update');
    fake.answerLate();
    await svc.idle(from);
    await svc.settled();
    const db = new Database(sb.db, { readonly: true });
    const recordedUnder = (db.prepare("SELECT chat FROM posts WHERE platform = 'telegram'").pluck().all() as string[]).join(',');
    db.close();
    const afterPost = fake.sentTo(CHANNEL).filter((m) => m.text.includes('Alpha note')).length;
    const fromEdit = svc.events.length;
    writeFileSync(path.join(sb.notes, 'a.md'), note('Alpha note', 'Alpha body text here, changed with a new second sentence.'));
    await svc.idle(fromEdit);
    await svc.settled();
    const afterEdit = fake.sentTo(CHANNEL).filter((m) => m.text.includes('Alpha note')).length;
    const from2 = svc.events.length;
    rmSync(path.join(sb.notes, 'a.md'));
    await svc.idle(from2);
    await svc.settled();
    const status = statusOf(sb.db).stdout;
    await svc.stop();
    fake.release();
    const rows = fake.sentTo(CHANNEL).filter((m) => m.text.includes('Alpha note')).length;
    // On the review's build: recordedUnder '@my_channel' (a record written under the name after the route moved to the id).
    // The edit and the delete must still reach the one message: none added, none left.
    expect({ recordedUnder, afterPost, afterEdit, afterDelete: rows }, status).toEqual({ recordedUnder: String(CHANNEL), afterPost: 1, afterEdit: 1, afterDelete: 0 });
  });
});
