/**
 * README's deployment recipes against a real git repository (a bare one standing in for the blog's
 * remote): the pull setup (`start` watching a clone that `git pull` updates: the service in this
 * process; with the push webhook, a process) and the CI job (README's script run as it is: restore
 * the cache, `sync --once`, save it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonLines } from '../helpers/cli.js';
import { CLI, REPO_ROOT } from '../helpers/corpus.js';
import { freePort } from '../helpers/net.js';
import { InProcessCli } from '../helpers/inproc.js';
import { killLeftoverServices, note, sandbox, Service } from '../helpers/service.js';
import { tempFolder } from '../helpers/temp-folder.js';

afterEach(killLeftoverServices);

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=Author', '-c', 'user.email=author@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'pipe' });

/** A blog's remote (bare) and the author's clone, with one post pushed. */
function blog() {
  const dir = tempFolder('notecast-recipe-');
  const remote = path.join(dir, 'blog.git');
  const author = path.join(dir, 'author');
  git(dir, 'init', '-q', '--bare', remote);
  git(dir, 'clone', '-q', remote, author);
  const push = (file: string, title: string, body: string) => {
    mkdirSync(path.join(author, '_posts'), { recursive: true });
    writeFileSync(path.join(author, '_posts', file), note(title, body));
    git(author, 'add', '-A');
    git(author, 'commit', '-q', '-m', `post ${title}`);
    git(author, 'push', '-q', 'origin', 'HEAD:main');
  };
  push('2026-01-01-first.md', 'First', 'There before notecast.');
  return { dir, remote, push };
}

describe('README recipes', () => {
  it('pull: notecast watching a clone announces a pushed post once `git pull` brings it', async () => {
    const b = blog();
    const server = path.join(b.dir, 'server');
    git(b.dir, 'clone', '-q', b.remote, server); // README: git clone … /srv/blog
    const sb = sandbox('watch:\n  quietMs: 200\n');
    // In process: the watcher following a pull is the service's (the webhook and the CI script below are the processes').
    const svc = InProcessCli.start(sb, ['--notes', path.join(server, '_posts')]);
    await svc.ready();
    const from = await svc.settled();
    expect(svc.deliveries()).toEqual([]); // the first run records what the clone has

    b.push('2026-01-02-second.md', 'Second', 'Pushed while notecast runs.');
    git(server, 'pull', '--ff-only', '-q'); // README: cd /srv/blog && git pull --ff-only -q
    await svc.waitFor((e) => e.some((x) => x.event === 'post'), 15_000, 'the pulled post');
    await svc.idle(from);
    expect(svc.deliveries().map((e) => [e.event, e.noteId])).toEqual([['post', '2026-01-02-second']]);
    expect(await svc.stop()).toBe(0);
  }, 40_000);

  it('pull on a push webhook: a signed push pulls the clone at once, and its post goes out once', async () => {
    const b = blog();
    const server = path.join(b.dir, 'server');
    git(b.dir, 'clone', '-q', b.remote, server);
    const port = await freePort();
    const sb = sandbox(`watch:\n  quietMs: 200\npull:\n  webhook: { port: ${port} }\n`);
    const svc = Service.start(sb, ['--notes', path.join(server, '_posts')], { NOTECAST_PUSH_SECRET: 'push-secret' });
    await svc.ready();
    const from = await svc.settled();
    b.push('2026-01-02-second.md', 'Second', 'Pushed, then GitLab calls the webhook.');
    const hook = (token: string) => fetch(`http://127.0.0.1:${port}/push`, { method: 'POST', body: '{"object_kind":"push"}', headers: { 'x-gitlab-token': token } });
    expect((await hook('wrong')).status).toBe(401);
    expect((await hook('push-secret')).status).toBe(202);
    await svc.waitFor((e) => e.some((x) => x.event === 'post'), 15_000, 'the post the webhook pulled');
    await svc.idle(from);
    expect(svc.deliveries().map((e) => [e.event, e.noteId])).toEqual([['post', '2026-01-02-second']]);
    expect(svc.stderr).not.toContain('push-secret');
    expect(await svc.stop()).toBe(0);
  }, 40_000);

  it('CI: README\'s script, run in a fresh checkout per push, announces each push once with only the cache kept', () => {
    const b = blog();
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const script = /<!-- ci-recipe -->\n```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(script, 'README has the CI recipe').toBeTruthy();
    // `notecast` on PATH, as `npm i -g notecast` would put it.
    const bin = path.join(b.dir, 'bin');
    mkdirSync(bin);
    writeFileSync(path.join(bin, 'notecast'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    chmodSync(path.join(bin, 'notecast'), 0o755);
    const config = path.join(b.dir, 'notecast.yaml');
    writeFileSync(config, 'console:\n  json: true\npublish:\n  translations: { graceMs: 0 }\nwatch:\n  mode: native\n');
    const cache = path.join(b.dir, 'cache');
    let run = 0;
    const ciJob = () => {
      const checkout = path.join(b.dir, `job-${++run}`);
      git(b.dir, 'clone', '-q', b.remote, checkout); // actions/checkout: a new folder every time
      const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, CACHE: cache, NOTECAST_CONFIG: config };
      delete env.DISCORD_TOKEN;
      delete env.TELEGRAM_BOT_TOKEN;
      const r = spawnSync('bash', ['-c', script!], { cwd: checkout, env, encoding: 'utf8' });
      const lines = jsonLines(r.stdout);
      expect(lines.at(-1), r.stderr).toMatchObject({ event: 'sync', failed: 0, waiting: 0 });
      return { code: r.status, posts: lines.filter((l) => l.event === 'post').map((l) => l.noteId) };
    };

    expect(ciJob()).toEqual({ code: 0, posts: [] }); // the first job records the blog as it is
    b.push('2026-01-02-second.md', 'Second', 'The first push after notecast.');
    expect(ciJob()).toEqual({ code: 0, posts: ['2026-01-02-second'] });
    expect(ciJob()).toEqual({ code: 0, posts: [] }); // a job with nothing new (a re-run) says nothing
    b.push('2026-01-03-third.md', 'Third', 'And one more.');
    expect(ciJob()).toEqual({ code: 0, posts: ['2026-01-03-third'] });
  }, 60_000);
});
