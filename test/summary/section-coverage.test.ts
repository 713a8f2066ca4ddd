/**
 * A note of sections covers its sections, named by their own headings where the headings carry the names (issue 23,
 * tester-23-2 F5, F7, F19): a closing verdict, whatever word heads it, is the note's conclusion and a point; a later
 * sentence of a counted option's section shown without the section's first says the option's name; an outline that only
 * repeats the opening sentence's list of the parts takes no place. Notes written for this test, in other languages than
 * the tester's (en, ar) and with other words.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const VERDICTS: Array<[string, string, string]> = [
  [
    'de',
    'Es gibt drei übliche Wege, ein Haus mit Strom zu versorgen.\n\n## Netzstrom\n\nNetzstrom ist bequem und überall verfügbar. Die Preise steigen jedoch jedes Jahr.\n\n## Solaranlage\n\nEine Solaranlage auf dem Dach liefert tagsüber günstigen Strom. Nachts liefert sie nichts.\n\n## Batteriespeicher\n\nEin Batteriespeicher hebt den Strom für den Abend auf. Er kostet mehrere tausend Euro.\n\n## Empfehlung\n\nFür die meisten Häuser lohnt sich eine Solaranlage mit einem kleinen Batteriespeicher am meisten.',
    'Für die meisten Häuser lohnt sich eine Solaranlage mit einem kleinen Batteriespeicher am meisten.',
  ],
  [
    'es',
    'Hay tres maneras comunes de viajar de Madrid a Lisboa.\n\n## Avión\n\nEl avión tarda una hora y cuesta desde cuarenta euros. Los aeropuertos quedan lejos del centro.\n\n## Autobús nocturno\n\nEl autobús nocturno tarda ocho horas y cuesta treinta euros. Se duerme mal en el asiento.\n\n## Coche\n\nEl coche permite parar en Extremadura por el camino. La gasolina y los peajes suman bastante.\n\n## Veredicto\n\nPara un fin de semana, el avión gana; para un viaje largo, el coche compensa por las paradas.',
    'Para un fin de semana, el avión gana; para un viaje largo, el coche compensa por las paradas.',
  ],
  [
    'fr',
    "Trois façons de chauffer un appartement ancien sont courantes.\n\n## Radiateurs électriques\n\nLes radiateurs électriques coûtent peu à l'achat. Ils consomment beaucoup en hiver.\n\n## Poêle à granulés\n\nUn poêle à granulés chauffe vite une grande pièce. Il faut stocker les sacs de granulés.\n\n## Pompe à chaleur\n\nUne pompe à chaleur divise la facture par trois. Son installation demande des travaux.\n\n## Notre choix\n\nDans un petit appartement, un poêle à granulés complété par des radiateurs électriques suffit largement.",
    'Dans un petit appartement, un poêle à granulés complété par des radiateurs électriques suffit largement.',
  ],
];

describe("a closing verdict the note's sections lead to", () => {
  for (const [lang, body, verdict] of VERDICTS) {
    it(`is a point, whatever word heads it, and no part of the outline (${lang})`, () => {
      const points = pointsOfNote(lang, body);
      expect(points).toContain(verdict);
      expect(points.some((p) => /Empfehlung|Veredicto|Notre choix/.test(p))).toBe(false);
    });
  }
});

const OPTIONS: Array<[string, string, string]> = [
  [
    'de',
    'Sie haben drei Möglichkeiten, ein Backup Ihrer Fotos anzulegen.\n\n## Option 1: Externe Festplatte\n\nEine externe Festplatte kostet einmalig rund 60 Euro und speichert zwei Terabyte. Sie liegt aber im selben Haus wie der Rechner.\n\n## Option 2: Cloud-Speicher\n\nDer Upload läuft automatisch im Hintergrund. Das Jahresabo kostet 30 Euro für 200 Gigabyte.\n\n## Option 3: NAS\n\nEin NAS spiegelt die Fotos auf zwei Platten gleichzeitig. Die Einrichtung dauert einen Nachmittag.',
    'Cloud-Speicher',
  ],
  [
    'es',
    'Tienes tres opciones para alojar una tienda en línea.\n\n## Opción 1: Shopify\n\nShopify se configura en una tarde y cobra una cuota mensual. Las plantillas son fáciles de cambiar.\n\n## Opción 2: WooCommerce\n\nFunciona sobre WordPress y no cobra licencia. El plan de alojamiento incluye 50 GB de espacio.\n\n## Opción 3: PrestaShop\n\nPrestaShop es gratuito y muy usado en Europa. Los módulos de pago se compran aparte.',
    'WooCommerce',
  ],
  [
    'fr',
    "Vous avez trois options pour apprendre à coder le soir.\n\n## Option 1 : Cours en ligne\n\nLes cours en ligne se suivent à son rythme depuis chez soi. L'abonnement annuel coûte 240 euros.\n\n## Option 2 : Bootcamp\n\nUn bootcamp condense la formation en douze semaines intensives. Le prix dépasse souvent 6 000 euros.\n\n## Option 3 : Livres\n\nLes livres restent la voie la moins chère. La motivation manque vite sans exercices corrigés.",
    'Bootcamp',
  ],
];

describe("a later sentence of a counted option's section", () => {
  for (const [lang, body, name] of OPTIONS) {
    it(`says the option's name when it is the section's first point, and each option gets a point (${lang})`, () => {
      const points = pointsOfNote(lang, body);
      // The option whose first sentence is no point: its later sentence says whose it is ("WooCommerce: El plan…").
      expect(points.some((p) => p.startsWith(`${name}: `)), points.join(' | ')).toBe(true);
      // Each option is named by a point of its own besides the outline.
      const headings = [...body.matchAll(/^## [^:]+:\s*(.+)$/gmu)].map((m) => m[1]!.toLowerCase());
      for (const h of headings) expect(points.filter((p) => p.toLowerCase().includes(h)).length, `${h} in ${points.join(' | ')}`).toBeGreaterThan(1);
    });
  }
});

const OVERVIEWS: Array<[string, string, RegExp, string]> = [
  ['ar', 'يمكن تعلم العزف بثلاث طرق: المعلم، والتطبيقات، والفرقة.\n\n## المعلم\n\nيصحح المعلم وضعية اليدين من الدرس الأول، لكنه مكلف.\n\n## التطبيقات\n\nتقدم التطبيقات تمارين يومية قصيرة بسعر زهيد.\n\n## الفرقة\n\nالعزف مع فرقة يعلم الإيقاع أسرع من أي تمرين.', /^المعلم، التطبيقات، الفرقة$/u, 'العزف مع فرقة'],
  // An elided article ("l'eau") is joined to its word as Arabic's "و" is.
  ['fr', "Un bon café à la maison dépend de trois choses : le moulin, l'eau et la balance.\n\n## Moulin\n\nUn moulin à meules donne une mouture régulière dès 60 euros.\n\n## Eau\n\nUne eau filtrée à 93 degrés extrait les arômes sans amertume.\n\n## Balance\n\nUne balance de cuisine permet de répéter le ratio de 1 pour 16 chaque matin.", /^Moulin, Eau, Balance$/u, 'Une balance de cuisine'],
  // A plural in the opening, the singular in the heading: the same part.
  ['es', 'Para ir de Madrid a Lisboa hay tres opciones: el tren, los autobuses y el coche.\n\n## Tren\n\nEl tren nocturno ya no circula y hay que cambiar en Badajoz.\n\n## Autobús\n\nHay salidas cada día desde la estación Sur por treinta euros.\n\n## Coche\n\nSon seis horas por la autovía de Extremadura, con peajes en Portugal.', /^Tren, Autobús, Coche$/u, 'Son seis horas'],
  // The outline would name the closing verdict as a part besides the three the opening named.
  ['en', 'Paint a fence in one of three ways: with a brush, with a roller, or with a paint sprayer.\n\n## Brush\n\nA brush works the paint into rough grain and costs a few dollars.\n\n## Roller\n\nA roller covers flat boards twice as fast as a brush.\n\n## Paint sprayer\n\nA paint sprayer finishes a long fence in an hour but wastes a third of the paint.\n\n## Our pick\n\nFor a short fence a brush is enough; past twenty metres, rent a paint sprayer.', /^Brush, Roller, Paint sprayer/u, 'A paint sprayer finishes'],
  ['de', 'Nach Prag kommt man auf drei Wegen: mit dem Zug, mit Fernbussen oder mit dem Auto.\n\n## Zug\n\nDer Eurocity fährt ab Berlin in viereinhalb Stunden durch das Elbtal.\n\n## Fernbus\n\nAb München gibt es täglich sechs Verbindungen für unter zwanzig Euro.\n\n## Auto\n\nFür die Autobahn in Tschechien braucht man eine digitale Vignette.', /^Zug, Fernbus, Auto$/u, 'Für die Autobahn'],
];

describe('an outline after an opening that already names every part', () => {
  for (const [lang, body, outline, lastPart] of OVERVIEWS) {
    it(`takes no place, and the last part gets its point (${lang})`, () => {
      const points = pointsOfNote(lang, body);
      expect(points.some((p) => outline.test(p))).toBe(false);
      expect(points.some((p) => p.includes(lastPart)), points.join(' | ')).toBe(true);
    });
  }
});
