/**
 * A reaction opening the note whose remark before its colon only says how widely the thing is met,
 * at any length ("Oh, this one catches out nearly everybody the first time …: <answer>"): the remark is
 * no point and never starts one; the answer after the colon is the note's first point (issue 23, tester
 * 22-3 F3). A remark saying nothing of how widely, or with no pointer, stays. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const REST = {
  en: '\n\nIf the plugin is already enabled, restart the server instead. That clears its cache as well.',
  es: '\n\nSi el plugin ya está activo, reinicia el servidor. Así también se vacía su caché.',
  de: '\n\nWenn das Plugin schon aktiv ist, starte den Server neu. Damit leert sich auch sein Cache.',
  zh: '\n\n如果插件已经启用，就重启服务器。这样它的缓存也会被清空。',
  ja: '\n\nプラグインがすでに有効なら、サーバーを再起動してください。キャッシュも消えます。',
} as const;

describe('a reaction remarking how widely a thing is met, before its colon', () => {
  it('gives the answer after the colon as the first point (en, es, de, zh, ja)', () => {
    expect(pointsOfNote('en', `Oh, this catches out nearly everybody the first time they set up a staging box: open the settings page and switch the plugin on.${REST.en}`)[0])
      .toBe('Open the settings page and switch the plugin on.');
    expect(pointsOfNote('es', `Ah, esto le ocurre a casi todos la primera vez que montan un servidor de pruebas: abre la página de ajustes y activa el plugin.${REST.es}`)[0])
      .toBe('Abre la página de ajustes y activa el plugin.');
    expect(pointsOfNote('de', `Ach, damit kämpfen fast alle beim ersten eigenen Testserver: Öffne die Einstellungen und schalte das Plugin ein.${REST.de}`)[0])
      .toBe('Öffne die Einstellungen und schalte das Plugin ein.');
    expect(pointsOfNote('zh', `啊，这个问题大家第一次搭测试服务器时都会碰到：打开设置页面，把插件开关打开。${REST.zh}`)[0])
      .toBe('打开设置页面，把插件开关打开。');
    expect(pointsOfNote('ja', `ああ、それは初めてテストサーバーを立てるとき誰もが戸惑うところです：設定ページを開いてプラグインを有効にしてください。${REST.ja}`)[0])
      .toBe('設定ページを開いてプラグインを有効にしてください。');
  });

  it('keeps a remark that says nothing of how widely, or has no pointer (en, es)', () => {
    const noHowWidely = 'Oh, this plugin needs its settings saved once before it loads on a staging box: open the settings page and switch the plugin on.';
    expect(pointsOfNote('en', `${noHowWidely}${REST.en}`)[0]).toBe(noHowWidely);
    const noPointer = 'Ah, el servidor de pruebas de la oficina confunde a casi todos: abre la página de ajustes y activa el plugin.';
    expect(pointsOfNote('es', `${noPointer}${REST.es}`)[0]).toBe(noPointer);
    const noPointerEn = 'Oh, the staging theme catches out nearly everybody: open the settings page and switch the plugin on.';
    expect(pointsOfNote('en', `${noPointerEn}${REST.en}`)[0]).toBe(noPointerEn);
  });
});
