/**
 * A lead-in announcing output that ends its sentence with a stop ("出力は次の通りです。", "The output is
 * as follows.") before a paragraph holding what a program printed: neither is a point, as with a colon
 * (issue 23, F3). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

const cases: Array<{ lang: string; opening: string; runs: string; showsOutput: string; after: string }> = [
  { lang: 'ja', opening: '`du -sh` はディレクトリの使用量を表示するコマンドです。', runs: '次のコマンドを実行してください。', showsOutput: '出力は次の通りです。', after: '複数のディレクトリを指定すると、それぞれの使用量が一行ずつ表示されます。' },
  { lang: 'zh', opening: '`du -sh` 用来显示目录占用的空间。', runs: '运行下面的命令。', showsOutput: '输出如下。', after: '指定多个目录时，每个目录的占用量各占一行。' },
  { lang: 'en', opening: 'The `du -sh` command prints how much space a directory takes.', runs: 'Run the following command:', showsOutput: 'The output is as follows.', after: 'Given several directories, du prints the size of each one on its own line.' },
];

describe('output announced by a lead-in ending in a stop', () => {
  for (const c of cases) {
    it(`is no point, nor its lead-in (${c.lang}: ${c.showsOutput})`, () => {
      const points = pointsOf(c.lang, [c.opening, c.runs, '```sh\ndu -sh photos\n```', c.showsOutput, '4.2G photos', c.after].join('\n\n'));
      expect(points.filter((p) => p.includes(c.showsOutput.replace(/[。.]$/u, '')))).toEqual([]);
      expect(points.join('\n')).not.toContain('4.2G');
      expect(points.some((p) => p.includes('du -sh photos'))).toBe(true);
      expect(points).toContain(c.after);
    });
  }
});
