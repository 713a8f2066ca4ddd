/**
 * `notecast unsubscribe <platform:chat[/thread]>`: the operator's /unsubscribe for a chat where no one
 * can type it any more (a group deleted, a bot kicked and never let back, a Discord channel gone).
 * Every subscription of that chat goes, what waited for it is called off and its pause lifted, by the
 * same rules as /unsubscribe there (publish/chat-wants.ts forgetChat). It writes the state, so it
 * opens it as `start` does (the one-instance lock, the mark): with a service running on the database
 * it is refused, and the service stopped, it runs and the service starts again.
 */
import { existsSync } from 'node:fs';
import { errorText } from '../errors.js';
import { createLogger } from '../log.js';
import { routesAsRecorded } from '../publish/chat-names.js';
import { forgetChat } from '../publish/chat-wants.js';
import { recordForgottenChat } from '../store/chats-forgotten.js';
import { openState } from '../store/state.js';
import { targetKey, type Target } from '../store/types.js';
import { commandConfigOrSaid } from './command-config.js';
import type { Io } from './io.js';
import { startFailure } from './start.js';

const PLATFORMS = ['discord', 'telegram', 'console'] as const;

/** `telegram:-100123`, `discord:123456789012345678/987654321098765432` (a thread): as `status` names chats. */
export function parseChat(text: string): Target | undefined {
  const m = /^(discord|telegram|console):([^/\s]+)(?:\/([^/\s]+))?$/.exec(text.trim());
  const platform = PLATFORMS.find((p) => p === m?.[1]);
  if (!m || !platform || !m[2]) return undefined;
  return { platform, chat: m[2], thread: m[3] ?? '' };
}

export async function runUnsubscribe(chat: string, opts: { config?: string; db?: string }, io: Io): Promise<number> {
  const target = parseChat(chat);
  if (!target) {
    io.err(`notecast unsubscribe: "${chat}" is not a chat: give it as \`notecast status\` names it, platform:chat or platform:chat/thread (telegram:-1001234567890, discord:123456789012345678)`);
    return 2;
  }
  const config = commandConfigOrSaid(opts.config, io)?.config;
  if (!config) return 2;
  const dbPath = opts.db ?? config.store.path;
  if (!existsSync(dbPath)) {
    io.err(`notecast unsubscribe: no state yet at ${dbPath}: nothing is subscribed`);
    return 1;
  }
  const log = createLogger({ level: config.log.level, secrets: [], destination: io.log });
  let state;
  try {
    state = await openState(dbPath, log, { afterRestore: false, moved: false });
  } catch (e) {
    io.err(`notecast unsubscribe: ${startFailure(e, dbPath)}`);
    return 1;
  }
  try {
    const f = forgetChat({ store: state.store, routes: routesAsRecorded(config.routes, state.store), log }, target);
    const nothing = !f.subscriptions && !f.calledOff && !f.wasPaused;
    if (nothing) io.out(`${targetKey(f.target)}: no subscriptions, nothing waiting, not paused: nothing changed`);
    else {
      recordForgottenChat(state.store, { chat: targetKey(f.target), why: 'forgotten by `notecast unsubscribe`', at: Date.now(), subscriptions: f.subscriptions, calledOff: f.calledOff });
      io.out(forgottenLine(f));
    }
    return f.routed ? 1 : 0;
  } catch (e) {
    io.err(`notecast unsubscribe: ${errorText(e)}`);
    return 1;
  } finally {
    await state.close();
  }
}

function forgottenLine(f: ReturnType<typeof forgetChat>): string {
  const subs = `${f.subscriptions} subscription${f.subscriptions === 1 ? '' : 's'} removed`;
  const off = `${f.calledOff} waiting deliver${f.calledOff === 1 ? 'y' : 'ies'} called off`;
  if (f.routed) return `${targetKey(f.target)}: ${subs}, ${off}; a config route still names it, so it ${f.wasPaused ? 'stays paused and ' : ''}keeps what that route wants: remove the route from the config to forget it`;
  return `${targetKey(f.target)}: ${subs}, ${off}${f.wasPaused ? ', no longer paused' : ''}`;
}
