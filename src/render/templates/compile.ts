/**
 * Templates from the config, compiled and checked once, when the config is used: a syntax error,
 * an unknown filter or variable, or a template that cannot fit a platform's limit even with
 * nothing of the note in it, is a ConfigError naming the file, the line and the name, before
 * anything is posted.
 */
import { readFileSync } from 'node:fs';
import type { Liquid } from 'liquidjs';
import type { Config, Route } from '../../config/schema.js';
import type { TemplatesConfig } from '../../config/templates.js';
import { ConfigError } from '../../errors.js';
import { targetKey, type Target } from '../../store/types.js';
import { createEngine, type MarkupKind } from './engine.js';
import { DEFAULT_TELEGRAM_TEMPLATE } from './defaults.js';
import { defaultDiscordSources, inlineDiscordSources, parseDiscordFile, TemplateSyntaxError, type DiscordSources, type TemplateSource } from './parts.js';
import { discordOverage, discordPayloadFor, parseColor, renderTemplate, telegramOverage, templateProblem, telegramPayloadFor, type CompiledDiscord, type CompiledTemplate, type RouteTemplates } from './payloads.js';
import { SAMPLE_NOTES } from './sample.js';
import { contextFor, type Shown } from './context.js';

type Engines = Record<MarkupKind, Liquid>;

function problemAt(src: TemplateSource, e: unknown): ConfigError {
  if (e instanceof TemplateSyntaxError) return new ConfigError(e.file, [{ path: '', line: e.line, message: e.message }]);
  const p = templateProblem(e);
  if (src.firstLine !== undefined) return new ConfigError(src.file, [{ path: '', line: p.line === undefined ? undefined : src.firstLine + p.line - 1, message: `${src.label}: ${p.message}` }]);
  return new ConfigError(src.file, [{ path: src.label, message: `${p.line === undefined ? '' : `line ${p.line} of the template: `}${p.message}` }]);
}

function compileOne(src: TemplateSource, kind: MarkupKind, engines: Engines): CompiledTemplate {
  try {
    return { source: src, kind, engine: engines[kind], templates: engines[kind].parse(src.text, src.file) };
  } catch (e) {
    throw problemAt(src, e);
  }
}

function compileDiscord(s: DiscordSources, engines: Engines): CompiledDiscord {
  const md = (src: TemplateSource | undefined) => (src ? compileOne(src, 'discord', engines) : undefined);
  return {
    content: md(s.content),
    title: s.title ? compileOne(s.title, 'discord-title', engines) : undefined,
    description: md(s.description),
    fields: s.fields.map((f) => ({ name: compileOne(f.name, 'discord', engines), value: compileOne(f.value, 'discord', engines), inline: f.inline })),
    // A footer renders no Markdown (only defused), nor does a colour need any.
    footer: s.footer ? compileOne(s.footer, 'discord-plain', engines) : undefined,
    color: s.color ? compileOne(s.color, 'discord-plain', engines) : undefined,
  };
}

function readTemplateFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigError(file, [{ path: '', message: code === 'ENOENT' ? 'no such template file' : `cannot read the template file: ${code ?? String(e)}` }]);
  }
}

function discordSources(t: TemplatesConfig['discord'], configFile: string, keyPath: string): DiscordSources {
  if (!t) return defaultDiscordSources();
  if ('file' in t && typeof t.file === 'string') {
    try {
      return parseDiscordFile(readTemplateFile(t.file), t.file);
    } catch (e) {
      throw e instanceof TemplateSyntaxError ? problemAt({ text: '', file: e.file, label: 'discord' }, e) : e;
    }
  }
  return inlineDiscordSources(t as Exclude<typeof t, { file: string }>, configFile, keyPath);
}

function telegramSource(t: TemplatesConfig['telegram'], configFile: string, keyPath: string): TemplateSource {
  if (t === undefined) return { text: DEFAULT_TELEGRAM_TEMPLATE, file: '(default Telegram template)', label: 'telegram' };
  if (typeof t === 'string') return { text: t, file: configFile, label: keyPath };
  return { text: readTemplateFile(t.file), file: t.file, firstLine: 1, label: 'telegram' };
}

/** Every template of a route rendered against the sample notes: unknown variables and bad colours show here, not at post time. */
function checkRendering(route: RouteTemplates): void {
  const all: CompiledTemplate[] = [route.telegram, ...[route.discord.content, route.discord.title, route.discord.description, route.discord.footer, route.discord.color].filter((t) => t !== undefined), ...route.discord.fields.flatMap((f) => [f.name, f.value])];
  for (const note of SAMPLE_NOTES) {
    const shown: Shown = { points: note.summary.keyPoints.length, links: note.summary.links.length, alsoIn: note.alsoIn?.length ?? 0, titleMax: Infinity };
    for (const t of all) {
      try {
        renderTemplate(t, (kind) => contextFor(kind, note, shown, route.site));
      } catch (e) {
        throw problemAt(t.source, e);
      }
    }
    const color = route.discord.color && renderTemplate(route.discord.color, (kind) => contextFor(kind, note, shown, route.site));
    if (color && parseColor(color) === undefined) throw problemAt(route.discord.color!.source, new Error(`"${color}" is not a colour: write #rrggbb`));
  }
  // Fitting: with nothing of the note shown, the template alone must be within the limits.
  const [sample] = SAMPLE_NOTES;
  const discordEmpty = discordOverage(discordPayloadFor({ ...sample!, summary: { ...sample!.summary, keyPoints: [], links: [], title: '' }, alsoIn: [] }, route));
  if (discordEmpty.title + discordEmpty.other > 0) throw problemAt(route.discord.title?.source ?? route.telegram.source, new Error(`the Discord message is ${discordEmpty.title + discordEmpty.other} characters over Discord's limits even with no title, points or links`));
  const telegramEmpty = telegramOverage(telegramPayloadFor({ ...sample!, summary: { ...sample!.summary, keyPoints: [], links: [], title: '' }, alsoIn: [] }, route));
  if (telegramEmpty.other > 0) throw problemAt(route.telegram.source, new Error(`the Telegram message is ${telegramEmpty.other} characters over Telegram's 4096 even with no title, points or links`));
}

/**
 * What templates see as `site`: the `_config.yml`'s own keys, as Jekyll's `site` is; not where that file was read
 * from (`readFrom`, readJekyllConfig: a local path, which an operator's template must not be able to send to a chat).
 */
function templateSite(site: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(site).filter(([key]) => key !== 'readFrom'));
}

/** The templates of the config: the global ones and each route's, compiled and checked. */
export class Templates {
  private constructor(
    readonly global: RouteTemplates,
    private readonly byTarget: Map<string, RouteTemplates>,
  ) {}

  /** Compiles and checks every template of the config; `configFile` names the file inline templates are in. Throws ConfigError. */
  static fromConfig(config: Pick<Config, 'templates' | 'routes'>, jekyllSite: Record<string, unknown>, configFile = 'config'): Templates {
    const site = templateSite(jekyllSite);
    const engines: Engines = { discord: createEngine('discord'), 'discord-title': createEngine('discord-title'), 'discord-plain': createEngine('discord-plain'), telegram: createEngine('telegram') };
    const compile = (t: TemplatesConfig | undefined, key: string, fallback?: TemplatesConfig): RouteTemplates => {
      const discordKey = t?.discord ? `${key}.discord` : 'templates.discord';
      const telegramKey = t?.telegram !== undefined ? `${key}.telegram` : 'templates.telegram';
      const route: RouteTemplates = {
        discord: compileDiscord(discordSources(t?.discord ?? fallback?.discord, configFile, discordKey), engines),
        telegram: compileOne(telegramSource(t?.telegram ?? fallback?.telegram, configFile, telegramKey), 'telegram', engines),
        site,
      };
      checkRendering(route);
      return route;
    };
    const global = compile(config.templates, 'templates');
    const byTarget = new Map<string, RouteTemplates>();
    config.routes.forEach((r: Route, i) => {
      const own = r.templates?.discord || r.templates?.telegram !== undefined ? compile(r.templates, `routes.${i}.templates`, config.templates) : global;
      const key = targetKey({ platform: r.platform, chat: r.chat, thread: r.thread ?? '' });
      if (!byTarget.has(key)) byTarget.set(key, own); // a chat two routes name: the first route's templates
    });
    return new Templates(global, byTarget);
  }

  /** The templates a delivery to this chat uses: its config route's, else the global ones (a chat that subscribed itself). */
  forTarget(target: Target): RouteTemplates {
    return this.byTarget.get(targetKey(target)) ?? this.global;
  }

  /** A route's chat named otherwise at start (a Telegram `@username` by its id: publish/chat-names.ts): its templates follow. */
  nameAlso(written: Target, id: Target): void {
    const own = this.byTarget.get(targetKey(written));
    if (own && !this.byTarget.has(targetKey(id))) this.byTarget.set(targetKey(id), own);
  }

  /** A config route's templates, else (no route) the global ones. */
  forRoute(route: Pick<Route, 'platform' | 'chat' | 'thread'> | undefined): RouteTemplates {
    return route ? this.forTarget({ platform: route.platform, chat: route.chat, thread: route.thread ?? '' }) : this.global;
  }

  /** The default templates alone (no config). */
  static defaults(site: Record<string, unknown> = {}): Templates {
    return Templates.fromConfig({ templates: {}, routes: [] }, site);
  }
}
