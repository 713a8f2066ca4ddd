/** A command typed as text → its options, by each option's `typed` grammar (see TypedOption). Pure. */
import { closingQuoteAt, QUOTE_PAIRS } from '../notes/quotes.js';
import type { CommandDefinition, CommandOption } from './types.js';
import { firstChars } from '../util/words.js';

type Options = Record<string, string | number | undefined>;

function value(opt: CommandOption, word: string): string | number {
  // Given empty, it stays empty (and is answered so: commands/index.ts), not the number 0.
  return opt.type === 'integer' && word !== '' ? Number(word.replace(/^#/, '')) : word;
}

/**
 * The value of a `key:` whose text starts at `from` (spaces after the colon skipped): the text
 * inside quotes of any kind (phones type “curly” ones) up to the closing quote that ends a word
 * (notes/quotes.ts closingQuoteAt; what follows is the next argument); else, for a text option,
 * every word up to the next key, else one word. An opening quote never closed is left out.
 */
function readValue(args: string, from: number, text: boolean, isKey: (word: string) => boolean): { value: string; end: number } {
  let i = from;
  while (i < args.length && /\s/.test(args[i]!)) i++;
  if (/^[^\s:]+:/.test(args.slice(i)) && isKey(args.slice(i))) return { value: '', end: i };
  const close = closingQuoteAt(args, i);
  if (close !== undefined) return { value: args.slice(i + 1, close), end: close + 1 };
  if (QUOTE_PAIRS.has(args[i] ?? '')) i++; // an opening quote never closed: not part of the words
  if (!text) {
    const word = /^\S*/.exec(args.slice(i))![0];
    return { value: word, end: i + word.length };
  }
  // Up to the next word that is a key of this command.
  const next = /\s+([^\s:]+):/g;
  next.lastIndex = i;
  for (let m = next.exec(args); m; m = next.exec(args)) if (isKey(args.slice(m.index).trimStart())) return { value: args.slice(i, m.index).trim(), end: m.index };
  return { value: args.slice(i).trim(), end: args.length };
}

/**
 * A word written as a key (`langs:en`, `word:x`): letters, then a colon and a value. Not a URL
 * (`https://…`), a time (`09:00`) or a word ending in a colon (`note: tips`).
 */
const KEY_LIKE = /^([a-z][a-z_-]*):(?!\/\/)\S/i;

/** `key:value` pairs by option name, the words without a key in order, and keys no option has. */
function tokens(def: CommandDefinition, args: string): { keyed: Map<string, string[]>; bare: string[]; unknown: string[] } {
  const optionOf = (k: string) => def.options.find((o) => o.typed?.keys?.includes(k.toLowerCase()));
  // `word` starts with a key; a mistyped one ends a text value as a key does, so it is refused rather than read as words.
  const isKey = (word: string) => optionOf(/^[^\s:]*/.exec(word)![0]) !== undefined || KEY_LIKE.test(word);
  const keyed = new Map<string, string[]>();
  const bare: string[] = [];
  const unknown: string[] = [];
  let i = 0;
  while (i < args.length) {
    const at = /^[\s,]*/.exec(args.slice(i))![0].length; // commas between arguments, as /subscriptions shows them
    i += at;
    if (i >= args.length) break;
    const key = /^([^\s:]+):/.exec(args.slice(i));
    const opt = key ? optionOf(key[1]!) : undefined;
    const mistyped = !opt ? KEY_LIKE.exec(args.slice(i)) : null;
    if (mistyped) {
      unknown.push(mistyped[1]!);
      i += /^\S+/.exec(args.slice(i))![0].length;
      continue;
    }
    if (!key || !opt) {
      // A word in quotes is the word (`words:“rust” “async”`: the tag async).
      const close = closingQuoteAt(args, i);
      const word = close !== undefined ? args.slice(i, close + 1) : /^\S+/.exec(args.slice(i))![0];
      bare.push(close !== undefined ? word.slice(1, -1) : word);
      i += word.length;
      continue;
    }
    const { value: v, end } = readValue(args, i + key[0].length, !!opt.typed?.text, isKey);
    keyed.set(opt.name, [...(keyed.get(opt.name) ?? []), v]);
    i = end;
  }
  return { keyed, bare, unknown };
}

/**
 * The keys typed that no option of the command has (`langs:en`, `word:x`), which would otherwise
 * be read as words or tags. None for a command whose text is one value (`/note c++: tips`).
 */
export function unknownKeys(def: CommandDefinition, text: string): string[] {
  if (def.options.some((o) => o.typed?.bare === 'rest') || !def.options.some((o) => o.typed?.keys?.length)) return [];
  return tokens(def, text.trim()).unknown;
}

/** The line refusing a command with keys it does not have, naming those it has. */
export function unknownKeyText(def: CommandDefinition, keys: readonly string[]): string {
  const known = def.options.flatMap((o) => (o.typed?.keys?.[0] ? [`${o.typed.keys[0]}:`] : []));
  const list = known.length > 1 ? `${known.slice(0, -1).join(', ')} and ${known[known.length - 1]}` : known.join('');
  const typed = keys.map((k) => `${firstChars(k, 20)}:`).join(', ');
  return `Sorry, /${def.name} has no option ${typed}; its options are ${list}.${def.unchanged ? ` ${def.unchanged}` : ''}`;
}

export function parseTextArgs(def: CommandDefinition, text: string): Options {
  const args = text.trim();
  const rest = def.options.find((o) => o.typed?.bare === 'rest');
  if (rest) return { [rest.name]: args };
  const { keyed, bare } = tokens(def, args);
  const out: Options = {};
  for (const [name, values] of keyed) {
    const opt = def.options.find((o) => o.name === name)!;
    // A key given twice: a list's values joined; a text's words together. One of them given
    // empty (`words:"a" words:""`) makes the option empty, which is answered (emptyOptionText).
    if (values.length > 1 && values.some((v) => unwrapQuotes(v) === '')) out[name] = '';
    else out[name] = values.length === 1 ? value(opt, values[0]!) : values.join(opt.typed?.text ? ' ' : ',');
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

/** Text without the quote pairs wrapped around all of it (a Discord option typed `"rust async"`). */
export function unwrapQuotes(text: string): string {
  let t = text.trim();
  let closers = QUOTE_PAIRS.get(t[0] ?? '');
  while (closers && t.length >= 2 && closers.includes(t[t.length - 1]!)) {
    t = t.slice(1, -1).trim();
    closers = QUOTE_PAIRS.get(t[0] ?? '');
  }
  return t;
}

/**
 * The line answering an option given with nothing in it (`digest:`, `tz:""`, `tag:,`), saying what
 * to type; such a command does nothing (an empty `words` would subscribe to every note). Typed as
 * text or as a Discord option alike.
 */
export function emptyOptionText(def: CommandDefinition, options: Options): string | undefined {
  for (const opt of def.options) {
    const given = options[opt.name];
    if (given === undefined || !opt.needs || unwrapQuotes(String(given)).replace(/[\s,]+/g, '') !== '') continue;
    const key = opt.typed?.keys?.[0] ?? opt.name;
    return `Sorry, ${key}: needs ${opt.needs}, such as /${def.name} ${opt.example ?? `${key}:…`}.${def.unchanged ? ` ${def.unchanged}` : ''}`;
  }
  return undefined;
}
