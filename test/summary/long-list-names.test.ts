/**
 * A list longer than the items a summary reads names its first ones and says it goes on ("…"), even
 * when all the names read fit in the point (issue 23, tester round 13 item 13: twenty names, sixteen
 * shown, no "…"). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const birds = 'wren robin finch heron egret crane stork swift swallow lark thrush plover curlew gannet puffin kestrel merlin osprey tern grebe'.split(' ');

function compactOf(lang: string, lead: string, names: readonly string[]): string {
  const points = pointsOfNote(lang, `${lead}\n\n${names.map((n) => `- ${n}`).join('\n')}\n\nThe survey runs again next spring.`);
  return points.find((p) => p.startsWith(lead.replace(/[:：]$/u, ''))) ?? points.join('\n');
}

describe('names of a long list', () => {
  it('end with "…" when the list goes on past the items read', () => {
    expect(compactOf('en', 'The birds counted on the marsh this year:', birds)).toMatch(/^The birds counted on the marsh this year: wren, robin, .*, …$/);
  });

  it('end without "…" when every item is named', () => {
    expect(compactOf('en', 'The birds counted on the marsh this year:', birds.slice(0, 12))).toBe(`The birds counted on the marsh this year: ${birds.slice(0, 12).join(', ')}`);
  });

  it('end with the language\'s own joiner before "…"', () => {
    const names = Array.from({ length: 20 }, (_, k) => `鸟${'一二三四五六七八九十'[k % 10]}${k}号`);
    expect(compactOf('zh', '今年在湿地记录到的鸟：', names)).toMatch(/、…$/u);
  });
});
