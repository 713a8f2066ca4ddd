/**
 * The harness's `idleAfter` (test/helpers/chat-shown.ts): an idle signal said after the change but before
 * the watcher reported it (under load: the second event of an earlier write, a delivery) is not the change
 * handled. kept-copies-over.test.ts failed so in CI ("a.md is a copy of b": no copy kept back); here that
 * idle is said on purpose, right after the change, so the case does not depend on the load.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { copiesKeptBack } from '../../src/store/kept-copies.js';
import { consoleService, idleAfter, writtenOneByOne } from '../helpers/chat-shown.js';
import type { InProcessService } from '../helpers/inproc.js';
import { note } from '../helpers/service.js';

const running: InProcessService[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

it('idleAfter waits for the batch with the change, not an idle said before the watcher reports it', { timeout: 60_000 }, async () => {
  const s = await consoleService(running, 'keep');
  await writtenOneByOne(s, { 'a.md': note('Alpha', 'Alpha is about apples and pears, in a sentence.'), 'b.md': note('Beta', 'Beta is about bananas and berries, a sentence.') });
  await idleAfter(s, () => (copyFileSync(path.join(s.notes, 'b.md'), path.join(s.notes, 'a.md')), s.app!.noticeIdle()));
  expect(copiesKeptBack(s.app!.store.sql)).toEqual([{ file: 'a.md', copyOf: 'b.md' }]);
});
