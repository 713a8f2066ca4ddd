import { describe, expect, it } from 'vitest';
import { parseTextArgs } from '../../src/commands/args.js';
import { findCommand } from '../../src/commands/index.js';

const parse = (name: string, text: string) => parseTextArgs(findCommand(name)!.definition, text);

describe('commands typed as text (Telegram), by each option’s grammar', () => {
  it('/note takes the whole text as its query', () => {
    expect(parse('note', '  llama 4 lang:ja  ')).toEqual({ query: 'llama 4 lang:ja' });
  });

  it('/subscribe: bare words are tags after the keyed ones; keys by any spelling, repeated keys joined', () => {
    expect(parse('subscribe', 'tag:ai ml LANG:en language:zh type:note rust')).toEqual({ tags: 'ai,ml,rust', lang: 'en,zh', type: 'note' });
    expect(parse('subscribe', '')).toEqual({});
    // A key the command does not have is a bare word (a tag here), not silently dropped.
    expect(parse('subscribe', 'count:3')).toEqual({ tags: 'count:3' });
  });

  it('/latest: a number is the count, the first other word the language', () => {
    expect(parse('latest', '3 fr de')).toEqual({ count: 3, lang: 'fr' });
    expect(parse('latest', 'lang:ja count:7')).toEqual({ lang: 'ja', count: 7 });
  });

  it('/unsubscribe: the first word, when it is a number (#2 or 2)', () => {
    expect(parse('unsubscribe', '#2')).toEqual({ id: 2 });
    expect(parse('unsubscribe', 'all 2')).toEqual({});
    expect(parse('unsubscribe', 'id:5')).toEqual({ id: 5 });
  });
});
