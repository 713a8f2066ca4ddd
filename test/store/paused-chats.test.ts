/**
 * Issue 25: the marks beside a paused chat (src/store/paused-chats.ts). A chat waiting for the bot is not among the paused
 * chats `status` lists; the platform's word that the bot is back lets it go (what waited is due: the deliverer is told),
 * and, for a paused chat something still names, is remembered only until the next refusal; a group's marks follow it
 * into its supergroup.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pausedTargets } from '../../src/store/status.js';
import { Store } from '../../src/store/store.js';
import type { Target } from '../../src/store/types.js';
import { tempFolder } from '../helpers/temp-folder.js';

const group: Target = { platform: 'telegram', chat: '-701', thread: '' };
let store: Store;
afterEach(() => store?.close());
const open = () => (store = new Store(path.join(tempFolder('notecast-paused-'), 'state.db')));

describe('chats waiting for the bot', () => {
  it('are not listed as paused, stay paused for the deliverer, and go when the platform says the bot is back', () => {
    open();
    store.pause(group, 'telegram sendMessage: 403 Forbidden: bot was kicked from the group chat');
    store.pausedChats.waitForBot(group);
    expect(pausedTargets(store.sql)).toEqual([]);
    expect(store.isPaused(group)).toBe(true);
    expect(store.pausedChats.awaitingBot()).toMatchObject([{ target: group, edits: 0, deletes: 0, other: 0 }]);
    let raised = 0;
    store.outboxOpened.listen(() => raised++);
    expect(store.pausedChats.botBack('telegram', '-701')).toEqual([group]);
    expect(raised).toBe(1);
    expect(store.isPaused(group)).toBe(false);
    expect(store.pausedChats.awaitingBot()).toEqual([]);
  });

  it('a paused chat something names only remembers the word, until the next refusal', () => {
    open();
    store.pause(group, 'kicked');
    expect(store.pausedChats.botBack('telegram', '-701', Date.now() + 1)).toEqual([]);
    expect(store.isPaused(group)).toBe(true);
    expect(store.pausedChats.botBackSinceRefused(group)).toBe(true);
    store.pause(group, 'kicked again');
    expect(store.pausedChats.botBackSinceRefused(group)).toBe(false);
  });

  it("follow a group into its supergroup, and are named again as a paused chat", () => {
    open();
    store.pause(group, 'kicked');
    store.pausedChats.waitForBot(group);
    store.moveChat('telegram', '-701', '-100701');
    const moved = { ...group, chat: '-100701' };
    expect(store.pausedChats.awaitingBot().map((w) => w.target)).toEqual([moved]);
    expect(store.pausedChats.namedAgain(moved)).toBe(true);
    expect(pausedTargets(store.sql).map((p) => p.target)).toEqual([moved]);
  });
});
