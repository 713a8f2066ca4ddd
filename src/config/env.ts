/** The environment, parsed once. Secrets live only here and in the adapters they are handed to. */
import { z } from 'zod';

const optionalSecret = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

const envSchema = z.object({
  DISCORD_TOKEN: optionalSecret,
  TELEGRAM_BOT_TOKEN: optionalSecret,
  /**
   * Checked on every webhook request (Telegram's `secret_token`): 1–256 characters of A-Z, a-z, 0-9,
   * `_` and `-` (core.telegram.org/bots/api#setwebhook). The message never shows the value.
   */
  TELEGRAM_WEBHOOK_SECRET: optionalSecret.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), {
    message: 'TELEGRAM_WEBHOOK_SECRET must be 1–256 characters of A-Z, a-z, 0-9, _ and - (Telegram refuses any other secret_token)',
  }),
  /** The pull setup's push webhook secret (pull.webhook): GitHub's webhook secret, or GitLab's secret token. */
  NOTECAST_PUSH_SECRET: optionalSecret,
  /** Overrides the config file path. */
  NOTECAST_CONFIG: z.string().optional(),
  NOTECAST_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).optional(),
});

const webhookUrl = z.string().regex(/^https?:\/\/[^/]+\/api\/(v\d+\/)?webhooks\/\d+\/[\w-]+$/, 'a Discord webhook URL (…/api/webhooks/<id>/<token>)');

export type Env = z.output<typeof envSchema> & {
  /** DISCORD_WEBHOOK_* variables: webhook URLs that routes name. */
  discordWebhooks: Record<string, string>;
};

export function parseEnv(env: NodeJS.ProcessEnv): Env {
  const discordWebhooks: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    if (!k.startsWith('DISCORD_WEBHOOK_') || !v) continue;
    const r = webhookUrl.safeParse(v.trim());
    // The message names the variable, never its value (a secret).
    if (!r.success) throw new Error(`${k} is not ${r.error.issues[0]?.message ?? 'valid'}`);
    discordWebhooks[k] = r.data;
  }
  const parsed = envSchema.safeParse(env);
  // One line per problem, naming the variable; zod's own message would show the offending value.
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '));
  return { ...parsed.data, discordWebhooks };
}

/** The variable a platform's adapter starts with; `start` refuses a route to a platform without it. */
export const TOKEN_VARIABLE: Readonly<Record<string, 'DISCORD_TOKEN' | 'TELEGRAM_BOT_TOKEN'>> = { discord: 'DISCORD_TOKEN', telegram: 'TELEGRAM_BOT_TOKEN' };

/** Routes (index, platform, variable) whose platform's token is not set in `env`: what `start` refuses there. */
export function routesWithoutToken(routes: readonly { platform: string }[], env: NodeJS.ProcessEnv): { index: number; platform: string; variable: string }[] {
  return routes.flatMap((r, index) => {
    const variable = TOKEN_VARIABLE[r.platform];
    return variable && !env[variable]?.trim() ? [{ index, platform: r.platform, variable }] : [];
  });
}

/** Every secret value in the environment, for redaction. */
export function secretsOf(env: Env): string[] {
  const webhookTokens = Object.values(env.discordWebhooks).map((u) => u.split('/').pop()!);
  return [env.DISCORD_TOKEN, env.TELEGRAM_BOT_TOKEN, env.TELEGRAM_WEBHOOK_SECRET, env.NOTECAST_PUSH_SECRET, ...webhookTokens].filter((s): s is string => !!s);
}

/** Only what every command needs from the environment (which config file), without judging the rest. */
export function configEnv(env: NodeJS.ProcessEnv): { NOTECAST_CONFIG?: string | undefined } {
  return z.object({ NOTECAST_CONFIG: z.string().min(1).optional() }).parse({ NOTECAST_CONFIG: env.NOTECAST_CONFIG || undefined });
}
