/**
 * Quoted text as chats type it (`words:"rust async"`): the quotes people's keyboards and phones
 * produce, straight, curly (English, German, Polish, Swedish), guillemets and CJK corner brackets.
 * One rule for where a quote closes, for the command parser (commands/args.ts) and for showing a
 * filter (notes/filter.ts), so what `/subscriptions` shows reads back as the same subscription. Pure.
 */

/** An opening quote → the closing quotes it accepts (a phone may close `"` with `”`). */
export const QUOTE_PAIRS: ReadonlyMap<string, string> = new Map([
  ['"', '"”“'],
  ['“', '”“"'],
  ['”', '”"'],
  ['„', '“”"'],
  ['«', '»'],
  ['»', '«»'],
  ["'", "'’"],
  ['‘', '’‘\''],
  ['’', '’\''],
  ['‚', '‘’'],
  ['「', '」'],
  ['『', '』'],
]);

/** What may follow a closing quote: the end, a space or a comma (the next argument). */
const ENDS_WORD = /[\s,]/;

/**
 * Where the quote opened at `open` closes: at the first closing quote that ends a word (the end, a
 * space or a comma follows it), so the text after it is the next argument (`words:"rust async" ai`,
 * `words:“rust” “async”`). A quote that starts a word inside opens a quote of its own, closed the
 * same way (`words:"the "best" way"`); a closing quote of an outer one closes the inner ones with it.
 * `undefined`: never closed.
 */
export function closingQuoteAt(text: string, open: number): number | undefined {
  const stack = [QUOTE_PAIRS.get(text[open] ?? '')];
  if (!stack[0]) return undefined;
  for (let p = open + 1; p < text.length; p++) {
    const c = text[p]!;
    if (p + 1 === text.length || ENDS_WORD.test(text[p + 1]!)) {
      const level = stack.findLastIndex((closers) => closers!.includes(c));
      if (level === 0) return p;
      if (level > 0) {
        stack.length = level;
        continue;
      }
    }
    const inner = QUOTE_PAIRS.get(c);
    if (inner && /\s/.test(text[p - 1]!)) stack.push(inner);
  }
  return undefined;
}

/** Styles a text is shown in, the first that reads back unchanged. */
const SHOWN_STYLES = ['"', '“', '«', '「', '『'];

/** `text` in quotes that read back as exactly `text` (see closingQuoteAt): the first style that does. */
export function quoteText(text: string): string {
  const quoted = (open: string) => `${open}${text}${QUOTE_PAIRS.get(open)![0]}`;
  const style = SHOWN_STYLES.find((open) => closingQuoteAt(quoted(open), 0) === text.length + 1) ?? '"';
  return quoted(style);
}
