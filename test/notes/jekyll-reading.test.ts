/**
 * A Jekyll site root as the notes folder: only what the site's build publishes is announced, by
 * Jekyll's own reading rules (issue 25, tester's F5). In process.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jekyllReadingOf, whyJekyllSkips } from '../../src/notes/jekyll-reading.js';
import { cliIn } from '../helpers/cli.js';
import { workerParseThreads } from '../helpers/parse-threads.js';

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

  it('a notes folder below the site root is judged by its path in the site', () => {
    expect(published('x.md', { exclude: ['drafts-here'] }, 'drafts-here')).toBe(false);
    expect(published('x.md', {}, '_includes')).toBe(false);
    expect(published('2025-01-01-x.md', {}, '_posts')).toBe(true);
  });
});

describe('check and preview of a Jekyll site root (notes.jekyllConfig)', () => {
  it('say the same: _drafts/, _includes/ and an excluded folder are not announced, a post is', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'notecast-jekyll-'));
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
});
