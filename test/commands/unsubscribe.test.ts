/**
 * Tester 34 F9: `/unsubscribe 99999999999999999999` was answered "No subscription #100000000000000000000 here.", a
 * number the user never typed (rounded past 2^53). A number no subscription can have is answered as one not understood.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand, findCommand } from '../../src/commands/index.js';
import { parseTextArgs } from '../../src/commands/args.js';
import { NoteSearch } from '../../src/search/index.js';
import { Store } from '../../src/store/store.js';
import { tempFolder } from '../helpers/temp-folder.js';

const dir = tempFolder('unsubscribe-cmd-');
const store = new Store(path.join(dir, 'state.db'));
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const target = { platform: 'telegram' as const, chat: '-100', thread: '' };

async function unsubscribe(typed: string): Promise<string> {
  const cmd = findCommand('unsubscribe')!;
  const options = parseTextArgs(cmd.definition, typed);
  const reply = await runCommand(cmd, { target, userId: '1', options, isAdmin: async () => true }, { store, search: new NoteSearch(store) });
  return reply.type === 'text' ? reply.text : reply.type;
}

describe('/unsubscribe by number', () => {
  it('a number past 2^53 is not echoed rounded', async () => {
    expect(store.subscribe(target, {}).created).toBe(true);
    const text = await unsubscribe('99999999999999999999');
    expect(text).not.toContain('100000000000000000000');
    expect(text).toBe('Give the number shown by /subscriptions, or nothing to remove them all.');
    expect(await unsubscribe('999')).toBe('No subscription #999 here.');
  });
});
