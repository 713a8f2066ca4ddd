/**
 * The subscription list is kept in memory between saves (issue 29's bench: reading 10,000 rows on
 * every save cost more than matching). It must be read again after every kind of change.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { tempFolder } from '../helpers/temp-folder.js';

let dir: string | undefined;
let store: Store | undefined;
afterEach(() => {
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  store = dir = undefined;
});

const chat = (id: string) => ({ platform: 'telegram' as const, chat: id, thread: '' });
const listed = (s: Store) => s.subscriptions().map((x) => `${x.target.chat}:${x.filter.words ?? ''}`);

describe('the subscription list kept between saves', () => {
  it('is the same list while nothing changes, and read again after a subscribe, an unsubscribe and a moved chat', () => {
    dir = tempFolder('notecast-subs-');
    store = new Store(path.join(dir, 'state.db'));
    store.subscribe(chat('-1'), { words: 'rust' });
    const first = store.subscriptions();
    expect(store.subscriptions()).toBe(first); // not read again
    store.subscribe(chat('-2'), { words: 'async' });
    expect(listed(store)).toEqual(['-1:rust', '-2:async']);
    store.unsubscribe(chat('-1'));
    expect(listed(store)).toEqual(['-2:async']);
    store.subscribe(chat('-1'), { words: 'rust' }); // a new id: the list reads it
    expect(listed(store)).toEqual(['-2:async', '-1:rust']);
    const before = store.subscriptions();
    store.moveChat('telegram', '-2', '-100200'); // same ids, same count
    expect(store.subscriptions()).not.toBe(before);
    expect(listed(store)).toEqual(['-100200:async', '-1:rust']);
    expect(store.subscriptions(chat('-100200')).map((s) => s.filter.words)).toEqual(['async']);
  });
});
