/**
 * A long list read only as far as its first items (issue 23: "100 key points for the exam" never named
 * determinants or eigenvalues, which its items come back to only after the sixteenth): a subject the
 * list keeps naming further down is offered, and weighs as often as the list names it. Notes written
 * for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText, SpanTable } from '../../src/summary/inline.js';
import { itemsOffered } from '../../src/summary/long-lists.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(title: string, body: string, lang = 'en'): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-note-${lang}.md`, Buffer.from(`---\ntitle: ${title}\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

/** A numbered list of items, one sentence each, as exam notes are written. */
function numbered(items: readonly string[]): string {
  return items.map((item, i) => `${i + 1}. ${item}`).join('\n\n');
}

// Sixteen items on as many subjects, then the subject the rest of the list keeps coming back to.
const EARLY = [
  'Astronomy studies objects and events beyond the Earth.',
  'A light year is the distance light travels in one year.',
  'The Sun is a main sequence star of spectral class G.',
  'Planets orbit the Sun on elliptical paths.',
  'Kepler described planetary motion with three laws.',
  'The Moon always shows the same face to the Earth.',
  'Tides are caused mainly by the gravity of the Moon.',
  'Comets grow tails when they come close to the Sun.',
  'Meteors are small rocks burning up in the atmosphere.',
  'Jupiter is the largest planet of the solar system.',
  'Saturn has the most visible ring system.',
  'A solar eclipse happens when the Moon hides the Sun.',
  'Galaxies hold billions of stars bound by gravity.',
  'The Milky Way is a barred spiral galaxy.',
  'Black holes trap everything that crosses their horizon.',
  'Neutron stars are the collapsed cores of massive stars.',
];
const LATER = [
  'Telescopes collect light with mirrors or lenses.',
  'Spectroscopy splits starlight into its colours.',
  'Radio telescopes observe cold gas between the stars.',
  'Absorption lines in spectroscopy reveal which elements a star holds.',
  'Parallax measures the distance to nearby stars.',
  'Doppler spectroscopy finds planets by the wobble of their star.',
  'Variable stars change their brightness over time.',
  'Redshift seen by spectroscopy shows that galaxies move away.',
  'Supernovae outshine whole galaxies for weeks.',
  'Spectroscopy of the cosmic background gives the age of the universe.',
  'Dark matter is inferred from the motion of galaxies.',
  'Exoplanet atmospheres are read by transit spectroscopy.',
  'The Big Bang theory describes the early universe.',
  'Space probes have visited every planet of the solar system.',
];

const ASTRONOMY = `Here are 30 key points for the astronomy exam:\n\n${numbered([...EARLY, ...LATER])}\n`;

// The same shape in Chinese: 光谱 (spectroscopy) only in the list's later items.
const EARLY_ZH = [
  '天文学研究地球以外的天体和现象。',
  '光年是光在一年中传播的距离。',
  '太阳是一颗主序星。',
  '行星沿椭圆轨道绕太阳运行。',
  '开普勒用三条定律描述行星运动。',
  '月球总是以同一面朝向地球。',
  '潮汐主要由月球的引力引起。',
  '彗星接近太阳时会长出彗尾。',
  '流星是在大气中燃烧的小岩石。',
  '木星是太阳系中最大的行星。',
  '土星拥有最明显的光环。',
  '日食发生在月球遮住太阳的时候。',
  '星系由引力束缚的数十亿颗恒星组成。',
  '银河系是一个棒旋星系。',
  '黑洞会困住越过视界的一切。',
  '中子星是大质量恒星坍缩的核心。',
];
const LATER_ZH = [
  '望远镜用反射镜或透镜收集光线。',
  '光谱分析把星光分解成不同颜色。',
  '射电望远镜观测恒星之间的冷气体。',
  '光谱中的吸收线揭示恒星含有哪些元素。',
  '视差用于测量近邻恒星的距离。',
  '多普勒光谱通过恒星的摆动发现行星。',
  '变星的亮度随时间变化。',
  '光谱中的红移表明星系正在远离。',
  '超新星在几周内比整个星系还亮。',
  '宇宙背景的光谱给出宇宙的年龄。',
  '暗物质是从星系的运动推断出来的。',
  '凌星光谱可以读出系外行星的大气。',
  '大爆炸理论描述了早期宇宙。',
  '探测器已经访问过太阳系的每一颗行星。',
];

const ASTRONOMY_ZH = `以下是天文学考试的30个关键点：\n\n${numbered([...EARLY_ZH, ...LATER_ZH])}\n`;

describe('a long list', () => {
  it('names a subject its items come back to after the first sixteen', () => {
    const got = points('Astronomy exam', ASTRONOMY);
    expect(got.join('\n')).toMatch(/spectroscopy/i);
  });

  it('does so in Chinese, where terms are character pairs', () => {
    const got = points('天文学', ASTRONOMY_ZH, 'zh');
    expect(got.join('\n')).toContain('光谱');
  });

  it('keeps its lead-in with its first items', () => {
    const got = points('Astronomy exam', ASTRONOMY);
    expect(got.some((p) => p.startsWith('30 key points for the astronomy exam: '))).toBe(true);
  });

  it('offers the items naming its recurring subject, then its next items when none is left', () => {
    const texts = [...EARLY, ...LATER];
    const got = itemsOffered(texts, new SpanTable(), 4, 8);
    expect(got.slice(0, 4)).toEqual([0, 1, 2, 3]);
    expect(got.filter((i) => /spectroscopy/i.test(texts[i]!)).length).toBeGreaterThan(0);
    // Twenty items with no word in common: the first eight, as a list of eight or fewer offers.
    const unrelated = Array.from({ length: 20 }, (_, i) => `Item${i} alpha${i} beta${i} gamma${i}.`);
    expect(itemsOffered(unrelated, new SpanTable(), 4, 8)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
