/**
 * "Your" in a statement of the note's subject ("Dein Router vergibt IP-Adressen per DHCP.", "你的路由器通过
 * DHCP…") is the general reader's: the thing it names is what the note speaks of, named again elsewhere,
 * and the sentence is a point (topic-fact.ts ownsNoteSubject). The asker's own things an answer replies to
 * ("Your guess of…", "Dein Beispiel zeigt das gut.") are named once, and stay no point (issue 23, tester
 * F13). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const NOTES: Array<[lang: string, statement: string, rest: string, reply: string]> = [
  [
    'de',
    'Ihr Browser speichert Cookies für jede Website getrennt.',
    'Eine Website liest nur ihre eigenen Cookies.\n\nSitzungscookies verschwinden beim Schließen des Browsers. Dauerhafte Cookies bleiben bis zu ihrem Ablaufdatum gespeichert.\n\nDrittanbieter-Cookies stammen von eingebetteten Diensten und dienen oft der Werbung.',
    'Ihr Beispiel zeigt das sehr schön.',
  ],
  [
    'zh',
    '你的路由器通过 DHCP 给家里的设备分配 IP 地址。',
    '每台设备开机时都会向路由器申请一个空闲地址。\n\n路由器会把每次分配记录一段时间，这段时间叫租期。租期到了，设备会重新申请。\n\n固定地址可以在路由器里设置为保留地址。',
    '你的例子说明得很清楚。',
  ],
  [
    'en',
    'Your router hands out IP addresses over DHCP.',
    'Each device asks for a free address when it starts.\n\nThe router remembers each lease for a while. When the lease runs out, the device asks again.\n\nFixed addresses are set in the router as reservations.',
    'Your example shows this nicely.',
  ],
];

describe('"your" naming the note\'s subject', () => {
  for (const [lang, statement, rest] of NOTES) {
    it(`keeps the note's first sentence (${lang})`, () => {
      expect(pointsOfNote(lang, `${statement}\n\n${rest}`)).toContain(statement);
    });
  }

  it('keeps a later sentence too (zh)', () => {
    const body = '浏览器会为每个网站分别保存 Cookie。你的浏览器只会把 Cookie 发给设置它的网站。\n\n会话 Cookie 在关闭浏览器时消失。\n\n第三方 Cookie 来自嵌入的服务，通常用于广告。';
    expect(pointsOfNote('zh', body)).toContain('你的浏览器只会把 Cookie 发给设置它的网站。');
  });
});

describe('a leading clause naming the reader\'s thing that the note speaks of', () => {
  const DE_REST = 'Jedes Gerät im Heimnetz fragt beim Start den Router nach einer freien Adresse.\n\nDer Router merkt sich jede Vergabe für eine bestimmte Zeit, die Lease.';
  const ZH_REST = '每台设备开机时都会向路由器申请一个空闲地址。\n\n路由器会把每次分配记录一段时间，这段时间叫租期。';
  it.each([
    ['de', 'Dein Router, der kleine Kasten im Flur, vergibt IP-Adressen per DHCP.', DE_REST],
    ['zh', '你的路由器，也就是家里那个小盒子，通过 DHCP 分配 IP 地址。', ZH_REST],
    ['zh', '其实你的路由器就是一台小电脑，它通过 DHCP 分配 IP 地址。', ZH_REST],
  ])('is the sentence\'s subject, not a reply cut off it (%s: %s)', (lang, first, rest) => {
    expect(pointsOfNote(lang, `${first}\n\n${rest}`)[0]).toBe(first);
  });

  it.each([
    ['de', 'Gute Frage, dein Router vergibt IP-Adressen per DHCP.', 'Dein Router vergibt IP-Adressen per DHCP.', DE_REST],
    ['zh', '好问题，你的路由器通过 DHCP 分配 IP 地址。', '你的路由器通过 DHCP 分配 IP 地址。', ZH_REST],
  ])('still loses a reply\'s clause before it (%s)', (lang, first, kept, rest) => {
    expect(pointsOfNote(lang, `${first}\n\n${rest}`)[0]).toBe(kept);
  });
});

describe('"your" naming the asker\'s own thing, named nowhere else', () => {
  for (const [lang, statement, rest, reply] of NOTES) {
    it(`is still a reply, no point (${lang})`, () => {
      const points = pointsOfNote(lang, `${reply}\n\n${statement}\n\n${rest}`);
      expect(points).not.toContain(reply);
      expect(points).toContain(statement);
    });
  }
});
