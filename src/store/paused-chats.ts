/**
 * Chats whose deliveries wait because the platform refused the bot there (kicked, blocked, a right taken away): the
 * `paused_targets` rows. A paused chat that nothing names any more (its route removed, `/unsubscribe`) keeps only the
 * edits and deletes of messages it shows (publish/chat-wants.ts); it then waits for the bot (`paused_marks.waits_for_bot`), shown
 * apart from paused chats, until the platform says the bot is in it again (`botBack`: Telegram's `my_chat_member`, a
 * command heard there; Discord's gateway showing the channel reachable). Each word of the platform tries once: a refusal
 * lets it wait again, so nothing is retried on a timer.
 */
import type { Prepare } from './db.js';
import type { OutboxSignal } from './outbox-signal.js';
import type { Target } from './types.js';

/** A chat waiting for the bot, with what waits there (`status`). */
export interface AwaitingBot {
  target: Target;
  reason: string;
  since: number;
  edits: number;
  deletes: number;
  /** Pins, unpins and crossposts of its messages. */
  other: number;
}

interface PausedRecord {
  platform: string;
  chat: string;
  thread: string;
  reason: string;
  paused_at: number;
  waits_for_bot: number | null;
  bot_back_at: number | null;
}

const targetOf = (r: PausedRecord): Target => ({ platform: r.platform as Target['platform'], chat: r.chat, thread: r.thread });
const WHERE_TARGET = 'platform = ? AND chat = ? AND thread = ?';
/** A paused chat's row with its marks (`paused_marks`: waiting for the bot, when the platform said it is back). */
const WITH_MARKS = `SELECT p.*, m.waits_for_bot, m.bot_back_at FROM paused_targets p
  LEFT JOIN paused_marks m ON m.platform = p.platform AND m.chat = p.chat AND m.thread = p.thread`;

export class PausedChats {
  constructor(
    private readonly sql: Prepare,
    private readonly opened: OutboxSignal,
  ) {}

  /** A refusal: the chat's queue waits; whatever the platform said of the bot before this refusal no longer counts. */
  pause(target: Target, reason: string): void {
    this.sql('INSERT INTO paused_targets(platform, chat, thread, reason, paused_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET reason = excluded.reason, paused_at = excluded.paused_at')
      .run(target.platform, target.chat, target.thread, reason, Date.now());
    this.sql(`DELETE FROM paused_marks WHERE ${WHERE_TARGET}`).run(target.platform, target.chat, target.thread);
  }

  resume(target: Target): boolean {
    this.sql(`DELETE FROM paused_marks WHERE ${WHERE_TARGET}`).run(target.platform, target.chat, target.thread);
    const resumed = this.sql(`DELETE FROM paused_targets WHERE ${WHERE_TARGET}`).run(target.platform, target.chat, target.thread).changes > 0;
    if (resumed) this.opened.raise(); // its queue waited for this, not for a time
    return resumed;
  }

  /** Paused or waiting for the bot: its deliveries are not sent. */
  isPaused(target: Target): boolean {
    return !!this.sql(`SELECT 1 FROM paused_targets WHERE ${WHERE_TARGET}`).get(target.platform, target.chat, target.thread);
  }

  /** Whether the platform has said the bot is in the chat since it was refused there (`botBack`). */
  botBackSinceRefused(target: Target): boolean {
    const r = this.sql(`${WITH_MARKS} WHERE p.platform = ? AND p.chat = ? AND p.thread = ?`).get(target.platform, target.chat, target.thread) as PausedRecord | undefined;
    return !!r && r.bot_back_at !== null && r.bot_back_at >= r.paused_at;
  }

  /** Nothing names the chat and edits or deletes of its messages wait: they wait for the bot, the chat not shown as paused. */
  waitForBot(target: Target): void {
    this.mark(target, 'waits_for_bot', 1);
  }

  /** Named again (a route put back): a paused chat as before, which a start or /subscribe tries again. */
  namedAgain(target: Target): boolean {
    return this.sql(`UPDATE paused_marks SET waits_for_bot = 0 WHERE ${WHERE_TARGET} AND waits_for_bot = 1`).run(target.platform, target.chat, target.thread).changes > 0;
  }

  /**
   * The platform says the bot is in `chat` (every thread of it) again: the chats there waiting for the bot are let go
   * (what waited goes now; returned), and a paused one some route or subscription names remembers it (README: /subscribe
   * resumes it; if nothing names it later, what waits goes at once rather than waiting for the bot).
   */
  botBack(platform: string, chat: string, now = Date.now()): Target[] {
    const rows = this.sql(`${WITH_MARKS} WHERE p.platform = ? AND p.chat = ?`).all(platform, chat) as PausedRecord[];
    const woken: Target[] = [];
    for (const r of rows) {
      if (r.waits_for_bot) {
        this.resume(targetOf(r));
        woken.push(targetOf(r));
      } else this.mark(targetOf(r), 'bot_back_at', now);
    }
    return woken;
  }

  /** Every paused chat of `platform` (named or waiting for the bot): what a platform's word that the bot can post again is checked against. */
  pausedIn(platform: string): Target[] {
    return (this.sql('SELECT * FROM paused_targets WHERE platform = ?').all(platform) as PausedRecord[]).map(targetOf);
  }

  /** The chats waiting for the bot (of `platform`, else all), oldest first, with what waits in each. */
  awaitingBot(platform?: string): AwaitingBot[] {
    const rows = this.sql(`${WITH_MARKS} WHERE m.waits_for_bot = 1 AND (? IS NULL OR p.platform = ?) ORDER BY p.paused_at`).all(platform ?? null, platform ?? null) as PausedRecord[];
    return rows.map((r) => {
      const kinds = this.sql(`SELECT kind, COUNT(*) AS n FROM outbox WHERE status IN ('pending', 'sending') AND ${WHERE_TARGET} GROUP BY kind`).all(r.platform, r.chat, r.thread) as { kind: string; n: number }[];
      const of = (k: string) => kinds.find((x) => x.kind === k)?.n ?? 0;
      const edits = of('edit'), deletes = of('delete');
      return { target: targetOf(r), reason: r.reason, since: r.paused_at, edits, deletes, other: kinds.reduce((a, x) => a + x.n, 0) - edits - deletes };
    });
  }

  private mark(target: Target, column: 'waits_for_bot' | 'bot_back_at', value: number): void {
    this.sql(`INSERT INTO paused_marks(platform, chat, thread, ${column}) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET ${column} = excluded.${column}`).run(target.platform, target.chat, target.thread, value);
  }
}
