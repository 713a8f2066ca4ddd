/**
 * Discord Markdown in announcements: every text a note gives an embed is escaped where Discord
 * renders Markdown (titles included), never inside a bare URL (an escape there stays in the link),
 * and never inside inline code (code arrives byte for byte).
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { buildSummary } from '../../src/summary/build.js';
import { renderDiscordMessage, DISCORD_LIMITS } from '../../src/render/discord.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { renderDiscordReply } from '../../src/adapters/discord/interactions.js';

const opts: ReadOptions = {
  maxBytes: 1024 * 1024,
  defaultLang: 'en',
  fileLangs: [...DEFAULT_FILE_LANGS],
  site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} },
};

function embedOf(text: string) {
  const { note, tokens } = parseNote('_posts/2025-01-01-md-en.md', Buffer.from(text), opts);
  return renderDiscordMessage(buildSummary(note, tokens)).embeds[0]!;
}

/** Discord's inline escape: a backslash before any ASCII punctuation shows that character alone. */
const unescape = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('Discord Markdown in embeds', () => {
  it('escapes a title, so `||` is no spoiler and `*`/`_` no emphasis, and shows it unchanged', () => {
    const e = embedOf('---\ntitle: "Ruby ||= and || explained, 2*3*4 snake_case_name [x]"\n---\nBody text.');
    expect(e.title).toBe('Ruby \\|\\|= and \\|\\| explained, 2\\*3\\*4 snake\\_case\\_name \\[x\\]');
    expect(unescape(e.title!)).toBe('Ruby ||= and || explained, 2*3*4 snake_case_name [x]');
  });

  it('holds an escaped title to 256 characters without splitting an escape', () => {
    const e = embedOf(`---\ntitle: "${'|'.repeat(400)}"\n---\nBody text.`);
    expect(e.title!.length).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect(e.title!.replace(/…$/, '')).toMatch(/^(\\\|)+$/);
  });

  it('leaves bare URLs in key points whole while escaping the words around them', () => {
    const e = embedOf('Read https://example.org/snake_case/a*b/x_1_2 about snake_case first.');
    expect(e.description).toContain('https://example.org/snake_case/a*b/x_1_2 about snake\\_case');
  });

  it('keeps inline code byte for byte: no zero-width space in </script>, <@123> or @everyone', () => {
    const e = embedOf('Close with `</script>`, ping `<@123>` or `@everyone` in code.');
    expect(e.description).toContain('`</script>`');
    expect(e.description).toContain('`<@123>`');
    expect(e.description).toContain('`@everyone`');
    expect(e.description).not.toContain('\u200B');
  });

  it('escapes a lookup list’s heading, which can carry what the user typed', () => {
    const r = renderDiscordReply({ type: 'list', heading: 'Latest notes (||x||)', items: [] }, true);
    expect(r.embeds![0]!.title).toBe('Latest notes (\\|\\|x\\|\\|)');
  });
});
