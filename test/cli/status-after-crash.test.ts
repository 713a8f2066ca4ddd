/**
 * Tester 34 F3: after a kill -9, `status` said "service: not running" and, from the record the dead run left,
 * "telegram: up since …". No process holds a connection once no service runs: the record is shown as what the
 * ended run last recorded. A clean stop's `stopped` and a refused token (it stays refused) read as before.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runStatus } from '../../src/cli/status.js';
import { Store } from '../../src/store/store.js';
import { tempFolder } from '../helpers/temp-folder.js';

const dir = tempFolder('status-after-crash-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function statusOf(records: Record<string, object>, json: boolean): string {
  const db = path.join(dir, `${Math.random().toString(36).slice(2)}.db`);
  const store = new Store(db);
  for (const [platform, record] of Object.entries(records)) store.setMeta(`platform.${platform}`, JSON.stringify(record));
  store.close();
  let out = '';
  expect(runStatus({ db, json }, { out: (l) => (out += `${l}\n`), err: (l) => (out += `${l}\n`) })).toBe(0);
  return out;
}

describe('status when no service runs', () => {
  const since = Date.UTC(2026, 11, 7, 11, 30);
  it('a connection the ended run left up or connecting is not shown as up', () => {
    const text = statusOf({ telegram: { state: 'up', since }, discord: { state: 'connecting', since, attempts: 2, reason: 'ECONNREFUSED' } }, false);
    expect(text).toMatch(/^service: +not running$/m);
    expect(text).toContain('telegram:       not running (the run that ended without stopping was connected since 2026-12-07T11:30:00.000Z)');
    expect(text).toMatch(/^discord: +not running \(the run that ended without stopping was connecting since/m);
    expect(text).not.toMatch(/^telegram: +up/m);
    const report = JSON.parse(statusOf({ telegram: { state: 'up', since } }, true)) as { instance: unknown; platforms: Record<string, unknown> };
    expect(report.instance).toBeNull();
    expect(report.platforms['telegram']).toEqual({ state: 'not running', since, lastState: 'up' });
  });

  it('a clean stop and a refused token read as recorded', () => {
    const text = statusOf({ telegram: { state: 'stopped', since }, discord: { state: 'refused', since, reason: 'token refused (401)' } }, false);
    expect(text).toMatch(/^telegram: +stopped since 2026-12-07T11:30:00.000Z$/m);
    expect(text).toMatch(/^discord: +token refused since .*token refused \(401\)/m);
  });
});
