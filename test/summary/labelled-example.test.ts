/**
 * A list item its writer labels an example ("Example: for A and B:" over m₀ = …, m₁ = …) works a case out, as a
 * section headed "Example" does (worked-example.ts): its cases are no point while a statement of the list is left out,
 * which takes their place (issue 23: a note on minterms showed its four worked minterms, not how they are written). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';
import { labelledExample } from '../../src/summary/worked-example.js';

const notes: [string, string, string, string][] = [
  [
    'en',
    `A parity bit is an extra bit added to a binary word so that the count of ones in it is even or odd.

It lets a receiver detect any single flipped bit in the word without knowing the original data.

#### Main properties
- **Purpose**: Parity bits guard serial links and memory words against single-bit errors at almost no cost.
- **Naming**: For a word of n data bits, the even parity bit is written p, the XOR of all n bits of the word.
- **Example**: for three data bits:
  - 000 gives p = 0 (zero ones; decimal 0)
  - 011 gives p = 0 (two ones; decimal 3)
  - 101 gives p = 0 (two ones; decimal 5)
  - 111 gives p = 1 (three ones; decimal 7)
- **In RAID arrays**: Every stripe stores one parity block, so a lost disk can be rebuilt from the others.

#### Why use parity?
- It gives a cheap and complete way to notice that a word changed in transit.
`,
    'decimal 7',
    'Purpose: Parity bits',
  ],
  [
    'es',
    `Un bit de paridad es un bit extra que se añade a una palabra binaria para que el número de unos sea par o impar.

Permite a un receptor detectar cualquier bit invertido en la palabra sin conocer los datos originales.

#### Propiedades principales
- **Propósito**: Los bits de paridad protegen enlaces serie y palabras de memoria frente a errores de un bit casi sin coste.
- **Notación**: Para una palabra de n bits de datos, el bit de paridad par se escribe p, el XOR de todos los n bits de la palabra.
- **Ejemplo**: para tres bits de datos:
  - 000 da p = 0 (ningún uno; decimal 0)
  - 011 da p = 0 (dos unos; decimal 3)
  - 101 da p = 0 (dos unos; decimal 5)
  - 111 da p = 1 (tres unos; decimal 7)
- **En arreglos RAID**: Cada franja guarda un bloque de paridad, así que un disco perdido se reconstruye con los demás.

#### ¿Por qué usar paridad?
- Ofrece una forma barata y completa de notar que una palabra cambió en el camino.
`,
    'decimal 7',
    'Propósito: Los bits',
  ],
  [
    'hant',
    `奇偶校驗位是加在二進位字上的額外位元，使其中 1 的個數為偶數或奇數。

它讓接收端無需知道原始資料，就能偵測字中任何單一翻轉的位元。

#### 主要特性
- **用途**：奇偶校驗位幾乎不花成本，就能保護序列連線與記憶體字免受單一位元錯誤。
- **表示法**：對於具有 n 個資料位元的字，偶校驗位記為 p，即該字所有 n 個位元的 XOR。
- **範例**：對於三個資料位元：
  - 000 得 p = 0（沒有 1；十進位 0）
  - 011 得 p = 0（兩個 1；十進位 3）
  - 101 得 p = 0（兩個 1；十進位 5）
  - 111 得 p = 1（三個 1；十進位 7）
- **在 RAID 陣列中**：每個條帶儲存一個校驗區塊，因此遺失的磁碟可由其他磁碟重建。

#### 為何使用奇偶校驗？
- 它提供一種便宜且完整的方式，來察覺字在傳輸中是否改變。
`,
    '十進位 7',
    '用途：奇偶校驗位',
  ],
];

describe('a list item labelled an example', () => {
  it.each(notes)('%s: its worked cases give way to the list\'s statements', (lang, body, example, statement) => {
    const points = pointsOfNote(lang, body);
    expect(points.join('\n')).not.toContain(example);
    expect(points.join('\n')).toContain(statement);
  });
});

describe('labelledExample', () => {
  it.each(['Example: 011 gives p = 0', 'Ejemplo: 2 + 2 = 4', 'Beispiel: 3 Bits', '範例：000 得 p = 0', 'उदाहरण: 5 + 5 = 10', 'مثال: 5 + 5 = 10'])('"%s" is labelled one', (text) => {
    expect(labelledExample(text)).toBe(true);
  });

  it.each(['カスタムの期間（例：1時間「取り込み中」）を設定するには', 'Notation: p is the XOR of 3 bits', 'Counterexamples: 4 of them'])('"%s" is not', (text) => {
    expect(labelledExample(text)).toBe(false);
  });
});
