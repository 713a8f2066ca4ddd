/**
 * The author's own summary of a note, as Jekyll finds it, in Markdown (the summary reads it as
 * Markdown). Pure. Jekyll's rules (lib/jekyll/excerpt.rb, Document#excerpt_separator):
 * - front matter `excerpt` wins over a cut excerpt; notecast puts `description` (jekyll-seo-tag's
 *   first choice) before it;
 * - the separator is the page's `excerpt_separator`, else the site's (`_config.yml`); an empty one
 *   (`""`) turns excerpts off for that page;
 * - the excerpt is the content before the separator, with the link reference definitions of the
 *   rest appended, so `[text][ref]` in it still links.
 * Jekyll's implicit default separator (`"\n\n"`, the first paragraph) is not applied: the summary
 * leads with the note's opening anyway. A separator the body does not contain gives no excerpt
 * (Jekyll would take the whole content, no summary of the author's).
 */
import type { FrontMatter } from './frontmatter.js';
import { renderJekyllSource, type JekyllPage } from './jekyll.js';
import type { SiteConfig } from './url.js';

/** Jekyll's MKDWN_LINK_REF_REGEX. */
const LINK_REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:.+$/gm;

function separatorOf(fm: FrontMatter, site: SiteConfig): string | undefined {
  const own = fm.excerpt_separator;
  if (own !== undefined && own !== null) return own;
  const sites: unknown = (site as Record<string, unknown>).excerpt_separator;
  return typeof sites === 'string' || typeof sites === 'number' ? String(sites) : undefined;
}

/** `description`, else `excerpt`, else the body before the excerpt separator (Liquid and kramdown read as Jekyll does). */
export function authorsExcerpt(fm: FrontMatter, body: string, site: SiteConfig, page: JekyllPage): string | undefined {
  const given = [fm.description, fm.excerpt].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (given !== undefined) return given;
  const separator = separatorOf(fm, site);
  if (!separator) return undefined;
  const at = body.indexOf(separator);
  if (at < 0) return undefined;
  const head = body.slice(0, at);
  if (!head.trim()) return undefined;
  const references = body.slice(at + separator.length).match(LINK_REFERENCE_DEFINITION) ?? [];
  return renderJekyllSource(references.length ? `${head}\n\n${references.join('\n')}` : head, site, page);
}
