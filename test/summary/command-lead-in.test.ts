/**
 * A lead-in that says which command does the work ("用下面的命令…：", "次のコマンドで…：") and the
 * one-line command after it are a point in every language, whatever the command acts on: a log
 * folder it lists is no output announced (issue 23, F23). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

describe('a lead-in naming the command, before the command', () => {
  const cases: Array<[string, string, string]> = [
    ['en', 'Show the log files of the proxy with this command:', 'Caching is on by default.'],
    ['zh', '用下面的命令查看代理的日志文件：', '缓存默认是开启的。'],
    ['zh-Hant', '用下面的指令查看代理的日誌檔案：', '快取預設是開啟的。'],
    ['ja', '次のコマンドでプロキシのログファイルを表示します：', 'キャッシュは既定で有効です。'],
  ];
  for (const [lang, leadIn, after] of cases) {
    it(`is a point with its command (${lang})`, () => {
      const points = pointsOf(lang, `${leadIn}\n\n\`\`\`sh\ntail -n 50 /var/log/proxy.log\n\`\`\`\n\n${after}`);
      expect(points.some((p) => p.startsWith(leadIn.replace(/[:：]$/u, '')) && p.endsWith('tail -n 50 /var/log/proxy.log')), points.join(' | ')).toBe(true);
    });
  }
});
