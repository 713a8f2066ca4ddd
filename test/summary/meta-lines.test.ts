/**
 * Lines about the answer rather than its subject are never a key point (issue 23): "we" proposing to
 * go through "this", and the writer offering more help. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

describe('a meta line between two statements', () => {
  const cases: Array<[string, string, string, string]> = [
    ['en', 'A bloom filter answers membership queries in constant space.', 'Let’s walk through it one piece at a time.', 'False positives are possible, false negatives are not.'],
    ['de', 'Ein Bloom-Filter beantwortet Mitgliedschaftsfragen mit konstantem Speicher.', 'Gehen wir das gemeinsam der Reihe nach durch.', 'Falsch-positive Antworten sind möglich, falsch-negative nicht.'],
    ['hi', 'ब्लूम फ़िल्टर स्थिर मेमोरी में सदस्यता के प्रश्नों का उत्तर देता है।', 'आइए इसे ध्यान से समझते हैं।', 'गलत सकारात्मक उत्तर संभव हैं, गलत नकारात्मक नहीं।'],
    ['zh', '布隆过滤器用固定的空间回答成员查询。', '让我们一步步来看。', '它可能误报，但不会漏报。'],
    ['en', 'A bloom filter answers membership queries in constant space.', 'Don’t hesitate to reach out with follow-ups, I’m more than glad to dig deeper!', 'False positives are possible, false negatives are not.'],
  ];
  for (const [lang, first, meta, last] of cases) {
    it(`is no point (${lang}: ${meta})`, () => {
      const points = pointsOf(lang, [first, meta, last].join('\n\n'));
      expect(points).toContain(first);
      expect(points.join('\n')).not.toContain(meta.slice(0, 8));
    });
  }

  it('stays when "we" name the parts the note covers', () => {
    expect(pointsOf('en', 'Let’s cover DFS, BFS, Dijkstra’s and Kruskal’s in turn.\n\nEach one walks a graph differently.')[0]).toBe('Let’s cover DFS, BFS, Dijkstra’s and Kruskal’s in turn.');
  });
});
