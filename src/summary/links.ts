/** The links a summary shows: absolute, de-duplicated after normalising, no images or anchors. Pure. */
import { collapseWhitespace, truncate } from '../util/text.js';
import { cleanText, type Link } from './plain.js';

/** Query parameters that only track where a click came from; they never change the page. */
const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_hsenc|_hsmi|mkt_tok|ref_src|spm|si)$/i;

/** A link to a picture is not a link to read. */
const IMAGE = /\.(png|jpe?g|gif|webp|svg|bmp|ico|avif|tiff?|heic)$/i;

/** Longer URLs are left out: a Discord field (1,024 characters) must hold the whole Markdown link. */
const MAX_LINK_URL = 512;

/** Resolves `url` against the note's own URL; undefined for anchors, other schemes and bad URLs. */
function absolutise(url: string, base: string | undefined): URL | undefined {
  const u = url.trim();
  try {
    if (/^https?:\/\//i.test(u)) return new URL(u);
    if (!base || /^[a-z][a-z0-9+.-]*:/i.test(u) || u.startsWith('#') || u === '') return undefined;
    return new URL(u, base);
  } catch {
    return undefined;
  }
}

/** The URL without tracking parameters (what is shown). */
function withoutTracking(u: URL): URL {
  // Most links have no query at all: nothing to take out, and no second URL to parse (issue 23).
  if (!u.href.includes('?')) return u;
  const out = new URL(u.href);
  for (const key of [...out.searchParams.keys()]) if (TRACKING.test(key)) out.searchParams.delete(key);
  if (!out.searchParams.size) out.search = '';
  return out;
}

/**
 * Same page, however written: no fragment, no trailing slash, no tracking (`clean`: withoutTracking's,
 * made once a link), host in lower case. A serialised URL's first `#` starts its fragment (WHATWG URL:
 * path and query percent-encode it), so the key cuts there rather than building a third URL (issue 23).
 */
function linkKey(clean: URL): string {
  let key = clean.href;
  const fragment = key.indexOf('#');
  if (fragment >= 0) key = key.slice(0, fragment);
  if (clean.pathname.length > 1 && clean.pathname.endsWith('/')) key = key.replace(/\/(?=$|\?)/, '');
  return key.replace(/\/$/, '');
}

export function pickLinks(all: Link[], base: string | undefined, max: number): Link[] {
  const seen = new Set<string>();
  const self = base ? absolutise(base, undefined) : undefined;
  if (self) seen.add(linkKey(withoutTracking(self)));
  const out: Link[] = [];
  for (const l of all) {
    if (out.length >= max) break;
    const u = absolutise(l.url, base);
    if (!u || !/^https?:$/.test(u.protocol) || IMAGE.test(u.pathname)) continue;
    const clean = withoutTracking(u);
    const key = linkKey(clean);
    if (seen.has(key)) continue;
    seen.add(key);
    const shown = clean.href;
    if (shown.length > MAX_LINK_URL) continue;
    let text = collapseWhitespace(cleanText(l.text));
    if (!text) text = u.hostname.replace(/^www\./, '');
    out.push({ text: truncate(text, 80), url: shown });
  }
  return out;
}
