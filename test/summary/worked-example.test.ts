/**
 * A worked example (a section its heading names an example, working one case out with figures or a
 * table) illustrates what the note's other sections state: its result is no point while a statement
 * of the note is left out (issue 23: "Simplified expression: f(A, B) = A' + AB" taken, the K-map's
 * grid and grouping rules dropped). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';
import { headsAnExample } from '../../src/summary/worked-example.js';

const notes: [string, string, string, string][] = [
  [
    'en',
    `A bloom filter is a compact probabilistic structure that tells whether a key may be in a set.

## Key ideas

- **Bit array**: The filter keeps m bits, all zero at first; each inserted key sets k of them, chosen by independent hash functions.
- **False positives**: A lookup may answer "maybe present" for a key never inserted, when other keys set all its bits.
- **No deletion**: Clearing a bit could remove other keys, so plain filters cannot delete; counting filters keep small counters instead.
- **Sizing**: The expected key count decides m and k, which keep the false positive rate under one percent.

## Example

| Key | Hashes | Bits set |
|-----|--------|----------|
| cat | 3, 7 | 3, 7 |
| owl | 1, 7 | 1 |

- Query result: dog hashes to 3 and 5, bit 5 is 0, so dog is absent.
`,
    'dog hashes',
    'Bit array',
  ],
  [
    'de',
    `Ein Bloom-Filter ist eine kompakte probabilistische Struktur, die sagt, ob ein Schlüssel in einer Menge sein kann.

## Grundideen

- **Bitfeld**: Der Filter hält m Bits, anfangs alle null; jeder eingefügte Schlüssel setzt k davon, gewählt durch unabhängige Hashfunktionen.
- **Falsch-Positive**: Eine Abfrage kann „vielleicht vorhanden“ melden, wenn andere Schlüssel alle seine Bits gesetzt haben.
- **Kein Löschen**: Ein gelöschtes Bit könnte andere Schlüssel entfernen, daher löschen einfache Filter nicht; Zählfilter halten kleine Zähler.
- **Dimensionierung**: Die erwartete Schlüsselzahl bestimmt m und k, die die Fehlerrate unter einem Prozent halten.

## Beispiel

| Schlüssel | Hashes | Gesetzte Bits |
|-----|--------|----------|
| Katze | 3, 7 | 3, 7 |
| Eule | 1, 7 | 1 |

- Abfrageergebnis: Hund ergibt die Hashes 3 und 5, Bit 5 ist 0, also fehlt Hund.
`,
    'Hund ergibt',
    'Dimensionierung',
  ],
  [
    'zh',
    `布隆过滤器是一种紧凑的概率数据结构，用来判断一个键是否可能在集合中。

## 核心概念

- **位数组**：过滤器保存 m 个位，初始全为零；每插入一个键，就由独立的哈希函数选出其中 k 个位并置为一。
- **假阳性**：查询可能对从未插入的键回答“可能存在”，因为其他键恰好置位了它的所有位。
- **不能删除**：清除一个位可能误删其他键，所以普通过滤器不支持删除；计数过滤器用小计数器代替位。
- **容量规划**：预期的键数量决定 m 和 k，使误判率保持在百分之一以下。

## 示例

| 键 | 哈希 | 置位 |
|-----|--------|----------|
| 猫 | 3, 7 | 3, 7 |
| 鸮 | 1, 7 | 1 |

- 查询结果：狗的哈希为 3 和 5，第 5 位为 0，所以狗不在集合中。
`,
    '狗的哈希',
    '容量规划',
  ],
];

describe('a worked example', () => {
  it.each(notes)('%s: its result gives way to the note\'s statements', (lang, body, example, statement) => {
    const points = pointsOfNote(lang, body);
    expect(points.join('\n')).not.toContain(example);
    expect(points.join('\n')).toContain(statement);
  });
});

describe('headsAnExample', () => {
  it.each(['Simple Example: 2-Variable K-Map', '3-Variable Example', 'Beispiel', 'Ejemplo práctico', 'Exemple', 'उदाहरण', 'مثال', 'المثال الأول', '示例', '範例', '具体例'])('"%s" heads an example', (heading) => {
    expect(headsAnExample(heading)).toBe(true);
  });

  it.each(['例外处理', 'Exemplary code', 'Key Concepts', 'Counterexamples aside'])('"%s" does not', (heading) => {
    expect(headsAnExample(heading)).toBe(false);
  });
});

describe('sections named examples that work no case', () => {
  it.each([
    ['en', 'Examples'],
    ['es', 'Ejemplos'],
    ['ja', '例'],
  ])('%s: a catalogue under "%s" keeps its point', (lang, heading) => {
    const body = `Functional interfaces in Java describe one abstract method that a lambda implements.

## ${heading}

- Predicate<T>, Function<T, R>, Consumer<T>, Supplier<T>, BiFunction<T, U, R>
`;
    expect(pointsOfNote(lang, body).join('\n')).toContain('Predicate');
  });

  it('a note of worked examples only keeps them', () => {
    const body = `## Example 1

Let the price be 40 and the discount 25 percent: the customer pays 30.

## Example 2

Let the price be 80 and the discount 10 percent: the customer pays 72.
`;
    expect(pointsOfNote('en', body).join('\n')).toContain('pays 72');
  });
});
