/**
 * A short line that only sets off ("Here we go.", "Let's get started.", "Vamos allá.") names nothing of
 * the subject: no key point, in each language by its form of "we" urging itself on (issue 23, item 4).
 * Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

describe('a line that only sets off', () => {
  const cases: Array<[string, string, string, string]> = [
    ['en', 'Here we go.', 'Sourdough needs a starter fed the day before baking.', 'Bake it at 240 degrees for forty minutes.'],
    ['en', 'Right, let’s get started.', 'Sourdough needs a starter fed the day before baking.', 'Bake it at 240 degrees for forty minutes.'],
    ['en', 'So here’s the deal.', 'Sourdough needs a starter fed the day before baking.', 'Bake it at 240 degrees for forty minutes.'],
    ['es', 'Manos a la obra.', 'La masa madre se alimenta el día antes de hornear.', 'Se hornea a 240 grados durante cuarenta minutos.'],
    ['es', 'Vamos a ello.', 'La masa madre se alimenta el día antes de hornear.', 'Se hornea a 240 grados durante cuarenta minutos.'],
    ['fr', 'C’est parti.', 'Le levain se nourrit la veille de la cuisson.', 'On cuit le pain à 240 degrés pendant quarante minutes.'],
    ['de', 'Fangen wir an.', 'Der Sauerteig wird am Tag vor dem Backen gefüttert.', 'Gebacken wird bei 240 Grad vierzig Minuten lang.'],
    ['zh', '那我们开始吧。', '酸面团要在烘焙前一天喂养。', '用240度烤四十分钟。'],
    ['zh-Hant', '好，我們開始吧。', '酸麵團要在烘焙前一天餵養。', '用240度烤四十分鐘。'],
    ['ja', 'では、始めましょう。', 'サワー種は焼く前日に餌をやります。', '240度で四十分焼きます。'],
    ['hi', 'तो चलिए शुरू करते हैं।', 'खमीर को पकाने से एक दिन पहले खिलाया जाता है।', 'इसे 240 डिग्री पर चालीस मिनट तक पकाएँ।'],
    ['ar', 'لنبدأ.', 'تُغذّى الخميرة في اليوم السابق للخبز.', 'تُخبز على 240 درجة لمدة أربعين دقيقة.'],
  ];
  for (const [lang, meta, first, second] of cases) {
    it(`is no point, and the statement after it leads (${lang}: ${meta})`, () => {
      const points = pointsOf(lang, [meta, first, second].join('\n\n'));
      expect(points[0]).toBe(first);
      expect(points).not.toContain(meta);
    });
  }

  it('stays when it names what "we" do, or says something itself', () => {
    expect(pointsOf('en', 'Let’s use Redis for sessions.\n\nIt expires keys on its own.')[0]).toBe('Let’s use Redis for sessions.');
    expect(pointsOf('es', 'Vamos a usar Redis para las sesiones.\n\nCaduca las claves por sí solo.')[0]).toBe('Vamos a usar Redis para las sesiones.');
    expect(pointsOf('zh', '我们开始部署 Redis 集群。\n\n它会自动让键过期。')[0]).toBe('我们开始部署 Redis 集群。');
  });
});

describe('a line where "we" only propose to look or understand', () => {
  const cases: Array<[string, string, string, string]> = [
    ['en', 'Let’s take a look.', 'A kettle boils faster with its lid on.', 'The lid keeps the steam in the pot.'],
    ['en', 'OK, let’s see why.', 'A kettle boils faster with its lid on.', 'The lid keeps the steam in the pot.'],
    ['es', 'Veamos por qué.', 'El agua hierve antes con la tapa puesta.', 'La tapa retiene el vapor.'],
    ['fr', 'Voyons ça de plus près.', 'L’eau bout plus vite avec un couvercle.', 'Le couvercle garde la vapeur.'],
    ['de', 'Schauen wir mal.', 'Wasser kocht mit Deckel schneller.', 'Der Deckel hält den Dampf im Topf.'],
    ['zh', '我们来看一下。', '盖上盖子水开得更快。', '盖子把蒸汽留在锅里。'],
    ['ja', 'では、見ていきましょう。', '蓋をするとお湯は早く沸きます。', '蓋が蒸気を閉じ込めます。'],
    ['hi', 'आइए समझते हैं।', 'ढक्कन लगाने से पानी जल्दी उबलता है।', 'ढक्कन भाप को बर्तन में रोकता है।'],
    ['ar', 'دعونا نفهم ذلك.', 'يغلي الماء أسرع مع الغطاء.', 'يحبس الغطاء البخار داخل القدر.'],
  ];
  for (const [lang, meta, first, second] of cases) {
    it(`is no point (${lang}: ${meta})`, () => {
      const points = pointsOf(lang, [meta, first, second].join('\n\n'));
      expect(points[0]).toBe(first);
      expect(points).not.toContain(meta);
    });
  }

  it('follows praise of the question in the same paragraph and is still no point (hi)', () => {
    const points = pointsOf('hi', 'क्या बढ़िया सवाल है! चलो देखते हैं।\n\nढक्कन लगाने से पानी जल्दी उबलता है। ढक्कन भाप को रोकता है।');
    expect(points.some((p) => p.includes('देखते'))).toBe(false);
    expect(points[0]).toBe('ढक्कन लगाने से पानी जल्दी उबलता है।');
  });

  it('stays when it names what is looked at', () => {
    expect(pointsOf('en', 'Let’s see the server logs from Monday.\n\nThey show three restarts.')[0]).toBe('Let’s see the server logs from Monday.');
    expect(pointsOf('de', 'Schauen wir uns die Logs vom Montag an.\n\nSie zeigen drei Neustarts.')[0]).toBe('Schauen wir uns die Logs vom Montag an.');
  });
});
