/**
 * Bold item labels that end their own sentence ("**Write runbooks.** They save nights."): the list's
 * point names each item without its full stop, never "Write runbooks., Rotate the pager., …"
 * (issue 23, F-low en-55). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(title: string, body: string, lang = 'en'): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-note-${lang}.md`, Buffer.from(`---\ntitle: ${title}\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

const ON_CALL = `Five rules keep an on-call week calm for the whole team:

- **Write runbooks.** They save nights.
- **Rotate the pager.** Nobody burns out.
- **Silence noisy alerts.** Real ones stand out.
- **Review each incident.** Lessons stick.
- **Hand over in writing.** Context survives.
`;

const ZHI_BAN = `值班一周保持平稳，靠这五条规矩：

- **写好手册。** 夜里省事。
- **轮换值班。** 没人累垮。
- **关掉吵闹的告警。** 真告警更显眼。
- **复盘每次事故。** 教训留得住。
`;

describe('labels ending their own sentence', () => {
  it('are named without their full stop (en)', () => {
    const got = points('Calm on-call', ON_CALL);
    const named = got.find((p) => p.includes('Write runbooks'));
    expect(named, got.join(' | ')).toBeDefined();
    expect(named).toContain('Write runbooks, Rotate the pager, Silence noisy alerts');
    for (const p of got) expect(p, p).not.toMatch(/[.。][,、]/u);
  });

  it('are named without their full stop (zh)', () => {
    const got = points('值班', ZHI_BAN, 'zh');
    const named = got.find((p) => p.includes('写好手册'));
    expect(named, got.join(' | ')).toBeDefined();
    for (const p of got) expect(p, p).not.toMatch(/[.。][,、]/u);
  });
});
