/** Loads and validates the YAML config; errors name the key, the line and what was expected. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { ZodError } from 'zod';
import { ConfigError } from '../errors.js';
import { readJekyllConfig, type SiteConfig } from '../notes/url.js';
import type { ReadOptions } from '../notes/read.js';
import { configSchema, type Config } from './schema.js';

export const DEFAULT_CONFIG_PATH = 'config/notecast.yaml';

export interface LoadedConfig {
  config: Config;
  /** The file it came from, if any. */
  source?: string | undefined;
}

function issuesWithLines(err: ZodError, doc: ReturnType<typeof parseDocument>, lc: LineCounter) {
  return err.issues.map((i) => {
    const keyPath = i.path.map(String);
    let line: number | undefined;
    for (let n = keyPath.length; n >= 0 && line === undefined; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(keyPath.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) line = lc.linePos(range[0]).line;
    }
    return { path: keyPath.join('.'), message: i.message, line };
  });
}

/** Parses config text; `source` is only for messages. */
export function parseConfig(text: string, source: string): Config {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true });
  if (doc.errors.length) {
    throw new ConfigError(
      source,
      doc.errors.map((e) => ({ path: '', message: e.message.split('\n')[0] ?? e.message, line: e.linePos?.[0]?.line })),
    );
  }
  const result = configSchema.safeParse(doc.toJS() ?? {});
  if (!result.success) throw new ConfigError(source, issuesWithLines(result.error, doc, lc));
  return result.data;
}

/**
 * Loads `file`, or `config/notecast.yaml` when present, or the defaults.
 * Relative paths inside the file are resolved against the file's folder.
 */
export function loadConfig(file?: string): LoadedConfig {
  const chosen = file ?? (existsSync(DEFAULT_CONFIG_PATH) ? DEFAULT_CONFIG_PATH : undefined);
  if (!chosen) return { config: configSchema.parse({}) };
  let text: string;
  try {
    text = readFileSync(chosen, 'utf8');
  } catch (e) {
    throw new ConfigError(chosen, [{ path: '', message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` }]);
  }
  const config = parseConfig(text, chosen);
  const dir = path.dirname(chosen);
  if (config.notes.jekyllConfig) config.notes.jekyllConfig = path.resolve(dir, config.notes.jekyllConfig);
  return { config, source: chosen };
}

/** The site config that forms URLs: a Jekyll `_config.yml` when given, else the config's `site`. */
export function resolveSite(config: Config, jekyllConfig?: string): SiteConfig {
  const file = jekyllConfig ?? config.notes.jekyllConfig;
  if (!file) return config.site;
  try {
    return readJekyllConfig(file);
  } catch (e) {
    throw new ConfigError(file, [{ path: '', message: e instanceof Error ? e.message : String(e) }]);
  }
}

export function readOptions(config: Config, site: SiteConfig): ReadOptions {
  return { maxBytes: config.notes.maxBytes, defaultLang: config.notes.defaultLang, fileLangs: config.notes.fileLangs, site };
}
