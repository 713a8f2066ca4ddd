/**
 * Which characters of a CJK text are grammar, not part of a term (salience.ts reads the rest as words of
 * character pairs). Pure.
 *
 * Chinese writes its grammar in characters of its own: the structural particle 的 joins a modifier to
 * its noun ("矩阵的特征值", the matrix's eigenvalues), 了 marks an aspect, 是 is the copula ("A是矩阵").
 * Read as pairs across them, "阵的", "的特", "是矩" were terms, and a note saying "矩阵的…" in every
 * second sentence made "阵的" one of its subjects: the pairs a sentence shares with the rest by grammar
 * outweighed the words it names (issue 23, linear-algebra-zh). A run is split at them where the grammar
 * makes them particles; where it cannot, they are the characters of a word (了解, 的确, 受不了: issue 23,
 * a reviewer's finding), and stay in the run.
 */

/** Whether the UTF-16 unit at `at` of `text`, in a CJK run starting at `runStart`, is grammar: never part of a term. */
export type CjkGrammar = (text: string, at: number, runStart: number) => boolean;

const DE = 0x7684; // 的
const LE = 0x4e86; // 了
const SHI = 0x662f; // 是

/**
 * What the aspect marker 了 never follows: it closes a verb or adjective ("求出了", "好了"), and these are neither:
 * the negation 不 (after it, 了 is the verb liǎo, "can manage": 受不了, 不了解) and the adverbs 也, 很, 最 (a verb
 * follows them: 很了解). A closed class of the grammar, not a list of words.
 */
const NOT_BEFORE_ASPECT = new Set([0x4e0d, 0x4e5f, 0x5f88, 0x6700]);

/** Punctuation that ends a clause (or a sentence) in Chinese or Western writing: what follows it opens a clause. */
const CLAUSE_MARKS = new Set([...'。，、；：！？,.;:!?…—'].map((c) => c.charCodeAt(0)));

/**
 * Whether the run at `at` opens a clause: nothing before it but spaces, or a mark ending a clause, or an opening bracket
 * or quote. After a word, a figure or a closing bracket ("Python的", "50%的", "“闭源”的") a particle closes that phrase.
 */
function opensClause(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && /\s/u.test(text[k]!)) k--;
  if (k < 0) return true;
  const c = text.charCodeAt(k);
  return CLAUSE_MARKS.has(c) || /[\p{Ps}\p{Pi}]/u.test(text[k]!);
}

const NONE: CjkGrammar = () => false;

/**
 * 是 always (a copula, or a function word with it: 但是, 还是); 的 and 了 where they are particles. Both are enclitic:
 * they close the phrase before them, so one opening a clause begins a word ("的确如此", "了解矩阵"); and 了 after what
 * the aspect marker never follows (NOT_BEFORE_ASPECT) is the verb liǎo. A word whose 的 closes it mid-clause (目的 in
 * "这样做的目的是") is not told from a modifier's particle (项目的) by its neighbours: split as a particle.
 */
const ZH: CjkGrammar = (text, at, runStart) => {
  const unit = text.charCodeAt(at);
  if (unit === SHI) return true;
  if (unit !== DE && unit !== LE) return false;
  if (at === runStart && opensClause(text, at)) return false;
  return !(unit === LE && at > runStart && NOT_BEFORE_ASPECT.has(text.charCodeAt(at - 1)));
};

/** The grammar characters of a locale's CJK runs: Chinese particles and copula; none elsewhere (Japanese kana are handled by their script). */
export function cjkGrammarOf(locale: string | undefined): CjkGrammar {
  return locale !== undefined && /^(?:zh|hant|yue)/.test(locale) ? ZH : NONE;
}
