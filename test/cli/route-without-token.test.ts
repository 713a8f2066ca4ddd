/**
 * Issue 25, outside tester's finding 4(a): a route to a platform with no token was refused with exit
 * code 1, while README's exit codes say a token the config needs exits 2 (like a missing secret).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliIn, runCliAsync } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp-folder.js';

describe('a route to a platform with no token', () => {
  it('refuses the start with exit code 2 and a line naming the variable', async () => {
    const dir = tempFolder('notecast-notoken-');
    mkdirSync(path.join(dir, 'notes'));
    writeFileSync(path.join(dir, 'c.yaml'), 'routes:\n  - platform: discord\n    chat: "123"\n');
    const env = { DISCORD_TOKEN: '', TELEGRAM_BOT_TOKEN: '' };
    const r = await runCliAsync(['start', '--json', '--config', 'c.yaml', '--notes', 'notes', '--db', 'data/n.db'], { cwd: dir, env, timeoutMs: 20_000 });
    expect(r.stderr).toMatch(/routes\.0: discord is not configured: set DISCORD_TOKEN in the environment/);
    expect(r.code).toBe(2);
    const once = await runCliAsync(['sync', '--once', '--config', 'c.yaml', '--notes', 'notes', '--db', 'data/n.db'], { cwd: dir, env, timeoutMs: 20_000 });
    expect(once.stderr).toMatch(/set DISCORD_TOKEN in the environment/);
    expect(once.code).toBe(2);
  });

  it('check warns of it (the config is valid; start would refuse it in this environment), and not once the token is set', async () => {
    // Through the CLI's program in this process: the warning is check's; the exit code reaching the shell is the test above's.
    const dir = tempFolder('notecast-notoken-');
    mkdirSync(path.join(dir, 'notes'));
    writeFileSync(path.join(dir, 'c.yaml'), 'routes:\n  - platform: console\n    chat: all\n  - platform: telegram\n    chat: "-100"\n');
    const without = await cliIn(['check', 'notes', '--config', 'c.yaml'], { cwd: dir, env: { DISCORD_TOKEN: '', TELEGRAM_BOT_TOKEN: '' } });
    expect(without.stdout).toBe('c.yaml: routes.1: warning: telegram needs TELEGRAM_BOT_TOKEN, which is not set here: `start` refuses this route without it\n');
    expect(without.stderr).toMatch(/0 notes checked, 0 problems, 1 warning/);
    expect(without.code).toBe(0);
    const withToken = await cliIn(['check', 'notes', '--config', 'c.yaml'], { cwd: dir, env: { DISCORD_TOKEN: '', TELEGRAM_BOT_TOKEN: '123:abc' } });
    expect(withToken.stdout).toBe('');
    expect(withToken.stderr).toMatch(/0 notes checked, 0 problems\n?$/);
  });
});
