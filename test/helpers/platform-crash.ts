/**
 * The platform model's kill -9 (PlatformOp `crash`): the service in this process abandoned with no stop path, its
 * connections to the fakes cut and its database file left as the OS leaves it (kill-cut.ts), then a new one started on
 * the same state folder. A call a fake had read when the connection was cut may have been carried out; its answer
 * reaches no one.
 *
 * What the chats may show after it is README's "Exactly once, and where the platforms limit it": a crash "after the
 * platform accepted a post and before that record is written" leaves the post to be sent again; on Discord with its
 * nonce (the same message: no allowance here), on Telegram with nothing to recognise it, so "the resend can post twice,
 * once for each send whose answer never came but whose message Telegram did post". The one message allowed beside a
 * note's is exactly that: made before the kill, named by no record of the database after the start (the service never
 * learned its id), in a chat where the service says a post of that note (or a digest) may have been sent (`maybe_sent`:
 * caught mid-send, store/maybe-sent.ts), at most one per such post. Those are left out of what the checks read
 * (Run.orphans); any other second message is a double.
 */
import { createServer } from 'node:net';
import Database from 'better-sqlite3';
import { titlesIn, type PlatformOp } from './platform-model.js';
import type { Run } from './platform-run.js';
import { until } from './until.js';

export async function crash(run: Run, o: Extract<PlatformOp, { op: 'crash' }>): Promise<string[]> {
  const f = run.fake, from = run.svc.events.length;
  if (o.at === 'answer') f.dropAnswers = { count: 1, methods: ['sendMessage'], late: 'held' };
  /** Each Telegram chat's newest message id once the killed service's calls were all carried out (ids only grow). */
  const newestAtKill = new Map<number, number>();
  try {
    const paths = run.write(o.ops);
    if (o.at !== 'written' && paths.length) await run.svc.batched(paths, 20_000);
    // A post carried out, its answer held; or nothing to post (idle after the batch).
    if (o.at === 'answer' && paths.length) await run.svc.waitFor((e) => f.answersHeld > 0 || e.slice(from).some((x) => x.event === 'idle'), 30_000, 'a sendMessage carried out with its answer held, or idle');
    await run.kill();
  } finally {
    f.dropAnswers = { count: 0, methods: [] };
    f.answerLate(); // to no one: the killed service's connection is cut
  }
  // A call the fake had read before the cut is carried out all the same (its answer reaches no one): what the killed
  // service's calls did is known once none is left, before the next start makes any.
  await f.waitFor(() => f.carryingOut === 0, 20_000, 'the killed service\'s calls carried out');
  for (const m of f.messages) newestAtKill.set(m.chatId, Math.max(newestAtKill.get(m.chatId) ?? 0, m.messageId));
  if (run.tg.mode === 'webhook') await portLetGo(run.tg.port);
  await run.start();
  run.startRules();
  orphansLeft(run, newestAtKill);
  return [];
}

/** Waits until the killed service's webhook port is free (its server closed, as the kernel closes a killed process's). */
async function portLetGo(port: number): Promise<void> {
  const free = () =>
    new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
  await until(free, 10_000, `the killed service's webhook port ${port} let go`);
}

/** Adds to `run.orphans` the Telegram messages a post caught by the kill left (see the file's comment). */
function orphansLeft(run: Run, newestAtKill: ReadonlyMap<number, number>): void {
  const db = new Database(run.sb.db, { readonly: true, fileMustExist: true });
  try {
    const named = db.prepare("SELECT message_id AS m FROM posts WHERE platform = 'telegram' AND chat = ? UNION SELECT message_id FROM outbox WHERE platform = 'telegram' AND chat = ? AND message_id IS NOT NULL");
    const caught = db.prepare("SELECT o.note_id AS note FROM outbox o JOIN maybe_sent m ON m.delivery = o.id WHERE o.platform = 'telegram' AND o.chat = ? AND o.kind IN ('post', 'digest')");
    for (const [chat, newest] of newestAtKill) {
      const known = new Set((named.all(String(chat), String(chat)) as { m: string }[]).map((r) => String(r.m)));
      const budget = new Map<string, number>();
      for (const r of caught.all(String(chat)) as { note: string | null }[]) {
        const n = r.note === null ? 'digest' : /(?:^|[/:])n(\d)(?:\.md)?$/.exec(r.note)?.[1];
        if (n !== undefined) budget.set(n, (budget.get(n) ?? 0) + 1);
      }
      for (const m of run.fake.sentTo(chat)) {
        const key = `${chat}:${m.messageId}`, titles = titlesIn(m.text);
        if (m.messageId > newest || known.has(String(m.messageId)) || run.orphans.has(key) || !titles.length) continue;
        // A post's first line is its title; a digest's, its heading (titlesIn).
        const n = /^N\d+$/.test(m.text.split('\n')[0]!.trim()) ? String(run.world.noteOfTitle(titles[0]!) ?? '') : 'digest';
        const left = (budget.get(n) ?? 0) - (run.orphansOf.get(`${chat}:${n}`) ?? 0);
        if (left <= 0) continue;
        run.orphans.add(key);
        run.orphansOf.set(`${chat}:${n}`, (run.orphansOf.get(`${chat}:${n}`) ?? 0) + 1);
      }
    }
  } finally {
    db.close();
  }
}
