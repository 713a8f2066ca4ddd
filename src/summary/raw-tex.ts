/**
 * TeX left as typed in prose, outside any code span: math whose closing `$` is missing
 * (`$\frac{n(n+1)}{2 is …`) is no math to read as text, and no reader reads `\frac{…}` or `x_{j}`
 * (issue 23). Code spans are placeholders by then, so TeX written as code stays. Pure.
 */
const RAW_TEX = /\\[A-Za-z]{2,}\s*[{_^[]|(?<![\s\p{P}])[_^]\{/u;

/** Whether `text` (code spans as placeholders) shows raw TeX: a command with its argument, or a braced index. */
export function showsRawTex(text: string): boolean {
  return RAW_TEX.test(text);
}
