/**
 * List items in lower case finish their lead-in's sentence ("The night bus runs for:" then "- shift
 * workers leaving…"): they read under the lead-in, never alone as fragments (issue 23). Notes written
 * for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';
import { continuingLeadIn } from '../../src/summary/lead-in-items.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(body: string, lang: string): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-note-${lang}.md`, Buffer.from(body), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

const cases: Array<{ lang: string; lead: string; items: string[]; around: [string, string, string] }> = [
  {
    lang: 'en',
    lead: 'The night service is meant for a few riders only:',
    items: ['shift workers leaving hospitals and factories between midnight and five in the morning', 'students of the two campuses holding a valid term pass'],
    around: ['The city runs two bus services.', 'The day service stops at every corner of the old town.', 'Both services are free on public holidays.'],
  },
  {
    lang: 'fr',
    lead: 'La carte senior est réservée à quelques voyageurs :',
    items: ['les retraités résidant dans la région depuis au moins deux ans', 'les conjoints de ces retraités lorsqu’ils voyagent avec eux'],
    around: ['Le réseau propose deux cartes de réduction.', 'La carte jeune couvre tous les trajets en semaine.', 'Les deux cartes se commandent en ligne.'],
  },
];

describe('items that finish their lead-in', () => {
  for (const { lang, lead, items, around } of cases) {
    it(`read under it, not alone (${lang})`, () => {
      const body = `---\ntitle: "T"\nlang: ${lang}\n---\n\n${around[0]}\n\n${around[1]}\n\n${lead}\n\n${items.map((i) => `- ${i}`).join('\n')}\n\n${around[2]}\n`;
      const got = points(body, lang);
      const stem = lead.replace(/\s*:$/, '');
      expect(got.some((p) => p.startsWith(stem) && p.includes(items[0]!)), JSON.stringify(got)).toBe(true);
      for (const item of items) expect(got, JSON.stringify(got)).not.toContain(item);
    });
  }
});

describe('items in a script without capitals', () => {
  it('opening with a Latin term in lower case do not finish the lead-in: the term is their subject (lower-start.ts)', () => {
    const items = ['npm install 会安装 package.json 里列出的全部依赖', 'git commit 会把暂存区的改动记录成一个新的提交'].map((text) => ({ text, code: undefined }));
    expect(continuingLeadIn('日常开发里最常用的两条命令：', items)).toBeUndefined();
    // The same shape in a cased script still goes on from its lead-in.
    expect(continuingLeadIn('Two commands come up every day:', [{ text: 'npm install, which installs every dependency', code: undefined }, { text: 'git commit, which records the staged changes', code: undefined }])).toHaveLength(2);
  });
});
