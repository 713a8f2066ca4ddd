/** Discord's command descriptions per locale: zh-TW gets Traditional Chinese, zh-CN Simplified. */
import { describe, expect, it } from 'vitest';
import { discordCommandPayloads } from '../../src/adapters/discord/commands.js';

/** Characters written differently in the two scripts (笔/筆, 记/記, 订/訂…), each pair Simplified then Traditional. */
const PAIRS = ['笔筆', '记記', '订訂', '阅閱', '显顯', '标標', '语語', '类類', '筛篩', '选選', '机機', '与與', '编編', '号號', '单單', '这這'];
const SIMPLIFIED = new RegExp(`[${PAIRS.map((p) => p[0]).join('')}]`);
const TRADITIONAL = new RegExp(`[${PAIRS.map((p) => p[1]).join('')}]`);

describe('Discord command descriptions in Chinese', () => {
  it('zh-TW is Traditional and zh-CN Simplified, for every command', () => {
    for (const c of discordCommandPayloads()) {
      const tw = c.description_localizations?.['zh-TW'];
      const cn = c.description_localizations?.['zh-CN'];
      expect(tw, c.name).toBeTruthy();
      expect(tw, c.name).not.toBe(cn);
      expect(tw, c.name).not.toMatch(SIMPLIFIED);
      expect(cn, c.name).not.toMatch(TRADITIONAL);
    }
    // Every command's Chinese names at least one character that differs between the scripts.
    expect(discordCommandPayloads().every((c) => TRADITIONAL.test(c.description_localizations!['zh-TW']!))).toBe(true);
  });
});
