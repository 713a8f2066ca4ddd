/** A publisher and its store over a temporary notes folder, in the test's process, as the service builds them. */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { configSchema } from '../../src/config/schema.js';
import { silentLogger, type Logger } from '../../src/log.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import type { ReadOptions } from '../../src/notes/read.js';
import type { ParseThreads } from '../../src/publish/parse-pool.js';
import { Publisher } from '../../src/publish/publisher.js';
import { Store } from '../../src/store/store.js';
import { DEFAULT_SUMMARY_OPTIONS } from '../../src/summary/build.js';
import { afterEach } from 'vitest';
import { workerParseThreads } from './parse-threads.js';
import { tempFolder } from './temp-folder.js';

/** How tests read notes: English by default, file-name languages, a site at https://ex.org with `/:title` links. */
export function testReadOptions(): ReadOptions {
  return { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} } };
}

export interface TempPublisher {
  notes: string;
  store: Store;
  publisher: Publisher;
  /** Closes the publisher and the store and removes the folder. */
  close(): Promise<void>;
}

export interface TempPublisherOptions {
  /** Sees the store before the publisher is built on it (to count its statements, say). */
  watchStore?: (store: Store) => void;
  /** Hears what the publisher logs. */
  log?: Logger;
  /** Parse threads (default: the worker's, workerParseThreads): a publisher then loads none anew. */
  parseThreads?: ParseThreads;
}

/** `config`: the raw config (validated here, as the service does). */
export function tempPublisher(prefix: string, config: unknown, { watchStore, log = silentLogger(), parseThreads }: TempPublisherOptions = {}): TempPublisher {
  const dir = tempFolder(`notecast-${prefix}-`);
  const notes = path.join(dir, 'notes');
  mkdirSync(notes);
  const store = new Store(path.join(dir, 'state.db'));
  watchStore?.(store);
  const publisher = new Publisher({
    root: notes,
    store,
    config: configSchema.parse(config),
    read: testReadOptions(),
    summary: DEFAULT_SUMMARY_OPTIONS,
    platforms: new Set(['console']),
    log,
    onEnqueued: () => {},
    parseThreads: parseThreads ?? workerParseThreads(),
  });
  const close = async () => {
    await publisher.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { notes, store, publisher, close };
}

/**
 * A test file's publishers (called at its top level): each one the returned function makes is closed
 * after its test, and all share the worker's parse threads (workerParseThreads), so none loads a thread anew.
 */
export function filePublishers(prefix: string): (config: unknown, options?: Omit<TempPublisherOptions, 'parseThreads'>) => TempPublisher {
  const parseThreads = workerParseThreads();
  const open: TempPublisher[] = [];
  afterEach(async () => {
    for (const t of open.splice(0).reverse()) await t.close();
  });
  return (config, options = {}) => {
    const t = tempPublisher(prefix, config, { ...options, parseThreads });
    open.push(t);
    return t;
  };
}
