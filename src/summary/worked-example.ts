/**
 * A worked example's section: its heading says it shows an example ("Simple Example: 2-Variable
 * K-Map", "Beispiel", "Ejemplo práctico", "示例", "具体例", "उदाहरण", "مثال"). What it works out (one
 * case's inputs, its result) illustrates what the note's other sections state: a reader of a
 * summary wants the statements first. Pure.
 */

/**
 * The word for an example (or examples) in the nine languages of the blog, as a heading names it; whether the section works a case out is told by what it shows (select.ts). In
 * Chinese and Japanese 例 heads a compound ("示例", "範例", "例子", "例題", "具体例"); 例外 is an exception, not one.
 */
const EXAMPLE_HEADING = new RegExp(
  String.raw`(?:^|[\s\d.:(（-])(?:examples?|beispiele?|ejemplos?|exemples?|उदाहरण|(?:ال)?مثال|(?:ال)?أمثلة)(?=$|[\s:：.,)）-])` + String.raw`|例(?!外)`,
  'iu',
);

/**
 * What a point from a worked example weighs against one stating what the note says: nothing while a
 * statement is left out (a list's third item, after two from its block and part, weighs 0.6⁴ of its
 * own: any share of the example's beat it); a place still free after them may take it (free-places.ts).
 */
export const ILLUSTRATES = 0;

/** Whether a section's heading names it a worked example. */
export function headsAnExample(heading: string): boolean {
  return EXAMPLE_HEADING.test(heading);
}

/** A label before a point's colon: a few words the writer set off ("Example", "範例", "Beispiel für zwei Variablen"). */
const LABEL = /^([^:：\n(（]{1,32})[:：]/u;

/**
 * Whether the writer labels a point an example ("Example: m₀ = A̅ · B̅ (true when A=0, B=0)", "範例：…",
 * "Ejemplo: …"), as a heading names a worked example's section: the label before its colon says so.
 */
export function labelledExample(text: string): boolean {
  const label = LABEL.exec(text);
  return label !== null && EXAMPLE_HEADING.test(label[1]!.trim());
}
