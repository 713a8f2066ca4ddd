/**
 * Which characters of a CJK text are grammar, not part of a term (salience.ts reads the rest as words of
 * character pairs). Pure.
 *
 * Chinese writes its grammar in characters of its own: the structural particle 的 joins a modifier to
 * its noun ("矩阵的特征值", the matrix's eigenvalues), 了 marks an aspect, 是 is the copula ("A是矩阵").
 * Read as pairs across them, "阵的", "的特", "是矩" were terms, and a note saying "矩阵的…" in every
 * second sentence made "阵的" one of its subjects: the pairs a sentence shares with the rest by grammar
 * outweighed the words it names (issue 23, linear-algebra-zh). These three form no content word of their
 * own in running text (的确, 但是, 为了 are function words too); a run is split at them.
 */

/** Whether a UTF-16 unit is grammar in a CJK run: never part of a term. */
export type CjkGrammar = (unit: number) => boolean;

/** 的, 了, 是 (the same characters in simplified and traditional writing). */
const ZH_PARTICLES = new Set([0x7684, 0x4e86, 0x662f]);

const NONE: CjkGrammar = () => false;
const ZH: CjkGrammar = (unit) => ZH_PARTICLES.has(unit);

/** The grammar characters of a locale's CJK runs: Chinese particles and copula; none elsewhere (Japanese kana are handled by their script). */
export function cjkGrammarOf(locale: string | undefined): CjkGrammar {
  return locale !== undefined && /^(?:zh|hant|yue)/.test(locale) ? ZH : NONE;
}
