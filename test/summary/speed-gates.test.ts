/**
 * Cheap gates before costlier work of the summary (issue 23's speed), each held to what it stands
 * for: a gate must be a necessary condition, true wherever the work it skips would have found
 * something, so skipping that work changes no output.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandNamer } from '../../src/summary/code-step-name.js';
import { BOLD_LINE, opensBold } from '../../src/summary/field-lines.js';
import { SpanTable } from '../../src/summary/inline.js';
import { ruleFor } from '../../src/summary/locale-rules.js';
import { CONDITION_GATES, QUESTIONS_LEFT, READER_WISHES } from '../../src/summary/offers-more.js';
import { passesGate } from '../../src/summary/sentence-facts.js';
import { mayHaveCommand } from '../../src/summary/step-names.js';
import { OTHER_SCRIPTS, scriptLanguages } from '../../src/summary/script-languages.js';

describe('a list item that may be named with a command', () => {
  // Step names and what may follow them: commands as words, colons, stops, and code spans (placeholders).
  const spans = new SpanTable();
  const code = ['npm run dev', 'git status', 'ls', 'atlas clusters create x', 'x = 1;'].map((text) => spans.add({ text, style: 'code' }));
  const names = ['Start the server', 'Install', '启动服务', 'Run it'];
  const rest = fc.array(fc.constantFrom(':', '：', ' ', '.', '。', 'npm run dev', 'git status', '`ls`', 'then', ...code), { maxLength: 4 }).map((p) => p.join(''));

  it('is one with a code span or a block: any other is named by its bare name, whatever the namer', () => {
    let named = 0;
    fc.assert(
      fc.property(fc.constantFrom(...names), rest, fc.boolean(), (name, after, whole) => {
        const text = `${name}${after}`;
        const shown = commandNamer(spans, whole)(name, text);
        if (shown !== name) {
          named++;
          expect(mayHaveCommand({ text, code: undefined })).toBe(true);
        }
        if (!mayHaveCommand({ text, code: undefined })) expect(shown).toBe(name);
      }),
      { numRuns: 3000 },
    );
    expect(named).toBeGreaterThan(20); // the property was tried on items the namer does name with a command
  });
});

describe('the scripts a translation leaves in a sentence', () => {
  it('are each within the one test before them, for every code point', () => {
    // Every character the one test turns away, in one text: none of the six scripts' tests finds any of them.
    const outside: string[] = [];
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (!OTHER_SCRIPTS.test(ch)) outside.push(ch);
    }
    expect(outside.length).toBeGreaterThan(900_000); // most of Unicode
    expect(scriptLanguages(outside.join(''))).toEqual([]);
  });

  it('are still told in a sentence of a Latin-script note', () => {
    expect(scriptLanguages('Run it → 我会解释')).toEqual(['zh']);
    expect(scriptLanguages('Done → ✓ 🎉')).toEqual([]);
    expect(OTHER_SCRIPTS.test('Done → ✓ 🎉')).toBe(false);
  });
});

describe('a paragraph that may open on a bold line alone', () => {
  const pieces = ['**', '__', '*', '_', 'Japan', ' ', '\n', '\t', '\u3000', '\uFEFF', 'Visa:', ':', '\n\n'];

  it('opens on ** or __ after its white space wherever its first line that is not blank is one', () => {
    let bold = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 10 }), (parts) => {
        const text = parts.join('');
        const first = text.split('\n').find((line) => line.trim());
        if (first !== undefined && BOLD_LINE.test(first)) {
          bold++;
          expect(opensBold(text)).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
    expect(bold).toBeGreaterThan(20);
  });
});

describe("an offer of more to the reader's wish (English)", () => {
  // The rules' own words, their neighbours, and letters /iu folds to ASCII (ſ, K).
  const pieces = ['if', 'If', 'IF', 'should', 'ſhould', 'you', 'You', 'want', 'wish', 'like', "'d like", 'would like', 'are interested', 'still', 'have', 'got', 'more', 'any', 'questions', 'me', 'I', 'know', ' ', ', ', '.', 'x', 'é'];
  const rules = [QUESTIONS_LEFT, READER_WISHES].map((table) => ruleFor(table, 'en')!);

  it('holds "if" or "should" wherever a rule past the "you" gate matches, so the rules need not run on the rest', () => {
    let matched = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 10 }), (parts) => {
        const s = parts.join(' ');
        if (rules.some((rule) => rule.test(s))) {
          matched++;
          expect(passesGate(CONDITION_GATES, 'en', s)).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
    expect(matched).toBeGreaterThan(20);
  });
});
