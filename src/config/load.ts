/** Loads and validates the YAML config; errors name the key, the line and what was expected. */
import { existsSync, readFileSync } from 'node:fs';
import { jekyllReadingOf } from '../notes/jekyll-reading.js';
import path from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { ZodError } from 'zod';
import { ConfigError, errorText } from '../errors.js';
import { readJekyllConfig, type SiteConfig } from '../notes/url.js';
import { yamlErrorAt } from '../notes/yaml-error.js';
import { yaml } from '../notes/yaml-lazy.js';
import type { ReadOptions } from '../notes/read.js';
import { configSchema, type Config } from './schema.js';
import { resolveTemplateFiles } from './templates.js';
import { plainIssueMessage } from '../util/schema-messages.js';

const DEFAULT_CONFIG_PATH = 'config/notecast.yaml';

export interface LoadedConfig {
  config: Config;
  /** The file it came from, if any. */
  source?: string | undefined;
}

function issuesWithLines(err: ZodError, doc: Document, lc: LineCounter) {
  return err.issues.map((i) => {
    // An unknown key is reported on its own line, not its parent's.
    const unknown = i.code === 'unrecognized_keys' && i.keys.length === 1 ? [String(i.keys[0])] : [];
    const keyPath = [...i.path.map(String), ...unknown];
    let line: number | undefined;
    for (let n = keyPath.length; n >= 0 && line === undefined; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(keyPath.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) line = lc.linePos(range[0]).line;
    }
    return { path: i.path.map(String).join('.'), message: i.message, line };
  });
}

/**
 * An integer written without quotes past 2^53 (every Discord snowflake of today: `chat: 1579460719919759361`)
 * would be rounded by a JavaScript number to another id, and the route would post to a channel that does not
 * exist. Such a scalar keeps the digits as written, as a string: a route's `chat`/`thread` takes them exactly,
 * and a numeric setting refuses them by name instead of taking a rounded value.
 */
function keepLongIntegersAsWritten(doc: Document, text: string): void {
  const { visit } = yaml();
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'number' || Number.isSafeInteger(node.value) || !Number.isInteger(node.value) || !node.range) return;
      const written = text.slice(node.range[0], node.range[1]).trim();
      if (/^[-+]?[0-9]+$/.test(written)) node.value = written.replace(/^\+/, '');
    },
  });
}

/** The config and the file's own values as written (to tell a key given from a default). */
function parseConfigWithRaw(text: string, source: string): { config: Config; raw: unknown } {
  // `yaml` loaded only when a config file is read (notes/yaml-lazy.ts): without one, a start skips ~0.07 s of CPU (issue 24).
  const { LineCounter, parseDocument } = yaml();
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true });
  if (doc.errors.length) throw new ConfigError(source, doc.errors.map((e) => ({ path: '', ...yamlErrorAt(e, text) })));
  keepLongIntegersAsWritten(doc, text);
  const raw: unknown = doc.toJS() ?? {};
  const result = configSchema.safeParse(raw, { error: plainIssueMessage });
  if (!result.success) throw new ConfigError(source, issuesWithLines(result.error, doc, lc));
  return { config: result.data, raw };
}

/** Where a command's config comes from: `--config`, else `NOTECAST_CONFIG`, else `config/notecast.yaml` when present, else none (the defaults). */
export interface ConfigSource {
  flag?: string | undefined;
  /** The `NOTECAST_CONFIG` environment variable, as parsed once (config/env.ts). */
  env?: string | undefined;
}

/**
 * Loads the config every command uses, the same way: `--config`, else `NOTECAST_CONFIG`, else
 * `config/notecast.yaml` when present, else the defaults. A named file that cannot be read is an
 * error (never a silent fall back to the defaults). Relative paths written in the file (`notes.dir`,
 * `store.path`, `notes.jekyllConfig`) are resolved against the file's folder, as other tools do,
 * so a service started from any working directory finds them.
 */
export function loadConfig(from: ConfigSource | string = {}): LoadedConfig {
  const src: ConfigSource = typeof from === 'string' ? { flag: from } : from;
  const named = src.flag ?? src.env;
  const chosen = named ?? (existsSync(DEFAULT_CONFIG_PATH) ? DEFAULT_CONFIG_PATH : undefined);
  if (!chosen) return { config: configSchema.parse({}) };
  let text: string;
  try {
    text = readFileSync(chosen, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const by = src.flag ? '--config' : src.env ? 'NOTECAST_CONFIG' : 'the default location';
    throw new ConfigError(chosen, [{ path: '', message: code === 'ENOENT' ? `no such file (named by ${by})` : `cannot read: ${code ?? String(e)}` }]);
  }
  const parsed = parseConfigWithRaw(text, chosen);
  const config = parsed.config;
  const dir = path.dirname(path.resolve(chosen));
  const raw = parsed.raw as { notes?: { dir?: unknown }; store?: { path?: unknown } };
  if (typeof raw.notes?.dir === 'string') config.notes.dir = path.resolve(dir, config.notes.dir);
  if (typeof raw.store?.path === 'string') config.store.path = path.resolve(dir, config.store.path);
  if (config.notes.jekyllConfig) config.notes.jekyllConfig = path.resolve(dir, config.notes.jekyllConfig);
  resolveTemplateFiles(config.templates, dir, path.resolve);
  for (const r of config.routes) resolveTemplateFiles(r.templates, dir, path.resolve);
  return { config, source: chosen };
}

/** The site config that forms URLs: a Jekyll `_config.yml` when given, else the config's `site`. */
export function resolveSite(config: Config, jekyllConfig?: string): SiteConfig {
  const file = jekyllConfig ?? config.notes.jekyllConfig;
  if (!file) return config.site;
  try {
    return readJekyllConfig(file);
  } catch (e) {
    throw new ConfigError(file, [jekyllConfigIssue(e, file)]);
  }
}

/** One line for a Jekyll `_config.yml` that cannot be used: missing, bad YAML (on its line), or values of the wrong kind. */
function jekyllConfigIssue(e: unknown, file: string): { path: string; message: string; line?: number } {
  if (e instanceof yaml().YAMLError) {
    try {
      return { path: '', ...yamlErrorAt(e, readFileSync(file, 'utf8')) };
    } catch {
      return { path: '', message: e.message.split('\n')[0]! }; // unreadable now: the parser's message alone
    }
  }
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { path: '', message: "no such file (the Jekyll site's _config.yml, named by --jekyll-config or notes.jekyllConfig)" };
  if (code) return { path: '', message: `cannot read: ${code}` };
  if (e instanceof ZodError) return { path: e.issues[0]?.path.join('.') ?? '', message: e.issues[0]?.message ?? 'not a Jekyll config' };
  return { path: '', message: (errorText(e)).split('\n')[0]! };
}

/**
 * How notes are read. With a Jekyll `_config.yml` (`readFrom`) whose folder holds the notes folder, its
 * reading rules decide which files are pages (jekyll-reading.ts): README says to give the site root.
 */
export function readOptions(config: Config, site: SiteConfig): ReadOptions {
  const from = typeof site['readFrom'] === 'string' ? site['readFrom'] : undefined;
  const under = from === undefined ? undefined : path.relative(path.dirname(path.resolve(from)), path.resolve(config.notes.dir));
  const inSite = under !== undefined && under !== '..' && !under.startsWith(`..${path.sep}`) && !path.isAbsolute(under);
  return { maxBytes: config.notes.maxBytes, defaultLang: config.notes.defaultLang, fileLangs: config.notes.fileLangs, site, jekyll: inSite ? jekyllReadingOf(site, under) : undefined };
}
