/**
 * Tester round (f25e): a chat with no language keeps showing a family's original when translations
 * join. Which member is the original used to be the first unmarked one in path order, so an English
 * post under `posts/` was edited to a Japanese translation under `ja/posts/` (`ja/` < `posts/`),
 * while `docs/` beside `ja/docs/` kept English. Now paths and reading order decide nothing.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { familyTargets } from '../../src/publish/family.js';
import type { NoteRow } from '../../src/store/types.js';
import { targetKey } from '../../src/store/types.js';
import { InProcessService, fileParseThreads } from '../helpers/inproc.js';

/** Shared by every start here (fileParseThreads): a start loads no parse thread again. */
const parseThreads = fileParseThreads();

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

// The tester's pairs: English in a plain folder, its Japanese translation (no `translated: true`) in a language folder.
const PAIRS = [
  ['posts/guide.md', 'ja/posts/guide.md'],
  ['notes/guide.md', 'ja/notes/guide.md'],
  ['zeta/guide.md', 'ja/guide.md'],
  ['docs/guide.md', 'ja/docs/guide.md'],
  ['en/guide.md', 'ja/guide.md'],
] as const;

const BODY: Record<string, string> = { en: 'English guide body words.', ja: 'ガイドの本文です。', zh: '指南的正文。', de: 'Deutscher Text der Anleitung.' };
const noteText = (lang: string) => `---\ntitle: Guide ${lang}\n---\n\n${BODY[lang]}\n`;

function service(): InProcessService {
  return InProcessService.sandbox({
    watch: { mode: 'native', quietMs: 40, reconcileMinutes: 0 },
    // A grace period longer than a batch split: files saved together choose their member together.
    publish: { translations: { mode: 'group', graceMs: 300 }, digest: { threshold: 1000 } },
    routes: [
      { platform: 'console', chat: 'all' },
      { platform: 'console', chat: 'ja', locale: 'ja' },
    ],
  }, { parseThreads });
}

function save(s: InProcessService, file: string, lang: string): void {
  mkdirSync(path.dirname(path.join(s.notes, file)), { recursive: true });
  writeFileSync(path.join(s.notes, file), noteText(lang));
}

describe('a chat with no language keeps its original when a translation joins', () => {
  it.each(PAIRS)('%s, then %s', { timeout: 30_000 }, async (en, ja) => {
    svc = service();
    await svc.start();
    save(svc, en, 'en');
    await svc.settle([en]);
    save(svc, ja, 'ja');
    await svc.settle([ja]);
    expect(svc.live('all')).toHaveLength(1);
    expect(svc.live('all')[0]!.noteId).toBe(en.replace(/\.md$/, ''));
    expect(svc.live('all')[0]!.text).toContain(BODY.en);
    expect(svc.live('all')[0]!.text).toContain('🌐 日本語');
    expect(svc.live('ja')[0]!.text).toContain(BODY.ja); // the chat's language still switches
    expect(svc.anomalies).toEqual([]);
  });

  it('a translation marked `translated: true` sent first gives way to the original when it comes', { timeout: 30_000 }, async () => {
    svc = service();
    await svc.start();
    mkdirSync(path.join(svc.notes, 'ja/posts'), { recursive: true });
    writeFileSync(path.join(svc.notes, 'ja/posts/guide.md'), `---\ntitle: Guide ja\ntranslated: true\n---\n\n${BODY.ja}\n`);
    await svc.settle(['ja/posts/guide.md']);
    expect(svc.live('all')[0]!.noteId).toBe('ja/posts/guide');
    save(svc, 'posts/guide.md', 'en');
    await svc.settle(['posts/guide.md']);
    expect(svc.live('all')).toHaveLength(1);
    expect(svc.live('all')[0]!.noteId).toBe('posts/guide');
    expect(svc.anomalies).toEqual([]);
  });

  // Generated families: languages laid out under any folders, saved in any order, some together.
  const dirs = ['', 'posts/', 'notes/', 'zeta/', 'docs/'];
  const familyArb = fc
    .record({
      langs: fc.uniqueArray(fc.constantFrom('en', 'ja', 'zh', 'de'), { minLength: 2, maxLength: 3 }),
      dir: fc.constantFrom(...dirs),
      inLangFolder: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      cuts: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
    })
    .map(({ langs, dir, inLangFolder, cuts }) => {
      const files = langs.map((lang, i) => ({ lang, file: inLangFolder[i] && lang !== 'en' ? `${lang}/${dir}guide.md` : `${dir}guide-${lang}.md` }));
      const steps: (typeof files)[] = [[files[0]!]];
      files.slice(1).forEach((f, i) => (cuts[i] ? steps.push([f]) : steps[steps.length - 1]!.push(f)));
      return steps;
    });

  it('in the service: after its first post, a plain chat shows the same member whatever joins', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(familyArb, async (steps) => {
        const s = service();
        try {
          await s.start();
          let first: string | null | undefined;
          for (const step of steps) {
            for (const f of step) save(s, f.file, f.lang);
            await s.settle(step.map((f) => f.file));
            expect(s.live('all')).toHaveLength(1);
            first ??= s.live('all')[0]!.noteId;
            expect(s.live('all')[0]!.noteId, JSON.stringify(steps)).toBe(first);
          }
          // Saved together: English if among them, else the first language code (never the path).
          const together = steps[0]!.map((f) => f.lang).sort();
          const expected = together.includes('en') ? 'en' : together[0];
          expect(steps[0]!.find((f) => f.file.replace(/\.md$/, '') === first)?.lang, JSON.stringify(steps)).toBe(expected);
          expect(s.anomalies).toEqual([]);
        } finally {
          await s.stop();
          rmSync(path.dirname(s.notes), { recursive: true, force: true });
        }
      }),
      { seed: 2525, numRuns: 6 },
    );
  });
});

describe('familyTargets: the member a plain chat keeps (pure)', () => {
  const config = configSchema.parse({ routes: [{ platform: 'console', chat: 'all' }] });
  const row = (id: string, lang: string): NoteRow => ({
    id,
    file: `${id}.md`,
    hash: id,
    summaryHash: null,
    state: 'published',
    dueAt: null,
    revision: 1,
    announced: true,
    info: { file: `${id}.md`, title: id, lang, locale: lang, tags: [], translationKey: 'guide', draft: false, original: true },
    summary: null,
    error: null,
  });
  it('two regions of a language: the chat’s own exactly, else the original among them, whatever the paths', () => {
    const chats = configSchema.parse({
      routes: [
        { platform: 'console', chat: 'br', locale: 'pt-BR' },
        { platform: 'console', chat: 'pt-only', filter: { lang: ['pt'] } },
        { platform: 'console', chat: 'pt-pt', locale: 'pt-PT' },
      ],
    }).routes;
    for (const [a, b] of [['a', 'z'], ['z', 'a']] as const) {
      const br = { ...row(`${a}/guide`, 'pt-BR'), info: { ...row(`${a}/guide`, 'pt-BR').info, lang: 'pt-br' } };
      const pt = row(`${b}/guide`, 'pt');
      const shown = Object.fromEntries(familyTargets([br, pt].sort((x, y) => x.id.localeCompare(y.id)), chats, [], new Set(['console'])).map((ft) => [ft.target.chat, ft.member.info.lang]));
      expect(shown).toEqual({ br: 'pt-br', 'pt-only': 'pt', 'pt-pt': 'pt' });
    }
  });

  const pathArb = fc.stringMatching(/^[a-z_]{1,6}(\/[a-z_]{1,6})?$/);

  it('translations joining in any order, under any paths, never take a sent original’s place', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom('en', 'ja', 'zh', 'de', 'ko'), { minLength: 2, maxLength: 5 }), fc.array(pathArb, { minLength: 5, maxLength: 5 }), (langs, dirs) => {
        const members = langs.map((lang, i) => row(`${dirs[i]}/guide-${i}`, lang));
        let sent: string | undefined;
        for (let n = 1; n <= members.length; n++) {
          // Read as the store reads a family: by id, i.e. by path.
          const present = members.slice(0, n).sort((a, b) => a.id.localeCompare(b.id));
          const [ft] = familyTargets(present, config.routes, [], new Set(['console']), (t) => (targetKey(t) === 'console:all' ? sent : undefined));
          sent ??= ft!.member.id;
          expect(ft!.member.id).toBe(sent);
        }
      }),
      { seed: 8, numRuns: 300 },
    );
  });
});
