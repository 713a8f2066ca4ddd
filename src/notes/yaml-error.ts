/**
 * The line a YAML syntax error is on, one rule for the config file and a note's front matter. The
 * `yaml` package places most errors exactly; two it notices only later, where the text runs out:
 * an unclosed `[`/`{` and an unclosed quote. For those the line that opened them is the mistake.
 */
import type { YAMLError } from 'yaml';

/** 1-based line of `offset` in `text`. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Where the unclosed quote `q` that runs up to `end` starts (a single quote's `''` is an escaped quote, not its start). */
function openingQuote(text: string, q: string, end: number): number {
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    if (text[i] !== q) continue;
    if (q === "'" && text[i - 1] === "'") {
      i--; // an escaped '' inside the scalar
      continue;
    }
    return i;
  }
  return -1;
}

/** Offset in `text` of 1-based `line` and `col`. */
function offsetOf(text: string, line: number, col: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  return at + col - 1;
}

/**
 * The 1-based line of `e` within `text`, and its message without the parser's own position. `text`
 * is numbered as the error's `linePos` is: the config file, or a note's file up to the end of its
 * front matter (gray-matter hands the parser the text after `---`, so its line numbers are the file's).
 */
export function yamlErrorAt(e: YAMLError, text: string): { line: number; message: string } {
  const message = (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '');
  const pos = e.linePos?.[0];
  const reported = pos?.line ?? lineOf(text, e.pos[0]);
  const quote = /^Missing closing (["'])quote/.exec(message);
  if (quote) {
    const at = openingQuote(text, quote[1]!, pos ? offsetOf(text, pos.line, pos.col) : e.pos[0]);
    return { line: at >= 0 ? lineOf(text, at) : reported, message };
  }
  if (/flow (sequence|map|collection)/i.test(message)) {
    const lines = text.split('\n');
    for (let l = Math.min(reported, lines.length); l >= 1; l--) {
      const line = lines[l - 1]!;
      if ((line.match(/[[{]/g)?.length ?? 0) > (line.match(/[\]}]/g)?.length ?? 0)) return { line: l, message };
    }
  }
  return { line: reported, message };
}
