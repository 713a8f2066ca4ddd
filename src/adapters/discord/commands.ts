/** Our command definitions as Discord application commands (JSON), with localizations. */
import { createHash } from 'node:crypto';
import { PermissionFlagsBits } from 'discord.js';
import { COMMANDS } from '../../commands/index.js';
import type { DescriptionLocale } from '../../commands/types.js';

/** Discord's locale names for the languages we describe commands in. */
const DISCORD_LOCALES: Record<DescriptionLocale, string[]> = { zh: ['zh-CN', 'zh-TW'], ja: ['ja'], hi: ['hi'], es: ['es-ES', 'es-419'] };

export interface DiscordCommandJson {
  name: string;
  description: string;
  description_localizations: Record<string, string>;
  options: Record<string, unknown>[];
  default_member_permissions: string | null;
  contexts: number[];
  type: 1;
}

export function discordCommandPayloads(): DiscordCommandJson[] {
  return COMMANDS.map(({ definition: d }) => ({
    type: 1,
    name: d.name,
    description: d.description.slice(0, 100),
    description_localizations: Object.fromEntries(
      (Object.entries(d.descriptions) as [DescriptionLocale, string][]).flatMap(([l, text]) => DISCORD_LOCALES[l].map((dl) => [dl, text.slice(0, 100)])),
    ),
    options: d.options.map((o) => ({
      type: o.type === 'integer' ? 4 : 3,
      name: o.name,
      description: o.description.slice(0, 100),
      required: o.required ?? false,
      ...(o.autocomplete ? { autocomplete: true } : {}),
      ...(o.min !== undefined ? { min_value: o.min } : {}),
      ...(o.max !== undefined ? { max_value: o.max } : {}),
    })),
    // Set as the default and checked again on receipt: server admins can change the default.
    default_member_permissions: d.adminOnly ? PermissionFlagsBits.ManageChannels.toString() : null,
    contexts: [0], // guilds only
  }));
}

export function commandsHash(payloads: DiscordCommandJson[]): string {
  return createHash('sha256').update(JSON.stringify(payloads)).digest('hex');
}
