/**
 * The text Discord shows of a Markdown string our renderers make (written apart from the page's
 * parser, to check it): code spans as their content, masked links as their text, `~~` and
 * backslash escapes gone; everything else as written.
 */
export function discordShownText(s: string): string {
  const spans = s.replace(/(`+) ?([^`]|[^`][\s\S]*?[^`]) ?\1(?!`)/g, (_m, _f: string, code: string) => `\u0000${code}\u0001`);
  return spans
    .replace(/\[((?:\\.|[^\]\\])*)\]\([^)\s]*\)/g, '$1')
    .replace(/(\u0000[^\u0001]*\u0001)|~~/g, (_m, code: string | undefined) => code ?? '')
    .replace(/\u0000([^\u0001]*)\u0001|\\([^0-9A-Za-z\s])/g, (_m, code: string | undefined, ch: string | undefined) => code ?? ch ?? '');
}
