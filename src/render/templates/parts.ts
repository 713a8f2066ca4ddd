/**
 * A Discord template file: one Liquid template per part of the message, each starting at a line
 * `=== part ===` (`title`, `description`, `footer`, `color`, `content`, `field: name`,
 * `inline field: name`). Text before the first such line may only be Liquid comments.
 */
import { DEFAULT_DISCORD_TEMPLATE } from './defaults.js';
import type { DiscordPartsConfig } from '../../config/templates.js';

/** One template's text and where it came from, so an error names the file and the line. */
export interface TemplateSource {
  text: string;
  /** The file (or the config file, for a template written in it). */
  file: string;
  /** The file's line the template's first line is on; undefined when that is not known (inline). */
  firstLine?: number | undefined;
  /** Which template this is, for messages: `title`, `field 🔗`, `routes.0.templates.telegram`. */
  label: string;
}

export interface DiscordSources {
  content?: TemplateSource | undefined;
  title?: TemplateSource | undefined;
  description?: TemplateSource | undefined;
  fields: { name: TemplateSource; value: TemplateSource; inline: boolean }[];
  footer?: TemplateSource | undefined;
  color?: TemplateSource | undefined;
}

/** A problem with a template's text, at a line of its file. */
export class TemplateSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

const PART_LINE = /^===\s*(title|description|footer|color|content|(inline )?field:\s*(.+?))\s*===\s*$/;
const COMMENTS = /\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g;

export function parseDiscordFile(text: string, file: string): DiscordSources {
  const out: DiscordSources = { fields: [] };
  const lines = text.split('\n');
  const starts: { at: number; m: RegExpExecArray }[] = [];
  lines.forEach((l, at) => {
    const m = PART_LINE.exec(l);
    if (m) starts.push({ at, m });
  });
  const before = lines.slice(0, starts[0]?.at ?? lines.length).join('\n');
  if (before.replace(COMMENTS, '').trim()) {
    throw new TemplateSyntaxError(file, 1, 'a Discord template is made of parts, each starting at a line like `=== title ===` (title, description, footer, color, content, field: name); text comes before the first one');
  }
  const seen = new Set<string>();
  starts.forEach(({ at, m }, i) => {
    const end = starts[i + 1]?.at ?? lines.length;
    const src = (label: string, body: string): TemplateSource => ({ text: body, file, firstLine: at + 2, label });
    const body = lines.slice(at + 1, end).join('\n');
    if (m[3] !== undefined) {
      out.fields.push({ name: { text: m[3], file, firstLine: at + 1, label: `field name` }, value: src(`field ${m[3]}`, body), inline: !!m[2] });
      return;
    }
    const part = m[1] as 'title' | 'description' | 'footer' | 'color' | 'content';
    if (seen.has(part)) throw new TemplateSyntaxError(file, at + 1, `the part \`${part}\` is written twice`);
    seen.add(part);
    out[part] = src(part, body);
  });
  if (out.fields.length > 25) throw new TemplateSyntaxError(file, undefined, 'Discord allows 25 fields in an embed');
  return out;
}

/** The default's parts. */
export function defaultDiscordSources(): DiscordSources {
  return parseDiscordFile(DEFAULT_DISCORD_TEMPLATE, '(default Discord template)');
}

/** Parts written inline in the config, over the default's. */
export function inlineDiscordSources(parts: DiscordPartsConfig, configFile: string, keyPath: string): DiscordSources {
  const out = defaultDiscordSources();
  const src = (label: string, text: string): TemplateSource => ({ text, file: configFile, label: `${keyPath}.${label}` });
  for (const part of ['content', 'title', 'description', 'footer', 'color'] as const) {
    const text = parts[part];
    if (text !== undefined) out[part] = src(part, text);
  }
  if (parts.fields) {
    out.fields = parts.fields.map((f, i) => ({ name: src(`fields.${i}.name`, f.name), value: src(`fields.${i}.value`, f.value), inline: !!f.inline }));
  }
  return out;
}
