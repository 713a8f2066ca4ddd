/**
 * A list's lead-in whose subject is made a noun ("よく使われるのは次のとおりです", the ones often used are
 * as follows; "最常用的是以下几个"; "Las más usadas son las siguientes") names its list: it leads the
 * list's point. It was cut to "よく使われるの" (issue 23, an earlier round's open item), or judged a bare
 * "as follows" and dropped, the items shown alone. Told by each language's nominaliser (の, 的) or a
 * subject before the copula and "the following"; a subject that only points ("Estos son los
 * siguientes") still names nothing. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const items = '- Vim\n- Emacs\n- Nano\n- Helix';

describe('a lead-in whose subject is made a noun', () => {
  it.each([
    ['ja', 'ターミナルで使えるエディタはたくさんあります。', '人気があるのは以下の通りです。', 'どれも無料で使えます。', '人気があるのは以下の通りです：Vim、Emacs、Nano、Helix'],
    ['zh', '终端里可用的编辑器有很多。', '最常用的是以下几个：', '它们都可以免费使用。', '最常用的是以下几个：Vim、Emacs、Nano、Helix'],
    ['hant', '終端機裡可用的編輯器有很多。', '最常用的是以下幾個：', '它們都可以免費使用。', '最常用的是以下幾個：Vim、Emacs、Nano、Helix'],
    ['es', 'En la terminal hay muchos editores de texto disponibles.', 'Los más usados son los siguientes:', 'Todos se pueden usar gratis.', 'Los más usados: Vim, Emacs, Nano, Helix'],
    ['fr', 'Le terminal propose de nombreux éditeurs de texte.', 'Les plus utilisés sont les suivants :', 'Tous sont gratuits.', 'Les plus utilisés: Vim, Emacs, Nano, Helix'],
  ])('%s: the lead-in leads its items', (lang, opening, leadIn, after, point) => {
    const points = pointsOfNote(lang, `${opening}\n\n${leadIn}\n\n${items}\n\n${after}`);
    expect(points).toContain(point);
  });

  it('a subject that only points names nothing, one that names the list leads it', () => {
    const note = (leadIn: string) => `En la terminal hay muchos editores de texto disponibles.\n\n${leadIn}\n\n${items}\n\nTodos se pueden usar gratis.`;
    const pointing = pointsOfNote('es', note('Estos son los siguientes:')).join('\n');
    expect(pointing).not.toContain('Estos');
    expect(pointing).toContain('Vim, Emacs, Nano, Helix');
    expect(pointsOfNote('es', note('Los editores clásicos son los siguientes:'))).toContain('Los editores clásicos: Vim, Emacs, Nano, Helix');
  });
});
