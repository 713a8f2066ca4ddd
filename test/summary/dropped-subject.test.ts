/**
 * Sentences whose subject is only in the sentence before, by their language's grammar: a Chinese
 * clause opening on an adverb or on a predicate ("适合…", "也…") has dropped its subject (a topic
 * chain), a Japanese demonstrative before a formal noun ("そのために…", "その後…") names nothing. Each
 * leans wholly on the sentence before and is shown only after it (README; tester 21-2 F9: "适合有固定发布周期的产品。"
 * stood alone under its heading). A demonstrative with a noun of its own ("その方式は…") still reads alone.
 * Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { leansOn } from '../../src/summary/walk.js';
import { pointsOfNote } from '../helpers/note-points.js';

describe('a sentence whose subject was dropped', () => {
  it.each([
    ['zh', '适合嵌入式设备和桌面应用。'],
    ['zh', '也可以通过配置文件关闭这个功能。'],
    ['hant', '適合需要複雜查詢的後端服務。'],
    ['ja', 'そのために接続ごとに暗号鍵を作り直します。'],
    ['ja', 'その後、古いログは自動で削除されます。'],
  ])('leans wholly on the sentence before (%s: %s)', (lang, s) => {
    expect(leansOn(s, lang)).toBe('wholly');
  });

  it.each([
    ['zh', '适配器模式把一个接口转换成另一个接口。'],
    ['zh', '还有一种做法是直接使用内存数据库。'],
    ['ja', 'その方式は接続ごとに暗号鍵を作り直します。'],
    ['ja', 'その時間帯はサーバーの負荷が高くなります。'],
  ])('is no leaning sentence with a subject or noun of its own (%s: %s)', (lang, s) => {
    expect(leansOn(s, lang)).not.toBe('wholly');
  });

  const SECTIONS_ZH = [
    '本文比较 SQLite、PostgreSQL 和 Redis 三种数据库。',
    '## SQLite\n\nSQLite 把整个数据库存放在一个文件里。适合嵌入式设备和桌面应用。',
    '## PostgreSQL\n\nPostgreSQL 是一个功能完整的关系型数据库服务器，支持事务和复杂查询。适合需要复杂查询的后端服务。',
    '## Redis\n\nRedis 把数据放在内存里，读写很快，常用来做缓存。适合缓存和会话存储。',
    '## 总结\n\n小项目用 SQLite，大型后端用 PostgreSQL，缓存用 Redis。',
  ].join('\n\n');
  const SECTIONS_JA = [
    'この記事では HTTP/1.1、HTTP/2、HTTP/3 の三つを比べます。',
    '## HTTP/1.1\n\nHTTP/1.1 は一つの接続で一度に一つの要求しか送れません。そのためにブラウザはサーバーごとに接続を六本まで開き、画像やスクリプトを並行して取得します。',
    '## HTTP/2\n\nHTTP/2 は一つの接続に複数のストリームを多重化します。その結果、ヘッダーも圧縮されて小さくなります。',
    '## HTTP/3\n\nHTTP/3 は TCP の代わりに QUIC を使い、UDP の上で動きます。そのため、パケットが一つ失われても他のストリームは止まりません。',
    '## まとめ\n\n古い環境では HTTP/1.1、普通は HTTP/2、モバイル回線では HTTP/3 が向いています。',
  ].join('\n\n');

  it.each([
    ['zh', SECTIONS_ZH, /^(?:适合|也)/u, 'SQLite 把整个数据库存放在一个文件里。'],
    ['ja', SECTIONS_JA, /^その(?:ため|結果)/u, 'HTTP/1.1 は一つの接続で一度に一つの要求しか送れません。'],
  ])('is shown only right after the sentence it leans on (%s)', (lang, body, leaning, subject) => {
    const points = pointsOfNote(lang, body);
    expect(points).toContain(subject); // the first section says what it is about, not what it is good for alone
    const sentences = body.split(/\n+/).filter((l) => !l.startsWith('#')).flatMap((p) => p.match(/[^。]+。/gu) ?? []);
    for (const [k, p] of points.entries()) {
      if (!leaning.test(p)) continue;
      const before = sentences[sentences.indexOf(p) - 1];
      expect(points[k - 1]).toBe(before);
    }
  });
});
