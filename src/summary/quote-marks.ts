/**
 * Each opening quotation mark and what closes it, in the nine languages' styles (en “…” and "…", de „…“ and ‚…‘,
 * fr «…»): one table for the truncation that never leaves a quote open (truncate-point.ts) and the sentence
 * splitter that does not break inside one (sentences.ts). Pure data.
 */
export const QUOTE_CLOSES: Readonly<Record<string, string>> = { '«': '»', '“': '”', '‘': '’', '„': '“”', '‚': '‘’', '"': '"' };

/** Single quotes, which are apostrophes far more often than quotes where sentences end. */
export const SINGLE_QUOTES: ReadonlySet<string> = new Set(['‘', '‚']);
