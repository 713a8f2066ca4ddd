import { describe, expect, it } from 'vitest';
import { emptyOptionText, parseTextArgs, unknownKeys, unknownKeyText } from '../../src/commands/args.js';
import fc from 'fast-check';
import { digestFromOptions, filterFromOptions } from '../../src/commands/filter-args.js';
import { findCommand } from '../../src/commands/index.js';
import type { Filter } from '../../src/config/schema.js';
import { describeFilter } from '../../src/notes/filter.js';
import { QUOTE_PAIRS } from '../../src/notes/quotes.js';

const parse = (name: string, text: string) => parseTextArgs(findCommand(name)!.definition, text);
const unknown = (name: string, text: string) => unknownKeys(findCommand(name)!.definition, text);

describe('commands typed as text (Telegram), by each option’s grammar', () => {
  it('/note takes the whole text as its query', () => {
    expect(parse('note', '  llama 4 lang:ja  ')).toEqual({ query: 'llama 4 lang:ja' });
  });

  it('/subscribe: bare words are tags after the keyed ones; keys by any spelling, repeated keys joined', () => {
    expect(parse('subscribe', 'tag:ai ml LANG:en language:zh type:note rust')).toEqual({ tags: 'ai,ml,rust', lang: 'en,zh', type: 'note' });
    expect(parse('subscribe', '')).toEqual({});
    // A key the command does not have is neither a tag nor words: it is refused (issue 31).
    expect(unknown('subscribe', 'count:3')).toEqual(['count']);
  });

  it('/subscribe: a mistyped key is refused, naming the keys there are, never read as words (issue 31)', () => {
    expect(parse('subscribe', 'words:rust async langs:en')).toEqual({ words: 'rust async' });
    expect(unknown('subscribe', 'words:rust async langs:en')).toEqual(['langs']);
    expect(unknown('subscribe', 'Word:x tag:ai')).toEqual([]); // `word` is a spelling of words
    expect(unknown('subscribe', 'wrds:x tag:ai')).toEqual(['wrds']);
    // Not keys: a link, a time, a word ending in a colon, anything in quotes.
    expect(unknown('subscribe', 'words:see https://example.com at 09:00 note: tips')).toEqual([]);
    expect(unknown('subscribe', 'words:"langs:en"')).toEqual([]);
    expect(unknown('note', 'langs:en')).toEqual([]); // /note's text is all query
    expect(unknownKeyText(findCommand('subscribe')!.definition, ['langs'])).toBe(
      'Sorry, /subscribe has no option langs:; its options are tag:, lang:, type:, words:, digest: and tz:. Nothing was subscribed.',
    );
  });

  it('/subscribe: a key given again empty after a filled one makes it empty, which is answered (issue 31)', () => {
    const def = findCommand('subscribe')!.definition;
    expect(parse('subscribe', 'words:"a" words:""')).toEqual({ words: '' });
    expect(emptyOptionText(def, parse('subscribe', 'words:"a" words:""'))).toMatch(/^Sorry, words: needs the words to look for/);
    expect(emptyOptionText(def, parse('subscribe', 'tag:ai tag:'))).toMatch(/^Sorry, tag: needs a tag/);
    expect(parse('subscribe', 'words:"a" words:"b"')).toEqual({ words: 'a b' });
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
  const options = parseTextArgs(subscribe, text);
  const empty = emptyOptionText(subscribe, options);
  if (empty) return empty;
  const r = filterFromOptions(options);
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
    // A key the command does not have ends the words and is refused (issue 31), not read as words.
    expect(subscribed('words:c++ count:3')).toEqual({ words: 'c++' });
    expect(unknown('subscribe', 'words:c++ count:3')).toEqual(['count']);
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

describe('/subscribe, outside tester’s findings (issue 29, t29 N2, N4, N5, N7, N12)', () => {
  it('N4: text after the closing quote of words:"…" is the next argument, a bare word a tag, with curly quotes too', () => {
    expect(subscribed('words:"rust async" ai')).toEqual({ words: 'rust async', tags: ['ai'] });
    expect(subscribed('words:“rust” “async”')).toEqual({ words: 'rust', tags: ['async'] });
    expect(subscribed('words:«rust async» ai ml lang:en')).toEqual({ words: 'rust async', tags: ['ai', 'ml'], lang: ['en'] });
    expect(subscribed('words:"rust async", ai')).toEqual({ words: 'rust async', tags: ['ai'] });
    // Quotes inside the words that open and close a word of their own stay in them.
    expect(subscribed('words:"the "best" way" ai')).toEqual({ words: 'the "best" way', tags: ['ai'] });
  });

  it('N5: any option given empty is answered with the line saying what to type, and nothing is subscribed', () => {
    expect(subscribed('words:rust digest:')).toBe('Sorry, digest: needs a time of day, such as /subscribe digest:"daily 09:00". Nothing was subscribed.');
    expect(subscribed('digest:"daily 09:00" tz:')).toBe('Sorry, tz: needs a time zone name, such as /subscribe tz:Europe/Paris. Nothing was subscribed.');
    expect(subscribed('digest:"" words:rust')).toMatch(/^Sorry, digest: needs/);
    expect(subscribed('tag:, words:rust')).toMatch(/^Sorry, tag: needs a tag/);
    // Discord options arrive by name, `""` as typed.
    expect(emptyOptionText(subscribe, { words: 'rust', tz: '""' })).toMatch(/^Sorry, tz: needs a time zone name/);
    expect(emptyOptionText(subscribe, { digest: ' “” ' })).toMatch(/^Sorry, digest: needs/);
    // Other commands: a number given empty is not the number 0.
    const unsubscribe = findCommand('unsubscribe')!.definition;
    expect(emptyOptionText(unsubscribe, parseTextArgs(unsubscribe, 'id:'))).toBe('Sorry, id: needs a number from /subscriptions, such as /unsubscribe id:2. Nothing was removed.');
    const latest = findCommand('latest')!.definition;
    expect(emptyOptionText(latest, parseTextArgs(latest, 'count:'))).toMatch(/^Sorry, count: needs a number from 1 to 10/);
    expect(emptyOptionText(subscribe, parseTextArgs(subscribe, 'words:rust digest:"daily 09:00" tz:UTC'))).toBeUndefined();
  });

  it('N2: words with no letter or digit once symbols are read are refused like empty ones', () => {
    for (const t of ['words:"*"', 'words:"!!! ???"', 'words:"-"', 'words:🎉', 'words:***']) {
      expect(subscribed(t), t).toMatch(/^Sorry, words: needs letters or digits to look for .* such as \/subscribe words:"rust async"\. Nothing was subscribed\.$/);
    }
    expect(filterFromOptions({ words: '***' })).toHaveProperty('error');
    expect(subscribed('words:"c++"')).toEqual({ words: 'c++' }); // `c` is a word
  });

  it('N7: the 200-character limit counts characters, not UTF-16 units', () => {
    expect(filterFromOptions({ words: `rust ${'🎉'.repeat(150)}` })).toEqual({ filter: { words: `rust ${'🎉'.repeat(150)}` } });
    expect(filterFromOptions({ words: `rust ${'🎉'.repeat(200)}` })).toEqual({ error: expect.stringMatching(/at most 200 characters \(these have 205\)/) });
    // A cut never leaves half of a surrogate pair.
    const tags = filterFromOptions({ tags: `${'x'.repeat(63)}🎉🎉` });
    expect(tags).toEqual({ filter: { tags: [`${'x'.repeat(63)}🎉`] } });
  });

  it('N12: /help lists every option /subscribe takes', async () => {
    const help = await findCommand('help')!.handle({} as never, {} as never);
    const text = help.type === 'text' ? help.text : '';
    for (const o of subscribe.options) expect(text, o.name).toContain(`[${o.example}]`);
    expect(text).toContain('[digest:"daily 09:00"]');
    expect(text).toContain('[tz:Europe/Paris]');
  });
});
