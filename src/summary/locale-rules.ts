/** Tables of one rule per language, each looked up by a note's locale. Pure. */
export type Rules = ReadonlyArray<readonly [RegExp, RegExp]>;
const rulesByLocale = new Map<string, Map<Rules, RegExp | null>>();
/** The rules of the locale asked last: a note asks of one locale, many times a sentence. */
let lastLocale: string | undefined;
let lastRules = new Map<Rules, RegExp | null>();

/** The rule of a table for a locale, looked up once per locale: these run on every sentence. */
export function ruleFor(table: Rules, locale: string): RegExp | undefined {
  if (locale !== lastLocale) {
    let rules = rulesByLocale.get(locale);
    if (!rules) rulesByLocale.set(locale, (rules = new Map()));
    lastLocale = locale;
    lastRules = rules;
  }
  let rule = lastRules.get(table);
  if (rule === undefined) {
    const lang = locale.toLowerCase();
    rule = table.find(([when]) => when.test(lang))?.[1] ?? null;
    lastRules.set(table, rule);
  }
  return rule ?? undefined;
}
