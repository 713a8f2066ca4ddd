/**
 * Which files of a Jekyll site its build publishes, by Jekyll's own reading rules. Pure.
 *
 * Jekyll filters every folder's entries (EntryFilter): a name starting with `.`, `_`, `#` or `~`, or
 * ending with `~`, is not read, nor is one matched by `exclude` (relative to the site's source, added
 * to Jekyll 4's defaults), unless `include` matches it (Jekyll 4: `include` overrides `exclude`).
 * Of the underscore folders, only `_posts` (in any folder read) and the site's collections (`_<name>`
 * at `collections_dir`) hold pages; `_drafts` holds posts published only by `jekyll build --drafts`
 * (`show_drafts: true`); `_includes`, `_layouts`, `_data`, `_sass` and the rest are never pages.
 * With `collections_dir: my_collections`, posts and drafts are read only inside it
 * (`my_collections/_posts`, `my_collections/_drafts`: "you will need to move your _drafts and _posts
 * directory", jekyllrb.com/docs/collections/): a `_posts` elsewhere is never read, and, being an
 * underscore folder, never a page either. Jekyll's Reader#outside_configured_directory? decides it
 * by the folder holding `_posts` (`/blog`, site-relative with a leading slash) starting with
 * `/<collections_dir>`, the setting as written; so does `postsOutside`.
 * Sources: https://jekyllrb.com/docs/configuration/options/ (Exclude, Include),
 * https://jekyllrb.com/docs/structure/, https://jekyllrb.com/docs/posts/#drafts,
 * https://jekyllrb.com/docs/collections/ ("Gather your collections"), and jekyll/jekyll's
 * lib/jekyll/entry_filter.rb and lib/jekyll/reader.rb (retrieve_posts).
 */

/** What of a site's `_config.yml` decides which files are read, and where the notes folder is in the site. */
export interface JekyllReading {
  /** The notes folder's path under the site's source, `/`-separated; '' when it is the site root. */
  notesUnder: string;
  exclude: string[];
  include: string[];
  showDrafts: boolean;
  /** Folders holding pages besides `_posts`: `_<name>` of each collection but posts, under `collections_dir`. */
  collectionFolders: string[];
  /** `collections_dir` as written ('' when unset): posts and drafts are read only inside it. */
  collectionsDir: string;
}

/** Jekyll 4's default `exclude` list (the docs' Exclude entry), which a site's own entries add to. */
const DEFAULT_EXCLUDE = ['.sass-cache/', '.jekyll-cache/', 'gemfiles/', 'Gemfile', 'Gemfile.lock', 'node_modules/', 'vendor/bundle/', 'vendor/cache/', 'vendor/gems/', 'vendor/ruby/'];

/** Names Jekyll sets aside as hidden, backup or site content (EntryFilter#special?, #backup?). */
function isSpecialName(name: string): boolean {
  return /^[._#~]/.test(name) || name.endsWith('~');
}

function stringList(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The reading rules of a site config read from `_config.yml`; `notesUnder` is the notes folder's path under the site's source. */
export function jekyllReadingOf(site: Record<string, unknown>, notesUnder: string): JekyllReading {
  const collections = site['collections'];
  const names = Array.isArray(collections) ? stringList(collections) : collections && typeof collections === 'object' ? Object.keys(collections) : [];
  const collectionsDir = typeof site['collections_dir'] === 'string' ? site['collections_dir'] : '';
  const dir = trimSlashes(collectionsDir);
  return {
    notesUnder: trimSlashes(notesUnder.split('\\').join('/')),
    exclude: [...DEFAULT_EXCLUDE, ...stringList(site['exclude'])],
    include: stringList(site['include']),
    showDrafts: site['show_drafts'] === true,
    collectionFolders: names.filter((n) => n !== 'posts').map((n) => (dir ? `${dir}/_${n}` : `_${n}`)),
    collectionsDir,
  };
}

function trimSlashes(p: string): string {
  return p.replace(/^(\.\/)+/, '').replace(/^\/+|\/+$/g, '');
}

/** Ruby's File.fnmatch without flags (how Jekyll matches `exclude` and `include`): `*` and `?` also match `/`. */
function fnmatch(pattern: string, entry: string): boolean {
  const re = pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*+/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${re}$`, 's').test(entry);
}

/** EntryFilter#glob_include?: a pattern matches the entry, or the entry starts with it, both with a leading slash. */
function matchesAny(patterns: string[], entry: string): boolean {
  const e = `/${entry}`;
  return patterns.some((p) => {
    const item = `/${trimSlashes(p)}${p.endsWith('/') ? '/' : ''}`;
    return fnmatch(item, e) || e.startsWith(item) || `${e}/` === item;
  });
}

/** Reader#outside_configured_directory?: with `collections_dir` set, a folder whose path (site-relative, leading slash) does not start with `/<collections_dir>` holds no posts or drafts Jekyll reads. */
function postsOutside(holder: string[], collectionsDir: string): boolean {
  return collectionsDir !== '' && !holder.map((p) => `/${p}`).join('').startsWith(`/${collectionsDir}`);
}

/**
 * Why the site's build does not publish the file at `rel` (relative to the notes folder), or undefined
 * when it does. Each folder level is filtered as Jekyll filters a folder's entries.
 */
export function whyJekyllSkips(rel: string, r: JekyllReading): string | undefined {
  const parts = (r.notesUnder ? `${r.notesUnder}/${rel}` : rel).split('/');
  for (let i = 0; i < parts.length; i++) {
    const entry = parts.slice(0, i + 1).join('/');
    if (matchesAny(r.include, entry)) continue;
    if (matchesAny(r.exclude, entry)) return `not published by the Jekyll site: ${entry} is excluded by _config.yml (exclude)`;
    if (!isSpecialName(parts[i]!)) continue;
    const folder = i < parts.length - 1;
    if (folder && r.collectionFolders.includes(entry)) continue;
    if (folder && (parts[i] === '_posts' || parts[i] === '_drafts') && postsOutside(parts.slice(0, i), r.collectionsDir)) {
      return `not published by the Jekyll site: ${entry} is outside collections_dir (${r.collectionsDir}), and Jekyll reads posts and drafts only from ${trimSlashes(r.collectionsDir)}/_posts and ${trimSlashes(r.collectionsDir)}/_drafts`;
    }
    if (folder && parts[i] === '_posts') continue;
    if (folder && parts[i] === '_drafts') {
      if (r.showDrafts) continue;
      return 'not published by the Jekyll site: a draft in _drafts (published only by `jekyll build --drafts`, show_drafts)';
    }
    return `not published by the Jekyll site: ${entry} starts with '${parts[i]![0]}' or is a backup, and Jekyll reads no such ${folder ? 'folder' : 'file'} (include: lists it to read it)`;
  }
  return undefined;
}
