/** `templates:` in the config: its shape, and template files found relative to the config file. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';

/** The config a file of this text gives (a file named `name` in a folder of its own). */
function parseConfig(text: string, name: string): Config {
  const file = path.join(tempFolder('notecast-templates-config-'), name);
  writeFileSync(file, text);
  return loadConfig({ flag: file }).config;
}
import { ConfigError } from '../../src/errors.js';
import { tempFolder } from '../helpers/temp-folder.js';

describe('templates in the config', () => {
  it('resolves template files against the config file’s folder, globally and per route', () => {
    const dir = tempFolder('notecast-cfg-');
    mkdirSync(path.join(dir, 'conf'));
    const file = path.join(dir, 'conf', 'notecast.yaml');
    writeFileSync(
      file,
      [
        'templates:',
        '  discord: { file: templates/discord.liquid }',
        '  telegram: { file: ../shared/telegram.liquid }',
        'routes:',
        '  - platform: telegram',
        '    chat: "1"',
        '    templates: { telegram: { file: t1.liquid } }',
      ].join('\n'),
    );
    const { config } = loadConfig(file);
    expect(config.templates.discord).toEqual({ file: path.join(dir, 'conf', 'templates', 'discord.liquid') });
    expect(config.templates.telegram).toEqual({ file: path.join(dir, 'shared', 'telegram.liquid') });
    expect(config.routes[0]!.templates!.telegram).toEqual({ file: path.join(dir, 'conf', 't1.liquid') });
  });

  it('takes Discord parts and a Telegram template inline; no templates is the defaults', () => {
    const config = parseConfig('templates:\n  discord:\n    title: "{{ note.title }}"\n    fields: []\n  telegram: "<b>{{ note.title }}</b>"\n', 'c.yaml');
    expect(config.templates).toEqual({ discord: { title: '{{ note.title }}', fields: [] }, telegram: '<b>{{ note.title }}</b>' });
    expect(parseConfig('', 'c.yaml').templates).toEqual({});
  });

  it('names an unknown part, and a field list over Discord’s 25, by key and line', () => {
    const err = (text: string) => {
      try {
        parseConfig(text, 'c.yaml');
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    expect(err('templates:\n  discord:\n    titel: x\n')).toMatch(/\/c\.yaml:\d+: templates\.discord/);
    const fields = Array.from({ length: 26 }, () => '      - { name: a, value: b }').join('\n');
    expect(err(`templates:\n  discord:\n    fields:\n${fields}\n`)).toMatch(/\/c\.yaml:\d+: templates\.discord/);
  });
});
