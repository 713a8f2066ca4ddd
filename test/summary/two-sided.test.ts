/**
 * A comparison's verdict with two sides ("If you live on remote servers, pick Vim. If you want one program for
 * everything, pick Emacs.") is shown whole or not at all: one side alone recommends one of the two (issue 23,
 * tester-23-2 F6, en). Notes written for this test, in other languages than the tester's.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';
import { twoSided } from '../../src/summary/two-sided.js';

const NOTES: Array<[string, string, string, string]> = [
  [
    'de',
    'Vim und Emacs sind beide über vierzig Jahre alt. Vim startet in 50 ms und ist auf fast jedem Server installiert.\n\nEmacs bringt Mail, eine Shell und Org-Mode mit. Es wird in Emacs Lisp erweitert.\n\nWer auf entfernten Servern arbeitet, nimmt Vim. Wer ein Programm für alles will, nimmt Emacs.',
    'nimmt Vim',
    'nimmt Emacs',
  ],
  [
    'es',
    'Vim y Emacs tienen más de cuarenta años. Vim arranca en 50 ms y está instalado en casi cualquier servidor.\n\nEmacs incluye correo, una shell y Org mode. Se extiende con Emacs Lisp.\n\nSi trabajas en servidores remotos, elige Vim. Si quieres un solo programa para todo, elige Emacs.',
    'elige Vim',
    'elige Emacs',
  ],
  [
    'ja',
    'Vim と Emacs はどちらも四十年以上の歴史があります。Vim は 50 ミリ秒で起動し、ほぼすべてのサーバーに入っています。\n\nEmacs はメールやシェル、Org モードまで動かせます。拡張には Emacs Lisp を使います。\n\nリモートサーバーで作業するなら Vim を選びましょう。一つのプログラムですべてを済ませたいなら Emacs を選びましょう。',
    'Vim を選びましょう',
    'Emacs を選びましょう',
  ],
];

describe("a comparison's two-sided verdict", () => {
  for (const [lang, body, one, other] of NOTES) {
    it(`is shown with both sides or neither (${lang})`, () => {
      const points = pointsOfNote(lang, body);
      expect(points.some((p) => p.includes(one))).toBe(points.some((p) => p.includes(other)));
      expect(points.filter((p) => p.includes(one)).every((p) => p.includes(other)), points.join(' | ')).toBe(true);
    });
  }

  it('is told by its frame: the same words around two different names', () => {
    expect(twoSided('If you live on remote servers, pick Vim.', 'If you want one program for everything, pick Emacs.')).toBe(true);
    expect(twoSided('إذا كنت تعمل على خوادم بعيدة، فاختر Vim.', 'وإذا أردت برنامجاً واحداً لكل شيء، فاختر Emacs.')).toBe(true);
    expect(twoSided('Install Vim first.', 'Then configure Vim.')).toBe(false);
    expect(twoSided('Python 3.12 added a new parser.', 'Rust 1.80 shipped LazyLock.')).toBe(false);
  });
});
