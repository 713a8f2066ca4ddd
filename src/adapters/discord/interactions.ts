/**
 * Discord interactions in, replies out: slash commands (through src/commands) and the note
 * lookup's autocomplete. The adapter's one error handler for interactions is here too.
 */
import { MessageFlags, PermissionFlagsBits, type AutocompleteInteraction, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import { COMMAND_FAILED_TEXT, findCommand, runCommand, type CommandDeps, type CommandReply } from '../../commands/index.js';
import { noteKey } from '../../commands/note-key.js';
import { suggestNotes, type OfferedNotes } from '../../commands/lookup.js';
import type { Logger } from '../../log.js';
import { readerLocale } from '../../notes/lang.js';
import { renderDiscordEmbed } from '../../render/discord.js';
import { discordLinkTarget, escapeDiscordMarkdown } from '../../render/escape.js';
import type { Target } from '../../store/types.js';
import { truncate } from '../../util/text.js';
import { cannotPostHereText, missingForPosting } from './permissions.js';
import { errorText } from '../../errors.js';
import { FIRST_RESPONSE_WINDOW_MS, INTERACTION_TOKEN_LIFE_MS, sendFirstResponse, sendWithinTokenLife, type FirstResponse, type LaterResponse } from './first-response.js';

export interface InteractionDeps {
  deps: CommandDeps;
  /** Lookups answered to the asker alone (config discord.ephemeralLookups). */
  ephemeralLookups: boolean;
  offered: OfferedNotes;
  log: Logger;
  /** Aborted when the adapter stops: a deferred answer still being tried again is given up. */
  stopping: AbortSignal;
}

/**
 * Autocomplete answers: at most 25 choices, names and string values 1–100 characters
 * (interactions/receiving-and-responding.mdx, Autocomplete; application-commands.mdx, choice structure).
 */
export function autocompleteChoices(results: readonly { id: string; title: string }[], remember: (key: string, id: string) => void): APIApplicationCommandOptionChoice<string>[] {
  return results.slice(0, 25).map((r) => ({ name: truncate(r.title, 100) || r.id.slice(0, 100), value: choiceValue(r.id, remember) }));
}

/** A note id as a choice value (at most 100 characters): the id itself, or a short key remembered for it. */
function choiceValue(id: string, remember: (key: string, id: string) => void): string {
  if (id.length <= 97) return `id:${id}`;
  const k = noteKey(id);
  remember(k, id);
  return `k:${k}`;
}

/** A command reply as an interaction response; mentions never ping. */
export function renderDiscordReply(reply: CommandReply, ephemeral: boolean) {
  const flags = ephemeral ? (MessageFlags.Ephemeral as const) : undefined;
  switch (reply.type) {
    case 'text':
      return { content: escapeDiscordMarkdown(reply.text).slice(0, 2000), allowedMentions: { parse: [] }, flags };
    case 'note':
      return { embeds: [renderDiscordEmbed(reply.summary)], allowedMentions: { parse: [] }, flags };
    case 'list': {
      const lines = reply.items.map((r, i) => `${i + 1}. ${r.url ? `[${escapeDiscordMarkdown(r.title)}](${discordLinkTarget(r.url)})` : escapeDiscordMarkdown(r.title)}`);
      // The heading can carry what the user typed (`/latest lang:…`), and titles render Markdown.
      return { embeds: [{ title: escapeDiscordMarkdown(reply.heading).slice(0, 256), description: lines.join('\n').slice(0, 4096), color: 0x5865f2 }], allowedMentions: { parse: [] }, flags };
    }
  }
}

export async function answerInteraction(i: Interaction, d: InteractionDeps): Promise<void> {
  const started = performance.now();
  try {
    if (i.isAutocomplete()) await answerAutocomplete(i, d, started);
    else if (i.isChatInputCommand()) await answerCommand(i, d, started);
  } catch (e) {
    // The adapter's one error handler: details to the log, a friendly word to the user.
    d.log.error({ command: 'commandName' in i ? i.commandName : undefined, channel: i.channelId, err: errorText(e) }, 'discord interaction failed');
    if (i.isRepliable() && !i.replied && !i.deferred) {
      await sendFirstResponse(() => i.reply({ content: COMMAND_FAILED_TEXT, flags: MessageFlags.Ephemeral }), () => Date.now() - i.createdTimestamp);
    }
  }
}

const AUTOCOMPLETE_NOT_SENT = {
  refused: 'not taken: Discord refused it',
  unknown: 'may not have reached the user: a try got no answer',
  local: 'not sent: discord.js refused it without asking Discord',
} as const;

async function answerAutocomplete(i: AutocompleteInteraction, { deps, offered, log }: InteractionDeps, started: number): Promise<void> {
  const suggestions = suggestNotes(deps, offered, String(i.options.getFocused()), readerLocale(i.locale), 25);
  const choices = autocompleteChoices(suggestions, (_k, id) => offered.remember(id));
  // Its callback is a first response too: a 5xx or no answer is tried again within the 3 s (first-response.ts).
  const r = await sendFirstResponse(() => i.respond(choices), () => Math.max(performance.now() - started, Date.now() - i.createdTimestamp));
  if (r.kind === 'refused' || r.kind === 'unknown' || r.kind === 'local') log.warn({ command: i.commandName, tries: r.tries, err: r.err }, `autocomplete ${AUTOCOMPLETE_NOT_SENT[r.kind]}`);
  else log.debug({ command: i.commandName, tries: r.tries, ms: Math.round(performance.now() - started) }, 'autocomplete answered');
}

async function answerCommand(i: ChatInputCommandInteraction, d: InteractionDeps, started: number): Promise<void> {
  const { deps, offered, ephemeralLookups, log } = d;
  const cmd = findCommand(i.commandName);
  if (!cmd) return;
  const options: Record<string, string | number | undefined> = {};
  for (const opt of i.options.data) options[opt.name] = typeof opt.value === 'boolean' ? String(opt.value) : opt.value;
  // An autocomplete choice for a long note id carries its short key (see choiceValue).
  if (typeof options.query === 'string' && options.query.startsWith('k:')) {
    const id = offered.resolve(options.query.slice(2));
    options.query = id ? `id:${id}` : '';
  }
  const target: Target = { platform: 'discord', chat: i.channelId, thread: '' };
  // Checked again here: the default permission is only a default that server admins can change.
  const isAdmin = async () => i.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false;
  if (cmd.definition.name === 'subscribe' && (await isAdmin())) {
    // The bot's own permissions in this very channel, overwrites applied, come with the interaction
    // (`app_permissions`, interactions/receiving-and-responding.mdx): a channel it cannot post in is refused.
    // A thread the gateway has not sent (archived, say) is looked up: it needs Send Messages in Threads.
    const channel = i.channel ?? (await i.client.channels.fetch(i.channelId).catch(() => null));
    const missing = missingForPosting(i.appPermissions.bitfield, channel?.type);
    if (missing.length) {
      log.info({ channel: i.channelId, missing }, 'subscribe refused: the bot cannot post in this channel');
      await sendReply(i, { content: escapeDiscordMarkdown(cannotPostHereText(missing)), allowedMentions: { parse: [] }, flags: MessageFlags.Ephemeral }, log, started);
      return;
    }
  }
  const input = { target, userId: i.user.id, locale: readerLocale(i.locale), chatLocale: readerLocale(i.guildLocale ?? undefined), options, isAdmin };
  const running = runCommand(cmd, input, deps);
  // A lookup may make a summary first (loading the summariser the first time: store/deferred-summaries.ts), which
  // under load outlasts Discord's 3 seconds for the first response: past ACK_BUDGET_MS it is deferred, then edited.
  if (cmd.definition.lookup && !(await settlesWithin(running, ACK_BUDGET_MS - sinceCreated(i, started)))) {
    await answerDeferred(i, running, d, started);
    return;
  }
  const reply = await running;
  if (await sendReply(i, renderDiscordReply(reply, cmd.definition.lookup ? ephemeralLookups : reply.type === 'text' && !cmd.definition.adminOnly), log, started)) {
    log.debug({ command: i.commandName, channel: i.channelId, ms: Math.round(performance.now() - started) }, 'command answered');
  }
}

/**
 * "Interaction tokens are valid for 15 minutes and can be used to send followup messages but you must send an
 * initial response within 3 seconds of receiving the event" (discord-api-docs interactions/receiving-and-responding.mdx):
 * a command whose answer is not ready after this long is acknowledged with a deferred response
 * (DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE, type 5) and its answer edited into the original response. The rest of the
 * 3 s is for the acknowledgement's own round trip on a loaded host.
 */
const ACK_BUDGET_MS = 1500;

/**
 * How long ago Discord made the interaction: its id's timestamp (a snowflake) read on our clock, or the time since our
 * handler began, whichever is longer. A main thread busy when the event came delays the handler, not Discord's 3 s; a
 * clock running ahead only defers sooner, and one behind falls back to our own measure.
 */
function sinceCreated(i: ChatInputCommandInteraction, started: number): number {
  return Math.max(performance.now() - started, Date.now() - i.createdTimestamp);
}

/** Whether `p` settles (either way) within `ms`; its outcome is read by awaiting it again. */
async function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  if (ms <= 0) return false;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(resolve, ms, false)));
  try {
    return await Promise.race([p.then(() => true, () => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Acknowledges now (the "thinking…" state), then edits the original response into the command's answer. */
async function answerDeferred(i: ChatInputCommandInteraction, running: Promise<CommandReply>, { ephemeralLookups: ephemeral, log, stopping }: InteractionDeps, started: number): Promise<void> {
  // The deferral fixes whether the response is ephemeral (an edit cannot change it).
  const deferral = await sendFirstResponse(() => i.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}), () => sinceCreated(i, started));
  sayFirstResponse(i, deferral, 'deferral', log);
  // Not taken: there is no original response to edit (Discord answers 10015 Unknown Webhook); the command's own failure
  // is still logged. One whose try got no answer may have been taken: its edit is tried.
  if (deferral.kind === 'refused') {
    await running.catch((e: unknown) => log.error({ command: i.commandName, channel: i.channelId, err: errorText(e) }, 'discord interaction failed'));
    return;
  }
  let reply: CommandReply;
  try {
    reply = await running;
  } catch (e) {
    log.error({ command: i.commandName, channel: i.channelId, err: errorText(e) }, 'discord interaction failed');
    reply = { type: 'text', text: COMMAND_FAILED_TEXT };
  }
  const { flags: _fixedAtDeferral, ...edit } = renderDiscordReply(reply, ephemeral);
  // Through the interaction's webhook, not editReply: discord.js marks the interaction deferred only when its own
  // deferReply call was answered, so after a deferral taken (40060) or unanswered, editReply refuses without asking.
  const r = await sendWithinTokenLife(() => i.webhook.editMessage('@original', edit), () => sinceCreated(i, started), stopping);
  sayDeferredAnswer(i, r, log);
}

/** The log line of a deferred answer (an edit of the original response): what Discord answered, so what the user sees. */
function sayDeferredAnswer(i: ChatInputCommandInteraction, r: LaterResponse, log: Logger): void {
  const at = { command: i.commandName, channel: i.channelId, tries: r.tries };
  const stays = 'the user sees the deferral\'s loading state';
  if (r.kind === 'sent') log.debug(at, 'command answered after a deferral');
  if (r.kind === 'sent' && r.tries > 1) log.info(at, `command done; its deferred answer went at try ${r.tries}: Discord had answered a 5xx or nothing before`);
  else if (r.kind === 'refused') log.warn({ ...at, err: r.err }, `command done; Discord refused its deferred answer: ${stays}`);
  else if (r.kind === 'expired') log.warn({ ...at, err: r.err }, `command done; its deferred answer did not go: Discord answered a 5xx or nothing until the interaction's ${INTERACTION_TOKEN_LIFE_MS / 60_000} minutes ran out; ${stays}`);
  else if (r.kind === 'stopped') log.warn({ ...at, err: r.err }, `command done; the service stopped before its deferred answer went (Discord had answered a 5xx or nothing): ${stays}`);
  else if (r.kind === 'local') log.warn({ ...at, err: r.err }, `command done; discord.js refused its deferred answer without asking Discord: ${stays}`);
}

/**
 * The reply of a command carried out (or refused) by now, tried again within Discord's 3 s (first-response.ts). A reply
 * that fails is not the command failing: it is logged as it went, and the error handler's "Sorry, something went wrong"
 * is never sent about what was done, as on Telegram (telegram/updates.ts). Returns whether it was sent.
 */
async function sendReply(i: ChatInputCommandInteraction, reply: Parameters<ChatInputCommandInteraction['reply']>[0], log: Logger, started: number): Promise<boolean> {
  const r = await sendFirstResponse(() => i.reply(reply), () => sinceCreated(i, started));
  sayFirstResponse(i, r, 'reply', log);
  return r.kind === 'sent';
}

/** The log line of a first response that did not go at the first try: what Discord answered, so what the user saw. */
function sayFirstResponse(i: ChatInputCommandInteraction, r: FirstResponse, what: 'reply' | 'deferral', log: Logger): void {
  const at = { command: i.commandName, channel: i.channelId, tries: r.tries };
  const its = what === 'reply' ? 'command done; its reply' : 'command running; its deferral';
  if (r.kind === 'sent' && r.tries > 1) log.info(at, `${its} went at try ${r.tries}: Discord had not taken the earlier ones (a 5xx, or no answer)`);
  else if (r.kind === 'taken' && r.tries > 1) log.info(at, `${its} was already taken: Discord answered 40060 (Interaction has already been acknowledged) to a try again; the user saw it once`);
  else if (r.kind === 'taken') log.warn(at, `${its} was not sent: Discord answered 40060 (Interaction has already been acknowledged), the interaction answered before it (another process on this bot's token?)`);
  else if (r.kind === 'refused') {
    const how = r.tries > 1 ? `refused every try (${r.tries}, within the ${FIRST_RESPONSE_WINDOW_MS / 1000} s it allows a first response)` : 'refused it';
    log.warn({ ...at, err: r.err }, `${its} was not taken: Discord ${how}; the user saw no answer`);
  }
  else if (r.kind === 'unknown') log.warn({ ...at, err: r.err }, `${its} may not have reached the chat: a try got no answer and none after could tell`);
  else if (r.kind === 'local') log.warn({ ...at, err: r.err }, `${its} was not sent: discord.js refused it without asking Discord`);
}
