/** Summaries of what a programming blog holds: code, commands, Jekyll and kramdown, tables, links. */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary, DEFAULT_SUMMARY_OPTIONS } from '../../src/summary/build.js';
import { pointText, type KeyPoint } from '../../src/summary/inline.js';
import { renderAll } from '../../src/render/index.js';
import { TELEGRAM_MAX_TEXT } from '../../src/render/telegram.js';
import { validateMessage } from '../fakes/discord/limits.js';
import { parseTelegramHtml } from '../fakes/telegram/html.js';
import { discordVisibleText, proseOf, RESIDUE } from '../helpers/visible.js';

const site = { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {}, title: 'Ex Notes' };
const withSite: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site };
const noSite: ReadOptions = { ...withSite, site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function summarise(body: string, opts = withSite, rel = '_posts/2025-01-01-note-en.md') {
  const { note, tokens } = parseNote(rel, Buffer.from(body), opts);
  const summary = buildSummary(note, tokens);
  return { summary, points: summary.keyPoints.map(pointText), ...renderAll(summary) };
}

const codeOf = (points: KeyPoint[]) => points.flatMap((p) => p.filter((r) => r.style === 'code').map((r) => r.text));

function assertClean(r: ReturnType<typeof summarise>) {
  for (const p of r.summary.keyPoints) expect(proseOf(p)).not.toMatch(RESIDUE);
  expect(validateMessage(r.discord)).toEqual([]);
  const tg = parseTelegramHtml(r.telegram.text);
  expect(tg.ok, tg.ok ? '' : tg.error).toBe(true);
  if (tg.ok) expect(tg.text.length).toBeLessThanOrEqual(DEFAULT_SUMMARY_OPTIONS.maxChars);
  expect(discordVisibleText(r.discord.embeds[0]!).length).toBeLessThanOrEqual(DEFAULT_SUMMARY_OPTIONS.maxChars);
}

describe('code spans', () => {
  const spans = ['Vec<u8>', 'HashMap<String, Vec<u32>>', '#include <stdio.h>', '__init__', '**kwargs', 'List<String>', '<script>x</script>', '{{ site.url }}', 'a & b'];

  it('keep their text in full, shown as code on each platform', () => {
    // Five points fit the budget: every one is shown, so every span's rendering is checked.
    const r = summarise(spans.slice(0, 5).map((c, i) => `Point ${i} uses \`${c}\` in its code.`).join('\n\n'));
    assertClean(r);
    const all = [...codeOf(r.summary.keyPoints)];
    for (const c of spans.slice(0, 5)) expect(all).toContain(c);
    expect(r.telegram.text).toContain('<code>Vec&lt;u8&gt;</code>');
    expect(r.telegram.text).toContain('<code>HashMap&lt;String, Vec&lt;u32&gt;&gt;</code>');
    expect(r.discord.embeds[0]!.description).toContain('`#include <stdio.h>`');
    expect(r.discord.embeds[0]!.description).toContain('`__init__`');
    expect(r.text).toContain('Point 4 uses **kwargs in its code.');
  });

  it('keep every kind of text literally, including backticks and Liquid', () => {
    const r = summarise('Use ``a `tick` b`` here. Then `{{ page.title }}` and `{% raw %}{{ x }}{% endraw %}` shows Liquid.');
    assertClean(r);
    expect(codeOf(r.summary.keyPoints)).toEqual(['a `tick` b', '{{ page.title }}', '{{ x }}']);
    expect(r.discord.embeds[0]!.description).toContain('``a `tick` b``');
  });

  it('leave angle brackets outside code as escaped text, never stripped', () => {
    const r = summarise('A Vec<u8> holds bytes and #include <stdio.h> brings printf; <b>bold</b> is a tag.');
    assertClean(r);
    expect(r.points[0]).toBe('A Vec<u8> holds bytes and #include <stdio.h> brings printf; bold is a tag.');
    expect(r.telegram.text).toContain('Vec&lt;u8&gt;');
  });
});

describe('lead-ins and what they lead to', () => {
  it('keeps the one-line command after a lead-in, and leaves out a lead-in to a long block', () => {
    const r = summarise('Start the stack.\n\nRun:\n\n```sh\ndocker compose up -d\n```\n\nThen configure it:\n\n```yaml\na: 1\nb: 2\n```\n\nBring it back:\n\n    fg %1\n');
    assertClean(r);
    expect(r.points).toContain('Run: docker compose up -d');
    expect(r.points).toContain('Bring it back: fg %1');
    expect(r.points.some((p) => p.startsWith('Then configure it'))).toBe(false);
    for (const p of r.points) expect(p).not.toMatch(/[:：]$/);
    expect(r.telegram.text).toContain('Run: <code>docker compose up -d</code>');
  });

  it('gives a short list item its heading as context', () => {
    const r = summarise('Codes by country.\n\n### China\n\n* **Code**: `+86`\n\n### India\n\n* **Code**: `+91`\n');
    expect(r.points).toContain('China: +86');
    expect(r.points).toContain('India: +91');
  });

  it('makes points of a table-only note from its rows', () => {
    const r = summarise('| Tool | Use |\n|---|---|\n| `grep` | search text |\n| `sed` | edit streams |\n');
    assertClean(r);
    expect(r.points).toEqual(['grep: search text', 'sed: edit streams']);
  });

  it('makes a point of a code-only note from its first comment, else from what it is', () => {
    expect(summarise('```python\n# Parse the config file.\nimport yaml\n```\n').points).toEqual(['Parse the config file.']);
    expect(summarise('```rust\nfn main() {\n    println!("hi");\n}\n```\n').points).toEqual(['Code: rust, 3 lines']);
  });
});

describe('Jekyll and kramdown', () => {
  it('shows what the site shows', () => {
    const body = [
      '{: .lead}',
      'First sentence of the post.',
      '',
      '* TOC',
      '{:toc}',
      '',
      'Read [the older post]({% post_url 2024-03-02-older %}) on {{ site.title }} at {{ site.url }}/about.',
      '',
      'Also [the guide]({% link _posts/2024-04-05-guide.md %}).{: .note}',
      '',
      '{% include ad.html %}',
      '{% comment %}',
      'Hidden draft text.',
      '{% endcomment %}',
      'A claim with a footnote[^1] and another[^note].',
      '',
      '> [!WARNING]',
      '> This API is deprecated.',
      '',
      'It cost ~~$10~~ now $8.',
      '',
      '<div class="box">',
      'Warning: this endpoint is <b>slow</b> &amp; rate limited.',
      '<script>alert(1)</script>',
      '</div>',
      '',
      '{% highlight ruby %}',
      'puts "never a point"',
      '{% endhighlight %}',
      '',
      '[^1]: The [spec](https://spec.example/a).',
      '[^note]: See https://other.example/b',
    ].join('\n');
    const r = summarise(body);
    assertClean(r);
    // Every text the site shows, rendered as the site renders it; which of them are points is the
    // summary's choice (test/summary/reader.test.ts judges that).
    const rendered = [
      'First sentence of the post.',
      'Read the older post on Ex Notes at https://ex.org/about.',
      'Also the guide.',
      'A claim with a footnote and another.',
      'Warning: This API is deprecated.',
      'It cost now $8.',
      'Warning: this endpoint is slow & rate limited.',
    ];
    expect(r.points.length).toBeGreaterThanOrEqual(4);
    for (const p of r.points) expect(rendered).toContain(p);
    expect(r.points.slice(0, 2)).toEqual(rendered.slice(0, 2));
    const all = r.summary.keyPoints.flat();
    expect(r.summary.links.map((l) => l.url)).toEqual(['https://spec.example/a', 'https://other.example/b', 'https://ex.org/older', 'https://ex.org/about', 'https://ex.org/guide']);
    expect(all.some((run) => run.text.includes('puts'))).toBe(false);
  });

  it('shows struck-through text as struck, raw HTML blocks by their visible text', () => {
    const r = summarise('It cost ~~$10~~ now $8.\n\n<div class="box">\nWarning: this API is <b>deprecated</b> &amp; slow.\n<script>alert(1)</script>\n</div>\n');
    assertClean(r);
    expect(r.summary.keyPoints[0]).toEqual([{ text: 'It cost ' }, { text: '$10', style: 'del' }, { text: ' now $8.' }]);
    expect(r.telegram.text).toContain('It cost <s>$10</s> now $8.');
    expect(r.discord.embeds[0]!.description).toContain('~~$10~~ now $8');
    expect(r.points[1]).toBe('Warning: this API is deprecated & slow.');
    expect(r.telegram.text).not.toContain('alert');
  });

  it('keeps {% raw %} content as literal text, shown as code', () => {
    const r = summarise('Write {% raw %}{{ page.title }}{% endraw %} in the layout to show the title.');
    assertClean(r);
    expect(r.points[0]).toBe('Write {{ page.title }} in the layout to show the title.');
    expect(codeOf(r.summary.keyPoints)).toEqual(['{{ page.title }}']);
  });

  it('leaves code inside {% raw %} as written', () => {
    const r = summarise('Put this in the layout:\n\n{% raw %}\n```liquid\n<h1>{{ page.title }}</h1>\n```\n{% endraw %}\n\nAnd {% raw %}{{ x }}{% endraw %} is literal.');
    assertClean(r);
    expect(codeOf(r.summary.keyPoints)).toEqual(['<h1>{{ page.title }}</h1>', '{{ x }}']);
  });

  it('drops post_url links to their text when the site is not known, and unknown variables', () => {
    const r = summarise('Read [the older post]({% post_url 2024-03-02-older %}) and {{ site.nothing }}this.', noSite);
    assertClean(r);
    expect(r.points[0]).toBe('Read the older post and this.');
    expect(r.summary.links).toEqual([]);
  });
});

describe('sentences', () => {
  it('do not end after abbreviations, inside brackets or after a macro name', () => {
    const en = summarise('Dr. Smith wrote it, see Fig. 3 and Sec. 2 for e.g. the proof, i.e. the core. Rust vs. Go is old. Use println! to print. Version 1.2.3 is out.');
    expect(en.points).toEqual(['Dr. Smith wrote it, see Fig. 3 and Sec. 2 for e.g. the proof, i.e. the core.', 'Rust vs. Go is old.', 'Use println! to print.', 'Version 1.2.3 is out.']);
    // Words that are abbreviations only sometimes end a sentence before a capital.
    const ends = summarise('The answer was no. The next step is 2 m. Then see p. 4 of the guide.');
    expect(ends.points).toEqual(['The answer was no.', 'The next step is 2 m.', 'Then see p. 4 of the guide.']);
    const ja = summarise('---\nlang: ja\n---\n設定を変えます（例：ポートを変える。再起動する）。次に進みます。');
    expect(ja.points).toEqual(['設定を変えます（例：ポートを変える。再起動する）。', '次に進みます。']);
    const hi = summarise('---\nlang: hi\n---\nयह एक वाक्य है (पहला। दूसरा) और आगे। अगला वाक्य।');
    expect(hi.points).toEqual(['यह एक वाक्य है (पहला। दूसरा) और आगे।', 'अगला वाक्य।']);
  });

  it('are taken in reading order: a point that does not fit ends the filling, never a later one instead', () => {
    // Five sentences of 240 characters (each cut to 200) then a short one: the fifth does not fit whole.
    const long = (i: number) => `Sentence ${i} ${'goes on and on '.repeat(15).trim()} till it ends.`;
    const r = summarise(`---\ntitle: Order\n---\n${[1, 2, 3, 4, 5].map(long).join(' ')} They follow from the fifth.`);
    assertClean(r);
    expect(r.points).toHaveLength(5);
    expect(r.points.map((p) => p.split(' ').slice(0, 2).join(' '))).toEqual(['Sentence 1', 'Sentence 2', 'Sentence 3', 'Sentence 4', 'Sentence 5']);
    expect(r.points[4]!.endsWith('…')).toBe(true);
    expect(r.points.join(' ')).not.toContain('They follow');
  });
});

describe('links', () => {
  it('count one page once however it is written; images and anchors are not links', () => {
    const r = summarise('Read [docs](https://ex.org/docs), [docs/](https://ex.org/docs/), [install](https://ex.org/docs#install), [tracked](https://ex.org/docs?utm_source=x&fbclid=y), [pic](https://ex.org/a.png), [top](#top) and [api](https://ex.org/api?page=2&utm_medium=m).');
    expect(r.summary.links).toEqual([
      { text: 'docs', url: 'https://ex.org/docs' },
      { text: 'api', url: 'https://ex.org/api?page=2' },
    ]);
  });
});

describe('limits whatever the note holds', () => {
  it('hundreds of tags and a very long language keep Telegram under 4,096 and the budget', () => {
    const tags = Array.from({ length: 400 }, (_, i) => `tag-number-${i}`);
    const r = summarise(`---\ntags: [${tags.join(', ')}]\nlang: ${'x'.repeat(3000)}\n---\nBody sentence here.`);
    assertClean(r);
    expect(r.telegram.text.length).toBeLessThanOrEqual(TELEGRAM_MAX_TEXT);
    expect(r.points).toEqual(['Body sentence here.']);
  });

  it('a very long first link never leaves an empty Discord field', () => {
    const r = summarise(`Text here.\n\n[long](https://ex.org/${'a'.repeat(3000)}) and [short](https://ok.example/x)`);
    assertClean(r);
    for (const f of r.discord.embeds[0]!.fields ?? []) expect(f.value.length).toBeGreaterThan(0);
    expect(r.summary.links.map((l) => l.url)).toEqual(['https://ok.example/x']);
  });

  it('one note’s unknown language never shows in the next note’s footer', () => {
    const a = summarise(`---\nlang: ${'q'.repeat(40)}\n---\nFirst note.`);
    const b = summarise('---\nlang: zz-unknown\n---\nSecond note.');
    expect(a.text).not.toContain('zz-unknown');
    expect(b.text).not.toContain('qqqq');
    expect(b.text).toContain('zz-unknown');
  });
});
