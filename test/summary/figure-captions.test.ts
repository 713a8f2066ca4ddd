/**
 * A picture's caption or credit says what the picture shows or where it comes from, not what the note says: never a key
 * point, and a note opening on a figure still leads with its first sentence of substance (issue 23: captions taken as
 * points, and points lost to them). A caption is told by where it stands (with its image, or right after it) and its form
 * (one line under a label: "Figure 2:", "Image credit:", "Abb. 1:", "图1："), in any language (captions.ts). Notes
 * written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const notes: Array<{ lang: string; body: string; opening: string; captions: string[]; kept: string[] }> = [
  {
    lang: 'en',
    body: `<figure>
  <img src="/img/bulge.png" alt="The Moon pulling the ocean into a bulge on the near side of the Earth, drawn to scale">
  <figcaption>Figure 1. The tidal bulge on the side of the Earth that faces the Moon, with the far-side bulge opposite.</figcaption>
</figure>

Tides are the regular rise and fall of the sea caused by the pull of the Moon and the Sun on the oceans.

![Chart of the tidal range at Bristol](/img/bristol.png)
Figure 2: Tidal range at Bristol, Halifax and Darwin over one month of spring and neap tides.

The Moon's gravity pulls hardest on the water nearest to it, so the ocean bulges towards the Moon. A second bulge forms on the far side, where the pull is weakest and the water lags behind the Earth.

![Spring and neap tides drawn against the phases of the Moon](/img/spring.png)

Image credit: NASA Goddard Space Flight Center, a tidal model of the whole Atlantic basin.

When the Sun and the Moon line up, at new and full moon, their pulls add up and the tides run highest: these are spring tides. At the quarter moons the two pulls work at right angles, and the weak neap tides follow.

Most coasts see two high tides a day, about 12 hours and 25 minutes apart, because the Earth turns under both bulges.
`,
    opening: 'Tides are the regular rise and fall',
    captions: ['Figure 1', 'tidal bulge on the side', 'Figure 2', 'Image credit', 'NASA'],
    kept: ['spring tides'],
  },
  {
    lang: 'de',
    body: `![Ein Diagramm der beiden Flutberge](/img/flut.png)

Abb. 1: Die beiden Flutberge auf der dem Mond zugewandten und der abgewandten Seite der Erde.

Gezeiten sind das regelmäßige Steigen und Fallen des Meeres, das die Anziehung von Mond und Sonne auf die Ozeane verursacht.

Die Schwerkraft des Mondes zieht am stärksten am nächstgelegenen Wasser, daher wölbt sich der Ozean zum Mond hin. Ein zweiter Flutberg entsteht auf der abgewandten Seite, wo die Anziehung am schwächsten ist.

![Springflut und Nippflut](/img/spring.png)
Bildquelle: Deutsches Hydrographisches Institut, Gezeitenmodell der Nordsee mit allen Pegeln.

Stehen Sonne und Mond in einer Linie, bei Neumond und Vollmond, addieren sich ihre Kräfte, und es kommt zur Springflut. Bei Halbmond wirken die Kräfte im rechten Winkel, und es folgt die schwache Nippflut.
`,
    opening: 'Gezeiten sind das regelmäßige Steigen',
    captions: ['Abb. 1', 'Flutberge auf der dem Mond', 'Bildquelle', 'Hydrographisches'],
    kept: ['Springflut'],
  },
  {
    lang: 'zh',
    body: `![潮汐隆起示意图](/img/bulge.png)
图1：地球朝向月球一侧与背向月球一侧的两个潮汐隆起示意图。

潮汐是海水在月球和太阳引力作用下周期性的涨落现象。

月球对离它最近的海水引力最大，所以海洋向月球一侧隆起。在地球的另一侧，引力最弱，海水落后于地球，形成第二个隆起。

![大潮与小潮](/img/spring.png)

图片来源：国家海洋局潮汐预报中心，东海沿岸验潮站一个月的实测记录。

当太阳和月球连成一线时，即新月和满月时，两者的引力叠加，潮水涨得最高，这就是大潮。上弦月和下弦月时，两者的引力互成直角，于是出现较弱的小潮。
`,
    opening: '潮汐是海水在月球和太阳引力作用下',
    captions: ['图1', '两个潮汐隆起示意图', '图片来源', '国家海洋局'],
    kept: ['大潮'],
  },
];

/** Pictures set in HTML, as Jekyll blogs centre them, with their captions inside the block or in the paragraph after it. */
const HTML_PICTURES = `<p align="center"><img src="/img/bulge.png" alt="The Moon pulling the ocean into a bulge on the near side of the Earth" width="500"><br><em>The tidal bulge on the side of the Earth that faces the Moon, and its twin on the far side.</em></p>

Tides are the regular rise and fall of the sea caused by the pull of the Moon and the Sun on the oceans.

<img src="/img/bristol.png" alt="Chart of the tidal range at Bristol over one month, peaking at 14 metres at spring tides">

Source: UK Hydrographic Office tide tables for Avonmouth, March 2024 edition.

The Moon's gravity pulls hardest on the water nearest to it, so the ocean bulges towards the Moon. A second bulge forms on the far side, where the pull is weakest and the water lags behind the Earth.

<div align="center">
<img src="/img/spring.png" alt="Spring and neap tides">
<p>Spring and neap tides over one lunar month at a Channel port with a large range.</p>
</div>

When the Sun and the Moon line up, at new and full moon, their pulls add up and the tides run highest: these are spring tides. At the quarter moons the two pulls work at right angles, and the weak neap tides follow.

Most coasts see two high tides a day, about 12 hours and 25 minutes apart, because the Earth turns under both bulges.
`;

describe('figure captions and image credits', () => {
  it('in HTML blocks with their pictures, or right after them, are no key point', () => {
    const points = pointsOfNote('en', HTML_PICTURES);
    expect(points[0]).toContain('Tides are the regular rise and fall');
    for (const caption of ['tidal bulge on the side', 'Source', 'Hydrographic', 'over one lunar month']) expect(points.filter((p) => p.includes(caption))).toEqual([]);
    expect(points.some((p) => p.includes('these are spring tides'))).toBe(true);
  });


  for (const { lang, body, opening, captions, kept } of notes) {
    it(`are no key point, and the first sentence of substance leads (${lang})`, () => {
      const points = pointsOfNote(lang, body);
      expect(points[0]).toContain(opening);
      for (const caption of captions) expect(points.filter((p) => p.includes(caption))).toEqual([]);
      // What the note says around its pictures is still chosen.
      for (const k of kept) expect(points.some((p) => p.includes(k))).toBe(true);
    });
  }

  it('leaves a paragraph of prose after a picture, and a label line with no picture before it, to the note', () => {
    const points = pointsOfNote(
      'en',
      `Tides are the regular rise and fall of the sea caused by the pull of the Moon and the Sun on the oceans.

![Spring and neap tides](/img/spring.png)

When the Sun and the Moon line up, at new and full moon, their pulls add up and the tides run highest: these are spring tides.

Key figure: most coasts see two high tides a day, about 12 hours and 25 minutes apart, because the Earth turns under both bulges.
`,
    );
    expect(points.some((p) => p.includes('these are spring tides'))).toBe(true);
    expect(points.some((p) => p.includes('12 hours and 25 minutes'))).toBe(true);
  });
});
