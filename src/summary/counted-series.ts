/**
 * A sentence that counts what the next one only lists ("There are three main strategies. Git Flow,
 * GitHub Flow and trunk-based development."): the list alone is verbless, names without what they
 * are, and the count alone says nothing; one sentence of the two reads as the writer meant, "There are
 * three main strategies: Git Flow, GitHub Flow and trunk-based development." Told by form: the second
 * sentence is only a series of names (punctuation.ts endsSeries; a CJK series of 、 alone; an Arabic
 * series of و-joined words), the first short and ending its sentence. Pure.
 */
import { endsSeries, ledBy } from './punctuation.js';
import { NUMBER_WORDS } from './number-words.js';
import { wordCount } from './tone.js';
import { ruleFor, type Rules } from './locale-rules.js';

/** Most words the counting sentence may have: it introduces the names, it does not say much of its own. */
const MAX_LEAD_WORDS = 10;

/** Longest series read as names alone: a long sentence of short clauses is no list. */
const MAX_SERIES_CHARS = 120;

/** A sentence's own full stop, in the scripts the notes are written in (Devanagari's danda too). */
const FULL_STOP = /\s*[.。।]$/u;

/**
 * Whether a sentence ends with its full stop: FULL_STOP's test, by the last unit's code. The regex,
 * its start unanchored, was tried at every position of every sentence pair (0.4 % of the pipeline).
 */
export function endsWithFullStop(s: string): boolean {
  const last = s.charCodeAt(s.length - 1);
  return last === 0x2e || last === 0x3002 || last === 0x0964;
}

/** An article before a name of the series ("a paring knife", "le comté"): a name's word, not one of its two. */
const ARTICLES = "a|an|the|le|la|les|l'|un|une|des|der|die|das|ein|eine|el|los|las|una?";
const ARTICLE = new RegExp(`(^|[,،、]\\s*|\\s(?:and|or|et|ou|und|oder|y|e|o)\\s)(?:${ARTICLES})\\s+`, 'giu');
const OPENING_ARTICLE = new RegExp(`^(?:${ARTICLES})\\s`, 'iu');

/** Three names or more set apart by 、 with no conjunction, as Chinese and Japanese list them ("AWS、Azure、Google Cloud"). */
const CJK_SERIES = /^[^、。，；：:;,.!?！？\s]{1,12}(?:\s[^、。，；：:;,.!?！？\s]{1,12})?(?:、[^、。，；：:;,.!?！？\s]{1,12}(?:\s[^、。，；：:;,.!?！？\s]{1,12})?){2,}$/u;

/** A Japanese clause, not a name: a case particle after a kanji or katakana word ("動作が遅い", "価格は高い"). */
const CJK_CLAUSE = /[\p{Script=Han}\p{Script=Katakana}ー][がはをにでへ]/u;

/** Three to five Arabic words, each after the first joined by its prefixed و ("بايثون وجافاسكربت وجافا"). */
const ARABIC_SERIES = /^\p{Script=Arabic}+(?:\sو\p{Script=Arabic}+){2,4}$/u;

/** A counting sentence: it says how many ("three", "2", "三つ", "तीन"). */
const COUNTS = new RegExp(`\\p{Nd}|[二三四五六七八九十]|(?<![\\p{L}\\p{M}])(?:${NUMBER_WORDS}|तीन|चार|पाँच|ثلاث|ثلاثة|أربع|أربعة|خمس|خمسة)(?![\\p{L}\\p{M}])`, 'u');

/** Only names in a series (a separator before the conjunction, or two names under a sentence that counts them): no clause marks. */
function isBareSeries(s: string, lead: string): boolean {
  if (s.length > MAX_SERIES_CHARS || /[，；;「」『』（）()—"“”]/u.test(s)) return false;
  const names = s.replace(FULL_STOP, '').replace(ARTICLE, '$1');
  if ((CJK_SERIES.test(names) && !CJK_CLAUSE.test(names)) || ARABIC_SERIES.test(names)) return true;
  return endsSeries(names) && (/[,،、]/u.test(names) || COUNTS.test(lead));
}

/** The count and its series as one sentence: the series' first word in lower case when it is an article, French's colon spaced. */
function counted(lead: string, series: string, locale: string): string {
  const names = OPENING_ARTICLE.test(series) ? series.charAt(0).toLowerCase() + series.slice(1) : series;
  if (/^fr(?:$|-)/i.test(locale)) return `${lead.replace(FULL_STOP, '')} : ${names}`;
  return ledBy(lead.replace(/\s*।$/u, ''), names);
}

/**
 * The copula whose subject is the count the sentence before gave, dropped or a pronoun, around a series
 * ("They are price, …", "Das sind …", "Ce sont …", "Son el precio, …", "価格、…、…です", "分别是…",
 * "هي …", "… हैं"): the series is its complement, the names alone. Each language's copula and where it stands.
 */
const COPULA_FRAME: Rules = [
  [/^en/, /^(?:they|these|those)\s+(?:are|were)\s+/iu],
  [/^de/, /^(?:das|dies|es)\s+sind\s+/iu],
  [/^fr/, /^(?:ce|ils|elles)\s+sont\s+/iu],
  [/^es/, /^(?:(?:estas|estos|ellas|ellos)\s+)?son\s+/iu],
  [/^pt/, /^(?:(?:estas|estes|elas|eles)\s+)?são\s+/iu],
  [/^(zh|hant|yue)/, /^(?:分别是|分別是|即|就是|是)/u],
  [/^ja/, /(?:です|である|でした|だ)(?=[。.]?$)/u],
  [/^ar/, /^و?(?:هي|هم)\s+/u],
  [/^hi/, /\s+(?:हैं|है|थे)(?=\s*।?$)/u],
];

/** The series a copula frames (COPULA_FRAME), the frame gone; undefined when the sentence has no such frame. */
function framedSeries(s: string, locale: string): string | undefined {
  const frame = ruleFor(COPULA_FRAME, locale)?.exec(s);
  if (!frame) return undefined;
  const rest = `${s.slice(0, frame.index)}${s.slice(frame.index + frame[0].length)}`.trim();
  return rest && !endsWithFullStop(rest) ? `${rest}${FULL_STOP.exec(s)?.[0].trim() ?? ''}` : rest;
}

/**
 * Whether a sentence is short enough to lead a series: its words, or those of its last clause when that
 * clause counts ("iPhoneとAndroidのどちらを選ぶべきか、主な違いは三つあります。": the count is said last, after what it is about).
 */
function leadsSeries(before: string): boolean {
  if (wordCount(before) <= MAX_LEAD_WORDS) return true;
  const last = before.slice(Math.max(...[...before.matchAll(/[,、，،]/gu)].map((m) => m.index + 1), 0));
  return last.length < before.length && wordCount(last) <= MAX_LEAD_WORDS && COUNTS.test(last);
}

/** The paragraph's sentences, each bare series of names (or a copula's, framedSeries) joined to the short sentence before it. */
export function withSeriesNamed(sentences: string[], locale = ''): string[] {
  if (sentences.length < 2) return sentences;
  const out: string[] = [];
  for (const s of sentences) {
    const before = out[out.length - 1];
    // The counting sentence's cheap tests first (its stop, its few words): most sentences count nothing, and their next one need not be read as a series.
    const leads = before !== undefined && endsWithFullStop(before) && leadsSeries(before) && !endsSeries(before);
    // The copula's frame first: a series bare but for it ("… अपडेट हैं।", "Das sind …" read as an article) keeps it otherwise.
    const series = !leads ? undefined : (seriesAfterCopula(s, before, locale) ?? (isBareSeries(s, before) ? s : undefined));
    if (series !== undefined) out[out.length - 1] = counted(before!, series, locale);
    else out.push(s);
  }
  return out;
}

/** A copula's series (framedSeries) under a sentence that counts it, the names alone; else undefined. */
function seriesAfterCopula(s: string, lead: string, locale: string): string | undefined {
  const series = framedSeries(s, locale);
  return series !== undefined && COUNTS.test(lead) && isBareSeries(series, lead) ? series : undefined;
}

/**
 * A counting sentence ending its paragraph and the bare series that is the whole next paragraph ("There
 * are three main cloud platforms." then "AWS, Azure and Google Cloud"): one sentence, as within a
 * paragraph; undefined unless the sentence counts them (issue 23, F8).
 */
export function seriesOfNextParagraph(lead: string, paragraph: string, locale: string): string | undefined {
  const series = paragraph.trim();
  if (!endsWithFullStop(lead) || wordCount(lead) > MAX_LEAD_WORDS || !COUNTS.test(lead) || endsSeries(lead) || !isBareSeries(series, lead)) return undefined; // COUNTS, tried at every position, after the word count
  return counted(lead, series, locale);
}
