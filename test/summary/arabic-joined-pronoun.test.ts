/**
 * Arabic writes "and" and "so" joined to the word after them: "وهو مناسب…" ("and it suits…"),
 * "فهي…" open on a bare pronoun as "هو…" does, and under a heading come only with the sentence
 * before them, never alone after another section's point; a demonstrative with its noun ("وهذا
 * النهج…") names what it points at and reads alone (issue 23, F9). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';
import { namesWhatItPointsAt, pointsBack } from '../../src/summary/tone.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(body: string): string[] {
  const { note, tokens } = parseNote('_posts/2025-01-01-db-ar.md', Buffer.from(`---\ntitle: قواعد البيانات\nlang: ar\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

const NOTE = `نقارن هنا بين ثلاث قواعد بيانات: PostgreSQL و SQLite و Redis.

## PostgreSQL

يخزن PostgreSQL البيانات في جداول ويدعم المعاملات الكاملة والاستعلامات المعقدة. وهو مناسب للتطبيقات الكبيرة متعددة المستخدمين.

## SQLite

تحفظ SQLite قاعدة البيانات كلها في ملف واحد على القرص دون خادم منفصل. فهي مناسبة لتطبيقات الهاتف والأدوات الصغيرة.

## Redis

يحتفظ Redis بالبيانات في الذاكرة ويقرؤها في أجزاء من الملّي ثانية. وهذا النهج يجعله مناسبًا للتخزين المؤقت.
`;

describe('an Arabic pronoun with "and" or "so" joined to it', () => {
  it('points back as the bare pronoun does; with its noun it names what it points at', () => {
    expect(pointsBack('وهو مناسب للتطبيقات الكبيرة.', 'ar')).toBe(true);
    expect(pointsBack('فهي مناسبة لتطبيقات الهاتف.', 'ar')).toBe(true);
    expect(namesWhatItPointsAt('وهذا النهج يجعله مناسبًا للتخزين المؤقت.', 'ar')).toBe(true);
    expect(pointsBack('وصل الإصدار الجديد أمس.', 'ar')).toBe(false); // a verb opening on و is no pronoun
  });

  it('is never shown unless the sentence it leans on comes right before it', () => {
    const shown = points(NOTE);
    expect(shown.length).toBeGreaterThan(2);
    shown.forEach((p, k) => {
      if (/^[وف](?:هو|هي)\s/u.test(p)) expect(shown[k - 1] ?? '').toMatch(/(?:PostgreSQL|SQLite) /u);
    });
  });
});
