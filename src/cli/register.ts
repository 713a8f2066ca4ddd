/** `notecast register-commands`: registers or updates Discord's slash commands, only when they changed. */
import { DiscordAPIError } from 'discord.js';
import { secretsOf } from '../config/env.js';
import { loadRuntime } from './runtime.js';
import { createDiscordRest, registerDiscordCommands } from '../adapters/discord/adapter.js';
import { redact } from '../log.js';
import { Store } from '../store/store.js';
import type { Io } from './io.js';
import { errorText } from '../errors.js';

export async function runRegisterCommands(opts: { guild?: string; config?: string; db?: string; force?: boolean }, io: Io): Promise<number> {
  const runtime = await loadRuntime(opts.config, io);
  if (typeof runtime === 'number') return runtime;
  const { env, config } = runtime;
  if (!env.DISCORD_TOKEN) {
    io.err('DISCORD_TOKEN is not set: it is needed to register commands.');
    return 2;
  }
  const store = new Store(opts.db ?? config.store.path);
  try {
    const rest = createDiscordRest(env.DISCORD_TOKEN, config.discord.api, config.discord.rateLimitWaitMaxMs, { callTimeoutMs: config.delivery.callTimeoutMs, said: io.err });
    const r = await registerDiscordCommands(rest, store, { applicationId: config.discord.applicationId, guild: opts.guild ?? config.discord.commandGuild, force: opts.force });
    io.out(r.changed ? `commands registered (${r.scope})` : `commands unchanged (${r.scope}); nothing sent`);
    return 0;
  } catch (e) {
    // A refused token names the variable to fix, as `start` does (adapters/discord/adapter.ts).
    const why = e instanceof DiscordAPIError && e.status === 401 ? 'discord refused the bot token (401 Unauthorized): check DISCORD_TOKEN' : errorText(e);
    io.err(`could not register commands: ${redact(why, secretsOf(env))}`);
    return 1;
  } finally {
    store.close();
  }
}
