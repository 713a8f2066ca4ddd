/** Tables of one rule per language, each looked up by a note's locale. Pure. */
export type Rules = ReadonlyArray<readonly [RegExp, RegExp]>;
const ruleCache = new WeakMap<Rules, Map<string, RegExp | null>>();

/** The rule of a table for a locale, looked up once per locale: these run on every sentence. */
export function ruleFor(table: Rules, locale: string): RegExp | undefined {
  let byLocale = ruleCache.get(table);
  if (!byLocale) ruleCache.set(table, (byLocale = new Map()));
  let rule = byLocale.get(locale);
  if (rule === undefined) {
    const lang = locale.toLowerCase();
    rule = table.find(([when]) => when.test(lang))?.[1] ?? null;
    byLocale.set(locale, rule);
  }
  return rule ?? undefined;
}
