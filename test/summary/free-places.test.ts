/**
 * Places the coverage choice leaves free take the note's statements whose words come once, in
 * reading order: a short note of a list and two plain statements gave the list alone, four places
 * free (issue 23, tester round 16, F10). Filler and words to the reader still stay out.
 * Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const LIST = 'To open a bank account you must bring these papers:\n\n- a national identity card\n- a recent utility bill\n- a tax number\n\n';

describe('places left free', () => {
  it('take the statements after a list, in reading order (en, de)', () => {
    const en = pointsOfNote('en', LIST + 'Branches close at noon on Saturdays. Cards arrive by post within a week.');
    expect(en.length).toBe(3);
    expect(en[1]).toContain('close at noon');
    expect(en[2]).toContain('arrive by post');
    const de = pointsOfNote('de', 'Für ein Konto braucht man folgende Unterlagen:\n\n- einen Personalausweis\n- eine aktuelle Stromrechnung\n- eine Steuernummer\n\nSamstags schließen die Filialen mittags. Die Karte kommt nach einer Woche per Post.');
    expect(de.some((p) => p.includes('schließen die Filialen'))).toBe(true);
    expect(de.some((p) => p.includes('per Post'))).toBe(true);
  });

  it('take no filler nor words to the reader', () => {
    const en = pointsOfNote('en', LIST + 'Branches close at noon on Saturdays. Good luck with your new account!');
    expect(en.some((p) => p.includes('close at noon'))).toBe(true);
    expect(en.some((p) => p.includes('Good luck'))).toBe(false);
  });

  it('take a later paragraph whose names come once, after definitions (zh, F11)', () => {
    // Three short definitions ("…就是…") and a pronoun's sentence fill the coverage choice; the paragraph naming the tools must not vanish.
    const zh = pointsOfNote('zh', '缓存就是一种把常用数据放在近处的技术。它减少了对数据库的访问，所以响应只要几毫秒。键就是查找数据用的名字。\n\nRedis 是最常用的缓存服务器。Memcached 只保存简单的字符串。');
    expect(zh.some((p) => p.includes('Redis'))).toBe(true);
    expect(zh.some((p) => p.includes('Memcached'))).toBe(true);
  });
});
