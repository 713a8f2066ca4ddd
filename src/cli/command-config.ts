/**
 * The config for commands that need no secrets (preview, check, search, status): read the same way
 * as `start`'s. Apart from runtime.ts so `status` and `search`, which render nothing, never load the
 * template engine (liquidjs) that `start` compiles templates with.
 */
import { configEnv } from '../config/env.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { ConfigError } from '../errors.js';
import type { Io } from './io.js';

export function loadCommandConfig(flag: string | undefined): LoadedConfig {
  return loadConfig({ flag, env: configEnv(process.env).NOTECAST_CONFIG });
}

/** The config, or undefined once its problem is said on `io.err` (the command then exits 2); other errors are thrown. */
export function commandConfigOrSaid(flag: string | undefined, io: Pick<Io, 'err'>): LoadedConfig | undefined {
  try {
    return loadCommandConfig(flag);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.err(e.message);
    return undefined;
  }
}
