/**
 * A list whose every item opens with a label of its own ("**Bit Array**: …", "**Lookup Rule**: …") is a set of peers,
 * each named by its label as a section is by its heading: its first item leads the section over it no more than the
 * others (labelled-peers.ts; select.ts placeWeight gives a section's lead more weight). Before, a "Key Concepts" list's
 * first item, which only says again what the note's opening said ("Bloom filters help turn a set of keys into a compact
 * bit array…"), took a place from its peers for being first (issue 23: boolean-algebra-karnaugh-en never named its
 * Grouping Rule's "powers of 2"). Notes written for this test, one per language.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';
import { labelledPeers } from '../../src/summary/labelled-peers.js';

const notes: [string, string, string, string[]][] = [
  [
    'en',
    `### What Is a Bloom Filter?

A Bloom filter is a compact probabilistic data structure used to test whether an element is a member of a set. It answers either "possibly in the set" or "definitely not in the set", trading a small error rate for very little memory. Designed by Burton Howard Bloom in 1970, Bloom filters suit caches and databases that must skip disk lookups for missing keys.

#### Key Concepts
- **Membership Testing**: Bloom filters help turn a set of keys into a compact bit array that answers membership queries for any element, by checking bits of the array instead of storing the element (a probabilistic data structure).
- **Bit Array**: The filter is a fixed array of m bits, all 0 at the start. Each inserted element sets k bits chosen by k independent hash functions.
- **Lookup Rule**: To query, hash the element with the same k hash functions and check that all k bits are 1. A single 0 bit proves the element was never inserted.
- **No Deletion**: Bits cannot be cleared safely, because several elements may share a bit.

Bloom filters work best when the number of elements is known in advance.

#### Advantages and Limitations
- **Pros**: Constant lookup time, tiny memory footprint, simple to implement in any language.
- **Cons**: False positives grow as the array fills; no deletion without a counting variant.
`,
    'Membership Testing:',
    ['Bit Array:', 'Lookup Rule:', 'No Deletion:'],
  ],
  [
    'es',
    `### ¿Qué es un filtro de Bloom?

Un filtro de Bloom es una estructura de datos probabilística y compacta que sirve para comprobar si un elemento pertenece a un conjunto. Responde "quizá está en el conjunto" o "seguro que no está", y cambia una pequeña tasa de error por muy poca memoria. Diseñados por Burton Howard Bloom en 1970, los filtros de Bloom sirven a cachés y bases de datos que deben evitar lecturas de disco para claves ausentes.

#### Conceptos clave
- **Prueba de pertenencia**: Los filtros de Bloom convierten un conjunto de claves en un arreglo de bits compacto que responde consultas de pertenencia para cualquier elemento, comprobando bits del arreglo en lugar de guardar el elemento (una estructura de datos probabilística).
- **Arreglo de bits**: El filtro es un arreglo fijo de m bits, todos a 0 al principio. Cada elemento insertado pone a 1 k bits elegidos por k funciones hash independientes.
- **Regla de consulta**: Para consultar, se aplica al elemento las mismas k funciones hash y se comprueba que los k bits valen 1. Un solo bit a 0 prueba que el elemento nunca se insertó.
- **Sin borrado**: Los bits no se pueden limpiar con seguridad, porque varios elementos pueden compartir un bit.

Los filtros de Bloom funcionan mejor cuando se conoce de antemano el número de elementos.

#### Ventajas y limitaciones
- **Pros**: Tiempo de consulta constante, memoria mínima, fácil de implementar en cualquier lenguaje.
- **Contras**: Los falsos positivos crecen a medida que el arreglo se llena; no hay borrado sin una variante con contadores.
`,
    'Prueba de pertenencia:',
    ['Arreglo de bits:', 'Regla de consulta:', 'Sin borrado:'],
  ],
];

describe('a list of labelled items', () => {
  it.each(notes)('%s: the first item, which restates the opening, does not outrank its peers', (lang, body, first, peers) => {
    const points = pointsOfNote(lang, body);
    expect(points.some((p) => p.startsWith(first)), points.join('\n')).toBe(false);
    expect(points.some((p) => peers.some((label) => p.startsWith(label))), points.join('\n')).toBe(true);
  });

  it('are peers only when every item opens with its own label and says more after it', () => {
    const item = (name: string | undefined, text: string) => ({ name, text });
    expect(labelledPeers([item('Pros', 'Pros: fast.'), item('Cons', 'Cons: large.')])).toBe(true);
    expect(labelledPeers([item('優點', '優點：快。'), item('缺點', '缺點：大。')])).toBe(true);
    expect(labelledPeers([item('Pros', 'Pros: fast.'), item(undefined, 'It is large.')])).toBe(false);
    expect(labelledPeers([item('Step one', 'Step one'), item('Step two', 'Step two')])).toBe(false); // names alone, nothing after them
    expect(labelledPeers([item('Milk', 'Milk (whole)'), item('Eggs', 'Eggs (two)')])).toBe(false); // a name and an aside: no label
    expect(labelledPeers([item('Pros', 'Pros: fast.')])).toBe(false);
  });
});
