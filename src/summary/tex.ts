/**
 * Inline TeX as readable text. Total: every command is either read (a table of the common ones) or
 * reported as unreadable, so that a point never shows raw TeX (issue 23).
 *
 * Delimiters as MathJax's TeX input reads them: `\( … \)` inline, `\[ … \]` and `$$ … $$` display,
 * `$ … $` only where a site enables it (https://docs.mathjax.org/en/stable/input/tex/delimiters.html);
 * kramdown's one math delimiter is `$$` (https://kramdown.gettalong.org/syntax.html#math-blocks, as
 * quoted in chrisyeh96/chrisyeh96.github.io "Painful Upgrade to MathJax 3"). Single-dollar math
 * follows pandoc's tex_math_dollars rule: no space inside either dollar, no digit after the closing
 * one (https://pandoc.org/chunkedhtml-demo/8.13-math.html), so "$5 and $10" stays a price. Pure.
 */
import { exactScript } from './sup-sub.js';

const SYMBOLS: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ', vartheta: 'θ',
  iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', varrho: 'ρ', sigma: 'σ', tau: 'τ',
  upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ',
  Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
  cdot: '·', times: '×', div: '÷', pm: '±', mp: '∓', leq: '≤', le: '≤', leqslant: '≤', geq: '≥', ge: '≥', geqslant: '≥', neq: '≠', ne: '≠',
  lt: '<', gt: '>', ll: '≪', gg: '≫', approx: '≈', infty: '∞', to: '→', rightarrow: '→', leftarrow: '←', gets: '←', Rightarrow: '⇒',
  Leftarrow: '⇐', longrightarrow: '⟶', sum: 'Σ', int: '∫', iint: '∬', oint: '∮', partial: '∂', in: '∈', notin: '∉', ni: '∋',
  cup: '∪', cap: '∩', bigcup: '∪', bigcap: '∩', land: '∧', wedge: '∧', lor: '∨', vee: '∨', neg: '¬', lnot: '¬', oplus: '⊕',
  prime: '′', prod: '∏', coprod: '∐', lceil: '⌈', rceil: '⌉', lfloor: '⌊', rfloor: '⌋', cdots: '⋯', ldots: '…', dots: '…',
  dotsc: '…', dotsb: '⋯', vdots: '⋮', ddots: '⋱', forall: '∀', exists: '∃', nexists: '∄', subset: '⊂', subseteq: '⊆',
  supset: '⊃', supseteq: '⊇', emptyset: '∅', varnothing: '∅', nabla: '∇', mid: '|', vert: '|', lvert: '|', rvert: '|',
  Vert: '‖', lVert: '‖', rVert: '‖', parallel: '∥', perp: '⊥', equiv: '≡', nmid: '∤', nleq: '≰', ngeq: '≱', nparallel: '∦', nsubseteq: '⊈', sim: '∼', simeq: '≃', cong: '≅', propto: '∝',
  circ: '∘', otimes: '⊗', leftrightarrow: '↔', Leftrightarrow: '⇔', iff: '⇔', implies: '⇒', mapsto: '↦', top: 'ᵀ',
  intercal: 'ᵀ', langle: '⟨', rangle: '⟩', ell: 'ℓ', hbar: 'ℏ', ast: '*', star: '⋆', setminus: '∖', backslash: '∖',
  angle: '∠', degree: '°', triangle: '△', square: '□', cdotp: '·', colon: ':', aleph: 'ℵ', Re: 'ℜ', Im: 'ℑ',
  // Spacing commands: one space (negative and thin spaces none to speak of in a chat).
  quad: ' ', qquad: ' ', enspace: ' ', thinspace: ' ', medspace: ' ', thickspace: ' ', negthinspace: '',
  // Sizing and display switches carry no content.
  left: '', right: '', big: '', Big: '', bigg: '', Bigg: '', bigl: '', bigr: '', Bigl: '', Bigr: '', displaystyle: '',
  textstyle: '', scriptstyle: '', limits: '', nolimits: '', middle: '',
};

/** Operator names MathJax sets upright: they read as their own name. */
const OPERATORS = new Set(
  'sin cos tan cot sec csc arcsin arccos arctan sinh cosh tanh log ln lg exp min max arg argmin argmax lim liminf limsup det sup inf gcd lcm deg dim ker hom Pr tr rank sgn'.split(' '),
);

/** Commands whose braced argument is text to keep as written. */
const TEXT_COMMANDS =
  'text|textrm|textbf|textit|textsf|texttt|mathrm|mathbf|mathit|mathbb|mathcal|mathsf|mathtt|mathfrak|mathscr|boldsymbol|bm|operatorname|mbox|hbox|underline|underbrace|overbrace';

const TEXT_ARGUMENT = new RegExp(`\\\\(?:${TEXT_COMMANDS})\\s*\\{([^{}]*)\\}`, 'g');
/** Text in a script (`v_{\mathrm{max}}`, `_\text{max}`): the script's text alone, braced (texToText). */
const SCRIPTED_TEXT = new RegExp(`([_^])(?:\\{\\s*)?\\\\(?:${TEXT_COMMANDS})\\s*\\{([^{}]*)\\}(?:\\s*\\})?`, 'g');

/** Combining marks for TeX accents: overline, macron, circumflex, arrow, tilde, dot. */
const ACCENTS: Record<string, string> = { overline: '\u0305', bar: '\u0304', hat: '\u0302', widehat: '\u0302', vec: '\u20D7', tilde: '\u0303', widetilde: '\u0303', dot: '\u0307', ddot: '\u0308' };

/** An accent over a braced argument: `\bar{x}`, `\hat{\beta}`. */
const ACCENT_ARGUMENT = /\\(overline|bar|hat|widehat|vec|tilde|widetilde|ddot|dot)\{([^{}]*)\}/g;

/**
 * Symbols that read as letters: TeX ignores the space after a control word (`\Delta G` is ΔG, `\pi r` is
 * πr), so before a letter or digit that space goes; before an operator (`\alpha + 1`) it stays.
 */
const LETTER_LIKE = new Set('αβγδεζηθικλμνξπρστυφχψωΓΔΘΛΞΠΣΥΦΨΩℓℏ∂∇ℵ');

/**
 * Marks that live only inside texToText (control characters, which no note's text keeps: stripped on
 * entry): a fraction's ends, so that one next to a factor is grouped at the end ("(1/2)mv²", not
 * "1/2mv²"), and braces the writer escaped (`\{0, 1\}`), which are the set's and stay when TeX's
 * grouping braces go.
 */
const FRACTION_OPEN = '\u0001';
const FRACTION_CLOSE = '\u0002';
const OPEN_BRACE = '\u0003';
const CLOSE_BRACE = '\u0004';

const MATRIX_BRACKETS: Record<string, string> = { p: '()', b: '[]', B: OPEN_BRACE + CLOSE_BRACE, v: '||', V: '‖‖' };

const ROOTS: Record<string, string> = { '2': '√', '3': '∛', '4': '∜' };

export interface TexText {
  text: string;
  /** False when a command is left that no table reads: the sentence is not to be shown. */
  readable: boolean;
}

/**
 * A formula's reading (texToText) and, where that raised or lowered its scripts (`eˣ`), its reading with
 * them marked (`e^x`): a point that also shows a formula whose scripts stay marked shows this one, so it
 * reads exponents one way.
 */
export interface TexReadings extends TexText {
  marked?: string;
}

/** Whether a formula's reading keeps a script marked (`x_0`, `Σ_(n=0)^(∞)`): Unicode lacked a raised or lowered form. */
export function keepsScriptMarks(text: string): boolean {
  return /[_^]/.test(text);
}

/** A TeX fragment as readable text: `\frac{1}{2}` → `1/2`, `V_{10}` → `V₁₀`, `\omega` → `ω`. */
export function texToText(tex: string): TexText {
  return texRead(tex, true);
}

/** A TeX fragment's reading, and its reading with marked scripts when that differs (TexReadings). */
export function texReadings(tex: string): TexReadings {
  const read = texRead(tex, true);
  if (!/[_^]/.test(tex) || keepsScriptMarks(read.text)) return read;
  const marked = texRead(tex, false).text;
  return marked === read.text ? read : { ...read, marked };
}

/** An amsmath environment whose `&` aligns rows (its columns are one equation's halves), with its rows. */
const ALIGNMENT = /\\begin\{(aligned|align\*?|split|gather\*?|gathered|eqnarray\*?|flalign\*?)\}([\s\S]*?)\\end\{\1\}/g;

/** Matrices and aligned blocks: cells and rows as separators, environment names gone. */
function environmentsRead(tex: string): string {
  return tex
    // A matrix keeps the brackets its environment draws (amsmath: pmatrix ( ), bmatrix [ ], Bmatrix { }, vmatrix | |, Vmatrix ‖ ‖).
    .replace(/\\begin\{([pbBvV])matrix\}\s*/g, (_m, kind: string) => MATRIX_BRACKETS[kind]![0]!)
    .replace(/\s*\\end\{([pbBvV])matrix\}/g, (_m, kind: string) => MATRIX_BRACKETS[kind]![1]!)
    // In an alignment (amsmath aligned, align, split, gather, eqnarray) `&` marks where rows line up, not a cell: `x &= 5` is x = 5.
    .replace(ALIGNMENT, (_m, _env: string, rows: string) => rows.replace(/\s*&&\s*/g, ', ').replace(/\s*&\s*/g, ' '))
    .replace(/\\(?:begin|end)\{[a-zA-Z*]+\}/g, ' ')
    .replace(/\s*&\s*/g, ', ')
    // A row ends at `\\`, written with or without a space after it (`1&0\\0&1`), or at one backslash where Markdown took the other.
    .replace(/\s*(?:\\\\|\\(?=[\s\d+\-(.]))\s*/g, '; ');
}

/** A TeX fragment as readable text: `\frac{1}{2}` → `1/2`, `V_{max}` → `V_max` (`V_{10}` → `V₁₀` when `exact`), `\omega` → `ω`. */
function texRead(tex: string, exact: boolean): TexText {
  // Most passes read commands; a formula without a backslash (`n!`, `x^2 + y_1`) skips them, and no pass writes one.
  const commands = tex.includes('\\');
  let s = tex.replace(/[\u0001-\u0004]/g, '');
  if (commands) s = commandsOpened(s);
  // `^\circ` is the degree sign, set tight to a unit after it as TeX sets math (`25^\circ C` → 25°C).
  if (commands) s = s.replace(/\^\s*(?:\{\s*\\circ\s*\}|\\circ(?![A-Za-z]))/g, '°');
  s = s.replace(/°\s+(?=[CFK](?![A-Za-z]))/g, '°');
  // Text in a script (`v_{\mathrm{max}}`) is read before the scripts, so it is raised or lowered as `V_{max}` is.
  if (commands) s = s.replace(SCRIPTED_TEXT, '$1{$2}');
  if (exact) s = withExactScripts(s);
  // An unbraced marked script is one letter: `k_BT` is k_B T.
  s = s.replace(/([_^][A-Za-z])(?=[A-Za-z])/g, '$1 ');
  for (let i = 0; i < 6 && /[_^]\{|\\(frac|sqrt|binom)\s*[{[]/.test(s); i++) s = argumentsRead(s, commands);
  if (commands) s = commandsRead(s);
  let readable = true;
  if (commands) {
    s = s
      // `\not` strikes the relation after it, as Unicode's combining long solidus does (`\not\equiv` → ≢, `\not=` → ≠).
      .replace(/\\not\s*(?:\\([A-Za-z]+)|([=<>]))/g, (m, name: string | undefined, sign: string | undefined) => {
        const relation = name === undefined ? sign : SYMBOLS[name];
        return relation === undefined ? m : `${relation}\u0338`.normalize('NFC');
      })
      .replace(/\\([A-Za-z]+)(\s*)/g, (m, name: string, space: string, at: number, all: string) => {
        const after = all[at + m.length] ?? '';
        const symbol = SYMBOLS[name];
        if (symbol !== undefined) return symbol + (LETTER_LIKE.has(symbol) && /[A-Za-z0-9]/.test(after) ? '' : space);
        // `\sin\theta`, `\log n`, `2ab\cos`: an operator's name is kept apart from a letter after or before it.
        if (OPERATORS.has(name)) return `${/[A-Za-z0-9]/.test(all[at - 1] ?? '') ? ' ' : ''}${name}${/[A-Za-z\\]/.test(space ? '' : after) ? ' ' : ''}${space}`;
        readable = false;
        return m;
      });
  }
  s = s
    .replace(/\^\s*ᵀ/g, 'ᵀ')
    .replace(/\s+([_^])/g, '$1')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\(\s+/g, '(')
    .replace(/\s+([),])/g, '$1')
    .trim();
  s = groupedFractions(s).replaceAll(OPEN_BRACE, '{').replaceAll(CLOSE_BRACE, '}');
  // A backslash left over (`\[`, a lone `\`) is TeX no table read.
  if (s.includes('\\')) readable = false;
  // Markdown's image opener is no TeX: shown as text it reads as markup left over (properties.test.ts, seed 1901675773:
  // `$% ![$ Posuere.`, a dollar pair around no formula).
  if (s.includes('![')) readable = false;
  return { text: s, readable };
}

/** A formula's commands set apart before it is read: escaped braces, invisible delimiters, environments, fraction and modulo forms. */
function commandsOpened(tex: string): string {
  let s = tex
    .replace(/\\([{}])/g, (_m, brace: string) => (brace === '{' ? OPEN_BRACE : CLOSE_BRACE))
    // `\left.` and `\right.` are an invisible delimiter.
    .replace(/\\(?:left|right)\./g, '')
    // A control word ends at the next command: kept apart, so that what that command reads as (`\hat{x}` → x̂) never joins its name.
    .replace(/(\\[A-Za-z]+)(?=\\)/g, '$1 ');
  if (s.includes('\\begin{')) s = environmentsRead(s);
  s = s.replace(/\\[tdc]frac(?![A-Za-z])/g, '\\frac').replace(/\\[dt]binom(?![A-Za-z])/g, '\\binom');
  return withModulo(s);
}

/** One round of braced arguments read, innermost first: scripts always, text, accents, fractions, binomials and roots where the formula has commands. */
function argumentsRead(tex: string, commands: boolean): string {
  let s = tex;
  // Text inside an argument (`\frac{\mathrm{d}x}{\mathrm{d}t}`) is read first, so that the braces around it are innermost;
  // so is an accent (`\sqrt{(x - \bar{x})^2}`): its braces inside a root or fraction left that root unread.
  if (commands) s = s.replace(TEXT_ARGUMENT, '$1').replace(ACCENT_ARGUMENT, (_m, accent: string, x: string) => accented(x, ACCENTS[accent]!));
  // A marked script ends before a letter or digit (`k_{B}T` reads k_B T, not k_BT, one script "BT").
  s = s.replace(/([_^])\{([^{}]*)\}(?=([A-Za-z0-9]?))/g, (_m, op: string, a: string, next: string) => `${op}${wrap(a)}${next ? ' ' : ''}`);
  if (!commands) return s;
  s = s.replace(/\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, (_m, a: string, b: string) => fraction(fractionPart(a), fractionPart(b)));
  s = s.replace(/\\binom\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, (_m, n: string, k: string) => `C(${n.trim()}, ${k.trim()})`);
  return s.replace(/\\sqrt\s*(?:\[([^\]]*)\])?\s*\{([^{}]*)\}/g, (_m, n: string | undefined, a: string) => `${root(n)}${wrap(a)}`);
}

/** Commands read once the arguments are: unbraced fractions and accents, TeX's spaces, escaped characters. */
function commandsRead(tex: string): string {
  // `\frac12`: single-character arguments without braces.
  const s = tex.replace(/\\frac\s*(\w)\s*(\w)/g, (_m, a: string, b: string) => fraction(a, b)).replace(/\\binom\s*(\w)\s*(\w)/g, 'C($1, $2)');
  return s
    // An accent keeps its meaning: \overline{A} is not A (NOT A in logic), \hat{\beta} is an estimate.
    .replace(ACCENT_ARGUMENT, (_m, accent: string, x: string) => accented(x, ACCENTS[accent]!))
    // Without braces the accent takes the next letter or command; `\dots` is no dot on `s`.
    .replace(/\\(overline|bar|hat|vec|tilde|ddot|dot)(?![A-Za-z])\s*(\\[A-Za-z]+|[A-Za-z])/g, (_m, accent: string, x: string) => accented(x, ACCENTS[accent]!))
    .replace(TEXT_ARGUMENT, '$1')
    .replace(/\\[,;:> ]/g, ' ')
    .replace(/\\!/g, '')
    .replace(/\\\\/g, ' ')
    .replace(/\\([{}|#%&_$])/g, '$1');
}

/** A script as TeX writes it: one character or command unbraced ("x^2y" is x²y, `x^\prime`, `H^+`), else its braces. */
const SCRIPT = /([_^])(?:\{([^{}]*)\}|(\\[A-Za-z]+|[A-Za-z0-9+-]))/g;

/**
 * Scripts read raised or lowered, as `<sup>` and `<sub>` are (x^2 → x², a_{10} → a₁₀), where
 * Unicode has every character of every script of the fragment (Σᵢ₌₁ⁿ, xᵢⱼ², Aᵀ): one that it lacks
 * ("μ_1, …, μ_q", `e^{2\pi}`) leaves all of them marked, so a formula never mixes the two forms.
 */
function withExactScripts(tex: string): string {
  const marks = tex.match(/[_^]/g)?.length ?? 0;
  if (!marks) return tex;
  const read: string[] = [];
  for (const m of tex.matchAll(SCRIPT)) {
    // "x^23" scripts its 2 alone, and "x^-1" its sign alone, which is hardly what was meant: no exact reading (x^2y is x²y).
    const next = tex[m.index + m[0].length] ?? '';
    const ambiguous = m[3] !== undefined && ((/\d/.test(m[3]) && /\d/.test(next)) || (/[+-]/.test(m[3]) && /[\w\\{]/.test(next)));
    const exact = ambiguous ? undefined : exactScript(m[1] === '^' ? 'sup' : 'sub', withSymbols(m[2] ?? m[3]!));
    if (exact === undefined) return tex;
    read.push(exact);
  }
  if (read.length !== marks) return tex;
  let k = 0;
  return tex.replace(SCRIPT, () => read[k++]!);
}

/** A script's symbol commands read (`\beta` → β, `\top` → ᵀ), so that Unicode's raised or lowered form of each is found; any other command stays. */
function withSymbols(script: string): string {
  return script.replace(/\\([A-Za-z]+)\s*/g, (m, name: string) => SYMBOLS[name] ?? m);
}

/** `\pmod{m}` reads "(mod m)", `\bmod` and `\mod` "mod": as MathJax sets them, never the command's name. */
function withModulo(tex: string): string {
  if (!tex.includes('mod')) return tex;
  return tex
    .replace(/\\pmod\s*(?:\{([^{}]*)\}|(\w))/g, (_m, braced: string | undefined, one: string | undefined) => ` (mod ${(braced ?? one ?? '').trim()})`)
    .replace(/\\[bp]?mod(?![A-Za-z])/g, ' mod ');
}

/** A fraction read, its ends marked for groupedFractions. */
function fraction(numerator: string, denominator: string): string {
  return `${FRACTION_OPEN}${numerator}/${denominator}${FRACTION_CLOSE}`;
}

/** What multiplies a fraction when written next to it: a letter, figure, bracket, script or symbol such as Σ or √. */
const FACTOR_AFTER = /^\s*[\p{L}\p{N}(√∛∜Σ∫∬∮∏∂∇∞\u0001\u00B2\u00B3\u00B9\u2070-\u209C\u1D2C-\u1DBF]/u;
const FACTOR_BEFORE = /[\p{L}\p{N})\u0002]\s*$/u;
/**
 * A big operator with its limits before a fraction (`lim_(h→0)`, `Σ_(n=0)^(∞)`, `Σᵢ₌₁ⁿ`): the fraction is
 * its operand, not a factor of it, and needs no brackets ("lim_(h→0) (f(x+h) - f(x))/h", never "((…)/h)").
 */
const OPERATOR_BEFORE = /(?:lim|Σ|∏|∐|∫|∬|∮|max|min|sup|inf)(?:[_^](?:\([^()]*\)|[^\s()])|[\u00B2\u00B3\u00B9\u1D2C-\u1DBF\u2070-\u209C])*\s*$/u;

/** Each fraction next to a factor in brackets ("(1/2)mv²", "(1/n)Σᵢ", "2(a/b)"), else as it reads ("x = a/b"). */
function groupedFractions(text: string): string {
  let s = text;
  // Innermost first: a fraction inside another is read before the one around it.
  const INNERMOST = /\u0001([^\u0001\u0002]*)\u0002/;
  for (let m = INNERMOST.exec(s); m; m = INNERMOST.exec(s)) {
    const before = s.slice(0, m.index);
    const after = s.slice(m.index + m[0].length);
    const grouped = FACTOR_AFTER.test(after) || (FACTOR_BEFORE.test(before) && !OPERATOR_BEFORE.test(before));
    s = before + (grouped ? `(${m[1]!})` : m[1]!) + after;
  }
  return s;
}

function root(n: string | undefined): string {
  const index = n?.trim() ?? '2';
  return ROOTS[index] ?? `${index}√`;
}

/** `x` with a combining mark on each of its characters (`AB` overlined is A̅B̅); a Greek name is read first. */
function accented(x: string, mark: string): string {
  const base = x.trim().replace(/\\([A-Za-z]+)/g, (m, name: string) => SYMBOLS[name] ?? m);
  return [...base].map((c) => (/\s/.test(c) ? c : c + mark)).join('');
}

/** A fraction's part bare where it is one number or name; a product (`2a`) or a sum in brackets, or "/2a" reads (/2)·a. */
/**
 * A fraction's numerator or denominator: one term with one script or a factorial (`x^n`, `a_1`,
 * `n!`) binds tighter than the slash and needs no brackets ("x^n/n!", not "(x^n)/(n!)").
 */
function fractionPart(x: string): string {
  const term = x.trim();
  // Only a script or a factorial changes what wrap decides; "3q" is a product and keeps its brackets.
  return /^[\p{L}\p{N}]+(?:[_^][\p{L}\p{N}]!?|!)$/u.test(term) && !/\d[A-Za-z]/.test(term) ? term : wrap(x);
}

function wrap(x: string): string {
  // A Greek letter's command is one name (`\frac{\rho}{\varepsilon_0}` → ρ/ε₀, `\sqrt{\pi}` → √π).
  const greek = /^\\([A-Za-z]+)\s*[\p{N}\p{M}]*$/u.exec(x.trim());
  if (greek && LETTER_LIKE.has(SYMBOLS[greek[1]!] ?? '')) return x.trim();
  return /^[\p{L}\p{N}\p{M}_.]+$/u.test(x.trim()) && !/\d[A-Za-z]/.test(x) ? x.trim() : `(${x.trim()})`;
}
