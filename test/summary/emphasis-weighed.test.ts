/**
 * A phrase its writer sets in bold inside a sentence ("catch **any single-bit error**", "任何**單一位元的翻轉**") is what they
 * mark as the point to take away: its words weigh more wherever the note says them (emphasis.ts, salience.ts weighTerms), and its
 * sentence is a point before a statement naming only words said once (issue 23: a note on minterms never showed "exactly
 * one specific input combination", bold in its first paragraph). Notes written for this test, one per language.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const notes: [string, string, string][] = [
  [
    'en',
    `### What is a parity bit?

In data transmission, a **parity bit** (also called a check bit) is the basic building block for detecting errors in binary words. It is essentially one extra bit appended to every word of the link, chosen so that the count of ones comes out even or odd. A receiver can then catch **any single-bit error**, though never **a two-bit swap**.

#### Main properties
- **Purpose**: Parity bits let us protect any serial link or memory word with a single extra bit. The complete scheme is called **even parity** or **odd parity**.
- **Notation**: For a word of *n* data bits (e.g. d1, d2, d3), the parity bit is written p, where p is the XOR of all data bits of the word.
- **In RAID arrays**: Each stripe of the array holds exactly one parity block. The blocks of the stripe are combined by XOR, so that a lost disk can be rebuilt from the other disks of the array.

#### Why use parity bits?
- They give a cheap and complete way to mark the words whose count of ones changed.
- Essential for storage techniques like RAID 5 or ECC memory, reducing the hardware needed for safe storage.

For a word of three data bits (d1, d2, d3) = (1, 0, 1), even parity gives p = 0.

If you are working on a specific link or array, feel free to share more details!
`,
    'catch any single-bit error',
  ],
  [
    'es',
    `### ¿Qué es un bit de paridad?

En la transmisión de datos, un **bit de paridad** (también llamado bit de control) es la pieza básica para detectar errores en palabras binarias. Es en esencia un bit extra que se añade a cada palabra del enlace, elegido para que el número de unos resulte par o impar. Un receptor puede entonces atrapar **cualquier error de un solo bit**, aunque nunca **un intercambio doble**.

#### Propiedades principales
- **Propósito**: Los bits de paridad nos permiten proteger cualquier enlace serie o palabra de memoria con un único bit extra. El esquema completo se llama **paridad par** o **paridad impar**.
- **Notación**: Para una palabra de *n* bits de datos (p. ej. d1, d2, d3), el bit de paridad se escribe p, donde p es el XOR de todos los bits de datos de la palabra.
- **En arreglos RAID**: Cada franja del arreglo guarda exactamente un bloque de paridad. Los bloques de la franja se combinan con XOR, de modo que un disco perdido se reconstruye a partir de los demás discos del arreglo.

#### ¿Por qué usar bits de paridad?
- Ofrecen una forma barata y completa de marcar las palabras cuyo número de unos cambió.
- Esenciales para técnicas de almacenamiento como RAID 5 o la memoria ECC, reduciendo el hardware necesario para un almacenamiento seguro.

Para una palabra de tres bits de datos (d1, d2, d3) = (1, 0, 1), la paridad par da p = 0.

Si trabajas en un enlace o arreglo concreto, ¡no dudes en compartir más detalles!
`,
    'cualquier error de un solo bit',
  ],
  [
    'hant',
    `### 什麼是奇偶校驗位？

在資料傳輸中，**奇偶校驗位**（亦稱檢查位）是偵測二進位字錯誤的基本構件。它本質上是附加在鏈路每個字上的一個額外位元，其選擇使得 1 的個數為偶數或奇數。接收端因此能抓到**任何單一位元的翻轉**，卻永遠抓不到**兩個位元的互換**。

#### 主要特性：
- **用途**：奇偶校驗位讓我們只用一個額外位元，就能保護任何序列鏈路或記憶體字。完整的方案稱為**偶校驗**或**奇校驗**。
- **表示法**：對於具有 *n* 個資料位元的字（例如 d1、d2、d3），校驗位記為 p，其中 p 是該字所有資料位元的 XOR。
- **在 RAID 陣列中**：陣列的每個條帶恰好儲存一個校驗區塊。條帶中的區塊以 XOR 合併，因此遺失的磁碟可由陣列中其他磁碟重建。

#### 為何使用奇偶校驗位？
- 它們提供一種便宜且完整的方式，來標記 1 的個數改變了的字。
- 對於像 RAID 5 或 ECC 記憶體這樣的儲存技術至關重要，可減少安全儲存所需的硬體。

以三個資料位元 (d1, d2, d3) = (1, 0, 1) 為例，偶校驗得出 p = 0。

若您正在處理特定的鏈路或陣列，歡迎分享更多細節！
`,
    '任何單一位元的翻轉',
  ],
];

describe('a phrase the writer sets in bold', () => {
  it.each(notes)('%s: its sentence is a point', (lang, body, emphasised) => {
    const points = pointsOfNote(lang, body);
    expect(points.some((p) => p.includes(emphasised)), points.join('\n')).toBe(true);
  });
});
