/** What the long-running commands read first: the environment (once, with zod) and the config. */
import { parseEnv, type Env } from '../config/env.js';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { ConfigError } from '../errors.js';
import type { Io } from './preview.js';

/** The environment and config, or the exit code after saying what is wrong (never a secret's value). */
export function loadRuntime(configPath: string | undefined, io: Io): { env: Env; config: Config } | number {
  let env: Env;
  try {
    env = parseEnv(process.env);
  } catch (e) {
    io.err(`environment: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  try {
    return { env, config: loadConfig(configPath ?? env.NOTECAST_CONFIG).config };
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.err(e.message);
    return 2;
  }
}
