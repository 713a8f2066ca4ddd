import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factsOf, passesGate, type WordGates } from '../../src/summary/sentence-facts.js';
import { ENGLISH_I_WORDS, MAYBE_ENGLISH_I, OPENING_BREAK, READERS_OWN_GATES, READERS_OWN_START, SECOND_PERSON_GATES, SECOND_PERSON_START, withoutInterjection, wordCount } from '../../src/summary/tone.js';
import { AGREES, AGREES_GATES } from '../../src/summary/agreement.js';
import { POINTS_BACK_WITHIN, POINTS_BACK_WITHIN_GATES } from '../../src/summary/points-back-within.js';
import { CONDITION_GATES, QUESTIONS_LEFT, READER_WISHES, READER_WISHES_GATES } from '../../src/summary/offers-more.js';
import type { Rules } from '../../src/summary/locale-rules.js';

// The rules' own words, their case variants and the characters a case-insensitive regex folds onto
// ASCII letters (the Kelvin sign K, the long s ſ) or that lower-case to more than one unit (İ), so
// random sentences often match the rules and the folds are tried.
const WORDS = {
  en: ['you', 'You', 'YOU', 'your', 'Your', 'yours', "you're", 'you’re', 'are', 'right', 'correct', 'spot on', 'and', 'if', 'want', 'have', 'questions', 'this', 'This', 'THIS', 'thiſ', 'that', 'in', 'on', 'I', "I'll", 'i’d', 'let me', 'LET ME', 'allow me', 'Well,', 'So', "you're right", 'YOU ARE correct', 'if you want', 'IF YOU would like', 'if you have any questions', 'should you still have questions'],
  de: ['dies', 'Dies', 'DIES', 'dieſ', 'ist', 'es', 'das'],
  es: ['esto', 'Esto', 'eso', 'ello', 'ELLO', 'es'],
  fr: ['cela', 'Cela', 'ceci', 'ça', 'ÇA', 'est'],
  // Conditions on the reader's wish or questions (offers-more.ts), whole and in pieces, in the scripts without case.
  zh: ['如果', '若', '倘若', '想', '需要', '的话', '的話', '疑问', '疑問', '，', '。', '如果你想', '有兴趣的话', '若还有疑问', '你'],
  ja: ['質問', 'ご質問があれば', 'ご不明な点がありましたら', 'よければ', 'よろしければ', '興味があれば', 'ご希望なら', 'たければ', 'あれば', 'が', '。'],
  hi: ['अगर', 'यदि', 'आप', 'आपके', 'चाहें', 'सवाल', 'अगर आप चाहें', 'यदि आपके कोई सवाल', 'हैं', '।'],
  ar: ['إذا', 'إن', 'لو', 'أردت', 'أسئلة', 'إذا أردت', 'إذا كانت لديك أسئلة', 'لو رغبت', '،'],
};
const sentence = (lang: keyof typeof WORDS) =>
  fc.array(fc.oneof(fc.constantFrom(...WORDS[lang]), fc.constantFrom(' ', ', ', '.', '?', '(', ')', 'K', 'ſ', 'İ', 'ı', '\u00a0'), fc.string({ maxLength: 3 })), { maxLength: 12 }).map((p) => p.join(' '));

const ruleOf = (table: Rules, lang: string) => table.find(([when]) => when.test(lang))![1];

/** Every gate must hold wherever its rule matches: a rule skipped when its gate fails then changes no output. */
function gateHolds(name: string, gates: WordGates, tables: Rules[], langs: Array<keyof typeof WORDS>): void {
  for (const lang of langs) {
    it(`${name} (${lang}): the gate holds wherever the rule matches`, () => {
      let matched = 0;
      fc.assert(
        fc.property(sentence(lang), (s) => {
          if (tables.some((t) => ruleOf(t, lang).test(s))) {
            matched++;
            expect(passesGate(gates, lang, s)).toBe(true);
          }
        }),
        { numRuns: 3000 },
      );
      expect(matched).toBeGreaterThan(20); // the property was tried on sentences the rule matches
    });
  }
}

describe('word gates before a rule (sentence-facts.ts)', () => {
  gateHolds('SECOND_PERSON_START', SECOND_PERSON_GATES, [SECOND_PERSON_START], ['en']);
  gateHolds('READERS_OWN_START', READERS_OWN_GATES, [READERS_OWN_START], ['en']);
  gateHolds('AGREES', AGREES_GATES, [AGREES], ['en']);
  gateHolds('READER_WISHES and QUESTIONS_LEFT', READER_WISHES_GATES, [READER_WISHES, QUESTIONS_LEFT], ['en']);
  gateHolds('POINTS_BACK_WITHIN', POINTS_BACK_WITHIN_GATES, [POINTS_BACK_WITHIN], ['en', 'de', 'es', 'fr']);
  gateHolds('READER_WISHES and QUESTIONS_LEFT, their conditions', CONDITION_GATES, [READER_WISHES, QUESTIONS_LEFT], ['zh', 'ja', 'hi', 'ar']);

  it('the conditions gate a statement out in the scripts without case (no rule runs on it)', () => {
    expect(passesGate(CONDITION_GATES, 'zh', '这个缓存会在重启后清空。')).toBe(false);
    expect(passesGate(CONDITION_GATES, 'zh-Hant', '這個快取會在重新啟動後清空。')).toBe(false);
    expect(passesGate(CONDITION_GATES, 'ja', 'このキャッシュは再起動で消えます。')).toBe(false);
    expect(passesGate(CONDITION_GATES, 'hi', 'यह कैश रीस्टार्ट के बाद खाली हो जाता है।')).toBe(false);
    expect(passesGate(CONDITION_GATES, 'ar', 'تُمسح الذاكرة المؤقتة بعد إعادة التشغيل.')).toBe(false);
    expect(passesGate(CONDITION_GATES, 'zh', '如果你想，我再帮你写一个。')).toBe(true);
  });

  it('MAYBE_ENGLISH_I: its words hold wherever it matches', () => {
    let matched = 0;
    fc.assert(
      fc.property(sentence('en'), (s) => {
        if (MAYBE_ENGLISH_I.test(s)) {
          matched++;
          expect(factsOf(s).mayHave(ENGLISH_I_WORDS)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
    expect(matched).toBeGreaterThan(20);
  });

  it("a gate holds a text exactly when the text's lower case holds one of its words, whatever characters the words are made of", () => {
    // The gate is one regex of its words (sentence-facts.ts anyOf): characters a regex reads as syntax are the words' own.
    const words = ['a.b', '(x)', '-moi', 'c|d', '\\', '$', '[k]', 'q?', '^up', 'i*', '+1', '{2}', '/'];
    const special: WordGates = [[/^en/, words]];
    const held = (s: string) => words.some((w) => s.toLowerCase().replaceAll('ſ', 's').includes(w));
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a.b', 'axb', '(x)', 'x', '-moi', 'moi', 'c|d', 'c', 'd', '\\', '$', '[k]', 'k', 'q?', 'q', '^up', 'up', 'i*', 'ii', '+1', '1', '{2}', '2', '/', ' ', 'A.B', 'I*'), { maxLength: 6 }).map((p) => p.join('')), (s) => {
        expect(passesGate(special, 'en', s)).toBe(held(s));
        expect(factsOf(s).mayHave(words)).toBe(held(s));
      }),
      { numRuns: 3000 },
    );
    expect(passesGate(special, 'en', 'axb c d')).toBe(false); // "." is no wildcard, "|" no alternative
    expect(factsOf('no words at all').mayHave([])).toBe(false);
  });

  it('a language with no gate passes every text', () => {
    expect(passesGate(SECOND_PERSON_GATES, 'ja', 'これは本です。')).toBe(true);
    expect(passesGate(SECOND_PERSON_GATES, 'en', 'Tokio runs futures on a pool.')).toBe(false);
  });
});

describe('the facts of a sentence', () => {
  it('are those the rules worked out themselves', () => {
    fc.assert(
      fc.property(fc.oneof(sentence('en'), fc.string({ maxLength: 40 }), fc.constantFrom('  两个 数据 42 ', 'x\uE001y', ' ſK ')), (s) => {
        const f = factsOf(s);
        expect(f.trimmed).toBe(s.trim());
        expect(f.words).toBe(wordCount(s));
        expect(f.words).toBe(wordCount(s.trim()));
        expect(f.hasFigureOrCode).toBe(/[\d\uE000-\uF8FF]/u.test(s));
        expect(f.lower).toBe(s.toLowerCase().replaceAll('ſ', 's'));
      }),
      { numRuns: 2000 },
    );
  });

  it('are kept for the few latest texts, and a text asked again is not read again', () => {
    const a = factsOf('A sentence the rules ask about.');
    expect(factsOf('A sentence the rules ask about.')).toBe(a);
    for (let i = 0; i < 10; i++) factsOf(`another ${i}`);
    expect(factsOf('A sentence the rules ask about.')).not.toBe(a);
  });
});

describe("the dash gate before an interjection's split", () => {
  it('skips only sentences the split cannot take', () => {
    const split = /^([^—–!！:：.。?？]{1,40}?)(?:\s*(?:——|—|!|！)\s*|\s+(?:–|--)\s*|(?:–|--)\s+)(.+)$/u;
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Right', 'ok', ' ', '—', '–', '-', '--', '!', '！', 'the cache', 'x'), { maxLength: 8 }).map((p) => p.join('')), (s) => {
        if (split.test(s)) expect(OPENING_BREAK.test(s)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(withoutInterjection('Right — the cache holds it.', 'en')).toBe('The cache holds it.');
  });
});
