/**
 * Each command loads what it needs only (issue 24): every process the CLI starts pays for each
 * package it imports, in CPU, before doing anything (prom-client and pino-pretty are CommonJS whose
 * source Node's loader parses on each import). The process is the point here: which modules a
 * command's run resolves, recorded by a module resolve hook (https://nodejs.org/api/module.html#resolvespecifier-context-nextresolve).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliAsync, spawnCli } from '../helpers/cli.js';
import { CLI } from '../helpers/corpus.js';
import { freePort } from '../helpers/net.js';
import { killLeftoverServices, note, sandbox, Service } from '../helpers/service.js';
import { tempFolder } from '../helpers/temp-folder.js';

// A run that fails before its stop leaves no service running into the next files.
afterEach(killLeftoverServices);

/** Packages no command needs unless it uses them: the platform clients, metrics, the pretty logger, the preview page. */
const ON_DEMAND = ['prom-client', 'pino-pretty', 'discord.js', 'grammy', '@grammyjs/runner'];

/** The package a module's URL or path is in, if any. */
function packageOf(u: string): string[] {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  return m ? [m[1]!] : [];
}

/**
 * Writes the hook files into `dir`; returns the `--import` argument that registers them. The resolve
 * hook sees ES module imports; `require()` (CommonJS, and `createRequire` in our modules) passes by
 * it, so `required` is the process's CommonJS module cache as it exits (https://nodejs.org/api/modules.html#requirecache).
 */
function moduleLog(dir: string): { flag: string; log: string; packages: () => Set<string>; files: () => string[]; required: () => Set<string>; clear: () => void } {
  const log = path.join(dir, 'modules.log');
  const cache = path.join(dir, 'required.log');
  const hooks = path.join(dir, 'hooks.mjs');
  writeFileSync(hooks, `import { appendFileSync } from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; }\n`);
  const register = path.join(dir, 'register.mjs');
  writeFileSync(
    register,
    `import { register, createRequire } from 'node:module';\nimport { appendFileSync } from 'node:fs';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n` +
      `const required = createRequire(import.meta.url).cache;\nprocess.on('exit', () => appendFileSync(${JSON.stringify(cache)}, Object.keys(required).join('\\n') + '\\n'));\n`,
  );
  const clear = () => {
    writeFileSync(log, '');
    writeFileSync(cache, '');
  };
  clear();
  const files = () => readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const packages = () => new Set(files().flatMap(packageOf));
  const required = () => new Set(readFileSync(cache, 'utf8').split('\n').flatMap(packageOf));
  return { flag: `--import=${pathToFileURL(register).href}`, log, packages, files, required, clear };
}

describe('what a command loads', () => {
  it('sync --once and check load no platform client, metrics, pretty logger nor health or preview page (sync no template engine without templates), nor compact a few notes\' heap; status no template engine; start with a port loads the metrics', { timeout: 60_000 }, async () => {
    const sb = sandbox('');
    writeFileSync(path.join(sb.notes, 'a.md'), note('A', 'A note to announce.'));
    const mods = moduleLog(tempFolder('notecast-mods-'));
    const env = { NODE_OPTIONS: mods.flag };

    // --trace-gc (`node --v8-options`) prints each collection on stdout; one forced by `gc()` (util/heap.ts's
    // compaction, tens of ms of CPU) has V8's reason "testing". A start scan of a few notes leaves too little to compact.
    const sync = spawnSync(process.execPath, ['--trace-gc', mods.flag, CLI, 'sync', '--once', '--json', '--config', sb.config, '--notes', sb.notes, '--db', sb.db, '--announce-existing'], { encoding: 'utf8', timeout: 30_000 });
    expect(sync.status, sync.stderr).toBe(0);
    expect(sync.stdout).toContain('"event":"post"'); // it did the work: parsed, rendered, delivered
    expect(sync.stdout).toMatch(/Scavenge/); // the trace is there
    expect(sync.stdout.split('\n').filter((l) => /Mark-Compact.*testing/.test(l))).toEqual([]);
    const synced = mods.packages();
    expect(synced.has('better-sqlite3')).toBe(true); // the hook saw the run's imports
    // Nor the template engine: its config writes no template, so the console's messages need none.
    expect([...ON_DEMAND, 'liquidjs'].filter((p) => synced.has(p))).toEqual([]);
    expect(mods.files().filter((u) => u.includes('/src/health/'))).toEqual([]);

    writeFileSync(mods.log, '');
    const check = await runCliAsync(['check', sb.notes, '--config', sb.config], { env, timeoutMs: 30_000 });
    expect(check.code, check.stderr).toBe(0);
    expect(ON_DEMAND.filter((p) => mods.packages().has(p))).toEqual([]);
    // Its templates load LiquidJS's ES module build, not its CommonJS entry, a 190 KB file Node
    // scans for its exports on every start (about 0.1 s of CPU per command).
    const liquid = mods.files().filter((u) => u.includes('/node_modules/liquidjs/'));
    expect(liquid.length).toBeGreaterThan(0);
    expect(liquid.filter((u) => !u.endsWith('/liquidjs/dist/liquid.node.mjs'))).toEqual([]);

    // `status` renders nothing: no template engine, no Markdown parser.
    writeFileSync(mods.log, '');
    const status = await runCliAsync(['status', '--config', sb.config, '--db', sb.db], { env, timeoutMs: 30_000 });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/1 (note|published)/);
    expect([...ON_DEMAND, 'liquidjs', 'marked'].filter((p) => mods.packages().has(p))).toEqual([]);

    // With the HTTP endpoint (`start` serves it), /metrics needs prom-client: loaded then, and only then.
    writeFileSync(mods.log, '');
    const svc = Service.start(sb, ['--http-port', String(await freePort())], env);
    await svc.ready();
    expect(await svc.stop()).toBe(0);
    expect(mods.packages().has('prom-client')).toBe(true);
  });

  it('start with the console adapter loads no platform client, no summariser before it is ready (the scan defers every summary), no template engine when its config writes no template, nor yaml without a config file', { timeout: 60_000 }, async () => {
    const sb = sandbox('');
    writeFileSync(path.join(sb.notes, 'a.md'), note('A', 'A note to announce.'));
    const mods = moduleLog(tempFolder('notecast-mods-'));
    const env = { NODE_OPTIONS: mods.flag };
    /** The summariser's entry (summary/build.ts), and what it alone loads: the renderers need summary/shape.ts only. */
    const summariser = () => mods.files().filter((u) => /\/src\/summary\/(build|candidates|select)\.js$/.test(u));

    const svc = Service.start(sb, [], env);
    await svc.ready();
    expect(svc.events.find((e) => e.event === 'ready')).toMatchObject({ notes: 1 });
    const atReady = summariser();
    expect(await svc.stop()).toBe(0);
    expect(mods.packages().has('better-sqlite3')).toBe(true); // the hook saw the run's imports
    expect(mods.files().filter((u) => u.includes('/src/summary/')).length).toBeGreaterThan(0); // and the renderers' summary modules
    expect(atReady).toEqual([]);
    // Its config writes no template: every message is the built-in one, so LiquidJS is not loaded (~0.1 s of CPU a start).
    expect(mods.packages().has('liquidjs')).toBe(false);
    // Nor a platform client, metrics or the pretty logger: a console-only start needs none (start.ts imports a platform's adapter only when its token is set).
    expect(ON_DEMAND.filter((p) => mods.packages().has(p) || mods.required().has(p))).toEqual([]);
    expect(mods.required().has('yaml')).toBe(true); // its config file is read: yaml, as required, is seen

    // The same start with no config file (none named, none at config/notecast.yaml): no YAML to read.
    mods.clear();
    const bare = new Service(spawnCli(['start', '--json', '--notes', sb.notes, '--db', path.join(sb.dir, 'bare.db')], { cwd: sb.dir, env }));
    await bare.ready();
    expect(await bare.stop()).toBe(0);
    const required = mods.required();
    expect(required.has('better-sqlite3')).toBe(true);
    expect(required.has('yaml')).toBe(false);
    expect(mods.packages().has('yaml')).toBe(false);
    expect(summariser()).toEqual([]);
  });

  it('--help and --version load commander alone of the packages (zod is loaded by the commands that parse with it)', { timeout: 30_000 }, () => {
    const mods = moduleLog(tempFolder('notecast-mods-'));
    for (const flag of ['--help', '--version']) {
      mods.clear();
      const run = spawnSync(process.execPath, [mods.flag, CLI, flag], { encoding: 'utf8', timeout: 20_000 });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(flag === '--help' ? /Usage: notecast/ : /^\d+\.\d+\.\d+/);
      expect([...new Set([...mods.packages(), ...mods.required()])]).toEqual(['commander']);
    }
  });
});
