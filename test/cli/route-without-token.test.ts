/**
 * Issue 25, outside tester's finding 4(a): a route to a platform with no token was refused with exit
 * code 1, while README's exit codes say a token the config needs exits 2 (like a missing secret).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli.js';

describe('a route to a platform with no token', () => {
  it('refuses the start with exit code 2 and a line naming the variable', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'notecast-notoken-'));
    mkdirSync(path.join(dir, 'notes'));
    writeFileSync(path.join(dir, 'c.yaml'), 'routes:\n  - platform: discord\n    chat: "123"\n');
    const env = { DISCORD_TOKEN: '', TELEGRAM_BOT_TOKEN: '' };
    const r = await runCliAsync(['start', '--json', '--config', 'c.yaml', '--notes', 'notes', '--db', 'data/n.db'], { cwd: dir, env, timeoutMs: 20_000 });
    expect(r.stderr).toMatch(/routes\.0: discord is not configured: set DISCORD_TOKEN in the environment/);
    expect(r.code).toBe(2);
  });
});
