/**
 * A Jekyll site root as the notes folder: only what the site's build publishes is announced, by
 * Jekyll's own reading rules (issue 25, tester's F5). In process.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jekyllReadingOf, whyJekyllSkips } from '../../src/notes/jekyll-reading.js';
import { cliIn } from '../helpers/cli.js';
import { workerParseThreads } from '../helpers/parse-threads.js';
import { tempFolder } from '../helpers/temp-folder.js';

const published = (rel: string, site: Record<string, unknown> = {}, under = '') => whyJekyllSkips(rel, jekyllReadingOf(site, under)) === undefined;

describe("Jekyll's reading rules", () => {
  it('posts (in any folder read), pages and collections with a folder are read; other underscore, dot, # and backup names are not', () => {
    const site = { collections: { recipes: { output: true } } };
    for (const rel of ['_posts/2025-01-01-a.md', 'blog/_posts/2025-01-01-b.md', 'about.md', 'docs/guide.md', '_recipes/soup.md']) expect(published(rel, site), rel).toBe(true);
    for (const rel of ['_includes/follow.md', '_layouts/x.md', '_data/x.md', '_sass/x.md', '_notes/x.md', '_posts/_part.md', 'docs/_private/x.md', '#scratch.md', 'x.md~', '~tmp/x.md', 'docs/.hidden.md']) {
      expect(published(rel, site), rel).toBe(false);
    }
  });

  it('_drafts only with show_drafts (jekyll build --drafts), in any folder read', () => {
    expect(whyJekyllSkips('_drafts/idea.md', jekyllReadingOf({}, ''))).toMatch(/draft in _drafts/);
    expect(published('blog/_drafts/idea.md')).toBe(false);
    expect(published('_drafts/idea.md', { show_drafts: true })).toBe(true);
  });

  it('exclude: a folder, a file, a glob, and Jekyll 4 defaults; include overrides both exclude and the underscore rule', () => {
    const site = { exclude: ['private/', 'README.md', 'sync_*', './old'], include: ['_pages', 'private/keep.md'] };
    // An excluded folder is not read at all, so a file in it listed by include is not either (EntryFilter filters each level).
    for (const rel of ['private/salary.md', 'private/deep/x.md', 'private/keep.md', 'README.md', 'sync_notes.md', 'old/x.md', 'node_modules/pkg/readme.md', 'vendor/bundle/x.md']) expect(published(rel, site), rel).toBe(false);
    for (const rel of ['privately.md', 'docs/README.md.bak.md', '_pages/about.md', 'vendor/notes.md']) expect(published(rel, site), rel).toBe(true);
  });

  it('collections_dir: posts and drafts only inside it (Jekyll reads no _posts or _drafts elsewhere), collections there too', () => {
    const site = { collections_dir: 'my_collections', collections: { books: { output: true } } };
    for (const rel of ['my_collections/_posts/2025-01-01-a.md', 'my_collections/tech/_posts/2025-01-01-b.md', 'my_collections/_books/dune.md', 'about.md', 'my_collections/notes.md']) {
      expect(published(rel, site), rel).toBe(true);
    }
    for (const rel of ['_posts/2025-01-01-old.md', 'blog/_posts/2025-01-01-c.md', '_books/dune.md', 'my_collections/_drafts/idea.md', '_drafts/idea.md']) expect(published(rel, site), rel).toBe(false);
    expect(whyJekyllSkips('_posts/2025-01-01-old.md', jekyllReadingOf(site, ''))).toMatch(/outside collections_dir \(my_collections\).*my_collections\/_posts/);
    // Drafts with show_drafts: from my_collections/_drafts only, as posts.
    expect(published('my_collections/_drafts/idea.md', { ...site, show_drafts: true })).toBe(true);
    expect(whyJekyllSkips('_drafts/idea.md', jekyllReadingOf({ ...site, show_drafts: true }, ''))).toMatch(/outside collections_dir/);
    // A notes folder below the site root: its path in the site decides (`_posts` given as the notes folder, outside it).
    expect(published('2025-01-01-x.md', site, '_posts')).toBe(false);
    expect(published('2025-01-01-x.md', site, 'my_collections/_posts')).toBe(true);
    // Nested deeper: Jekyll's walk reads posts of every folder under it (Reader#outside_configured_directory? compares the start).
    expect(published('2025-01-01-x.md', { collections_dir: 'content/all' }, 'content/all/_posts')).toBe(true);
    expect(published('2025-01-01-x.md', { collections_dir: 'content/all' }, 'content/_posts')).toBe(false);
  });

  it('a notes folder below the site root is judged by its path in the site', () => {
    expect(published('x.md', { exclude: ['drafts-here'] }, 'drafts-here')).toBe(false);
    expect(published('x.md', {}, '_includes')).toBe(false);
    expect(published('2025-01-01-x.md', {}, '_posts')).toBe(true);
  });
});

describe('check and preview of a Jekyll site root (notes.jekyllConfig)', () => {
  it('say the same: _drafts/, _includes/ and an excluded folder are not announced, a post is', async () => {
    const dir = tempFolder('notecast-jekyll-');
    const notes = path.join(dir, 'site');
    const note = (rel: string, title: string) => {
      mkdirSync(path.dirname(path.join(notes, rel)), { recursive: true });
      writeFileSync(path.join(notes, rel), `---\ntitle: ${title}\n---\nA sentence about ${title}, long enough to be read.\n`);
    };
    note('_posts/2025-01-01-hello.md', 'Hello');
    note('_drafts/idea.md', 'Idea');
    note('_includes/follow.md', 'Follow');
    note('private/salary.md', 'Salary');
    writeFileSync(path.join(notes, '_config.yml'), 'url: https://blog.example.org\nexclude: [private/]\n');
    const cfg = path.join(dir, 'notecast.yaml');
    writeFileSync(cfg, `notes:\n  dir: site\n  jekyllConfig: site/_config.yml\nstore:\n  path: state/notecast.db\nroutes:\n  - { platform: console, chat: all }\n`);
    const parseThreads = workerParseThreads();
    const preview = await cliIn(['preview', '--json', notes, '--config', cfg], { parseThreads });
    const rows = preview.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; note: { draft: boolean }; controls: { effects: string[] } });
    const shown = new Map(rows.map((r) => [path.relative(notes, r.file), r]));
    expect(shown.get('_posts/2025-01-01-hello.md')?.note.draft).toBe(false);
    for (const rel of ['_drafts/idea.md', '_includes/follow.md', 'private/salary.md']) {
      expect(shown.get(rel)?.note.draft, rel).toBe(true);
      expect(shown.get(rel)?.controls.effects.join(' '), rel).toMatch(/not announced: not published by the Jekyll site/);
    }
    const check = await cliIn(['check', notes, '--config', cfg], { parseThreads });
    expect(check.code).toBe(0);
    expect(check.stderr).toMatch(/4 notes checked, 0 problems, 3 files the Jekyll site does not publish \(not announced\)/);
  });

  it('with collections_dir: a post there is announced at its URL (no collections_dir category), one in the root _posts is not', async () => {
    const dir = tempFolder('notecast-jekyll-');
    const notes = path.join(dir, 'site');
    const note = (rel: string, title: string) => {
      mkdirSync(path.dirname(path.join(notes, rel)), { recursive: true });
      writeFileSync(path.join(notes, rel), `---\ntitle: ${title}\n---\nA sentence about ${title}, long enough to be read.\n`);
    };
    note('my_collections/_posts/2025-01-01-hello.md', 'Hello');
    note('my_collections/tech/_posts/2025-01-02-rust.md', 'Rust');
    note('my_collections/_books/dune.md', 'Dune');
    note('my_collections/_drafts/idea.md', 'Idea');
    note('_posts/2024-12-31-left-behind.md', 'Left behind');
    writeFileSync(path.join(notes, '_config.yml'), 'url: https://blog.example.org\ncollections_dir: my_collections\ncollections:\n  books:\n    output: true\n');
    const cfg = path.join(dir, 'notecast.yaml');
    writeFileSync(cfg, `notes:\n  dir: site\n  jekyllConfig: site/_config.yml\nstore:\n  path: state/notecast.db\nroutes:\n  - { platform: console, chat: all }\n`);
    const preview = await cliIn(['preview', '--json', notes, '--config', cfg], { parseThreads: workerParseThreads() });
    const rows = preview.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; note: { draft: boolean; url?: string }; controls: { effects: string[] } });
    const shown = new Map(rows.map((r) => [path.relative(notes, r.file), r]));
    const urls = Object.fromEntries(['my_collections/_posts/2025-01-01-hello.md', 'my_collections/tech/_posts/2025-01-02-rust.md', 'my_collections/_books/dune.md'].map((rel) => [rel, shown.get(rel)?.note.draft === false ? shown.get(rel)?.note.url : 'not announced']));
    expect(urls).toEqual({
      'my_collections/_posts/2025-01-01-hello.md': 'https://blog.example.org/2025/01/01/hello.html',
      'my_collections/tech/_posts/2025-01-02-rust.md': 'https://blog.example.org/tech/2025/01/02/rust.html',
      'my_collections/_books/dune.md': 'https://blog.example.org/books/dune.html',
    });
    expect(shown.get('_posts/2024-12-31-left-behind.md')?.controls.effects.join(' ')).toMatch(/not announced: not published by the Jekyll site: _posts is outside collections_dir/);
    expect(shown.get('my_collections/_drafts/idea.md')?.controls.effects.join(' ')).toMatch(/draft in _drafts/);
  });
});
