/** A digest's heading counts its notes in English as the chats read it (issue 29, F8: "1 new notes"). */
import { describe, expect, it } from 'vitest';
import { renderDiscordDigest, renderPlainDigest, renderTelegramDigest } from '../../src/render/digest.js';

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ noteId: `n${i}`, title: `Note ${i}`, url: `https://example.com/${i}` }));

describe('digest heading', () => {
  it('says "1 new note" for one, "n new notes" for more, on Discord, Telegram and the console', () => {
    expect(renderDiscordDigest(items(1)).embeds![0]!.title).toBe('📚 1 new note');
    expect(renderTelegramDigest(items(1)).text).toMatch(/^<b>📚 1 new note<\/b>\n/);
    expect(renderPlainDigest(items(1))).toMatch(/^📚 1 new note\n/);
    expect(renderDiscordDigest(items(2)).embeds![0]!.title).toBe('📚 2 new notes');
    expect(renderTelegramDigest(items(2)).text).toMatch(/^<b>📚 2 new notes<\/b>\n/);
  });
});
