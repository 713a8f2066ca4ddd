/**
 * Issue 25 (outside tester, round 15, finding L): with `publish.translations: separate`, `status`
 * said "the 4 published are 2 translation families (one announcement each)" while each of the 4
 * notes had gone out as its own post. The families are said only where they share announcements.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runStatus } from '../../src/cli/status.js';
import { InProcessService } from '../helpers/inproc.js';

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

const text = (title: string, extra = '') => `---\ntitle: ${title}\n${extra}---\n\nAbout ${title}.\n`;

function statusLines(config: string, db: string): string {
  let out = '';
  expect(runStatus({ config, db }, { out: (l) => (out += `${l}\n`), err: (l) => (out += `${l}\n`) })).toBe(0);
  return out;
}

describe('status with each translations mode', () => {
  it('counts families only when they share announcements', { timeout: 60_000 }, async () => {
    svc = InProcessService.sandbox({
      watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
      publish: { translations: { mode: 'separate', graceMs: 0 }, digest: { threshold: 1000 } },
      routes: [{ platform: 'console', chat: 'all' }],
    });
    await svc.start();
    const files = ['en/bread.md', 'ja/bread.md', 'en/cake.md', 'ja/cake.md'];
    for (const f of files) {
      mkdirSync(path.dirname(path.join(svc.notes, f)), { recursive: true });
      writeFileSync(path.join(svc.notes, f), text(`${f} title`, f.startsWith('ja/') ? 'translated: true\n' : ''));
    }
    await svc.settle(files);
    await svc.stop();
    expect(svc.sent('all', 'post')).toHaveLength(4);
    const dir = path.dirname(svc.notes);
    const configOf = (mode: string) => {
      const file = path.join(dir, `notecast-${mode}.yml`);
      writeFileSync(file, `notes:\n  dir: ${JSON.stringify(svc!.notes)}\npublish:\n  translations: { mode: ${mode} }\nroutes:\n  - { platform: console, chat: all }\n`);
      return file;
    };
    const separate = statusLines(configOf('separate'), svc.db);
    expect(separate).toContain('notes:          4 (4 published)\n');
    const grouped = statusLines(configOf('group'), svc.db);
    expect(grouped).toContain('notes:          4 (4 published); the 4 published are 2 translation families (one announcement each)\n');
  });
});
