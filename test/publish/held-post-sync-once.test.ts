/**
 * Tester 37 F1 under cron (t6.mjs): `sync --once` runs after a post was held (two sends unanswered, never carried out)
 * each exited 1 and posted nothing, for ever (the post waited for an outage's end). Now its hold is bounded by
 * `delivery.heldMaxMs`, and a run waits within its `--timeout` for a hold that ends meanwhile: its last send goes in that
 * run. `sync --once` in this process,
 * against the fake Telegram through the real grammY client.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliIn, jsonLines } from '../helpers/cli.js';
import { useFakeTelegram } from '../helpers/fakes.js';
import { note, sandbox, type Sandbox } from '../helpers/service.js';

const TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const fake = useFakeTelegram({ token: TOKEN });

async function syncOnce(sb: Sandbox, first: boolean, timeoutS: number): Promise<{ code: number | null; summary: Record<string, unknown> }> {
  const args = ['sync', '--once', '--json', '--timeout', String(timeoutS), '--config', sb.config, '--notes', sb.notes, '--db', sb.db];
  const r = await cliIn(first ? [...args, '--announce-existing'] : args, { env: { TELEGRAM_BOT_TOKEN: TOKEN } });
  return { code: r.code, summary: jsonLines(r.stdout).at(-1)! };
}

describe('sync --once after a post was held on a Telegram that then answers again', () => {
  it('the next run waits for the hold to end within its --timeout and sends it once (exit 0)', async () => {
    const chat = fake().addChat(-100121, 'supergroup');
    const sb = sandbox(`delivery:\n  baseDelayMs: 100\n  maxDelayMs: 500\n  callTimeoutMs: 1000\n  heldMaxMs: 6000\ntelegram:\n  apiRoot: ${fake().apiRoot}\n  registerCommands: false\nroutes:\n  - platform: telegram\n    chat: "${chat.id}"\n`);
    writeFileSync(path.join(sb.notes, 'alpha.md'), note('Alpha', 'Alpha one.'));
    fake().hang = true; // sends held unanswered and never carried out; getMe answers
    const first = await syncOnce(sb, true, 4); // held after two timeouts; its hold ends after this run's deadline
    expect(first.code).toBe(1);
    fake().release();
    expect(fake().sentTo(chat.id)).toHaveLength(0);
    const second = await syncOnce(sb, false, 30); // seen without the wait: exit 1 at once, nothing posted (on main, for ever)
    expect(second.code).toBe(0);
    expect(fake().sentTo(chat.id).map((m) => m.text.split('\n')[0])).toEqual(['Alpha']);
  }, 90_000);
});
