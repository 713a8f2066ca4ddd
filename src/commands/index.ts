/** Every chat command, and the one place that runs them: permission check, then the handler. */
import { helpCommand } from './help.js';
import { latestCommand } from './latest.js';
import { noteCommand } from './note.js';
import { subscribeCommand } from './subscribe.js';
import { subscriptionsCommand } from './subscriptions.js';
import { unsubscribeCommand } from './unsubscribe.js';
import type { Command, CommandDeps, CommandInput, CommandReply } from './types.js';
import { SLOW_DOWN_TEXT } from './limit.js';
import { emptyOptionText, unknownKeyText } from './args.js';

export const COMMANDS: readonly Command[] = [noteCommand, latestCommand, subscribeCommand, unsubscribeCommand, subscriptionsCommand, helpCommand];

export const NOT_ADMIN_TEXT = 'Sorry, only admins of this chat can change what it receives.';

/** What an adapter's error handler says in the chat when answering failed: never the error's own text. */
export const COMMAND_FAILED_TEXT = 'Sorry, something went wrong. Please try again in a moment.';

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.definition.name === name.toLowerCase());
}

export async function runCommand(cmd: Command, input: CommandInput, deps: CommandDeps): Promise<CommandReply> {
  const started = performance.now();
  const verdict = deps.limiter?.take(`${input.target.platform}:${input.userId}`) ?? 'ok';
  if (verdict === 'limited') return { type: 'text', text: SLOW_DOWN_TEXT };
  try {
    if (cmd.definition.adminOnly && !(await input.isAdmin())) return { type: 'text', text: NOT_ADMIN_TEXT };
    if (input.unknownKeys?.length) return { type: 'text', text: unknownKeyText(cmd.definition, input.unknownKeys) };
    const empty = emptyOptionText(cmd.definition, input.options);
    if (empty) return { type: 'text', text: empty };
    return await cmd.handle(input, deps);
  } finally {
    deps.observe?.(input.target.platform, cmd.definition.name, performance.now() - started);
  }
}

export type { Command, CommandDeps, CommandInput, CommandReply } from './types.js';
