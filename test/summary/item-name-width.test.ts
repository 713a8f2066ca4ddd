/**
 * A list item's name (what a compacted list shows of it) is short as a reader takes it in, not in
 * characters: 48 Chinese or Japanese characters are a whole sentence, three lines of English, and a
 * list of such items "named" whole became one point of walls of text (issue 23, tester F8). Short
 * names in every script still compact under their lead-in. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

/** Whether one point holds the words of two items: the items were named whole, one after the other. */
function holdsTwo(points: readonly string[], items: readonly string[]): boolean {
  return points.some((p) => items.filter((item) => p.includes(item)).length >= 2);
}

const ZH_ITEMS = ['把经常访问的数据放进内存缓存里，这样可以明显减少数据库的压力', '压缩图片、样式表和脚本等静态资源，可以让页面在手机上加载得更快', '对执行时间很长的查询语句进行分析，并为经常筛选的字段建立合适的索引'];
const HANT_ITEMS = ['把經常存取的資料放進記憶體快取裡，這樣可以明顯減少資料庫的壓力', '壓縮圖片、樣式表和腳本等靜態資源，可以讓頁面在手機上載入得更快', '對執行時間很長的查詢語句進行分析，並為經常篩選的欄位建立合適的索引'];
const JA_ITEMS = ['よく読まれるデータをメモリ上のキャッシュに置くと、データベースの負荷がかなり下がります', '画像やスタイルシートなどの静的ファイルを圧縮すると、スマートフォンでの表示が速くなります', '時間のかかるクエリを分析して、よく絞り込む列に適切なインデックスを作成しておきます'];

describe('a list of sentence-long CJK items', () => {
  it('is not compacted into one point of whole items (zh, hant, ja)', () => {
    const zh = pointsOfNote('zh', `提升网站速度的办法有很多，下面是最常用的三种：\n\n${ZH_ITEMS.map((i) => `- ${i}。`).join('\n')}\n\n坚持做好这几件事，大多数网站都会快很多。`);
    expect(holdsTwo(zh, ZH_ITEMS), zh.join('\n')).toBe(false);
    expect(zh.some((p) => p.includes(ZH_ITEMS[0]!))).toBe(true);
    const hant = pointsOfNote('zh-Hant', `提升網站速度的辦法有很多，下面是最常用的三種：\n\n${HANT_ITEMS.map((i) => `- ${i}。`).join('\n')}\n\n堅持做好這幾件事，大多數網站都會快很多。`);
    expect(holdsTwo(hant, HANT_ITEMS), hant.join('\n')).toBe(false);
    const ja = pointsOfNote('ja', `サイトを速くする方法はいろいろありますが、よく効くのは次の三つです。\n\n${JA_ITEMS.map((i) => `1. ${i}。`).join('\n')}\n\nこの三つを続ければ、多くのサイトはずっと速くなります。`);
    expect(holdsTwo(ja, JA_ITEMS), ja.join('\n')).toBe(false);
  });

  it('is not named by a long clause before its colon, nor by a bold sentence', () => {
    const colon = pointsOfNote('zh', `部署之前要检查三件事：\n\n${ZH_ITEMS.map((i) => `- ${i}：这一点在流量高峰时尤其重要。`).join('\n')}`);
    expect(holdsTwo(colon, ZH_ITEMS), colon.join('\n')).toBe(false);
    const bold = pointsOfNote('zh', `部署之前要检查三件事：\n\n${ZH_ITEMS.map((i) => `- **${i}**：这一点在流量高峰时尤其重要。`).join('\n')}`);
    expect(holdsTwo(bold, ZH_ITEMS), bold.join('\n')).toBe(false);
  });
});

describe('short item names', () => {
  it('still compact under their lead-in in every script', () => {
    expect(pointsOfNote('zh', '自学一门语言有三种办法：\n\n- **应用**：每天做几分钟的小练习。\n- **书籍**：一本语法书按顺序讲清规则。\n- **对话**：和母语者聊天最能建立信心。')[0]).toBe('自学一门语言有三种办法：应用、书籍、对话');
    expect(pointsOfNote('zh', '部署前检查三件事：\n\n1. 更新依赖版本\n2. 运行全部测试\n3. 备份线上数据库')[0]).toBe('部署前检查三件事：更新依赖版本、运行全部测试、备份线上数据库');
    expect(pointsOfNote('ja', 'デプロイの前に三つ確認します。\n\n1. 依存パッケージを更新する\n2. すべてのテストを実行する\n3. 本番データベースをバックアップする').join('\n')).toMatch(/依存パッケージを更新する、すべてのテストを実行する、本番データベースをバックアップする/u);
    expect(pointsOfNote('en', 'Before a release we check three things:\n\n1. Update every dependency to its newest version\n2. Run the whole test suite twice\n3. Back up the production database')[0]).toBe(
      'Before a release we check three things: Update every dependency to its newest version, Run the whole test suite twice, Back up the production database',
    );
    expect(pointsOfNote('es', 'Antes de publicar revisamos tres cosas:\n\n- **Dependencias**: todas al día.\n- **Pruebas**: la batería completa pasa.\n- **Copia**: la base de datos respaldada.')[0]).toBe('Antes de publicar revisamos tres cosas: Dependencias, Pruebas, Copia');
  });
});
