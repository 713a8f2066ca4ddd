/**
 * Quoted text as chats type it (`words:"rust async"`): the quotes people's keyboards and phones
 * produce, straight, curly (English, German, Polish, Swedish), guillemets and CJK corner brackets.
 * One table for the command parser (commands/args.ts) and for showing a filter (notes/filter.ts),
 * so what `/subscriptions` shows reads back as the same subscription. Pure.
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

/** After a closing quote, what ends a quoted value: the end, or (commas and spaces, then) a `key:`. */
const AFTER_CLOSE = /^[\s,]*(?:$|([^\s:,"“”„«»'‘’‚「」『』]+):)/;

/** Whether the closing quote at `p` ends the value: followed by the end or by one of `isKey`'s keys. */
export function closesAt(text: string, p: number, isKey: (key: string) => boolean): boolean {
  const m = AFTER_CLOSE.exec(text.slice(p + 1));
  return !!m && (m[1] === undefined || isKey(m[1]));
}

/** Styles a text is shown in, the first that reads back unchanged. */
const SHOWN_STYLES = ['"', '“', '«', '「', '『'];

/**
 * `text` in quotes that read back as exactly `text`: the first style none of whose closing quotes
 * inside the text could be taken for the end (one followed by a `key:`, any key).
 */
export function quoteText(text: string): string {
  const style =
    SHOWN_STYLES.find((open) => {
      const closers = QUOTE_PAIRS.get(open)!;
      return ![...text].some((c, i, chars) => closers.includes(c) && /^[\s,]*[^\s:,]+:/.test(chars.slice(i + 1).join('')));
    }) ?? '"';
  return `${style}${text}${QUOTE_PAIRS.get(style)![0]}`;
}
