import fc from 'fast-check';
import { Lexer } from 'marked';
import { describe, expect, it } from 'vitest';
import { collectLinks, hasLink } from '../../src/summary/plain.js';

// Markdown where links sit in prose, lists, tables, quotes, emphasis, and in code or HTML (which do not count).
const pieces = ['text ', '[a](https://a.example)', '`[c](https://c.example)`', '\n- item ', '\n1. ', '\n> ', '**', '_', '\n\n', '<a href="https://h.example">h</a>', '\n```\n[x](https://x.example)\n```\n', '\n| a | b |\n|---|---|\n| [t](https://t.example) | z |\n', '![i](https://i.example/p.png)', '<https://auto.example>'];

describe('whether a token tree holds a link', () => {
  it('is what collecting its links finds, for any Markdown of these pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const tokens = new Lexer({ gfm: true }).lex(parts.join(''));
        expect(hasLink(tokens)).toBe(collectLinks(tokens).length > 0);
        const list = tokens.find((t) => t.type === 'list');
        if (list && list.type === 'list') for (const item of list.items) expect(hasLink(item.tokens)).toBe(collectLinks(item.tokens).length > 0);
      }),
      { numRuns: 500 },
    );
  });
});
