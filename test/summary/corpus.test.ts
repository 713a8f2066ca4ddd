import { describe, expect, it } from 'vitest';
import { buildSummary, DEFAULT_SUMMARY_OPTIONS } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';
import { renderAll } from '../../src/render/index.js';
import { DISCORD_LIMITS, embedTotalLength } from '../../src/render/discord.js';
import { manifest } from '../helpers/corpus.js';
import { corpusSummaries, corpusSummaryOf } from '../helpers/corpus-summaries.js';
import { discordVisibleText, proseOf, RESIDUE, SCRIPT_OF, telegramVisible } from '../helpers/visible.js';

describe.each(manifest().map((r) => [r.path] as const))('summary of %s', (rel) => {
  it('has points in the note’s script, no residue, and fits every limit', async () => {
    const { note, summary: s } = await corpusSummaryOf(rel);
    expect(s.keyPoints.length).toBeGreaterThanOrEqual(1);
    expect(s.keyPoints.length).toBeLessThanOrEqual(5);
    const script = SCRIPT_OF[note.lang] ?? /\p{L}/u;
    for (const point of s.keyPoints) {
      const p = pointText(point);
      const words = proseOf(point);
      expect(p.length).toBeLessThanOrEqual(200);
      expect(words).not.toMatch(RESIDUE);
      expect(words).not.toMatch(/\\\(|\\\[|\$\$/); // no raw MathJax
      expect(p.trim()).toBe(p);
    }
    // No point is said whole within another (an item beside the list point that names it).
    const said = s.keyPoints.map((p) => ` ${pointText(p).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `);
    for (const [i, p] of said.entries()) expect(said.filter((q, k) => k !== i && q.includes(p)), p).toEqual([]);
    // Points are in the note's own language: most of them carry its script.
    const inScript = s.keyPoints.filter((p) => script.test(pointText(p))).length;
    expect(inScript).toBeGreaterThanOrEqual(Math.ceil(s.keyPoints.length / 2));
    expect(s.links.length).toBeLessThanOrEqual(5);
    for (const l of s.links) {
      expect(l.url).toMatch(/^https?:\/\//);
      expect(l.text.length).toBeGreaterThan(0);
    }
    expect(new Set(s.links.map((l) => l.url)).size).toBe(s.links.length);

    const r = renderAll(s);
    const embed = r.discord.embeds[0]!;
    expect(r.discord.allowed_mentions).toEqual({ parse: [] });
    expect(embed.title!.length).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect((embed.description ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    for (const f of embed.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    expect(embedTotalLength(embed)).toBeLessThanOrEqual(DISCORD_LIMITS.total);
    expect(discordVisibleText(embed).length).toBeLessThanOrEqual(DEFAULT_SUMMARY_OPTIONS.maxChars);
    expect(telegramVisible(r.telegram.text).length).toBeLessThanOrEqual(DEFAULT_SUMMARY_OPTIONS.maxChars);
    expect(r.telegram.parse_mode).toBe('HTML');
  });
});

describe('summaries of particular notes', () => {
  const read = corpusSummaryOf;

  it('prefers the references section for links, labelled with their text', async () => {
    const { note, tokens } = await read('_posts/hi/2025-10-05-llama-4-hype-reality-hi.md');
    // Room for links beside this note's five long points: which links come first is the point here.
    const s = buildSummary(note, tokens, { ...DEFAULT_SUMMARY_OPTIONS, maxChars: 2000 });
    expect(s.links[0]).toEqual({ text: 'Mark Zuckerberg on Llama 4 Training Progress', url: 'https://www.reddit.com/r/LocalLLaMA/comments/1id6gcj/mark_zuckerberg_on_llama_4_training_progress/' });
    // Reference titles are links, not key points.
    expect(s.keyPoints.map(pointText).join(' ')).not.toContain('Mark Zuckerberg on Llama 4');
    expect(s.keyPoints.every((p) => /\p{Script=Devanagari}/u.test(pointText(p)))).toBe(true);
  });

  it('compacts a Chinese list of short items under its lead-in', async () => {
    const { summary } = await read('notes/2025-01-16-linear-algebra-zh.md');
    const points = summary.keyPoints.map(pointText);
    // Joined as Chinese joins a list (、 or, between items holding commas, ；, and ：), never with ASCII ", "; the lead-in without "以下是", which only presents it (issue 23).
    // Its items named are the short ones: "线性代数是研究向量空间及其之间线性映射的数学分支" (22 Han characters) is a sentence, no name (issue 23, F8),
    // and "它主要解决线性方程组的问题", which leans on it, is not named without it (list-name-leans.test.ts).
    expect(points[0]).toMatch(/^关于线性代数考试的100个关键点，基于之前提到的内容：向量是具有大小和方向的对象[、；]/);
    expect(points[0]).not.toContain('它主要');
    expect(points.length).toBeGreaterThanOrEqual(3);
    for (const p of points) expect(p).not.toMatch(/[:：]$/);
  });

  it('turns MathJax into readable text', async () => {
    const { summary } = await read('notes/2025-10-19-rms-voltage-calculation-en.md');
    const text = summary.keyPoints.map(pointText).join('\n');
    expect(text).toContain('V_RMS');
    expect(text).not.toMatch(/\\frac|\\sqrt|\\omega/);
  });

  it('never makes points of code, tables or front matter', async () => {
    const { summary: s } = await read('notes/2025-10-18-boolean-algebra-karnaugh-en.md');
    for (const p of s.keyPoints) expect(pointText(p)).not.toMatch(/\|\s*-{2,}|^\s*\||layout:|```/);
  });
});

describe('on the whole corpus', () => {
  const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
  const squash = (t: string) => t.replace(/\s+/g, ' ');

  it('no point is a lead-in without its code, a fragment, or carries residue; every code span is whole', async () => {
    let points = 0;
    let withCode = 0;
    for (const { rel, note, summary } of await corpusSummaries()) {
      const source = squash(note.body);
      for (const point of summary.keyPoints) {
        points++;
        const text = pointText(point);
        const last = point[point.length - 1]!;
        if (last.style !== 'code') expect(text, `${rel}: ${text}`).not.toMatch(/[:：]$/);
        if (!CJK.test(text)) expect(text.length, `${rel}: ${text}`).toBeGreaterThanOrEqual(4);
        expect(proseOf(point), rel).not.toMatch(RESIDUE);
        for (const run of point.filter((r) => r.style === 'code')) {
          withCode++;
          expect(source, `${rel}: code ${run.text}`).toContain(squash(run.text));
        }
      }
    }
    expect(points).toBeGreaterThan(manifest().length);
    expect(withCode).toBeGreaterThan(0);
  });
});
