/**
 * A dialogue's opening small talk (greetings, "how are you", "glad to help") is no point: its
 * substance begins at the first question answered at length, and the asker of that question is the
 * one whose questions are kept (issue 23, tester round 15). Decided by the turns' place and size, so
 * these notes, written for this test in five languages and four label styles, use their own words.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

describe('a dialogue that opens with small talk', () => {
  it('drops the greeting exchange and keeps the question (en, bold labels)', () => {
    const points = pointsOfNote(
      'en',
      '**Sam:** Morning! Got a minute?\n\n**Bot:** Of course, fire away.\n\n' +
        '**Sam:** Should I water succulents every week in winter?\n\n' +
        '**Bot:** No. In winter they rest, so water them once a month and only when the soil is completely dry.\n\n**Sam:** Cheers!',
    );
    expect(points.some((p) => p.includes('Got a minute'))).toBe(false);
    expect(points.some((p) => p.includes('fire away'))).toBe(false);
    expect(points[0]!.startsWith('Should I water succulents every week in winter?')).toBe(true);
  });

  it('drops a question of courtesy answered in a few words (es, dialogue dashes)', () => {
    const points = pointsOfNote(
      'es',
      '— ¡Buenas! ¿Cómo va todo?\n\n— Todo bien, gracias.\n\n— ¿Cada cuánto hay que cambiar el aceite del coche?\n\n' +
        '— En la mayoría de los coches modernos, cada quince mil kilómetros o una vez al año, lo que llegue antes.',
    );
    expect(points.some((p) => p.includes('Cómo va todo') || p.includes('Todo bien'))).toBe(false);
    expect(points.some((p) => p.includes('cambiar el aceite'))).toBe(true);
  });

  it('keeps the question when the greeting is answered by an offer to help (zh-Hant, CJK labels)', () => {
    const points = pointsOfNote(
      'zh-Hant',
      '客人：早安！\n\n店員：早安！今天想找點什麼嗎？我很樂意幫忙。\n\n客人：淺焙和深焙咖啡豆哪一種比較適合手沖？\n\n' +
        '店員：手沖通常推薦淺焙到中焙。它們的果酸和花香在手沖時最明顯，深焙則比較適合義式濃縮。',
    );
    expect(points.some((p) => p.includes('樂意幫忙'))).toBe(false);
    expect(points.some((p) => p.includes('哪一種比較適合手沖'))).toBe(true);
  });

  it('drops the greeting in Japanese and Arabic', () => {
    const ja = pointsOfNote(
      'ja',
      '生徒：先生、こんにちは！\n\n先生：こんにちは。今日も元気ですね、何でも聞いてください。\n\n生徒：単語は一日に何個覚えればいいですか？\n\n' +
        '先生：一日二十個くらいで十分です。大事なのは、前の日の単語を毎朝復習することです。',
    );
    expect(ja.some((p) => p.includes('何でも聞いてください'))).toBe(false);
    expect(ja.some((p) => p.includes('何個覚えれば'))).toBe(true);
    const ar = pointsOfNote(
      'ar',
      'سامي: صباح الخير، كيف الأحوال؟\n\nليلى: الحمد لله، بخير!\n\nسامي: هل أحتاج إلى تأشيرة لزيارة الأردن؟\n\n' +
        'ليلى: نعم، لكن معظم الزوار يحصلون عليها عند الوصول إلى المطار مقابل رسوم، أو ضمن بطاقة الأردن السياحية.',
    );
    expect(ar.some((p) => p.includes('كيف الأحوال') || p.includes('بخير'))).toBe(false);
    expect(ar.some((p) => p.includes('تأشيرة'))).toBe(true);
  });

  it('keeps every question of an interview with its answer', () => {
    const points = pointsOfNote(
      'en',
      '**Host:** Welcome to the show!\n\n**Chef:** Glad to be here, thank you.\n\n**Host:** Why did you close the city restaurant?\n\n' +
        '**Chef:** The rent tripled in four years. The farm kitchen costs a fifth of it and the produce is ten minutes away.\n\n' +
        '**Host:** And what comes after the farm?\n\n**Chef:** A cookbook, so readers can cook the seasonal menu at home.\n\n**Host:** Lovely, thank you!',
    );
    expect(points.some((p) => p.includes('Glad to be here'))).toBe(false);
    expect(points).toContain('And what comes after the farm? A cookbook, so readers can cook the seasonal menu at home.');
  });

  it('keeps a first request made without a question mark, though a question comes later', () => {
    const points = pointsOfNote(
      'en',
      'Me: Explain how a bloom filter answers membership queries with bit arrays and several hash functions, briefly.\n\n' +
        'AI: Each element sets the bits its hash functions point at; a query checks those bits, and any zero bit means the element was never added.\n\n' +
        'Me: Can it give false negatives?\n\nAI: No. A bit once set stays set, so only false positives are possible, never false negatives.',
    );
    expect(points.some((p) => p.startsWith('Each element sets the bits'))).toBe(true);
  });
});
