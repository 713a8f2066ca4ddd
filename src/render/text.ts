/** Summary → plain text for the console. Pure. */
import type { Summary } from '../summary/build.js';
import { summaryFooter } from '../summary/shape.js';
import { pointText, type KeyPoint } from '../summary/inline.js';
import type { AlsoIn } from '../store/types.js';

/**
 * A point as the console shows it: struck-through words kept, marked `~~…~~` as Markdown writes them
 * (plain text has no strike; left out, "The old flag ~~`--legacy`~~ was removed" read "The old flag was
 * removed", the opposite of what Telegram and Discord show struck).
 */
function plainPoint(p: KeyPoint | string): string {
  return typeof p === 'string' ? p : pointText(p.map((r) => (r.style === 'del' ? { text: `~~${r.text}~~` } : r)));
}

export function renderPlainText(s: Summary, alsoIn: readonly AlsoIn[] = []): string {
  const lines = [s.title];
  if (s.url) lines.push(s.url);
  if (s.keyPoints.length) lines.push('', ...s.keyPoints.map((p) => `• ${plainPoint(p)}`));
  if (s.links.length) lines.push('', ...s.links.map((l) => `→ ${l.text}: ${l.url}`));
  if (alsoIn.length) lines.push('', `🌐 ${alsoIn.map((a) => (a.url ? `${a.label}: ${a.url}` : a.label)).join(' · ')}`);
  lines.push('', summaryFooter(s));
  return lines.join('\n');
}
