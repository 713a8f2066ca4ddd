/**
 * The numbers of a procedure: a numbered list of named steps, compacted into one point, names each
 * step with how long its text says it takes ("Rest the dough (30 minutes)"), in every language
 * (issue 23). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const steps = (lead: string, items: readonly [string, string][], ordered = true) =>
  [`${lead}`, '', ...items.map(([name, body], i) => `${ordered ? `${i + 1}.` : '-'} **${name}**: ${body}`)].join('\n');

describe('a procedure compacted under its lead-in', () => {
  it('names each step with its time', () => {
    const body = steps('### Making bread', [
      ['Mix the dough', 'Combine flour, water, yeast and salt in a large bowl until no dry flour is left.'],
      ['Knead', 'Work the dough on a floured board for 8-10 minutes until it is smooth and springs back.'],
      ['Let it rise', 'Cover the bowl with a damp cloth and leave it somewhere warm for 1-2 hours.'],
      ['Bake', 'Shape the loaf, score the top and bake at 230°C for 35 minutes until it sounds hollow.'],
    ]);
    const compact = pointsOfNote('en', body).find((p) => p.startsWith('Making bread:'));
    expect(compact).toBe('Making bread: Mix the dough, Knead (8-10 minutes), Let it rise (1-2 hours), Bake (35 minutes)');
  });

  it('reads the units of other languages', () => {
    const es = steps('### Preparar el pan', [
      ['Mezclar la masa', 'Combine harina, agua, levadura y sal en un bol grande hasta que no quede harina seca.'],
      ['Amasar', 'Trabaje la masa sobre una tabla enharinada durante 8-10 minutos hasta que esté lisa.'],
      ['Dejar reposar', 'Cubra el bol con un paño húmedo y déjelo en un lugar cálido durante 1-2 horas.'],
    ]);
    expect(pointsOfNote('es', es).join('\n')).toContain('Amasar (8-10 minutos), Dejar reposar (1-2 horas)');
    const ja = steps('### パンの作り方', [
      ['生地を混ぜる', '大きなボウルで小麦粉、水、イースト、塩を粉っぽさがなくなるまで混ぜます。'],
      ['こねる', '打ち粉をした台の上で生地を8〜10分こね、なめらかにします。'],
      ['発酵させる', '濡れ布巾をかけて暖かい場所に1〜2時間置きます。'],
    ]);
    // Japanese lists with 、 (issue 23, s11-d23), and full-width brackets after a Japanese name (F21).
    expect(pointsOfNote('ja', ja).join('\n')).toContain('こねる（8〜10分）、発酵させる（1〜2時間）');
  });

  it('writes the time in full-width brackets after a Chinese name, whatever brackets the note used (issue 23, F21)', () => {
    const zh = (open: string, close: string) =>
      steps('### 做一碗蛋炒饭', [
        ['打蛋', `把两个鸡蛋打散${open}约 1 分钟${close}，加一点盐。`],
        ['炒蛋', `油热后倒入蛋液${open}2-3 分钟${close}，炒到凝固盛出。`],
        ['炒饭', `倒入隔夜米饭翻炒${open}5 分钟${close}，再放回鸡蛋。`],
      ]);
    for (const [open, close] of [['（', '）'], [' (', ') ']]) {
      const compact = pointsOfNote('zh', zh(open!, close!)).find((p) => p.startsWith('做一碗蛋炒饭'));
      expect(compact).toContain('打蛋（1 分钟）、炒蛋（2-3 分钟）、炒饭（5 分钟）');
    }
  });

  it('leaves a list that is no procedure (not numbered) as its names', () => {
    const body = steps('### Breads to try', [
      ['Sourdough', 'A slow loaf: the starter needs 5 days before its first bake.'],
      ['Focaccia', 'A flat oily bread that is ready in about 3 hours from start to finish.'],
      ['Brioche', 'A rich dough with butter and eggs that rests in the fridge for 12 hours.'],
    ], false);
    expect(pointsOfNote('en', body).join('\n')).toContain('Breads to try: Sourdough, Focaccia, Brioche');
  });
});
