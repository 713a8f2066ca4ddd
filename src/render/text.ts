/** Summary → plain text for the console. Pure. */
import type { Summary } from '../summary/build.js';
import { summaryFooter } from '../summary/build.js';
import { pointText } from '../summary/inline.js';
import type { AlsoIn } from '../store/types.js';

export function renderPlainText(s: Summary, alsoIn: readonly AlsoIn[] = []): string {
  const lines = [s.title];
  if (s.url) lines.push(s.url);
  if (s.keyPoints.length) lines.push('', ...s.keyPoints.map((p) => `• ${pointText(p)}`));
  if (s.links.length) lines.push('', ...s.links.map((l) => `→ ${l.text}: ${l.url}`));
  if (alsoIn.length) lines.push('', `🌐 ${alsoIn.map((a) => (a.url ? `${a.label}: ${a.url}` : a.label)).join(' · ')}`);
  lines.push('', summaryFooter(s));
  return lines.join('\n');
}
