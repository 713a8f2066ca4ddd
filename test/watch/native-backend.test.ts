/**
 * `native` is inotify, as README says ("file events from @parcel/watcher, using inotify"): the
 * watcher names its backend, so @parcel/watcher never looks for Watchman first. Left to choose
 * (its "default"), it runs `sh -c "watchman … get-sockname"` at each subscribe with no watch alive
 * (src/Backend.cc: Watchman before inotify, "if installed"), uses Watchman where one is installed,
 * and leaves that `sh` unreaped in this process: one process more a start, a zombie each.
 */
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nativeSource } from '../../src/watch/sources.js';
import { tempFolder } from '../helpers/temp-folder.js';

const pathBefore = process.env.PATH;
afterEach(() => {
  process.env.PATH = pathBefore;
});

describe('the native watcher', () => {
  it('uses inotify and never asks for Watchman, even with a watchman on PATH; its events still come', async () => {
    const bin = tempFolder('notecast-watchman-');
    const asked = path.join(bin, 'asked');
    writeFileSync(path.join(bin, 'watchman'), `#!/bin/sh\necho "$@" > '${asked}'\nexit 1\n`);
    chmodSync(path.join(bin, 'watchman'), 0o755);
    process.env.PATH = `${bin}${path.delimiter}${pathBefore ?? ''}`;
    const dir = tempFolder('notecast-native-');
    const seen: string[] = [];
    let arrived: () => void = () => {};
    const came = new Promise<void>((resolve) => (arrived = resolve));
    const watch = await nativeSource(dir, {
      onPath: (p) => {
        seen.push(p);
        arrived();
      },
      onError: () => {},
      ignored: () => false,
    });
    try {
      writeFileSync(path.join(dir, 'a.md'), '# a\n');
      await came;
    } finally {
      await watch.unsubscribe();
    }
    expect(seen).toContain(path.join(dir, 'a.md'));
    expect(existsSync(asked)).toBe(false);
  });
});
