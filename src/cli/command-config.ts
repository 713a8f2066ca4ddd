/**
 * The config for commands that need no secrets (preview, check, search, status): read the same way
 * as `start`'s. Apart from runtime.ts so `status` and `search`, which render nothing, never load the
 * template engine (liquidjs) that `start` compiles templates with.
 */
import { configEnv } from '../config/env.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';

export function loadCommandConfig(flag: string | undefined): LoadedConfig {
  return loadConfig({ flag, env: configEnv(process.env).NOTECAST_CONFIG });
}
