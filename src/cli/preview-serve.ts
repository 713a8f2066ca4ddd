/** `notecast preview --serve`: the preview page of the notes folder, live, until SIGINT or SIGTERM. */
import { unwatchFile, watchFile, type Stats } from 'node:fs';
import path from 'node:path';
import { readOptions, resolveSite } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { ConfigError } from '../errors.js';
import { previewNotesFor, previewSettingsOf, type PreviewNotes } from '../health/preview/notes.js';
import { startPreviewServer } from '../health/preview/server.js';
import { createLogger, type Logger } from '../log.js';
import { notesFolderProblem } from './paths.js';
import type { Io } from './io.js';
import { loadCommandConfig } from './command-config.js';
import { Templates } from '../render/templates/compile.js';
import { templateFilesOf } from '../config/templates.js';
import { countOf } from '../util/text.js';

export interface PreviewServeOptions {
  config?: string;
  jekyllConfig?: string;
  port: number;
  host: string;
  /** The notes folder (default: the configured one). */
  dir?: string | undefined;
}

export async function runPreviewServe(o: PreviewServeOptions, io: Io, stopped: Promise<string> = signalled()): Promise<number> {
  let config: Config;
  let read;
  let source: string | undefined;
  let templates: Templates;
  try {
    ({ config, source } = loadCommandConfig(o.config));
    const site = resolveSite(config, o.jekyllConfig); // may read a Jekyll _config.yml: once
    read = readOptions(config, site);
    templates = Templates.fromConfig(config, site, source);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.err(e.message);
    return 2;
  }
  const root = path.resolve(o.dir ?? config.notes.dir);
  const problem = notesFolderProblem(root);
  if (problem) {
    io.err(problem);
    return 1;
  }
  const log = createLogger({ level: config.log.level, secrets: [], pretty: process.stderr.isTTY === true });
  const notes = previewNotesFor(config, root, read, log, templates);
  await notes.start();
  let server;
  try {
    server = await startPreviewServer(notes, o.port, o.host);
  } catch (e) {
    await notes.close();
    io.err(e instanceof Error ? e.message : String(e));
    return 1;
  }
  const unwatch = source ? followConfig(source, config, o, notes, log) : () => undefined;
  io.out(`preview: ${server.url} (${countOf(notes.entries().length, 'note')} in ${root}; updates as they are saved; Ctrl+C stops)`);
  const why = await stopped;
  log.info(`preview: stopping (${why})`);
  unwatch();
  await server.close();
  await notes.close();
  return 0;
}

/** How often the config file's modification time is looked at (a save, an editor's rename). */
const CONFIG_POLL_MS = 500;

/** The template files a config names, globally and per route. */
function templateFiles(config: Config): string[] {
  return [...new Set([config.templates, ...config.routes.map((r) => r.templates)].flatMap(templateFilesOf))];
}

/**
 * A saved config file, or a saved template file it names, changes the page: its summary settings
 * and its templates apply to every note at once. A config (or template) that no longer loads is
 * logged and the page stays as it was.
 */
function followConfig(file: string, loaded: Config, o: PreviewServeOptions, notes: PreviewNotes, log: Logger): () => void {
  const watched = new Set<string>();
  const follow = (files: string[]) => {
    for (const f of watched) {
      if (f === file || files.includes(f)) continue;
      unwatchFile(f, onChange);
      watched.delete(f);
    }
    for (const f of [file, ...files]) {
      if (watched.has(f)) continue;
      watchFile(f, { interval: CONFIG_POLL_MS }, onChange);
      watched.add(f);
    }
  };
  function onChange(now: Stats, before: Stats) {
    if (now.mtimeMs === before.mtimeMs && now.size === before.size) return;
    try {
      const { config } = loadCommandConfig(file);
      const site = resolveSite(config, o.jekyllConfig);
      void notes.reconfigure(previewSettingsOf(config, readOptions(config, site), Templates.fromConfig(config, site, file)));
      follow(templateFiles(config));
      log.info(`preview: ${file} or a template it names saved: notes read again with them`);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      log.warn(`preview: a saved config or template is not used: ${e.message}`);
    }
  }
  follow(templateFiles(loaded));
  return () => {
    for (const f of watched) unwatchFile(f, onChange);
  };
}

function signalled(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}
