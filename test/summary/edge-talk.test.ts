/**
 * Small talk at an answer's edges (issue 23, F1): a first or last sentence that speaks of the exchange
 * (the writer's or the reader's feelings, "we" setting off, a particle of speech, a polite form) and names
 * nothing the note is about is no key point, however short the note, in every language; told by where it
 * stands and what it names, not by its words. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

// Short answers whose words come once each: no term recurs to tell the filler from the substance.
const BODY: Record<string, string> = {
  en: 'SQLite keeps a whole database in one file. Writers take a lock while committing. In WAL mode readers never wait.',
  zh: 'SQLite 把整个数据库存进单一文件。写入时会加锁。WAL 模式下，读者从不等待。',
  'zh-Hant': 'SQLite 把整個資料庫存進單一檔案。寫入時會加鎖。WAL 模式下，讀者從不等待。',
  ja: 'SQLite はデータベース全体を一つのファイルに保存します。書き込み中はロックがかかります。WAL モードなら読み手は待ちません。',
  es: 'SQLite guarda toda la base de datos en un solo archivo. Quien escribe toma un bloqueo al confirmar. En modo WAL los lectores nunca esperan.',
  fr: 'SQLite garde toute la base dans un seul fichier. Un écrivain pose un verrou pendant la validation. En mode WAL, les lecteurs n’attendent jamais.',
  de: 'SQLite speichert die ganze Datenbank in einer einzigen Datei. Schreiber sperren beim Commit. Im WAL-Modus warten Leser nie.',
};

describe('small talk at the edges of a short answer', () => {
  const openers: Array<[string, string]> = [
    ['en', 'Oh, I totally get why this feels confusing.'],
    ['en', 'Honestly this trips up plenty of people, so you are in good company.'],
    ['zh', '嗨，我完全明白你的疑惑。'],
    ['zh', '其实呢，也没那么复杂啦。'],
    ['zh-Hant', '哎呀，我懂你卡在哪裡了。'],
    ['ja', 'うわあ、それは大変でしたよね。'],
    ['ja', 'さっそくお答えします。'],
    ['es', 'Comprendo muy bien tu frustración.'],
    ['fr', 'Ah, je vois très bien ce qui te bloque.'],
    ['de', 'Oh, dein Frust ist absolut nachvollziehbar.'],
    ['de', 'Gut, dann fangen wir mal an.'],
  ];
  for (const [lang, opener] of openers) {
    it(`an opening that speaks of the exchange is no point (${lang}: ${opener})`, () => {
      const points = pointsOf(lang, `${opener}\n\n${BODY[lang]}`);
      expect(points).not.toContain(opener);
      expect(points[0]).toBe(BODY[lang]!.split(/(?<=[.。])\s*/u)[0]);
    });
  }

  const signOffs: Array<[string, string]> = [
    ['en', 'Shout at me if something is still unclear.'],
    ['zh-Hant', '就這樣，有不懂的地方再來問我喔。'],
    ['fr', 'N’hésite pas à me relancer si quelque chose coince.'],
  ];
  for (const [lang, signOff] of signOffs) {
    it(`a last sentence speaking of the exchange is no point (${lang}: ${signOff})`, () => {
      const points = pointsOf(lang, `${BODY[lang]}\n\n${signOff}`);
      expect(points).not.toContain(signOff);
      expect(points.length).toBeGreaterThan(0);
    });
  }

  it('keeps an edge sentence that names the subject, tells the reader what to do, or gives a figure', () => {
    const named = 'I moved our blog from MySQL to SQLite last year.';
    expect(pointsOf('en', `${named}\n\n${BODY.en}`)[0]).toBe(named);
    const told = 'Für Sicherungen kopieren Sie das Verzeichnis im Ruhezustand.';
    expect(pointsOf('de', `${BODY.de}\n\n${told}`)).toContain(told);
    const figure = 'I tried it on 3 laptops and you will see the same.';
    expect(pointsOf('en', `${figure}\n\n${BODY.en}`)).toContain(figure);
  });

  it('leaves a note of nothing but such a sentence its sentence', () => {
    expect(pointsOf('en', 'Oh, I totally get why this feels confusing.').length).toBe(1);
  });
});
