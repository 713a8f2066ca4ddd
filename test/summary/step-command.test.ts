/**
 * A numbered step that leads in to its command ("2. Show what is staged:") with the command's block
 * right after the list, not indented under the step: Markdown ends the list there, yet the block is
 * the step's. The step is shown with its command, between the steps around it (issue 23: "drops the
 * command"). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(body: string, lang: string): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-staging-${lang}.md`, Buffer.from(`---\ntitle: Staging in git\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

const fence = '```';

describe('a step leading in to the command after its list', () => {
  const notes = [
    {
      lang: 'en',
      body: `Staging lets you commit part of your work and keep the rest for later.

1. Pick the hunks to stage with \`git add -p\`.
2. Show what is staged:

${fence}
git diff --staged
${fence}

You should see output like:

${fence}
+ added line
${fence}

3. Record the staged hunks with \`git commit\`, and leave the rest in the working tree.
`,
      step: 'Show what is staged: git diff --staged',
    },
    {
      lang: 'de',
      body: `Mit dem Staging committen Sie einen Teil Ihrer Arbeit und behalten den Rest für später.

1. Wählen Sie die Abschnitte mit \`git add -p\` aus.
2. Zeigen Sie an, was vorgemerkt ist:

${fence}
git diff --staged
${fence}

3. Speichern Sie die vorgemerkten Abschnitte mit \`git commit\` und lassen Sie den Rest im Arbeitsverzeichnis.
`,
      step: 'Zeigen Sie an, was vorgemerkt ist: git diff --staged',
    },
  ];
  for (const { lang, body, step } of notes) {
    it(`in ${lang}: is shown with its command, between the steps around it`, () => {
      const got = points(body, lang);
      const at = got.indexOf(step);
      expect(at).toBeGreaterThan(0);
      expect(got[at - 1]).toMatch(/git add -p/);
      expect(got[at + 1]).toMatch(/git commit/);
    });
  }

  it('takes no block of several lines, nor one after a step that leads in to nothing', () => {
    const several = points(`Staging lets you commit part of your work and keep the rest for later.\n\n1. Pick the hunks to stage with \`git add -p\`.\n2. Show what is staged:\n\n${fence}\ngit diff --staged\ngit status --short\n${fence}\n`, 'en');
    expect(several.some((p) => p.startsWith('Show what is staged'))).toBe(false);
    const statement = points(`Staging lets you commit part of your work and keep the rest for later.\n\n1. Pick the hunks to stage with \`git add -p\`.\n2. Check the staged hunks before you commit them.\n\n${fence}\ngit diff --staged\n${fence}\n`, 'en');
    expect(statement).toContain('Check the staged hunks before you commit them.');
    expect(statement.some((p) => p.includes('git diff --staged'))).toBe(false);
  });
});
