/**
 * URLs as Jekyll forms them: `_posts` by the site permalink, collection
 * documents by their collection permalink, other pages by their path.
 * See https://jekyllrb.com/docs/permalinks/ for the placeholders.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { plainIssueMessage } from '../util/schema-messages.js';
import { yaml } from './yaml-lazy.js';

const collectionSchema = z.object({ output: z.boolean().optional(), permalink: z.string().optional() }).passthrough();

export const siteSchema = z
  .object({
    /** Base URL of the site, e.g. `https://example.org`. Empty: notes get no URL. */
    url: z.string().default(''),
    baseurl: z.string().nullish().transform((v) => v ?? ''),
    /** Permalink style or pattern for posts (`date`, `pretty`, `ordinal`, `none`, or `/:title`). */
    permalink: z.string().nullish().transform((v) => v ?? 'date'),
    collections: z
      .union([
        z.record(z.string(), collectionSchema.nullish()),
        z.array(z.string()).transform((names) => Object.fromEntries(names.map((n) => [n, {}]))),
      ])
      .default({})
      .transform((c): Record<string, z.output<typeof collectionSchema>> => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v ?? {}]))),
    /** Where the collections, `_posts` and `_drafts` are (Jekyll 3.7+): their documents' URLs and categories count from inside it. */
    collections_dir: z.string().nullish(),
    timezone: z.string().optional(),
    /** The site's excerpt separator (notes/excerpt.ts): text; a number reads as text. A list or a mapping is an error, as in a note. */
    excerpt_separator: z
      .union([z.string(), z.number()], { error: 'excerpt_separator must be text (the line that ends a post\'s excerpt), not a list or a map' })
      .transform(String)
      .nullish(),
  })
  .passthrough();

export type SiteConfig = z.output<typeof siteSchema>;

/** Reads a Jekyll `_config.yml`; its keys are a subset of ours. */
export function readJekyllConfig(path: string): SiteConfig & { readFrom: string } {
  const raw: unknown = yaml().parse(readFileSync(path, 'utf8'));
  return { ...siteSchema.parse(raw ?? {}, { error: plainIssueMessage }), readFrom: path };
}

const STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

function pattern(styleOrPattern: string): string {
  return STYLES[styleOrPattern] ?? styleOrPattern;
}

/** Jekyll's `Utils.add_permalink_suffix`, used for pages. */
function pageTemplate(sitePermalink: string): string {
  const base = '/:path/:basename';
  if (sitePermalink === 'pretty') return `${base}/`;
  if (STYLES[sitePermalink]) return `${base}:output_ext`;
  if (sitePermalink.endsWith('/')) return `${base}/`;
  if (sitePermalink.endsWith(':output_ext')) return `${base}:output_ext`;
  return base;
}

/** Jekyll's default slugify ('default' mode): runs of non-alphanumerics become one hyphen. */
function slugify(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}._~!$&'()+,;=@]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

export interface UrlInput {
  /** Path relative to the notes root, `/`-separated, with extension. */
  relPath: string;
  date?: Date | undefined;
  title: string;
  categories?: string[] | undefined;
  permalink?: string | undefined;
  slug?: string | undefined;
}

type Kind = { kind: 'post'; slug: string; categories: string[] } | { kind: 'collection'; name: string; path: string } | { kind: 'page' };

/**
 * A post's or a collection document's path inside `collections_dir`: Jekyll's Document#relative_path is
 * relative to the collections' folder, so its categories and `:path` do not hold that folder's name.
 */
function insideCollectionsDir(relPath: string, site: SiteConfig): string {
  const dir = (site.collections_dir ?? '').replace(/^(\.\/)+/, '').replace(/^\/+|\/+$/g, '');
  return dir && relPath.startsWith(`${dir}/`) ? relPath.slice(dir.length + 1) : relPath;
}

function classify(sitePath: string, site: SiteConfig): Kind {
  const relPath = insideCollectionsDir(sitePath, site);
  const parts = relPath.split('/');
  const postsAt = parts.indexOf('_posts');
  if (postsAt >= 0) {
    const file = parts[parts.length - 1]!.replace(/\.[^.]+$/, '');
    const slug = file.replace(/^\d{4}-\d{2}-\d{2}-/, '');
    // Folders above `_posts` are categories; folders below it are not.
    return { kind: 'post', slug, categories: parts.slice(0, postsAt) };
  }
  const first = parts[0] ?? '';
  if (first.startsWith('_') && parts.length > 1) {
    const name = first.slice(1);
    if (name in site.collections) {
      return { kind: 'collection', name, path: parts.slice(1).join('/').replace(/\.[^.]+$/, '') };
    }
  }
  return { kind: 'page' };
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** Fills a Jekyll permalink template. Unknown placeholders are left as written. */
function fill(template: string, values: Record<string, string>): string {
  const filled = template.replace(/:([a-z_]+)/g, (m, key: string) => (key in values ? values[key]! : m));
  // Empty placeholders (no categories) leave `//`; Jekyll collapses them.
  return filled.replace(/\/{2,}/g, '/');
}

/** Encodes each path segment the way a browser would send it. */
function encodePath(path: string): string {
  return path
    .split('/')
    .map((seg) => encodeURIComponent(decodeURIComponentSafe(seg)).replace(/%2B/gi, '+'))
    .join('/');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The URL path (without site base) Jekyll would give a file. */
export function jekyllUrlPath(input: UrlInput, site: SiteConfig): string {
  const kind = classify(input.relPath, site);
  const d = input.date;
  const file = input.relPath.split('/').pop()!;
  const basename = file.replace(/\.[^.]+$/, '');
  const dir = input.relPath.split('/').slice(0, -1).join('/');
  const categories = [...(kind.kind === 'post' ? kind.categories : []), ...(input.categories ?? [])];
  const values: Record<string, string> = {
    output_ext: '.html',
    basename,
    name: basename,
    path: kind.kind === 'collection' ? kind.path : dir,
    categories: categories.map((c) => slugify(c)).join('/'),
    title: input.slug ?? (kind.kind === 'post' ? kind.slug : slugify(basename)),
    slug: slugify(input.slug ?? (kind.kind === 'post' ? kind.slug : basename)),
    collection: kind.kind === 'collection' ? kind.name : '',
  };
  if (d) {
    const start = Date.UTC(d.getUTCFullYear(), 0, 0);
    Object.assign(values, {
      year: String(d.getUTCFullYear()),
      short_year: pad(d.getUTCFullYear() % 100),
      month: pad(d.getUTCMonth() + 1),
      i_month: String(d.getUTCMonth() + 1),
      day: pad(d.getUTCDate()),
      i_day: String(d.getUTCDate()),
      y_day: pad(Math.floor((d.getTime() - start) / 86_400_000), 3),
      hour: pad(d.getUTCHours()),
      minute: pad(d.getUTCMinutes()),
      second: pad(d.getUTCSeconds()),
    });
  }
  let template: string;
  if (input.permalink) template = input.permalink;
  else if (kind.kind === 'post') template = pattern(site.permalink);
  else if (kind.kind === 'collection') {
    const c = site.collections[kind.name];
    template = c?.permalink ? pattern(c.permalink) : '/:collection/:path:output_ext';
  } else if (basename === 'index') template = '/:path/';
  else template = pageTemplate(site.permalink);
  let path = fill(template, values);
  if (!path.startsWith('/')) path = `/${path}`;
  return encodePath(path);
}

/** The absolute URL of a note, or undefined when the site has no base URL. */
export function noteUrl(input: UrlInput, site: SiteConfig): string | undefined {
  if (!site.url) return undefined;
  return site.url.replace(/\/+$/, '') + siteBasePath(site) + jekyllUrlPath(input, site);
}

/** The site's `baseurl` as a path prefix: `/blog`, or empty. */
export function siteBasePath(site: SiteConfig): string {
  return site.baseurl ? `/${site.baseurl.replace(/^\/+|\/+$/g, '')}` : '';
}

/** A Jekyll post's date prefix (`2025-11-08-`), which a re-dated post changes and keeps its name without (publish/rename-match.ts). */
export const DATE_PREFIX = /^\d{4}-\d{1,2}-\d{1,2}-/;

/** The date of a Jekyll `YYYY-MM-DD-` file name, or undefined. */
export function dateFromFileName(file: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})-/.exec(file);
  if (!m) return undefined;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
