/**
 * Options that live in headings ("## Option A: Use a CDN", "**Option 2: Serverless**", "### 方案一：…")
 * keep their names in the points made of their sections: the text under such a heading weighs "it"
 * and never names the option (issue 23, tester round F09). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

const sections = (heading: (label: string, name: string) => string, labels: string[], parts: Array<[string, string]>) =>
  parts.map(([name, text], k) => `${heading(labels[k]!, name)}\n\n${text}`).join('\n\n');

const en: Array<[string, string]> = [
  ['Use a CDN', 'Static files load from edge servers close to every visitor, for a small monthly fee.'],
  ['Self-host the assets', 'Nginx serves the files from the same machine, which costs nothing but bandwidth.'],
];

describe('a counted option’s name', () => {
  const forms: Array<[string, (label: string, name: string) => string, string[]]> = [
    ['## Option A:', (label, name) => `## Option ${label}: ${name}`, ['A', 'B']],
    ['**Option 1:**', (label, name) => `**Option ${label}: ${name}**`, ['1', '2']],
    ['### Approach 1 –', (label, name) => `### Approach ${label} – ${name}`, ['1', '2']],
  ];
  for (const [form, heading, labels] of forms) {
    it(`leads its section’s point (en, ${form})`, () => {
      const points = pointsOf('en', `There are two ways to serve the assets of the site.\n\n${sections(heading, labels, en)}`);
      for (const [name, text] of en) expect(points).toContain(`${name}: ${text}`);
    });
  }

  it('leads its section’s point (zh, ### 方案一：)', () => {
    const zh: Array<[string, string]> = [
      ['Cloudflare', '静态文件从离访客最近的边缘节点加载，每月费用很低。'],
      ['自建 Nginx', '文件由同一台服务器提供，除了带宽没有额外费用。'],
    ];
    const points = pointsOf('zh', `静态资源有两种托管方式。\n\n${sections((label, name) => `### 方案${label}：${name}`, ['一', '二'], zh)}`);
    for (const [name, text] of zh) expect(points).toContain(`${name}：${text}`);
  });

  it('is not added where the point names it already, nor from one counted heading alone', () => {
    const named = pointsOf('en', `There are two ways to serve the assets.\n\n## Option A: Cloudflare\n\nCloudflare serves the files from edge servers close to every visitor.\n\n## Option B: Nginx\n\nNginx serves the files from the same machine, which costs nothing but bandwidth.`);
    expect(named).toContain('Cloudflare serves the files from edge servers close to every visitor.');
    const alone = pointsOf('en', `Most people in the north lack it in winter.\n\n## Vitamin D: why it matters\n\nThe body makes it from sunlight, which is scarce from October to March.`);
    expect(alone).toContain('The body makes it from sunlight, which is scarce from October to March.');
  });
});
