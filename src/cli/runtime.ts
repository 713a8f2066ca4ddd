/** What the long-running commands read first: the environment (once, with zod) and the config. */
import { parseEnv, type Env } from '../config/env.js';
import { loadConfig, resolveSite } from '../config/load.js';
import type { Templates } from '../render/templates/compile.js';
import type { Config } from '../config/schema.js';
import type { TemplatesConfig } from '../config/templates.js';
import { ConfigError, errorText } from '../errors.js';
import type { Io } from './io.js';

/** Whether the config writes a template of its own, globally or for a route (either platform's). */
function namesTemplates(config: Pick<Config, 'templates' | 'routes'>): boolean {
  const writes = (t: TemplatesConfig | undefined) => t?.discord !== undefined || t?.telegram !== undefined;
  return writes(config.templates) || config.routes.some((r) => writes(r.templates));
}

/**
 * The environment and config, or the exit code after saying what is wrong (never a secret's value).
 * `templates`: the config's, compiled and checked; undefined when it writes none, so every message uses
 * the built-in ones (the adapters' and the preview page's `Templates.defaults()`, which no site value
 * changes), and the template engine is not loaded: LiquidJS and its compile are about 0.1 s of CPU of
 * each start's 1 s (`npm run bench -- cli`), spent by every start whose config names no template.
 */
export async function loadRuntime(configPath: string | undefined, io: Io, opts: { serves: boolean } = { serves: true }): Promise<{ env: Env; config: Config; templates: Templates | undefined } | number> {
  let env: Env;
  try {
    env = parseEnv(process.env);
  } catch (e) {
    io.err(`environment: ${errorText(e)}`);
    return 2;
  }
  let config: Config;
  let templates: Templates | undefined;
  try {
    const loaded = loadConfig({ flag: configPath, env: env.NOTECAST_CONFIG });
    config = loaded.config;
    // A template that cannot work (a typo, a message that can never fit) refuses the start, before anything is posted.
    if (namesTemplates(config)) templates = (await import('../render/templates/compile.js')).Templates.fromConfig(config, resolveSite(config), loaded.source);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.err(e.message);
    return 2;
  }
  const problem = platformProblem(config, env, opts.serves);
  if (problem) {
    io.err(problem);
    return 2;
  }
  return { env, config, templates };
}

/** What the config and environment together lack for a platform, found before anything starts. */
function platformProblem(config: Config, env: Env, serves: boolean): string | undefined {
  if (env.TELEGRAM_BOT_TOKEN && config.telegram.mode === 'webhook') {
    if (!config.telegram.webhook.url) return 'telegram.webhook.url: webhook mode needs the public https:// URL Telegram will post updates to';
    if (!env.TELEGRAM_WEBHOOK_SECRET) return 'TELEGRAM_WEBHOOK_SECRET: webhook mode needs a secret (1–256 characters of A-Z, a-z, 0-9, _ and -) so only Telegram can post updates';
  }
  // `sync --once` opens no port: the push webhook a shared config names is not its business.
  if (serves && config.pull.webhook && !env.NOTECAST_PUSH_SECRET) return 'NOTECAST_PUSH_SECRET: pull.webhook needs the secret GitHub signs pushes with (or GitLab sends as its token)';
  return undefined;
}
