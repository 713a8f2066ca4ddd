/**
 * A compacted list names its items that are short enough; an item whose name opens on a pronoun
 * ("它主要…", "It mainly…") leans on the item before it, and named without it the pronoun points at
 * nothing: it is named only when the item before it is. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

describe('a compacted list item that points back', () => {
  it.each([
    ['zh', '以下是关于数据库索引的要点：', [
      '索引是一种帮助数据库按列的值快速找到对应行而不必逐行扫描整个表的辅助数据结构。',
      '它主要加快查询的速度。',
      'B树索引适合范围查询。',
      '哈希索引适合等值查询。',
      '覆盖索引避免回表。',
    ]],
    ['en', 'Here are the key points about database indexes:', [
      'An index is an auxiliary data structure that lets the database find the rows holding a value without reading the whole table row by row.',
      'It mainly speeds up queries.',
      'B-tree indexes suit range queries.',
      'Hash indexes suit equality lookups.',
      'Covering indexes avoid table lookups.',
    ]],
  ])('is not named without the item it leans on (%s)', (lang, lead, items) => {
    const body = [`${lead}`, items.map((i) => `- ${i}`).join('\n')].join('\n\n');
    const points = pointsOf(lang, body);
    const compact = points.find((p) => p.includes(items[2]!.replace(/[.。]$/u, '')));
    expect(compact).toBeDefined();
    const leaning = items[1]!.replace(/[.。]$/u, '');
    // Named in the compacted point only when the item before it is named there too.
    if (compact!.includes(leaning)) expect(compact).toContain(items[0]!.replace(/[.。]$/u, ''));
  });
});
