/**
 * Issue 25 (tester, MEDIUM, two findings): an edit for a chat that wants the note and has no
 * message of it to change was dropped without a word. (1) A post set aside by a start
 * `--after-restore` (queued in the backup), then the note edited: the chat stays at the version it
 * had, no warn line, nothing in `status`. (3) A message deleted from the chat (by a moderator, or by
 * a run the restored database does not know of): the edit meets Discord's 10008 Unknown Message, an
 * info-level "nothing to change", and later edits went nowhere, `status` silent. Neither is posted
 * anew (the chat may show the note already: docs/operations.md); each edit not sent is said, by a
 * warn line and in `status`, with why and what to do.
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { fileParseThreads, InProcessCli, InProcessService } from '../helpers/inproc.js';
import { statusOf } from '../helpers/cli.js';
import { warnLines } from '../helpers/warn-lines.js';
import { useFakeDiscord } from '../helpers/fakes.js';
import { note, sandbox } from '../helpers/service.js';

const DISCORD_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
const discord = useFakeDiscord(DISCORD_TOKEN);
const parseThreads = fileParseThreads();

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

// Each edit changes the title of a one-sentence note ("Alpha" → "Alpha v2"): rename-match takes it for a
// wholesale rewrite, held a removal window (src/publish/held-rewrites.ts; `digest.windowMs`, 3 s by
// default) in case it is half of a move. Not this file's subject: the window is the shortest there is
// (three quiet periods), and every edit still goes through it.
const cfg = (mode: 'group' | 'separate') => ({
  watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
  publish: { translations: { mode, graceMs: 0 }, digest: { windowMs: 0 } },
  delivery: { baseDelayMs: 50, maxDelayMs: 200, maxAttempts: 1000, callTimeoutMs: 1000 },
  routes: [{ platform: 'console', chat: 'all' }],
});
const text = (title: string) => `---\ntitle: ${title}\n---\n\nThe note called ${title} says something.\n`;

/** A service on the console platform (which can fail) whose warn lines are kept. */
function service(mode: 'group' | 'separate'): { s: InProcessService; warns: string[] } {
  const { log, warns } = warnLines();
  const base = InProcessService.sandbox(cfg(mode));
  const s = new InProcessService(base.notes, base.db, configSchema.parse(cfg(mode)), log, { parseThreads });
  svc = s;
  return { s, warns };
}

describe('an edit for a chat whose post was set aside', () => {
  it.each(['group', 'separate'] as const)('after --after-restore set the queued post aside (translations: %s): the edit is not sent, and said in the log and status', { timeout: 60_000 }, async (mode) => {
    const { s, warns } = service(mode);
    const faults = s.withFaults();
    await s.start();
    // The post queued in an outage, then the state backed up at a stop.
    faults.down = true;
    s.beginStep();
    writeFileSync(path.join(s.notes, 'a.md'), text('Alpha'));
    await s.batched(['a.md']);
    await s.waitFor(() => faults.hits > 0, 20_000, 'the post meeting the outage');
    await s.stop();
    const state = path.dirname(s.db);
    cpSync(state, `${state}-backup`, { recursive: true });
    // The platform back: the post goes out, and an edit after it.
    faults.down = false;
    await s.start();
    await s.waitFor(() => s.sent('all', 'post').length === 1 && s.openDeliveries() === 0, 20_000, 'the post sent');
    writeFileSync(path.join(s.notes, 'a.md'), text('Alpha v2'));
    await s.settle(['a.md']);
    expect(s.sent('all', 'edit')).toHaveLength(1);
    await s.stop();
    // The backup restored: its queued post is set aside (it went out after the backup).
    rmSync(state, { recursive: true, force: true });
    cpSync(`${state}-backup`, state, { recursive: true });
    const notSent = () => warns.filter((w) => /^edit not sent: a\.md has no message in console:all to edit: its post there was set aside at a start --after-restore/.test(w)).length;
    await s.start({ afterRestore: true });
    expect(notSent()).toBe(1); // v2, which the backup did not know, found by the start's scan
    const sent = s.events.length;
    writeFileSync(path.join(s.notes, 'a.md'), text('Alpha v3'));
    await s.settle(['a.md']);
    expect(s.events.length).toBe(sent); // never a second post
    expect(notSent()).toBe(2);
    if (mode === 'group') {
      // A translation added: the family's message there is as unknown, so it is not posted again (the model's seed 501,
      // for a post set aside): the edit linking the translation is said instead.
      writeFileSync(path.join(s.notes, 'a-ja.md'), text('Alpha ja'));
      await s.settle(['a-ja.md']);
      expect(s.events.length).toBe(sent);
      expect(notSent()).toBe(3);
    }
    const status = statusOf(s.db);
    expect(status.stdout).toMatch(/edits not sent to chats without the message[^\n]*announce: again[^\n]*\n {2}#\d+ (?:a|family:a) \(a\.md\) → console:all at \d{4}-[^\n]*set aside at a start --after-restore/);
    // Posted anew on the author's word: said no more.
    writeFileSync(path.join(s.notes, 'a.md'), text('Alpha v4').replace('---\n\n', 'notecast: {announce: again}\n---\n\n'));
    await s.settle(['a.md']);
    expect(s.events.length).toBe(sent + 1);
    expect(s.sent('all', 'post')).toHaveLength(2);
    expect(JSON.parse(statusOf(s.db, { json: true }).stdout)).toMatchObject({ editsNotSentToChats: [] });
  });
});

describe('an edit whose message is gone from the chat (Discord 10008 Unknown Message)', () => {
  it('is not posted anew, and this edit and the next are said in the log and status', { timeout: 60_000 }, async () => {
    const fake = discord();
    const channel = fake.addChannel(fake.addGuild()).id;
    const sb = sandbox(`site:\n  url: https://notes.example.org\nwatch:\n  quietMs: 100\n  reconcileMinutes: 0\ndiscord:\n  api: ${fake.api}\nroutes:\n  - { platform: discord, chat: "${channel}" }\n`);
    const cli = InProcessCli.start(sb, [], { DISCORD_TOKEN }, undefined, parseThreads);
    await cli.ready();
    let from = await cli.settled(30_000);
    writeFileSync(path.join(sb.notes, 'g.md'), note('Gone', 'About the gone message, in a sentence.'));
    await fake.waitFor(() => fake.messagesIn(channel).length === 1, 30_000, 'the post');
    await cli.idle(from, 30_000);
    // A moderator deletes the message.
    fake.messagesIn(channel)[0]!.deleted = true;
    for (const [i, title] of ['Gone v2', 'Gone v3'].entries()) {
      from = cli.events.length;
      writeFileSync(path.join(sb.notes, 'g.md'), note(title, 'About the gone message, in a sentence.'));
      await cli.waitFor(() => (cli.stderr.match(/"msg":"edit not sent: /g) ?? []).length > i, 30_000, `the edit to ${title} said`);
      await cli.idle(from, 30_000);
    }
    expect(fake.messagesIn(channel)).toHaveLength(0); // not posted anew
    expect(cli.stderr).toMatch(/"msg":"edit not sent: its message is gone from the chat/);
    expect(cli.stderr).toMatch(/"msg":"edit not sent: g\.md has no message in discord:\d+ to edit: its message there is gone \([^)]*10008 Unknown Message/);
    expect(await cli.stop()).toBe(0);
    const report = JSON.parse(statusOf(sb.db, { json: true }).stdout) as { editsNotSentToChats: { note: string; file?: string; why: string }[] };
    expect(report.editsNotSentToChats).toHaveLength(1); // the latest per note and chat
    expect(report.editsNotSentToChats[0]!.file).toBe('g.md'); // named as the author knows it, not only by its internal id
    expect(report.editsNotSentToChats[0]!.why).toMatch(/^its message there is gone \(.*10008 Unknown Message\)$/);
  });
});
