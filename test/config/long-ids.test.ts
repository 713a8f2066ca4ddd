/**
 * A Discord id written without quotes in a route (tester 34 F4): every snowflake of today is past 2^53, where a
 * JavaScript number rounds it to another id, and the route posted to a channel that does not exist while `check`
 * said nothing. The digits are kept as written; a numeric setting given such a number is refused by name.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { tempFolder } from '../helpers/temp-folder.js';

const dir = tempFolder('long-ids-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function load(yamlText: string) {
  const file = path.join(dir, `c${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, yamlText);
  return { file, load: () => loadConfig(file).config };
}

describe('config: ids written without quotes', () => {
  it('a Discord channel and thread id past 2^53 reach the route digit for digit', () => {
    const { load: read } = load('routes:\n  - platform: discord\n    chat: 1579460719919759361\n  - platform: discord\n    chat: 1579460719919759362\n    thread: +1579460719919759399\n');
    const [channel, thread] = read().routes;
    expect(channel?.chat).toBe('1579460719919759361');
    expect(thread?.chat).toBe('1579460719919759399'); // a thread route is the thread's own id (one name per chat)
  });

  it('ids a number holds exactly (a Telegram group, a small id) read as before', () => {
    const { load: read } = load('routes:\n  - platform: telegram\n    chat: -1001777\n    thread: 7\n');
    const [route] = read().routes;
    expect(route?.chat).toBe('-1001777');
    expect(route?.thread).toBe('7');
  });

  it('a numeric setting past 2^53 is refused on its line, never taken rounded', () => {
    const { file, load: read } = load('notes:\n  maxBytes: 99999999999999999999\n');
    expect(read).toThrow(ConfigError);
    try {
      read();
    } catch (e) {
      expect(String((e as Error).message)).toContain(`${file}:2: notes.maxBytes`);
    }
  });
});
