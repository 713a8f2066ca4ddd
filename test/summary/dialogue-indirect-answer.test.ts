/**
 * An asker's question put indirectly ("I wondered whether…", "Ich frage mich, ob…", "Quería saber
 * por qué…") is answered as its "?" form is: a reply opening with its yes or no or its "because"
 * goes with it in one point, never lost nor left alone (issue 23, tester round 19). These notes are
 * written for this test, in their own words.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const opening = (asker: string, helper: string, hello: string, reply: string): string =>
  `**${asker}:** ${hello}\n\n**${helper}:** ${reply}\n\n`;

describe("an indirect question's short answer", () => {
  it('keeps "No." with "I wondered whether…" (en)', () => {
    const points = pointsOfNote(
      'en',
      opening('Ada', 'Vet', 'Good morning.', 'Morning!') +
        '**Ada:** I wondered whether my cat should eat grain-free food.\n\n' +
        '**Vet:** No. Cats digest small amounts of grain well, and grain-free diets have been linked to heart trouble.\n\n' +
        '**Ada:** How much should she eat a day?\n\n**Vet:** About sixty grams of dry food, split over two meals, for a cat of four kilos.',
    );
    expect(points.some((p) => p.includes('grain-free food. No.'))).toBe(true);
  });

  it('keeps "Nein." with "Ich frage mich, ob…" (de)', () => {
    const points = pointsOfNote(
      'de',
      opening('Jan', 'Tierärztin', 'Guten Morgen.', 'Morgen!') +
        '**Jan:** Ich frage mich, ob mein Hund jeden Tag baden sollte.\n\n' +
        '**Tierärztin:** Nein. Häufiges Baden trocknet die Haut aus; einmal im Monat mit mildem Hundeshampoo reicht.\n\n' +
        '**Jan:** Wie oft soll ich ihn bürsten?\n\n**Tierärztin:** Bei kurzem Fell einmal pro Woche, bei langem Fell jeden zweiten Tag.',
    );
    expect(points.some((p) => p.includes('baden sollte. Nein.'))).toBe(true);
  });

  it('keeps "Porque…" with "Quería saber por qué…" (es)', () => {
    const points = pointsOfNote(
      'es',
      opening('Eva', 'Soporte', '¡Hola!', 'Hola, ¿en qué te ayudo?') +
        '**Eva:** Quería saber por qué mi pedido sigue sin enviarse.\n\n' +
        '**Soporte:** Porque la dirección de entrega no tiene código postal. Añádelo en Mi cuenta → Direcciones y saldrá mañana.\n\n' +
        '**Eva:** Gracias, ya está.',
    );
    expect(points.some((p) => p.includes('sin enviarse. Porque la dirección'))).toBe(true);
  });

  it('keeps the "…ためです" answer with "…理由を知りたいです" and no greeting glued on (ja)', () => {
    const points = pointsOfNote(
      'ja',
      '**佐藤：** こんにちは！\n\n**窓口：** こんにちは、どうなさいましたか？\n\n' +
        '**佐藤：** 荷物がまだ届かない理由を知りたいです。\n\n' +
        '**窓口：** 住所に部屋番号が抜けていたためです。マイページで住所を直すと、明日もう一度配達されます。\n\n' +
        '**佐藤：** ありがとうございます、助かりました。',
    );
    expect(points.some((p) => p.startsWith('荷物がまだ届かない理由を知りたいです。住所に部屋番号'))).toBe(true);
    expect(points.some((p) => p.includes('どうなさいましたか'))).toBe(false);
  });
});
