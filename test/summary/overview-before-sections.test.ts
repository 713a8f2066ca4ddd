/**
 * An overview ending in a colon before the note's sections ("There are three ways to …:" then
 * "## Option 1: …") says what the sections cover: it is the note's first point, as it is when it
 * ends in a full stop (issue 23, item 6). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

const sections = (h: string, a: string, b: string) => `## ${h} 1: ${a}\n\n${a} keeps the tests close to the code.\n\n## ${h} 2: ${b}\n\n${b} runs the tests in parallel on every push.`;

describe('an overview before the sections', () => {
  const cases: Array<[string, string, string]> = [
    ['en', 'There are two common ways to run unit tests in a monorepo:', 'There are two common ways to run unit tests in a monorepo.'],
    ['es', 'Hay dos formas habituales de ejecutar pruebas en un monorepo:', 'Hay dos formas habituales de ejecutar pruebas en un monorepo.'],
    ['de', 'Es gibt zwei übliche Wege, Tests in einem Monorepo auszuführen:', 'Es gibt zwei übliche Wege, Tests in einem Monorepo auszuführen.'],
    ['zh', '在单体仓库里运行单元测试有两种常见方式：', '在单体仓库里运行单元测试有两种常见方式。'],
  ];
  for (const [lang, overview, point] of cases) {
    it(`ending in a colon is the first point, closed as a sentence (${lang})`, () => {
      const points = pointsOf(lang, `${overview}\n\n${sections('Option', 'Vitest', 'Bazel')}`);
      expect(points[0]).toBe(point);
    });
  }

  it('is no point when it stops short of its object', () => {
    const points = pointsOf('en', `Install the tools with:\n\n${sections('Option', 'Vitest', 'Bazel')}`);
    expect(points.some((p) => p.startsWith('Install the tools'))).toBe(false);
  });
});

describe('a lead-in before the sections that names nothing itself', () => {
  it('stays no point: pointing ahead, or presenting the answer', () => {
    const ahead = pointsOf('en', `Good tests are fast and isolated. Follow these rules:\n\n${sections('Rule', 'Vitest', 'Bazel')}`);
    expect(ahead.some((p) => p.startsWith('Follow these rules'))).toBe(false);
    const presenting = pointsOf('en', `Here's a short guide to unit tests in a monorepo:\n\n${sections('Option', 'Vitest', 'Bazel')}`);
    expect(presenting.some((p) => p.includes('short guide'))).toBe(false);
  });
});
