/** The environment, parsed once. Secrets live only here and in the adapters they are handed to. */
import { z } from 'zod';

const optionalSecret = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

export const envSchema = z.object({
  DISCORD_TOKEN: optionalSecret,
  TELEGRAM_BOT_TOKEN: optionalSecret,
  /** Checked on every webhook request (Telegram's `secret_token`). */
  TELEGRAM_WEBHOOK_SECRET: optionalSecret,
  /** Overrides the config file path. */
  NOTECAST_CONFIG: z.string().optional(),
  NOTECAST_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).optional(),
});

export type Env = z.output<typeof envSchema>;

export function parseEnv(env: NodeJS.ProcessEnv): Env {
  return envSchema.parse(env);
}

/** Every secret value in the environment, for redaction. */
export function secretsOf(env: Env): string[] {
  return [env.DISCORD_TOKEN, env.TELEGRAM_BOT_TOKEN, env.TELEGRAM_WEBHOOK_SECRET].filter((s): s is string => !!s);
}
