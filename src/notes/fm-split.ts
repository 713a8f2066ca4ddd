/**
 * A note's front matter and body split apart exactly as gray-matter 4 splits them with our YAML
 * engine, without loading gray-matter: it requires js-yaml as it loads (54-59 ms of CPU on the main
 * thread and on every parse thread, issue 31) though we never use js-yaml. What gray-matter adds
 * over this is front matter in another language, named after the opening `---`: `---yaml` and
 * `---json` are read here as it reads them (JSON.parse), and any other language is refused. gray-matter
 * would evaluate `---js` front matter with `eval`, so a note could run code in the service; Jekyll
 * itself reads only YAML front matter. Pure.
 */

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
  const language = rest.slice(0, rest.search(/\r?\n/)).trim();
  const parse = parserFor(language.toLowerCase(), parseYaml);
  const { closeAt, bodyAt } = closingLine(rest);
  const block = (closeAt < 0 ? rest : rest.slice(0, closeAt)).slice(language ? rest.indexOf(language) + language.length : 0);
  const data: unknown = block.replace(/^\s*#[^\n]+/gm, '').trim() === '' ? {} : parse(block);
  let content = closeAt < 0 ? '' : rest.slice(bodyAt);
  if (content.charAt(0) === '\r') content = content.slice(1);
  if (content.charAt(0) === '\n') content = content.slice(1);
  // gray-matter looks the body up for an `excerpt_separator`, read as text: one that cannot be (a mapping with its own `toString` key) throws there.
  const separator = typeof data === 'object' && data !== null && 'excerpt_separator' in data ? data.excerpt_separator : undefined;
  if (separator) content.indexOf(String(separator));
  return { data, content };
}

/**
 * Where the front matter ends in `rest` (the text after the opening `---`): at the first `---` that starts a line, as
 * gray-matter ends it, or at an earlier line that is `...` alone (YAML's end-of-document marker), which Jekyll also
 * takes as the closing line (jekyll/jekyll lib/jekyll/document.rb, `YAML_FRONT_MATTER_REGEXP =
 * %r!\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)!m`): a note Jekyll publishes is read. `closeAt`: the line end before the
 * closing line (-1: none); `bodyAt`: where the text after the closing line's marker starts.
 */
function closingLine(rest: string): { closeAt: number; bodyAt: number } {
  const dashes = rest.indexOf(CLOSE);
  const dots = /\n\.\.\.[ \t]*(?=\r?\n|$)/.exec(rest);
  if (dots && (dashes < 0 || dots.index < dashes)) return { closeAt: dots.index, bodyAt: dots.index + dots[0].length };
  return { closeAt: dashes, bodyAt: dashes < 0 ? -1 : dashes + CLOSE.length };
}

/** Front matter written in a language notecast does not read: its text is never evaluated. */
export class FrontMatterLanguageError extends Error {
  constructor(readonly language: string) {
    super(`front matter in '${language}' is not read: write it in YAML (as Jekyll reads it) or JSON`);
    this.name = 'FrontMatterLanguageError';
  }
}

/** The parser for a language named after the opening `---` (none: YAML), as gray-matter's yaml and json engines parse. */
function parserFor(language: string, parseYaml: (source: string) => object): (source: string) => unknown {
  if (language === '' || language === 'yaml' || language === 'yml') return parseYaml;
  // gray-matter's JSON engine is JSON.parse; a `null` value reads as no front matter, as there.
  if (language === 'json') return (source) => (JSON.parse(source) as unknown) ?? {};
  throw new FrontMatterLanguageError(language);
}
