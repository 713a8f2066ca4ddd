/** `notecast preview --serve`: the preview page of the notes folder, live, until SIGINT or SIGTERM. */
import path from 'node:path';
import { readOptions, resolveSite } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { ConfigError } from '../errors.js';
import { previewNotesFor } from '../health/preview/notes.js';
import { startPreviewServer } from '../health/preview/server.js';
import { createLogger } from '../log.js';
import { notesFolderProblem } from './paths.js';
import type { Io } from './preview.js';
import { loadCommandConfig } from './runtime.js';

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
  try {
    config = loadCommandConfig(o.config).config;
    read = readOptions(config, resolveSite(config, o.jekyllConfig));
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
  const notes = previewNotesFor(config, root, read, log);
  await notes.start();
  let server;
  try {
    server = await startPreviewServer(notes, o.port, o.host);
  } catch (e) {
    await notes.close();
    io.err(e instanceof Error ? e.message : String(e));
    return 1;
  }
  io.out(`preview: ${server.url} (${notes.entries().length} notes in ${root}; updates as they are saved; Ctrl+C stops)`);
  const why = await stopped;
  log.info(`preview: stopping (${why})`);
  await server.close();
  await notes.close();
  return 0;
}

function signalled(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}
