/**
 * `templates:` in the config, globally and per route: Liquid templates for each platform's message,
 * written inline or kept in a file (a path relative to the config file's folder). Compiled and
 * checked by render/templates when the config is used (`check`, `preview`, `start`).
 */
import { z } from 'zod';

/** A template kept in a file. */
const templateFileSchema = z.object({ file: z.string().min(1) }).strict();

/**
 * A Discord message written inline, part by part; a part left out is the default's. `fields`
 * replaces the default fields (`[]`: none). Each part is a Liquid template.
 */
const discordPartsSchema = z
  .object({
    /** The message text above the embed (Discord Markdown). */
    content: z.string().optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    /** Discord allows 25 fields an embed (message.mdx, Embed Limits). */
    fields: z
      .array(z.object({ name: z.string().min(1), value: z.string(), inline: z.boolean().optional() }).strict())
      .max(25)
      .optional(),
    /** Plain text: Discord renders no Markdown in a footer. */
    footer: z.string().optional(),
    /** `#rrggbb`, after rendering. */
    color: z.string().optional(),
  })
  .strict();

export const templatesSchema = z
  .object({
    /** The Discord embed and the text above it: `{file: templates/discord.liquid}` or its parts inline. */
    discord: z.union([templateFileSchema, discordPartsSchema]).optional(),
    /** The Telegram message in Telegram's HTML: `{file: templates/telegram.liquid}` or the template inline. */
    telegram: z.union([templateFileSchema, z.string()]).optional(),
  })
  .strict();

export type TemplatesConfig = z.output<typeof templatesSchema>;
export type DiscordPartsConfig = z.output<typeof discordPartsSchema>;

/** The same templates with each `file` made absolute against `dir` (the config file's folder). */
export function resolveTemplateFiles(t: TemplatesConfig | undefined, dir: string, resolve: (dir: string, p: string) => string): void {
  if (!t) return;
  if (t.discord && 'file' in t.discord && typeof t.discord.file === 'string') t.discord.file = resolve(dir, t.discord.file);
  if (t.telegram && typeof t.telegram === 'object') t.telegram.file = resolve(dir, t.telegram.file);
}

/** The files a config's templates are kept in (as `resolveTemplateFiles` left them: absolute). */
export function templateFilesOf(t: TemplatesConfig | undefined): string[] {
  const files: string[] = [];
  if (t?.discord && 'file' in t.discord && typeof t.discord.file === 'string') files.push(t.discord.file);
  if (t?.telegram && typeof t.telegram === 'object') files.push(t.telegram.file);
  return files;
}
