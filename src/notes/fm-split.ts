/**
 * A note's front matter and body split apart exactly as gray-matter 4 splits them with our YAML
 * engine, without loading gray-matter: it requires js-yaml as it loads (54-59 ms of CPU on the main
 * thread and on every parse thread, issue 31) though we never use js-yaml. What gray-matter adds
 * over this is front matter in another language, named after the opening `---` (`---json`, and
 * `---js`, which it evaluates): such a note is handed to gray-matter itself, loaded then. Pure.
 */
import { createRequire } from 'node:module';
import type GrayMatter from 'gray-matter';

export interface FrontMatterSplit {
  /** The front matter's value (`{}` without one, or when it holds only comments). */
  data: unknown;
  /** The body: the text after the closing line's `---` and one line end. */
  content: string;
}

const OPEN = '---';
const CLOSE = '\n---';

/** `parseYaml`: the YAML engine gray-matter is given (read.ts parseFrontMatterYaml). Throws what the engine or gray-matter throws. */
export function splitFrontMatter(input: string, parseYaml: (source: string) => object): FrontMatterSplit {
  const text = input.charAt(0) === '\ufeff' ? input.slice(1) : input;
  // `----` is a rule, not an opening line.
  if (!text.startsWith(OPEN) || text.charAt(OPEN.length) === '-') return { data: {}, content: text };
  const rest = text.slice(OPEN.length);
  // gray-matter's language name: the opening line after `---`, up to the first line end (or all but the last character without one).
  if (rest.slice(0, rest.search(/\r?\n/)).trim()) return grayMatter(text, parseYaml);
  const closeAt = rest.indexOf(CLOSE);
  const block = closeAt < 0 ? rest : rest.slice(0, closeAt);
  const data: unknown = block.replace(/^\s*#[^\n]+/gm, '').trim() === '' ? {} : parseYaml(block);
  let content = closeAt < 0 ? '' : rest.slice(closeAt + CLOSE.length);
  if (content.charAt(0) === '\r') content = content.slice(1);
  if (content.charAt(0) === '\n') content = content.slice(1);
  // gray-matter looks the body up for an `excerpt_separator`, read as text: one that cannot be (a mapping with its own `toString` key) throws there.
  const separator = typeof data === 'object' && data !== null && 'excerpt_separator' in data ? data.excerpt_separator : undefined;
  if (separator) content.indexOf(String(separator));
  return { data, content };
}

let loaded: typeof GrayMatter | undefined;

/** gray-matter itself, for front matter in another language: loaded the first time one is met. */
function grayMatter(text: string, parseYaml: (source: string) => object): FrontMatterSplit {
  // Its entry is CommonJS: `require` loads it synchronously. Options are passed so it does not cache every file's content forever.
  loaded ??= createRequire(import.meta.url)('gray-matter') as typeof GrayMatter;
  const { data, content } = loaded(text, { language: 'yaml', engines: { yaml: parseYaml } });
  return { data, content };
}
