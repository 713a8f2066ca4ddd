/**
 * A paragraph or code block that a lead-in announces as output ("The output looks like this:", "You
 * should see:", "输出如下：", "出力は次の通りです。", "La salida es:", "الناتج:") is no key point, nor is
 * its lead-in, whatever the output looks like; a lead-in telling the reader to run something keeps
 * its command (issue 23, tester round F01). Notes written for this test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

/**
 * What a program printed, in a code block as it prints it, or as a paragraph opening with a capital
 * (a paragraph opening in lower case reads as a fragment of the one before, and is no point anyway).
 */
const printedAs = (asCode: boolean, words: string[]) => (asCode ? words.join(' ') : [words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1), ...words.slice(1)].join(' '));
const fence = (line: string, lang = '') => `\`\`\`${lang}\n${line}\n\`\`\``;

interface Variant {
  lang: string;
  /** A lead-in with its command: the point that must stay. */
  runs: string;
  command: string;
  showsOutput: string;
  /** A sentence of substance after the output: it must stay too. */
  after: string;
}

const variants: Variant[] = [
  { lang: 'en', runs: 'Install the dependencies:', command: 'pnpm install', showsOutput: 'The output looks like this:', after: 'The lockfile pins every transitive dependency to one version.' },
  { lang: 'en', runs: 'Build the site:', command: 'hugo --minify', showsOutput: 'You should see something like:', after: 'The minified pages land in the public folder of the project.' },
  { lang: 'en', runs: 'Count the tracked files:', command: 'git ls-files', showsOutput: 'Expected result:', after: 'Ignored files never appear in that count of the repository.' },
  { lang: 'zh', runs: '安装依赖：', command: 'pnpm install', showsOutput: '输出如下：', after: '锁文件把每个间接依赖固定在一个版本上。' },
  { lang: 'zh', runs: '构建站点：', command: 'hugo --minify', showsOutput: '你应该会看到类似下面的内容：', after: '压缩后的页面会放在项目的 public 目录里。' },
  { lang: 'ja', runs: '依存関係をインストールします：', command: 'pnpm install', showsOutput: '出力は次の通りです。', after: 'ロックファイルはすべての依存関係のバージョンを固定します。' },
  { lang: 'ja', runs: 'サイトをビルドします：', command: 'hugo --minify', showsOutput: '実行するとこのようなログが表示されます：', after: '圧縮されたページはプロジェクトの public フォルダに置かれます。' },
  { lang: 'es', runs: 'Instala las dependencias:', command: 'pnpm install', showsOutput: 'La salida es:', after: 'El archivo de bloqueo fija cada dependencia transitiva en una versión.' },
  { lang: 'es', runs: 'Compila el sitio:', command: 'hugo --minify', showsOutput: 'Deberías ver algo parecido a esto:', after: 'Las páginas minificadas quedan en la carpeta public del proyecto.' },
  { lang: 'ar', runs: 'ثبّت الاعتماديات:', command: 'pnpm install', showsOutput: 'الناتج:', after: 'يثبّت ملف القفل كل اعتمادية غير مباشرة على إصدار واحد.' },
  { lang: 'ar', runs: 'ابنِ الموقع:', command: 'hugo --minify', showsOutput: 'ستكون النتيجة مشابهة لما يلي:', after: 'توضع الصفحات المصغّرة في مجلد public داخل المشروع.' },
  { lang: 'fr', runs: 'Installez les dépendances :', command: 'pnpm install', showsOutput: 'Vous devriez voir quelque chose comme :', after: 'Le fichier de verrouillage fixe chaque dépendance transitive à une version.' },
  { lang: 'de', runs: 'Installieren Sie die Abhängigkeiten:', command: 'pnpm install', showsOutput: 'Die Ausgabe sieht etwa so aus:', after: 'Die Sperrdatei legt jede transitive Abhängigkeit auf eine Version fest.' },
];

/** The command's point as the summary writes it: a Chinese or Japanese lead-in keeps its full-width colon. */
const commandPoint = (v: Variant) => (v.runs.endsWith('：') ? `${v.runs}${v.command}` : `${v.runs.replace(/\s*:$/, '')}${v.runs.endsWith(' :') ? ' :' : ':'} ${v.command}`);

function noteOf(v: Variant, output: string, asCode: boolean): string {
  return [v.runs, fence(v.command, 'sh'), v.showsOutput, asCode ? fence(output) : output, v.after].join('\n\n');
}

function expectOutputLeftOut(v: Variant, output: string, points: string[]): void {
  expect(points.join('\n')).not.toContain(output);
  expect(points.filter((p) => p.startsWith(v.showsOutput.replace(/\s*[:：。]$/u, '')))).toEqual([]);
  expect(points).toContain(commandPoint(v));
  expect(points).toContain(v.after);
}

describe('output a lead-in announces', () => {
  for (const v of variants) {
    for (const asCode of [true, false]) {
      it(`is no point, nor its lead-in (${v.lang}, ${asCode ? 'code block' : 'paragraph'}: ${v.showsOutput})`, () => {
        const output = printedAs(asCode, ['added', '142', 'packages', 'in', '3s']);
        expectOutputLeftOut(v, output, pointsOf(v.lang, noteOf(v, output, asCode)));
      });
    }
  }

  it('never holds output announced, whatever it prints (property)', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9]{1,7}$/);
    const printed = fc.tuple(fc.array(word, { minLength: 2, maxLength: 6 }), fc.integer({ min: 0, max: 9999 })).map(([words, n]) => [...words, String(n)]);
    fc.assert(
      fc.property(fc.constantFrom(...variants), printed, fc.boolean(), (v, words, asCode) => {
        const output = printedAs(asCode, words);
        fc.pre(!v.after.includes(output) && !v.command.includes(output));
        expectOutputLeftOut(v, output, pointsOf(v.lang, noteOf(v, output, asCode)));
      }),
      { numRuns: 80 },
    );
  });
});

describe('a lead-in that tells the reader to run something', () => {
  const kept: Array<[string, string, string]> = [
    ['en', 'Run this to see the output:', 'docker compose logs'],
    ['en', 'To see the logs, run:', 'journalctl -u app'],
    ['zh', '运行以下命令查看输出：', 'docker compose logs'],
    ['ja', 'ログを確認するには、次のコマンドを実行します：', 'journalctl -u app'],
    ['es', 'Para ver el resultado, ejecuta:', 'journalctl -u app'],
    ['ar', 'لرؤية النتيجة، نفّذ:', 'journalctl -u app'],
  ];
  for (const [lang, leadIn, command] of kept) {
    it(`keeps its command (${lang}: ${leadIn})`, () => {
      const points = pointsOf(lang, [leadIn, fence(command, 'sh'), variants.find((v) => v.lang === lang)!.after].join('\n\n'));
      expect(points.some((p) => p.includes(command))).toBe(true);
    });
  }

  it('leaves a list after "The results:" its lead-in', () => {
    const points = pointsOf('en', ['The benchmark ran on three machines.', 'The results of the benchmark:', '- Laptop: 41 requests per second\n- Desktop: 97 requests per second\n- Server: 310 requests per second'].join('\n\n'));
    expect(points.join('\n')).toContain('Laptop');
  });
});
