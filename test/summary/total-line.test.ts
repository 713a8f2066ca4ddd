/**
 * A line of prose giving a total under its label ("Total time: 16 hours", "Gesamtzeit: 16
 * Stunden") is the note's bottom line, as a table's row of totals is: a recipe's total time, a
 * budget's sum. Its words come once, so coverage alone let a closing remark take its place.
 * Notes written for this test (issue 23).
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';
import { givesTotal } from '../../src/summary/total-line.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(title: string, body: string, lang: string): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-note-${lang}.md`, Buffer.from(`---\ntitle: ${title}\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

const COLD_BREW = `Cold brew coffee is coffee steeped in cold water for hours instead of brewed hot, which gives a smooth and less acidic cup.

Ingredients (for 2 glasses):
- 60 g coarsely ground coffee
- 500 ml cold filtered water
- Ice cubes
- Milk or syrup (optional)

Steps:
1. **Grind the beans**: Use a coarse setting, like raw sugar. Fine grounds make the brew muddy and bitter.
2. **Steep the coffee**: Stir the grounds into the water in a jar. Cover it and leave it in the fridge for 12-16 hours.
3. **Filter the brew**: Pour it through a paper filter or a fine cloth. Filtering twice gives a cleaner cup.
4. **Serve**: Fill a glass with ice, pour the concentrate over it and add milk or syrup to taste. Dilute with water if it is too strong.

This easy method gives a mellow coffee concentrate that keeps for a week. Adjust the ratio for a stronger brew. Total time: 16 hours.
`;

const KALTBRUEH = `Cold Brew ist Kaffee, der stundenlang in kaltem Wasser zieht, statt heiß aufgebrüht zu werden, und dadurch milder und weniger sauer schmeckt.

Zutaten (für 2 Gläser):
- 60 g grob gemahlener Kaffee
- 500 ml kaltes gefiltertes Wasser
- Eiswürfel
- Milch oder Sirup (optional)

Schritte:
1. **Bohnen mahlen**: Verwenden Sie eine grobe Einstellung, etwa wie Rohrzucker. Feines Pulver macht den Kaffee trüb und bitter.
2. **Kaffee ziehen lassen**: Rühren Sie das Pulver in einem Glas ins Wasser. Decken Sie es ab und stellen Sie es 12-16 Stunden in den Kühlschrank.
3. **Filtern**: Gießen Sie ihn durch einen Papierfilter oder ein feines Tuch. Zweimal filtern ergibt einen klareren Kaffee.
4. **Servieren**: Füllen Sie ein Glas mit Eis, gießen Sie das Konzentrat darüber und geben Sie nach Geschmack Milch oder Sirup dazu. Mit Wasser verdünnen, wenn er zu stark ist.

Diese einfache Methode ergibt ein mildes Kaffeekonzentrat, das eine Woche hält. Passen Sie das Verhältnis für einen stärkeren Kaffee an. Gesamtzeit: 16 Stunden.
`;

describe('a total given in prose', () => {
  it.each([
    ['en', 'Cold Brew Coffee at Home', COLD_BREW, 'Total time: 16 hours.'],
    ['de', 'Cold Brew Kaffee zu Hause', KALTBRUEH, 'Gesamtzeit: 16 Stunden.'], // a German compound: Gesamt- + Zeit
  ])('is a point, as a row of totals is (%s)', (lang, title, body, total) => {
    expect(points(title, body, lang)).toContain(total);
  });

  it('is a label of totals with a figure after it, not any line opening with the word', () => {
    expect(givesTotal('Total time: 16 hours.')).toBe(true);
    expect(givesTotal('Gesamtkosten: 120 Euro.')).toBe(true);
    expect(givesTotal('合计：120 元。')).toBe(true);
    expect(givesTotal('Total honesty: the best policy, always.')).toBe(false); // no figure
    expect(givesTotal('The total was about what we planned: 16 hours.')).toBe(false); // a sentence, no label
    expect(givesTotal('Time: 16 hours.')).toBe(false);
  });
});
