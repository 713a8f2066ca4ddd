/**
 * What a program printed is never a key point (README: never the output shown after a command),
 * nor the lead-in that shows it (issue 23). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

const fence = (lang: string, line: string) => `\`\`\`${lang}\n${line}\n\`\`\``;

describe('the output block after a command, and its lead-in', () => {
  const cases: Array<[string, string, string, string]> = [
    ['en', 'Print the Go toolchain version:', 'The result looks roughly like this:', 'go1.22.4 linux/amd64'],
    ['en', 'Activate the environment:', 'The shell prompt then changes to:', '(env) dev@laptop:~/app$'],
    ['zh', '查看 Python 版本：', '会打印类似下面的内容：', 'Python 3.12.3'],
    ['es', 'Comprueba la versión de Go:', 'Obtendrás algo parecido a:', 'v1.22.4'],
    ['ar', 'تحقق من إصدار Go:', 'سيظهر لك شيء يشبه:', 'Installed version 1.22.4 successfully.'],
  ];
  for (const [lang, leadIn, showsOutput, printed] of cases) {
    it(`are no point, while the command's lead-in keeps its command (${lang}: ${printed})`, () => {
      const body = [leadIn, fence('sh', 'go version'), showsOutput, fence('', printed), 'The toolchain is installed under /usr/local/go by default.'].join('\n\n');
      const points = pointsOf(lang, body);
      expect(points).toContain(`${leadIn.replace(/[:：]$/, '')}${leadIn.endsWith('：') ? '：' : ': '}go version`); // a Chinese lead-in keeps its ：
      expect(points.join('\n')).not.toContain(printed);
      expect(points.some((p) => p.startsWith(showsOutput.replace(/[:：]$/, '')))).toBe(false);
    });
  }

  it('leaves a second command in a block without a language a command', () => {
    const body = ['Build the image:', fence('sh', 'docker build -t app .'), 'Then start it:', fence('', 'docker run --rm app'), 'The container exits when the job ends.'].join('\n\n');
    expect(pointsOf('en', body)).toContain('Then start it: docker run --rm app');
  });
});
