/**
 * A question the writer asks and answers is a heading of its answer, not a question back to the
 * reader: the answer is shown after it ("Q? A."), a brief reply ("No.") with the sentence that
 * explains it, and a reply's yes or no is kept; an answer opening "Because…" or with a pronoun is
 * never shown without its question. A dialogue's answer (a definition, in Chinese too) comes with
 * what was asked (issue 23, tester round 16: F3, F5). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

describe('a question the writer asks and answers in prose', () => {
  it('shows the answer after its question, never "Because…" alone (en)', () => {
    const points = pointsOfNote(
      'en',
      'Rust frees memory through ownership rather than a garbage collector.\n\n' +
        'Why are freed values never used again? Because the borrow checker rejects any reference that outlives its owner.\n\n' +
        'What about cycles of reference-counted pointers? They leak unless one side holds a weak pointer.',
    );
    expect(points).toContain('Why are freed values never used again? Because the borrow checker rejects any reference that outlives its owner.');
    expect(points).toContain('What about cycles of reference-counted pointers? They leak unless one side holds a weak pointer.');
    expect(points.some((p) => /^(Because|They)\b/.test(p))).toBe(false);
  });

  it('keeps the question before "Weil…" and "Por…" (de, es)', () => {
    const de = pointsOfNote('de', 'Python prüft Typen erst zur Laufzeit.\n\nWarum meldet mypy den Fehler trotzdem? Weil es die Annotationen vor dem Start liest und vergleicht.');
    expect(de.some((p) => p.startsWith('Warum meldet mypy den Fehler trotzdem? Weil'))).toBe(true);
    expect(de.some((p) => p.startsWith('Weil'))).toBe(false);
    const es = pointsOfNote('es', 'El tren de las nueve llegó con una hora de retraso.\n\n¿Por qué tardó tanto? Por una avería en la catenaria: hubo que cambiar de vía en Zaragoza.');
    expect(es.some((p) => p.startsWith('¿Por qué tardó tanto? Por una avería'))).toBe(true);
    expect(es.some((p) => p.startsWith('Por una'))).toBe(false);
  });

  it('still leaves out a question to the reader that nothing answers', () => {
    const points = pointsOfNote('en', 'Sourdough needs a starter fed every day for a week.\n\nThe loaf then proves overnight in the fridge.\n\nDo you want me to write out a feeding schedule too?');
    expect(points.some((p) => p.includes('feeding schedule'))).toBe(false);
  });
});

/** The points of a teacher-and-student dialogue in Chinese: greetings, two questions, an answer, a follow-up and its answer. */
function classroom(lang: string, [student, teacher]: [string, string], turns: readonly string[]): string[] {
  const [hello, reply, ...rest] = turns;
  const body = [`${student}${hello}`, `${teacher}${reply}`, ...rest.map((t, i) => `${i % 2 === 0 ? student : teacher}${t}`)].join('\n\n');
  return pointsOfNote(lang, body);
}

describe('a question and answer of a dialogue', () => {
  it('keeps a brief "No." with the sentence that explains it, right after the question (en)', () => {
    const points = pointsOfNote(
      'en',
      'Q: How cold is too cold to charge a lithium battery?\n\nA: Anything below freezing. The cell can be used, just not charged.\n\n' +
        'Q: Can a fast charger fix that?\n\nA: No. Charging below zero plates lithium onto the anode and ruins the cell for good.',
    );
    expect(points).toContain('Can a fast charger fix that? No. Charging below zero plates lithium onto the anode and ruins the cell for good.');
    expect(points.some((p) => p.startsWith('Charging below zero'))).toBe(false);
  });

  it("keeps a reply's yes before its \"but\" (ar) and a brief reply in Japanese", () => {
    const ar = pointsOfNote('ar', 'س: كم يستغرق تجفيف الطلاء؟\n\nج: يجف سطحه خلال ساعتين، ويتصلب تمامًا بعد أسبوع.\n\nس: هل يمكن طلاء طبقة ثانية في اليوم نفسه؟\n\nج: نعم، لكن بعد أربع ساعات على الأقل من الطبقة الأولى.');
    expect(ar.some((p) => p.includes('؟ نعم، لكن بعد أربع ساعات'))).toBe(true);
    expect(ar.some((p) => p.startsWith('لكن'))).toBe(false);
    const ja = pointsOfNote('ja', 'Q：観葉植物に毎日水をあげるべきですか？\n\nA：いいえ。土の表面が乾いてからたっぷりあげるのが基本です。\n\nQ：冬はどうしますか？\n\nA：冬は成長が止まるので、水やりの回数を半分に減らします。');
    expect(ja.some((p) => p.includes('？いいえ。土の表面が乾いてから'))).toBe(true);
  });

  it('gives the definition that answers what was asked first (zh, zh-Hant)', () => {
    const zh = classroom('zh', ['学生：', '老师：'], ['老师好！', '你好，今天想问什么？', '什么是闭包？为什么它能记住变量？', '闭包就是函数带着它的环境。只要内部函数引用了外部变量，并且被返回出去，这个变量就不会被回收。', '那如果在循环里创建闭包呢？', '每个闭包会共享同一个变量，除非每次循环都创建新的绑定。', '明白了，谢谢老师！']);
    expect(zh[0]).toBe('什么是闭包？为什么它能记住变量？闭包就是函数带着它的环境。');
    const hant = classroom('zh-Hant', ['學生：', '老師：'], ['老師好！', '你好，今天想問什麼？', '什麼是索引？為什麼它能讓查詢變快？', '索引就是資料庫為某一欄建的目錄。只要查詢條件用到這一欄，並且索引足夠有選擇性，資料庫就不用掃描整張表。', '那如果忘了給這一欄建索引呢？', '資料庫會一直掃描整張表，直到表越來越大而變得很慢。', '明白了，謝謝老師！']);
    expect(hant[0]).toBe('什麼是索引？為什麼它能讓查詢變快？索引就是資料庫為某一欄建的目錄。');
  });
});
