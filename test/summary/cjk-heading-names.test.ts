/**
 * CJK headings are names by their script's width, not by a count of characters that holds a Latin word
 * letter by letter and a loanword's sounds one by one: "ガベージコレクション" (ten katakana, two words),
 * "Docker Compose 部署" are names a section's points carry, as "壁時計" is; a heading that asks, or a
 * phrase of Han and hiragana, is none (issue 23, tester 19-2 item 2). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

/** A note of three sections whose texts never say their headings again. */
const note = (opening: string, sections: Array<[heading: string, text: string]>) => [opening, ...sections.map(([h, t]) => `## ${h}\n\n${t}`)].join('\n\n');

const ja: Array<[string, string]> = [
  ['ガベージコレクション', '使われなくなったオブジェクトを自動で回収します。止まる時間は数ミリ秒です。'],
  ['メモリプロファイラー', '確保した量を関数ごとに記録します。漏れの原因を探すのに向きます。'],
  ['スレッドプール', '決まった数のワーカーで仕事を順に処理します。'],
];
const zh: Array<[string, string]> = [
  ['Docker Compose 部署', '一个文件描述所有服务，一条命令全部启动。适合单机。'],
  ['Kubernetes 集群', '多台机器统一调度，自动重启失败的容器。'],
  ['Nomad 调度器', '单个二进制文件，运维负担最小。'],
];
const hant: Array<[string, string]> = [
  ['GitHub Actions 流程', '每次推送都會自動執行，設定檔放在儲存庫裡。'],
  ['Jenkins 管線', '自架伺服器，外掛非常多。'],
  ['GitLab 執行器', '與程式碼託管整合在同一個平台。'],
];

describe('a CJK heading named by its width', () => {
  it('names its section in Japanese, a loanword in katakana longer than eight characters', () => {
    const points = pointsOfNote('ja', note('実行時のメモリ管理には三つの仕組みがあります。', ja));
    expect(points.some((p) => p.startsWith('ガベージコレクション：'))).toBe(true);
    expect(points.some((p) => p.startsWith('メモリプロファイラー：'))).toBe(true);
  });

  it('names its section in Chinese, Latin words and Han together (zh, zh-Hant)', () => {
    const points = pointsOfNote('zh', note('部署容器服务有三种常见做法。', zh));
    expect(points.some((p) => p.startsWith('Docker Compose 部署：'))).toBe(true);
    const hantPoints = pointsOfNote('zh-Hant', note('持續整合有三種常見工具。', hant));
    expect(hantPoints.some((p) => p.startsWith('GitHub Actions 流程：'))).toBe(true);
  });

  it('is no name when a heading of the level asks, or is a phrase of Han and hiragana', () => {
    const asks: Array<[string, string]> = [...ja.slice(0, 2), ['どれを使う？', '決まった数のワーカーで仕事を順に処理します。']];
    expect(pointsOfNote('ja', note('実行時のメモリ管理には三つの仕組みがあります。', asks)).some((p) => p.startsWith('ガベージコレクション：'))).toBe(false);
    const phrase: Array<[string, string]> = [['ガベージコレクションの止め方', ja[0]![1]], ...ja.slice(1)];
    expect(pointsOfNote('ja', note('実行時のメモリ管理には三つの仕組みがあります。', phrase)).some((p) => p.startsWith('メモリプロファイラー：'))).toBe(false);
    const han: Array<[string, string]> = [['如何在生产环境部署服务', zh[0]![1]], ...zh.slice(1)];
    expect(pointsOfNote('zh', note('部署容器服务有三种常见做法。', han)).some((p) => p.startsWith('Kubernetes 集群：'))).toBe(false);
  });
});
