/**
 * A Chinese or Japanese lead-in that says something before its "the following" ("…需要带上以下证件：",
 * "…では次の言語が使えます：") is a lead-in naming its list, as "You need the following papers:" is
 * in English: the point is the lead-in with its items, never the bare items (issue 23, tester round
 * 16, F9). A lead-in with nothing before it, or only a bare verb, stays a bare announcement.
 * Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

describe('a lead-in with words of its own before "the following"', () => {
  it.each([
    ['zh', '办理借书卡需要带上以下证件：\n\n- 身份证\n- 学生证\n- 一寸照片\n\n借书卡当天就能领取。', '办理借书卡需要带上以下证件：身份证、学生证、一寸照片'],
    ['zh', '这家餐厅的招牌菜有下面几道：\n\n- 红烧肉\n- 清蒸鱼\n- 麻婆豆腐\n\n周末最好提前订位。', '这家餐厅的招牌菜有下面几道：红烧肉、清蒸鱼、麻婆豆腐'],
    ['zh-Hant', '辦理借書證需要帶上以下證件：\n\n- 身分證\n- 學生證\n- 一吋照片\n\n借書證當天就能領取。', '辦理借書證需要帶上以下證件：身分證、學生證、一吋照片'],
    ['ja', 'この講座の課題では次の言語が使えます：\n\n- Python\n- Rust\n- Go\n\n提出期限は毎週金曜日です。', 'この講座の課題では次の言語が使えます：Python、Rust、Go'],
  ])('keeps it before its items (%s)', (lang, body, point) => {
    expect(pointsOfNote(lang, body)).toContain(point);
  });

  it('a bare "note the following" names nothing: the items stand as the point (zh)', () => {
    const points = pointsOfNote('zh', '请注意以下几点：\n\n- 不要迟到\n- 带上证件\n- 保持安静\n\n考试时间为两个小时。');
    expect(points).toContain('不要迟到、带上证件、保持安静');
  });
});
