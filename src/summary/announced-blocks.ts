/**
 * The blocks a sentence announces and a point may show with it: a short display formula, a code block's one short line,
 * and what a program printed after its command (moved from walk.ts, at its 400 lines). Pure.
 */
import type { Token, Tokens } from 'marked';
import { stripControls } from '../util/text.js';
import { stripPrivateUse, type SpanTable } from './inline.js';
import { inlineText } from './plain.js';
import { prose } from './walk.js';

/** A paragraph that is only display math (`$$…$$`, `\[…\]`): what "… is" announces. */
export function isMathBlock(t: Token | undefined): boolean {
  if (!t || t.type !== 'paragraph') return false;
  const raw = (t as Tokens.Paragraph).text.trim();
  return /^(\$\$|\\\\?\[)[\s\S]*(\$\$|\\\\?\])$/.test(raw);
}

/** Past this many characters a display formula is no part of a point: the words announcing it go with it. */
const MAX_FORMULA = 60;

/** A display formula short enough to show in the point announcing it, read as text; none unreadable. */
export function shortFormula(t: Token | undefined, spans: SpanTable): string | undefined {
  if (!isMathBlock(t)) return undefined;
  const text = prose(inlineText((t as Tokens.Paragraph).tokens, spans), spans);
  return text && !spans.hasUnreadable(text) && spans.visibleLength(text) <= MAX_FORMULA ? text : undefined;
}

/** The one short line of a code block, to complete a lead-in ("Run: `docker compose up -d`"). */
export function shortCodeLine(t: Token | undefined): string | undefined {
  if (!t || t.type !== 'code') return undefined;
  const lines = (t as Tokens.Code).text.split('\n').filter((l) => l.trim());
  if (lines.length !== 1) return undefined;
  const line = stripControls(stripPrivateUse(lines[0]!.trim()));
  // A bare path, a figure, "[1]+ Suspended", a version ("v20.19.0"), a prompt ("(.venv) me@host:~$")
  // or a sentence a program wrote ("Successfully rebased …") is what a command printed, not the command.
  return line.length <= 120 && !/^(?:\[|\d|\/[^\s]*$|v\d+\.\d)|[\w~/]\$$|^\p{Lu}[^]*\s[^]*\.$/u.test(line) ? line : undefined;
}

/**
 * A block of what a program printed after its command's block, across one lead-in ("Check the
 * version:" `node -v`, "You should see something like:" `v20.19.0`): a block without a language,
 * unless it reads as a command (a lower-case program name, not a version like
 * "go1.22.4", then its arguments).
 */
export function printedAfterCommand(code: Token | undefined, beforeLeadIn: Token | undefined): boolean {
  if (code?.type !== 'code' || beforeLeadIn?.type !== 'code' || (code as Tokens.Code).lang) return false;
  return !/^(?:\.{0,2}\/)?[a-z][\w-]*(?:\.[a-z]+)*(?:\s+\S|$)/.test((code as Tokens.Code).text.trim());
}
