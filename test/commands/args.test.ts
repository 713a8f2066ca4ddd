import { describe, expect, it } from 'vitest';
import { parseTextArgs } from '../../src/commands/args.js';
import fc from 'fast-check';
import { digestFromOptions, filterFromOptions } from '../../src/commands/filter-args.js';
import { findCommand } from '../../src/commands/index.js';
import type { Filter } from '../../src/config/schema.js';
import { describeFilter } from '../../src/notes/filter.js';
import { QUOTE_PAIRS } from '../../src/notes/quotes.js';

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

const subscribe = findCommand('subscribe')!.definition;
/** What /subscribe typed on Telegram subscribes to, or the line it answers instead. */
function subscribed(text: string): Filter | string {
  const r = filterFromOptions(parseTextArgs(subscribe, text));
  return 'error' in r ? r.error : r.filter;
}

describe('/subscribe words: (issue 29, F1, F2, F11)', () => {
  it('takes the text inside quotes of every kind people type', () => {
    for (const q of ['"rust async"', '“rust async”', '„rust async“', '«rust async»', "'rust async'", '‘rust async’', '「rust async」']) {
      expect(subscribed(`words:${q}`), q).toEqual({ words: 'rust async' });
      expect(subscribed(`words:${q} tag:ai`), q).toEqual({ words: 'rust async', tags: ['ai'] });
    }
  });

  it('unquoted, takes every word up to the next key', () => {
    expect(subscribed('words:rust async tag:ai')).toEqual({ words: 'rust async', tags: ['ai'] });
    expect(subscribed('words:rust async lang:en digest:daily 09:00 tz:Europe/Paris')).toEqual({ words: 'rust async', lang: ['en'] });
    expect(parseTextArgs(subscribe, 'words:rust async lang:en digest:daily 09:00 tz:Europe/Paris')).toMatchObject({ digest: 'daily 09:00', tz: 'Europe/Paris' });
    expect(subscribed('ml words:rust async')).toEqual({ words: 'rust async', tags: ['ml'] });
    // A key the command does not have is part of the words.
    expect(subscribed('words:c++ count:3')).toEqual({ words: 'c++ count:3' });
  });

  it('keeps what is typed as text: backslashes and quotes inside', () => {
    expect(subscribed('words:"x* AND y^ -z \\"q\\""')).toEqual({ words: 'x* AND y^ -z \\"q\\"' });
    expect(subscribed('words:"rust async')).toEqual({ words: 'rust async' }); // a quote never closed is left out
    expect(subscribed('words:"it\'s" tag:ai')).toEqual({ words: "it's", tags: ['ai'] });
  });

  it('refuses empty or blank words with a line saying what to type, never all notes', () => {
    for (const t of ['words:', 'words: tag:ai', 'words:""', 'words:"   "', 'words:“”', 'lang:']) {
      expect(subscribed(t), t).toMatch(/^Sorry, \w+: needs .* such as \/subscribe/);
    }
    // Discord's option arrives as it was typed, blank included.
    expect(filterFromOptions({ words: '' })).toHaveProperty('error');
    expect(filterFromOptions({ words: '   ' })).toHaveProperty('error');
    expect(filterFromOptions({ words: '"rust async"' })).toEqual({ filter: { words: 'rust async' } });
  });

  it('refuses words past the stored limit (200 characters) instead of cutting them', () => {
    expect(filterFromOptions({ words: 'x'.repeat(3000) })).toEqual({ error: expect.stringMatching(/at most 200 characters \(these have 3000\)/) });
    expect(filterFromOptions({ words: 'x'.repeat(200) })).toEqual({ filter: { words: 'x'.repeat(200) } });
  });

  it('lang: takes only language codes the lookup knows', () => {
    expect(subscribed('lang:xx')).toMatch(/"xx" is not a language code: use one such as lang:en/);
    expect(subscribed('lang:en,hant,pt-BR,ZH')).toEqual({ lang: ['en', 'hant', 'pt-br', 'zh'] });
  });

  // What /subscriptions shows, typed again on Telegram, is the same subscription.
  const word = fc.stringMatching(/^[a-z0-9éü模型文件\\*^:+\-"“”„«»'‘’,]{1,12}$/);
  const quotes = fc.constantFrom('', '"', '“', '„', '«', "'", '‘', '「');
  // Words with quotes of every kind inside, and keys (`tag:`) between them.
  const sep = fc.constantFrom(' ', '  ', ' tag:', ' lang: ', ', ');
  const words = fc
    .array(fc.tuple(quotes, word, sep), { minLength: 1, maxLength: 6 })
    .map((ws) => ws.map(([q, w, s]) => `${q}${w}${q ? QUOTE_PAIRS.get(q)![0] : ''}${s}`).join(''));
  const tag = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,10}$/);
  const filterArb = fc.record(
    {
      words,
      tags: fc.uniqueArray(tag, { minLength: 1, maxLength: 3 }),
      lang: fc.uniqueArray(fc.constantFrom('en', 'zh', 'hant', 'ja', 'pt-br', 'es'), { minLength: 1, maxLength: 3 }),
      type: fc.uniqueArray(fc.constantFrom('note', 'post', 'til'), { minLength: 1, maxLength: 2 }),
      digest: fc.record({ at: fc.constantFrom('09:00', '23:59', '00:05'), tz: fc.constantFrom('UTC', 'Europe/Paris', 'America/New_York') }),
    },
    { requiredKeys: ['words'] },
  );
  it('parse(what /subscriptions shows) is the subscription shown (property)', () => {
    fc.assert(
      fc.property(filterArb, (raw) => {
        const norm = filterFromOptions({ words: raw.words, tags: raw.tags?.join(','), lang: raw.lang?.join(','), type: raw.type?.join(',') });
        fc.pre(!('error' in norm));
        const filter: Filter = { ...(norm as { filter: Filter }).filter, ...(raw.digest ? { digest: raw.digest } : {}) };
        const shown = describeFilter(filter);
        const options = parseTextArgs(subscribe, shown);
        const back = filterFromOptions(options);
        const schedule = digestFromOptions(options);
        expect(back, shown).toEqual({ filter: { ...filter, digest: undefined } });
        expect(schedule, shown).toEqual(filter.digest ? { digest: filter.digest } : {});
      }),
      { numRuns: 400 },
    );
  });
});
