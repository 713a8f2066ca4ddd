/**
 * Front matter that is a flat map of one-line strings and booleans (`title: …`, `lang: en`,
 * `draft: false`), as nearly every note's is, read without the YAML parser: the parser was about
 * 80 % of a note's front-matter time at a cold start (issue 31). Anything else (a list, a nested
 * map, a number, null, an escape, an anchor, a comment after a value, a repeated key…) is left to
 * the `yaml` package, which also gives the errors their lines. What this reads is what `yaml`
 * reads with the core schema (https://yaml.org/spec/1.2.2/#103-core-schema); a property test holds
 * the two to the same values (test/notes/plain-yaml.test.ts).
 */

/** A key as written plainly; `__proto__` is left to the parser, which defines it as a property. */
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ ]+(.*))?$/;
/** Core-schema scalars that are not strings (null, numbers; booleans are read here): the parser's. */
const NOT_A_STRING = /^(?:~|[Nn]ull|NULL|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const BOOLEAN = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
/** A first character with a meaning in YAML (https://yaml.org/spec/1.2.2/#53-indicator-characters). */
const INDICATOR_FIRST = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** Characters YAML refuses or reads specially inside a line: controls, tabs, BOM, non-characters. */
const UNSAFE_CHARS = /[\u0000-\u001F\u007F-\u009F\uFEFF\uFFFE\uFFFF]/;
const SINGLE_QUOTED = /^'((?:[^']|'')*)'$/;
const DOUBLE_QUOTED_PLAIN = /^"([^"\\]*)"$/;
const NOT_KEYS = new Set(['__proto__', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);

/** The map `source` holds, when it is that simple; otherwise undefined (the caller asks the parser). */
export function plainYamlMap(source: string): Record<string, string | boolean> | undefined {
  const out: Record<string, string | boolean> = {};
  for (const line of source.split('\n')) {
    // Blank (spaces only: YAML's white space is spaces and tabs, https://yaml.org/spec/1.2.2/#white-space-characters) or a comment line.
    if (/^ *$/.test(line) || line.startsWith('#')) {
      if (UNSAFE_CHARS.test(line)) return undefined;
      continue;
    }
    const m = KEY_LINE.exec(line);
    if (!m || NOT_KEYS.has(m[1]!) || Object.hasOwn(out, m[1]!)) return undefined;
    const value = m[2] === undefined ? undefined : plainValue(m[2].replace(/ +$/, ''));
    if (value === undefined) return undefined;
    out[m[1]!] = value;
  }
  return out;
}

/** One value: quoted without escapes, a boolean, or a plain string; undefined for anything else. */
function plainValue(raw: string): string | boolean | undefined {
  if (raw === '' || UNSAFE_CHARS.test(raw)) return undefined;
  const single = SINGLE_QUOTED.exec(raw);
  if (single) return single[1]!.replace(/''/g, "'");
  const double = DOUBLE_QUOTED_PLAIN.exec(raw);
  if (double) return double[1]!;
  if (BOOLEAN.test(raw)) return raw.toLowerCase() === 'true';
  // A plain scalar: no indicator first, no `: ` or ` #` inside (a nested map, a comment), no `:` last.
  if (INDICATOR_FIRST.test(raw) || raw.includes(': ') || raw.includes(' #') || raw.endsWith(':') || NOT_A_STRING.test(raw)) return undefined;
  return raw;
}
