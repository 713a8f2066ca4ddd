/**
 * A short counting sentence and the bare series after it read as one sentence in every script's own
 * list form (issue 23, F10): a CJK series set apart by 、 alone, an Arabic series joined by و, a
 * Hindi sentence ending in its danda, names with their articles ("a spade, a rake and a hoe"), and
 * two names under a sentence that counts them. French spaces its colon; an article opening the
 * series is no sentence start after it. Sentences written for this test.
 */
import { describe, expect, it } from 'vitest';
import { withSeriesNamed } from '../../src/summary/counted-series.js';

describe('a counting sentence joined to the bare series after it', () => {
  const cases: Array<[string, string, string[], string]> = [
    ['ja, 、 alone', 'ja', ['必要な道具は三つある。', '鍬、熊手、如雨露。'], '必要な道具は三つある：鍬、熊手、如雨露。'],
    ['zh, 、 alone', 'zh', ['常用的浏览器有三个。', 'Firefox、Chrome、Safari。'], '常用的浏览器有三个：Firefox、Chrome、Safari。'],
    ['hi, danda', 'hi', ['मुख्य मौसम तीन हैं।', 'गर्मी, बरसात और सर्दी।'], 'मुख्य मौसम तीन हैं: गर्मी, बरसात और सर्दी।'],
    ['ar, و-joined', 'ar', ['هناك ثلاث مدن ساحلية.', 'الإسكندرية وبورسعيد ودمياط.'], 'هناك ثلاث مدن ساحلية: الإسكندرية وبورسعيد ودمياط.'],
    ['en, names with articles', 'en', ['A garden needs three tools.', 'A spade, a rake and a hoe.'], 'A garden needs three tools: a spade, a rake and a hoe.'],
    ['en, two names counted', 'en', ['Two editors lead.', 'Vim and Emacs.'], 'Two editors lead: Vim and Emacs.'],
    ['fr, spaced colon, article in lower case', 'fr', ['Deux fleuves traversent la ville.', 'La Saône et le Rhône.'], 'Deux fleuves traversent la ville : la Saône et le Rhône.'],
  ];
  it.each(cases)('%s', (_case, locale, sentences, joined) => {
    expect(withSeriesNamed([...sentences, 'Nothing more.'], locale)).toEqual([joined, 'Nothing more.']);
  });

  it('two names under a sentence that counts nothing stay apart', () => {
    expect(withSeriesNamed(['The shop was closed.', 'Cats and dogs.'], 'en')).toEqual(['The shop was closed.', 'Cats and dogs.']);
  });

  it('a CJK sentence of clauses is no series', () => {
    const sentences = ['理由は三つある。', '価格が高い、動作が遅い、サポートが終了した。'];
    expect(withSeriesNamed(sentences, 'ja')).toEqual(sentences);
  });
});
