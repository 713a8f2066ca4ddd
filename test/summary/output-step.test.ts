/**
 * A numbered list whose last step announces output ("3. The terminal should print:", "3. 结果如下：")
 * with the printed block right after the list (or under the step): that step is no step and the block
 * is no command. Neither the step nor what was printed is a point, nor a name in the list's point
 * (tester 21-2 F12). A last step leading in to a command keeps its command. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const fence = (line: string) => `\`\`\`\n${line}\n\`\`\``;

const notes = [
  { lang: 'en', intro: 'Node 22 ships the built-in test runner this project relies on.', steps: ['Start a shell in the repository.', 'Type `node -v` and press Enter.'], output: 'The terminal should print something like:', run: 'Pin that version in the project:', printed: 'v22.3.0', command: 'echo 22 > .nvmrc' },
  { lang: 'de', intro: 'Node 22 bringt den eingebauten Testläufer mit, den dieses Projekt braucht.', steps: ['Öffnen Sie eine Shell im Repository.', 'Führen Sie `node -v` aus und drücken Sie Enter.'], output: 'Als Ausgabe sehen Sie etwa:', run: 'Legen Sie die Version im Projekt fest:', printed: 'v22.3.0', command: 'echo 22 > .nvmrc' },
  { lang: 'zh', intro: '这个项目依赖 Node 22 自带的测试运行器。', steps: ['在仓库目录里打开终端。', '执行 `node -v` 命令并回车。'], output: '结果如下：', run: '把版本写进项目：', printed: 'v22.3.0', command: 'echo 22 > .nvmrc' },
];

const note = (n: (typeof notes)[number], last: string, block: string, nested: boolean) =>
  `${n.intro}\n\n${n.steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}\n3. ${last}${nested ? `\n\n   ${block.replace(/\n/g, '\n   ')}\n` : `\n\n${block}\n`}`;

describe('a list whose last step announces output', () => {
  for (const n of notes) {
    for (const nested of [false, true]) {
      it(`in ${n.lang}${nested ? ', the output under the step' : ''}: neither the step nor the output is a point or a name`, () => {
        const got = pointsOfNote(n.lang, note(n, n.output, fence(n.printed), nested));
        const lead = n.output.replace(/\s*[:：]$/u, '');
        expect(got.some((p) => p.includes(lead))).toBe(false);
        expect(got.some((p) => p.includes(n.printed))).toBe(false);
        expect(got.some((p) => p.includes('node -v'))).toBe(true);
      });
    }
    it(`in ${n.lang}: a last step leading in to a command keeps it`, () => {
      const got = pointsOfNote(n.lang, note(n, n.run, fence(n.command), false));
      expect(got.some((p) => p.includes(n.run.replace(/\s*[:：]$/u, '')) && p.includes(n.command))).toBe(true);
    });
  }
});
