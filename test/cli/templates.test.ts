/**
 * Templates through the command line: `preview --json` shows each route's payload, `check` and
 * `start` refuse a template with a typo (naming file, line and name) before anything is posted.
 * Through the CLI's program in this process (`cliIn`): what is tested is the commands' output and
 * exit codes, not the process (exit codes reaching the shell: config-and-args' process test).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliIn, jsonLines } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp-folder.js';

function setup(telegramTemplate: string) {
  const dir = tempFolder('notecast-tplcli-');
  const notes = path.join(dir, 'notes');
  mkdirSync(notes);
  mkdirSync(path.join(dir, 'templates'));
  writeFileSync(path.join(dir, 'templates', 'telegram.liquid'), telegramTemplate);
  writeFileSync(
    path.join(dir, 'notecast.yaml'),
    [
      'notes: { dir: notes }',
      'store: { path: data/n.db }',
      'site: { url: "https://example.org" }',
      'routes:',
      '  - platform: discord',
      '    chat: "100"',
      '    name: news',
      '    templates:',
      '      discord: { description: "{{ note.tags | join: \', \' }}\\n{% for p in summary.points %}• {{ p }}\\n{% endfor %}" }',
      '  - platform: telegram',
      '    chat: "-200"',
      '    filter: { tags: [other] }',
      '    templates: { telegram: { file: templates/telegram.liquid } }',
    ].join('\n'),
  );
  writeFileSync(path.join(notes, 'hello.md'), '---\ntitle: Hello *there*\ntags: [rust, async]\n---\nAsync Rust runs futures on an executor. See [the book](https://rust-lang.github.io/async-book/).\n');
  return { dir, notes, cfg: path.join(dir, 'notecast.yaml') };
}

describe('templates on the command line', () => {
  it("a template that fails on one note's values (a key it sets to text, a branch's typo) is that note's error in preview, not a crash", async () => {
    const { dir, notes, cfg } = setup('{{ page.foo.bar }}{% if note.tags contains "oops" %}{{ note.relase_notes }}{% endif %}');
    writeFileSync(path.join(notes, 'text.md'), '---\ntitle: Foo is text\nfoo: hello\n---\nBody.\n');
    writeFileSync(path.join(notes, 'branch.md'), '---\ntitle: Takes the branch\ntags: [oops]\n---\nBody.\n');
    const r = await cliIn(['preview', '--json', '--config', cfg, notes], { cwd: dir }); // a crash would reject here
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.code).toBe(1);
    const lines = jsonLines(r.stdout) as Array<{ file: string; ok: boolean; error?: { message: string } }>;
    expect(lines.map((l) => [path.basename(l.file), l.ok]).sort()).toEqual([['branch.md', false], ['hello.md', true], ['text.md', false]]);
    for (const l of lines.filter((x) => !x.ok)) expect(l.error!.message).toMatch(/telegram\.liquid:1 \(telegram\): undefined variable: (page\.foo\.bar|note\.relase_notes)/);
  });

  it('preview --json gives each config route the payload its templates make, and whether the note goes there', async () => {
    const { cfg, notes } = setup('<b>{{ note.title }}</b>{% for p in summary.points %}\n• {{ p }}{% endfor %}');
    const r = await cliIn(['preview', '--json', '--config', cfg, notes]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [line] = jsonLines(r.stdout);
    const routes = line!.routes as { index: number; name: string | null; platform: string; matches: boolean; payload: { embeds?: { description: string; title: string }[]; text?: string } }[];
    expect(routes.map((x) => [x.index, x.name, x.platform, x.matches])).toEqual([
      [0, 'news', 'discord', true],
      [1, null, 'telegram', false],
    ]);
    const embed = routes[0]!.payload.embeds![0]!;
    expect(embed.description.split('\n')[0]).toBe('rust, async');
    expect(embed.title).toBe('Hello \\*there\\*');
    expect(routes[1]!.payload.text).toMatch(/^<b>Hello \*there\*<\/b>\n• /);
    expect(routes[1]!.payload.text).not.toContain('href');
    // The top-level payloads are the global (here default) templates'.
    expect((line!.discord as { embeds: { description: string }[] }).embeds[0]!.description.startsWith('• ')).toBe(true);
  });

  it('check and start refuse a template with an unknown variable, naming the file, the line and the name', async () => {
    const { cfg, notes, dir } = setup('<b>{{ note.title }}</b>\n{{ summary.pionts }}');
    const file = path.join(dir, 'templates', 'telegram.liquid');
    const check = await cliIn(['check', '--config', cfg, notes]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${file}:2: telegram: undefined variable: summary.pionts`);
    const start = await cliIn(['start', '--config', cfg], { env: { DISCORD_TOKEN: '', TELEGRAM_BOT_TOKEN: '' } });
    expect(start.code).toBe(2);
    expect(start.stderr).toContain(`${file}:2: telegram: undefined variable: summary.pionts`);
  });
});
