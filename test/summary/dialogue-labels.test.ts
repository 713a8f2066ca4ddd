/**
 * A dialogue's points are what was asked and what was answered, never its speaker labels or
 * dialogue dashes, in every script the blog uses (issue 23, the tester's round after stop 39).
 * Notes written for this test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

/** Four turns: the asker's two questions and two answers, each turn opened by `open(asker?)`. */
function dialogue(open: (asker: boolean) => string, turns: readonly string[]): string {
  return turns.map((t, i) => `${open(i % 2 === 0)}${t}`).join('\n\n');
}

const cases: Array<{ lang: string; open: (asker: boolean) => string; turns: string[] }> = [
  { lang: 'en', open: (a) => (a ? '**Ana:** ' : '**Ben:** '), turns: ['How do I back up a live SQLite database?', 'Great question! Run VACUUM INTO with a new file name: SQLite writes a consistent copy of the database while readers go on.', 'Does WAL mode change the backup?', 'In WAL mode the database keeps recent pages in the WAL file, so copy the database with VACUUM INTO, never with cp.'] },
  { lang: 'hi', open: (a) => (a ? 'प्रश्न: ' : 'उत्तर: '), turns: ['रेडिस में कुंजी की समय-सीमा कैसे तय करें?', 'बढ़िया सवाल! EXPIRE कमांड से कुंजी पर समय-सीमा लगती है, और TTL कुंजी का बचा हुआ समय बताता है।', 'क्या कुंजी की समय-सीमा हटाई जा सकती है?', 'हाँ, PERSIST कमांड कुंजी की समय-सीमा हटा देता है।'] },
  { lang: 'fr', open: () => '— ', turns: ['Pourquoi ma requête ignore-t-elle l’index sur la colonne email ?', 'Très bonne question. Le planificateur juge l’index sur email plus cher qu’un parcours de la table quand la table est petite.', 'Et avec lower(email) dans la requête ?', 'Il faut alors un index sur lower(email), car l’index sur email ne sert pas à cette requête.'] },
  { lang: 'es', open: () => '— ', turns: ['¿Por qué mi consulta ignora el índice de la columna email?', 'Buena pregunta. El planificador estima que recorrer la tabla cuesta menos que usar el índice de email cuando la tabla es pequeña.', '¿Y si uso lower(email) en la consulta?', 'Entonces hace falta un índice sobre lower(email), porque el índice de email no sirve a esa consulta.'] },
  // Spanish sets the dash against the turn's first word or its ¿ ¡.
  { lang: 'es', open: () => '—', turns: ['¿Cuántas tazas de café al día son seguras?', '¡Excelente pregunta! Hasta cuatro tazas al día son seguras para la mayoría de los adultos.', '¿Y por la tarde, antes de dormir?', 'Evítalo después de las tres, porque la cafeína tarda unas seis horas en reducirse a la mitad.'] },
  { lang: 'de', open: (a) => (a ? 'Frage: ' : 'Antwort: '), turns: ['Wie lege ich in Redis eine Ablaufzeit für einen Schlüssel fest?', 'Gute Frage. Der Befehl EXPIRE setzt die Ablaufzeit des Schlüssels in Sekunden, und TTL zeigt die verbleibende Zeit des Schlüssels.', 'Kann ich die Ablaufzeit wieder entfernen?', 'Der Befehl PERSIST entfernt die Ablaufzeit, und der Schlüssel bleibt dauerhaft.'] },
  { lang: 'zh', open: (a) => (a ? '问：' : '答：'), turns: ['如何在 Redis 中给键设置过期时间？', '好问题。EXPIRE 命令以秒为单位给键设置过期时间，TTL 命令返回键剩余的时间。', '过期时间可以取消吗？', 'PERSIST 命令会取消键的过期时间，键就会一直保留。'] },
  { lang: 'zh-Hant', open: (a) => (a ? '問：' : '答：'), turns: ['如何在 Redis 中為鍵設定過期時間？', '好問題。EXPIRE 命令以秒為單位為鍵設定過期時間，TTL 命令回傳鍵剩餘的時間。', '過期時間可以取消嗎？', 'PERSIST 命令會取消鍵的過期時間，鍵就會一直保留。'] },
  { lang: 'ja', open: (a) => (a ? '質問：' : '回答：'), turns: ['Redis でキーに有効期限を設定するには？', 'いい質問ですね。EXPIRE コマンドはキーに秒単位の有効期限を設定し、TTL コマンドはキーの残り時間を返します。', '有効期限は取り消せますか？', 'PERSIST コマンドでキーの有効期限を取り消すと、キーはずっと残ります。'] },
  { lang: 'ar', open: (a) => (a ? 'س: ' : 'ج: '), turns: ['كيف أضبط مدة صلاحية مفتاح في Redis؟', 'سؤال رائع. يضبط الأمر EXPIRE مدة صلاحية المفتاح بالثواني، ويعيد الأمر TTL الوقت المتبقي للمفتاح.', 'هل يمكن إلغاء مدة صلاحية المفتاح؟', 'يلغي الأمر PERSIST مدة صلاحية المفتاح فيبقى المفتاح دائماً.'] },
];

/** A point that opens with a label of one or two words and a colon, or with a dialogue dash. */
const LABELLED = /^(?:\S{1,12}(?: \S{1,12})?\s*[:：]|[—―–])/u;

describe('a dialogue in each language', () => {
  for (const { lang, open, turns } of cases) {
    it(`gives what was asked and answered without labels (${lang})`, () => {
      const points = pointsOf(lang, dialogue(open, turns));
      expect(points.filter((p) => LABELLED.test(p))).toEqual([]);
      // What was asked first leads a point (its answer may follow it there), its label gone.
      expect(points.some((p) => p.startsWith(turns[0]!))).toBe(true);
      // Praise of the question is no point nor the start of one.
      expect(points.join('\n')).not.toMatch(/Great question|बढ़िया सवाल|Très bonne question|Buena pregunta|Gute Frage|好问题|好問題|いい質問|سؤال رائع/u);
    });
  }
});

describe('a dialogue of one paragraph per exchange', () => {
  it('gives the question and the answer without labels', () => {
    const points = pointsOf('en', 'Q: How does Redis expire keys?\nA: Redis expires keys lazily on access and with a periodic sweep of keys that carry a time to live.\n\nQ: Can the expiry be removed?\nA: PERSIST removes the time to live from a key, which then stays until deleted.');
    expect(points.filter((p) => LABELLED.test(p))).toEqual([]);
    expect(points).toContain('How does Redis expire keys?');
    expect(points).toContain('Redis expires keys lazily on access and with a periodic sweep of keys that carry a time to live.');
  });
});

describe('any dialogue', () => {
  const labelPairs = fc.constantFrom<[string, string]>(
    ['A: ', 'B: '],
    ['**Ana:** ', '**Ben:** '],
    ['**Q**: ', '**A**: '],
    ['प्रश्न: ', 'उत्तर: '],
    ['प्रश्नकर्ता: ', 'विशेषज्ञ: '],
    ['问：', '答：'],
    ['س: ', 'ج: '],
    ['— ', '— '],
    ['― ', '― '],
    ['—', '—'],
  );
  const question = fc.constantFrom('How does the cache expire keys?', 'Why is the index not used?', 'What does VACUUM INTO copy?', 'Can the schedule run twice?');
  const answer = fc.constantFrom(
    'The cache expires keys after their time to live, checked lazily on access and by a periodic sweep.',
    'The planner skips the index when the table is small, since a sequential scan then reads fewer pages.',
    'VACUUM INTO copies the whole database into a new file, consistent at the moment it starts.',
    'The schedule runs once per tick, because the lock file is taken before the job starts.',
  );
  it('never starts a point with a speaker label or a dialogue dash', () => {
    fc.assert(
      // An exchange is two paragraphs, or one paragraph of two lines ("Q: …" then "A: …").
      fc.property(labelPairs, fc.array(fc.tuple(question, answer), { minLength: 2, maxLength: 6 }), fc.constantFrom('\n\n', '\n'), ([ask, reply], exchanges, between) => {
        const body = exchanges.map(([q, a]) => `${ask}${q}${between}${reply}${a}`).join('\n\n');
        const points = pointsOf('en', body);
        expect(points.length).toBeGreaterThan(0);
        expect(points.filter((p) => LABELLED.test(p))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
