/**
 * `register-commands` with a token Discord refuses names the variable to fix, as `start` does
 * (issue 27 item 9): the CLI's program in this process (`cliIn`: its output and exit code are the
 * command's) against the fake Discord on 127.0.0.1.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fakes/discord/server.js';
import { cliIn } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp-folder.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-for-tests';
let discord: FakeDiscord;

beforeEach(async () => {
  discord = await new FakeDiscord(TOKEN).start();
});
afterEach(() => discord.stop());

function config(): { dir: string; file: string } {
  const dir = tempFolder('notecast-register-');
  const file = path.join(dir, 'notecast.yaml');
  writeFileSync(file, `discord:\n  api: ${discord.api}\nstore:\n  path: state/nc.db\n`);
  return { dir, file };
}

describe('register-commands', () => {
  it('a refused token: one line naming DISCORD_TOKEN, exit 1, the token never printed', async () => {
    const { dir, file } = config();
    const r = await cliIn(['register-commands', '--config', file], { cwd: dir, env: { DISCORD_TOKEN: 'MTEwMDAwMDAwMDAwMDAwMDAwMg.wrong.token' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('could not register commands: discord refused the bot token (401 Unauthorized): check DISCORD_TOKEN\n');
    expect(r.stdout).toBe('');
  });

  it('the right token registers them, once', async () => {
    const { dir, file } = config();
    const first = await cliIn(['register-commands', '--config', file], { cwd: dir, env: { DISCORD_TOKEN: TOKEN } });
    expect(first.stdout).toBe('commands registered (global)\n');
    const again = await cliIn(['register-commands', '--config', file], { cwd: dir, env: { DISCORD_TOKEN: TOKEN } });
    expect(again.stdout).toBe('commands unchanged (global); nothing sent\n');
  });
});
