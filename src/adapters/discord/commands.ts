/** Our command definitions as Discord application commands (JSON), with localizations. */
import { createHash } from 'node:crypto';
import { PermissionFlagsBits } from 'discord.js';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  Locale,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { COMMANDS } from '../../commands/index.js';
import type { CommandDescriptionLocale } from '../../commands/types.js';

/** Discord's locale names for the languages we describe commands in (zh-TW reads Traditional Chinese). */
const DISCORD_LOCALES: Record<CommandDescriptionLocale, Locale[]> = { zh: [Locale.ChineseCN], hant: [Locale.ChineseTW], ja: [Locale.Japanese], hi: [Locale.Hindi], es: [Locale.SpanishES, Locale.SpanishLATAM] };

/** A chat-input command as Discord takes it (discord-api-types). */
export type DiscordCommandJson = RESTPostAPIChatInputApplicationCommandsJSONBody;

export function discordCommandPayloads(): DiscordCommandJson[] {
  return COMMANDS.map(({ definition: d }) => ({
    type: ApplicationCommandType.ChatInput,
    name: d.name,
    description: d.description.slice(0, 100),
    description_localizations: Object.fromEntries(
      (Object.entries(d.descriptions) as [CommandDescriptionLocale, string][]).flatMap(([l, text]) => DISCORD_LOCALES[l].map((dl) => [dl, text.slice(0, 100)])),
    ),
    options: d.options.map((o): APIApplicationCommandBasicOption =>
      o.type === 'integer'
        ? { type: ApplicationCommandOptionType.Integer, name: o.name, description: o.description.slice(0, 100), required: o.required ?? false, ...(o.min !== undefined ? { min_value: o.min } : {}), ...(o.max !== undefined ? { max_value: o.max } : {}) }
        : { type: ApplicationCommandOptionType.String, name: o.name, description: o.description.slice(0, 100), required: o.required ?? false, ...(o.autocomplete ? { autocomplete: true } : {}) },
    ),
    // Set as the default and checked again on receipt: server admins can change the default.
    default_member_permissions: d.adminOnly ? PermissionFlagsBits.ManageChannels.toString() : null,
    contexts: [InteractionContextType.Guild], // guilds only
  }));
}

export function commandsHash(payloads: DiscordCommandJson[]): string {
  return createHash('sha256').update(JSON.stringify(payloads)).digest('hex');
}
