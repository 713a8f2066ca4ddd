/**
 * Facts about one sentence that many rules read (tone.ts, question-praise.ts, agreement.ts,
 * offers-more.ts, setting-off.ts, section-subject.ts…), each worked out at most once per sentence
 * and only when a rule first asks for it. The walk asks a dozen rules about every sentence it
 * reads (candidates.ts addParagraph); each trimmed, lower-cased or counted the words of the same
 * text again (issue 23: buildSummary's cost was spread over those rules, no one above 3 %).
 *
 * How a rule reads them: `const f = factsOf(s)`, then `f.trimmed`, `f.lower`, `f.words`,
 * `f.hasFigureOrCode`, `f.mayHave(…)`. Test the cheapest decisive fact first (a word count, a word
 * the rule cannot match without: `f.lower.includes('you')`) and run the rule's own regex last. A
 * gate must be a necessary condition of the rule (never false where the rule matches), so output
 * stays the same. A new fact several rules need belongs here, computed lazily. Pure.
 */
import { wordsAndCjk } from './chars.js';

class SentenceFacts {
  private trimmedText: string | undefined;
  private lowerText: string | undefined;
  private wordTotal = -1;
  private figureOrCode: boolean | undefined;

  constructor(readonly text: string) {}

  /** The text without surrounding white space. */
  get trimmed(): string {
    return (this.trimmedText ??= this.text.trim());
  }

  /**
   * The text in lower case: for a gate on a word a case-insensitive rule cannot match without
   * (`lower.includes('you')` before `/^…you…/iu`). Whatever a `/iu` rule matches as an ASCII letter
   * is that letter here: its capital, the Kelvin sign (lower case "k") and the long s ("ſ", made "s").
   */
  get lower(): string {
    if (this.lowerText === undefined) {
      const lower = this.text.toLowerCase();
      this.lowerText = lower.includes('\u017f') ? lower.replaceAll('\u017f', 's') : lower;
    }
    return this.lowerText;
  }

  /** Words, CJK characters counted two to a word (tone.ts wordCount); white space around it counts nothing. */
  get words(): number {
    if (this.wordTotal < 0) {
      const { words, cjk } = wordsAndCjk(this.text);
      this.wordTotal = words + Math.ceil(cjk / 2);
    }
    return this.wordTotal;
  }

  /** A digit or a placeholder (a code span or math read as text, inline.ts): the sentence names something. */
  get hasFigureOrCode(): boolean {
    return (this.figureOrCode ??= FIGURE_OR_CODE.test(this.text));
  }

  /** Whether the lower-case text holds any of `words`: a gate before a case-insensitive rule that needs one of them. */
  mayHave(words: readonly string[]): boolean {
    return anyOf(words).test(this.lower);
  }
}

const anyOfWords = new WeakMap<readonly string[], RegExp>();

/**
 * Whether a text holds any of `words`, as one regex of the words as they are: one pass over the text, where a
 * `includes` a word read the text once a word (a gate of ten words was ten scans of every sentence, and the
 * gates cost more than the rules behind them; issue 23). No flags: the words are matched unit for unit, as
 * `includes` does; no words, nothing held.
 */
function anyOf(words: readonly string[]): RegExp {
  let test = anyOfWords.get(words);
  if (test === undefined) anyOfWords.set(words, (test = words.length ? new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|')) : /(?!)/));
  return test;
}

const FIGURE_OR_CODE = /[\d\uE000-\uF8FF]/u;

/**
 * The last few texts' facts: the rules about one sentence follow each other (and a rule's clause or
 * tail of it in between), so a small ring finds them without a map that would keep every sentence.
 */
const RECENT = 4;
const recent: SentenceFacts[] = [];
let next = 0;

/** The facts of `text`, shared by every rule that asks about the same text while it is recent. */
export function factsOf(text: string): SentenceFacts {
  for (let i = 0; i < recent.length; i++) if (recent[i]!.text === text) return recent[i]!;
  const made = new SentenceFacts(text);
  recent[next] = made;
  next = (next + 1) % RECENT;
  return made;
}

/** Per language, words a rule cannot match without, in lower case (see SentenceFacts.lower); a language not listed has no gate. */
export type WordGates = ReadonlyArray<readonly [RegExp, readonly string[]]>;

const gatesByTable = new Map<WordGates, Map<string, RegExp | null>>();

/**
 * Whether `text` may match a rule gated by `table` in `locale`: false only when the language lists
 * words and the text holds none of them.
 */
export function passesGate(table: WordGates, locale: string, text: string): boolean {
  let byLocale = gatesByTable.get(table);
  if (!byLocale) gatesByTable.set(table, (byLocale = new Map()));
  let gate = byLocale.get(locale);
  if (gate === undefined) {
    const lang = locale.toLowerCase();
    const words = table.find(([when]) => when.test(lang))?.[1];
    byLocale.set(locale, (gate = words ? anyOf(words) : null));
  }
  return gate === null || gate.test(factsOf(text).lower);
}
