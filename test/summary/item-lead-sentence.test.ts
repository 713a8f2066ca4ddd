/**
 * A list under its lead-in whose items (three or more) have no label but open on a short sentence, then explain it at
 * length ("- Water in the morning. Wet leaves at night invite mildew, because …"): each item's first
 * sentence names it, so the lead-in and those names make one point, and no lead is lost to the long
 * explanations after it (tester 21-2 F11). Items of one sentence each, or whose first sentence is too long
 * for a name, are no such list. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const notes = [
  {
    lang: 'en',
    leadIn: 'Three changes saved my tomato plants last summer:',
    leads: ['Water in the morning', 'Prune the lower leaves', 'Feed them every two weeks once the first flowers open'],
    why: [
      'Leaves that stay wet through a warm night are where blight and mildew take hold, and a plant watered at dusk keeps its foliage damp for hours after the sun has gone down behind the fence.',
      'The leaves closest to the soil catch the splashes that carry fungal spores up from the ground, so removing everything below the first fruit cluster keeps the whole plant healthier until autumn.',
      'A plant setting fruit draws far more potassium from the bed than a young one does, and a diluted tomato feed given with the morning water keeps the later trusses from dropping their flowers.',
    ],
  },
  {
    lang: 'de',
    leadIn: 'Drei Änderungen haben letzten Sommer meine Tomaten gerettet:',
    leads: ['Morgens gießen', 'Die unteren Blätter entfernen', 'Alle zwei Wochen düngen, sobald die ersten Blüten aufgehen'],
    why: [
      'Blätter, die in einer warmen Nacht nass bleiben, sind der Ort, an dem sich Krautfäule und Mehltau festsetzen, und eine am Abend gegossene Pflanze bleibt noch Stunden nach Sonnenuntergang feucht.',
      'Die Blätter nahe am Boden fangen die Spritzer auf, die Pilzsporen aus der Erde nach oben tragen, deshalb hält das Entfernen aller Blätter unter der ersten Fruchttraube die Pflanze bis zum Herbst gesund.',
      'Eine Pflanze, die Früchte ansetzt, zieht viel mehr Kalium aus dem Beet als eine junge, und ein verdünnter Tomatendünger mit dem Morgenwasser verhindert, dass die späteren Rispen ihre Blüten abwerfen.',
    ],
  },
  {
    lang: 'es',
    leadIn: 'Tres cambios salvaron mis tomateras el verano pasado:',
    leads: ['Riega por la mañana', 'Quita las hojas de abajo', 'Abona cada dos semanas cuando se abran las primeras flores'],
    why: [
      'Las hojas que siguen mojadas durante una noche cálida son donde arraigan el mildiu y otros hongos, y una planta regada al anochecer mantiene el follaje húmedo durante horas después de la puesta de sol.',
      'Las hojas más cercanas al suelo reciben las salpicaduras que suben las esporas desde la tierra, así que quitar todo lo que queda por debajo del primer racimo mantiene sana la planta hasta el otoño.',
      'Una planta que cuaja frutos saca mucho más potasio del bancal que una joven, y un abono de tomate diluido con el riego de la mañana evita que los racimos tardíos pierdan sus flores.',
    ],
  },
];

const listOf = (leadIn: string, items: string[]) => `${leadIn}\n\n${items.map((i) => `- ${i}`).join('\n')}\n`;

describe('a list of items opening on a short sentence', () => {
  for (const n of notes) {
    it(`in ${n.lang}: names its items by their first sentences under the lead-in`, () => {
      const got = pointsOfNote(n.lang, listOf(n.leadIn, n.leads.map((l, i) => `${l}. ${n.why[i]!}`)));
      const named = got.find((p) => p.startsWith(n.leadIn.replace(/\s*:$/u, '')));
      expect(named).toBeDefined();
      for (const lead of n.leads) expect(named).toContain(lead);
    });
    it(`in ${n.lang}: items of one sentence are not named by a lead they do not have`, () => {
      const got = pointsOfNote(n.lang, listOf(n.leadIn, n.why));
      expect(got.some((p) => p.startsWith(n.leadIn.replace(/\s*:$/u, '')))).toBe(false);
    });
  }
});
