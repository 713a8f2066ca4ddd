/** A command typed as text → its options, by each option's `typed` grammar (see TypedOption). Pure. */
import type { CommandDefinition, CommandOption } from './types.js';

type Options = Record<string, string | number | undefined>;

function value(opt: CommandOption, word: string): string | number {
  return opt.type === 'integer' ? Number(word.replace(/^#/, '')) : word;
}

export function parseTextArgs(def: CommandDefinition, text: string): Options {
  const args = text.trim();
  const rest = def.options.find((o) => o.typed?.bare === 'rest');
  if (rest) return { [rest.name]: args };
  const keyed = new Map<string, string[]>();
  const bare: string[] = [];
  // `key:"a few words"` is one argument (phones type “curly” quotes); any other word stands alone.
  for (const word of args.match(/[^\s:"“”]+:["“][^"“”]*["”]?|\S+/g) ?? []) {
    const m = /^([^:\s]+):(.+)$/.exec(word);
    const opt = m ? def.options.find((o) => o.typed?.keys?.includes(m[1]!.toLowerCase())) : undefined;
    if (!m || !opt) bare.push(word);
    else keyed.set(opt.name, [...(keyed.get(opt.name) ?? []), m[2]!]);
  }
  const out: Options = {};
  for (const [name, values] of keyed) {
    const opt = def.options.find((o) => o.name === name)!;
    out[name] = values.length === 1 ? value(opt, values[0]!) : values.join(',');
  }
  const lists = new Map<string, string[]>();
  bare.forEach((word, i) => {
    for (const opt of def.options) {
      const rule = opt.typed?.bare;
      if (rule === 'all') {
        lists.set(opt.name, [...(lists.get(opt.name) ?? []), word]);
        return;
      }
      if (!rule || rule === 'rest' || (rule.first && i > 0) || !rule.pattern.test(word)) continue;
      if (rule.once && out[opt.name] !== undefined) continue;
      out[opt.name] = value(opt, word);
      return;
    }
  });
  for (const [name, words] of lists) out[name] = [out[name], ...words].filter((x) => x !== undefined && x !== '').join(',');
  return out;
}
