/**
 * A list keeps the sentence that introduces it (issue 23, tester F9). A lead-in ending in a colon is
 * no point alone (it points at what follows); it came back only in a compacted point of the items'
 * names, so where the items were too long to be named, or were labels each followed by a long
 * statement, the lead-in was lost and the items stood without what they are. A bold label on a line of
 * its own ran into its sentence ("Apps Duolingo…", "应用多邻国…"). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

/** Whether a point gives the lead-in and then the first item, in one. */
function ledFirst(points: readonly string[], leadIn: string, first: string): boolean {
  return points.some((p) => p.startsWith(leadIn) && p.includes(first));
}

describe('a list of items too long to be named', () => {
  it('gives its lead-in with its first item (en, fr, ar, hi)', () => {
    const en = pointsOfNote('en', 'Most sites can be made faster, and these are the habits that help most:\n\n- Cache query results to cut database round trips, which greatly improves response times.\n- Compress images, stylesheets and scripts so that pages load faster on phones.\n- Analyse slow queries and index the columns you filter on most often.\n\nDo these and most sites get noticeably faster.');
    expect(ledFirst(en, 'Most sites can be made faster', 'Cache query results'), en.join('\n')).toBe(true);
    const fr = pointsOfNote('fr', "La plupart des sites peuvent aller plus vite, et voici les habitudes qui aident le plus :\n\n- Mettez en cache les résultats des requêtes pour réduire les allers-retours vers la base.\n- Compressez les images, les feuilles de style et les scripts pour charger les pages plus vite.\n- Analysez les requêtes lentes et indexez les colonnes que vous filtrez le plus souvent.");
    expect(ledFirst(fr, 'La plupart des sites', 'Mettez en cache'), fr.join('\n')).toBe(true);
    const ar = pointsOfNote('ar', 'يمكن تسريع معظم المواقع، وهذه العادات التي تساعد أكثر من غيرها:\n\n- خزّن نتائج الاستعلامات في الذاكرة المؤقتة حتى تقل الرحلات إلى قاعدة البيانات ويتحسن زمن الاستجابة.\n- اضغط الصور وأوراق الأنماط والسكربتات حتى تُحمَّل الصفحات بسرعة أكبر على الهاتف.\n- حلّل الاستعلامات البطيئة وأنشئ فهارس للأعمدة التي تبحث فيها كثيرًا.');
    expect(ledFirst(ar, 'يمكن تسريع معظم المواقع', 'خزّن نتائج الاستعلامات'), ar.join('\n')).toBe(true);
    const hi = pointsOfNote('hi', 'ज़्यादातर वेबसाइटों को तेज़ किया जा सकता है, और सबसे ज़्यादा मदद करने वाली आदतें ये हैं:\n\n- क्वेरी के नतीजों को कैश में रखें ताकि डेटाबेस तक कम जाना पड़े और जवाब जल्दी मिले।\n- तस्वीरों, स्टाइलशीट और स्क्रिप्ट को संपीड़ित करें ताकि पेज मोबाइल पर जल्दी खुलें।\n- धीमी क्वेरी का विश्लेषण करें और उन कॉलमों पर इंडेक्स बनाएँ जिन पर आप सबसे ज़्यादा खोजते हैं।');
    expect(ledFirst(hi, 'ज़्यादातर वेबसाइटों को', 'क्वेरी के नतीजों को'), hi.join('\n')).toBe(true);
  });

  it('gives its lead-in with its first item, not with all of them as names (zh, hant, ja)', () => {
    const zh = pointsOfNote('zh', '大多数网站都可以变得更快，下面是最有帮助的几个习惯：\n\n- 把经常访问的数据放进内存缓存里，这样可以明显减少数据库的压力。\n- 压缩图片、样式表和脚本等静态资源，可以让页面在手机上加载得更快。\n- 对执行时间很长的查询语句进行分析，并为经常筛选的字段建立合适的索引。');
    expect(ledFirst(zh, '大多数网站都可以变得更快', '把经常访问的数据'), zh.join('\n')).toBe(true);
    expect(zh.some((p) => p.includes('把经常访问的数据') && p.includes('压缩图片')), zh.join('\n')).toBe(false);
    const hant = pointsOfNote('zh-Hant', '大多數網站都可以變得更快，下面是最有幫助的幾個習慣：\n\n- 把經常存取的資料放進記憶體快取裡，這樣可以明顯減少資料庫的壓力。\n- 壓縮圖片、樣式表和腳本等靜態資源，可以讓頁面在手機上載入得更快。\n- 對執行時間很長的查詢語句進行分析，並為經常篩選的欄位建立合適的索引。');
    expect(ledFirst(hant, '大多數網站都可以變得更快', '把經常存取的資料'), hant.join('\n')).toBe(true);
    expect(hant.some((p) => p.includes('把經常存取的資料') && p.includes('壓縮圖片')), hant.join('\n')).toBe(false);
    const ja = pointsOfNote('ja', 'サイトを速くするには、次の三つの習慣が特に効きます：\n\n- よく読まれるデータをメモリ上のキャッシュに置くと、データベースの負荷がかなり下がります。\n- 画像やスタイルシートなどの静的ファイルを圧縮すると、スマートフォンでの表示が速くなります。\n- 時間のかかるクエリを分析して、よく絞り込む列に適切なインデックスを作成しておきます。');
    expect(ledFirst(ja, 'サイトを速くするには', 'よく読まれるデータ'), ja.join('\n')).toBe(true);
    expect(ja.some((p) => p.includes('よく読まれるデータ') && p.includes('画像やスタイルシート')), ja.join('\n')).toBe(false);
  });

  it('keeps a lead-in that names a summing-up word but says more ("我总结了下面这些经验")', () => {
    const zh = pointsOfNote('zh', '学习编程这几年，我总结了下面这些经验：\n\n- 每天坚持写一点代码，哪怕只有半个小时，也比周末突击要有效得多。\n- 遇到看不懂的报错信息时，先自己读一遍，再去搜索引擎里查找答案。\n- 多读优秀的开源项目的源代码，学习别人是怎样组织文件和命名变量的。');
    expect(ledFirst(zh, '学习编程这几年', '每天坚持写一点代码'), zh.join('\n')).toBe(true);
    expect(zh.some((p) => p.includes('每天坚持写一点代码') && p.includes('遇到看不懂的报错信息')), zh.join('\n')).toBe(false);
  });

  it('does not put a summing-up marker ("In short:") before an item', () => {
    const en = pointsOfNote('en', 'Caching and indexing solve different problems.\n\nIn short:\n\n- Use a cache when the same few reads dominate the traffic by a wide margin.\n- Use an index when queries filter a large table on one or two columns.');
    expect(en.some((p) => p.startsWith('In short')), en.join('\n')).toBe(false);
  });
});

describe('labels each followed by a long statement, under a lead-in sentence', () => {
  it('are named under the lead-in, which says what they are (en, es, de)', () => {
    const en = pointsOfNote('en', 'Picking a laptop for programming is not easy. After years of trying many, these are the four things that matter most:\n\n- **Memory**: with sixteen gigabytes the editor, the browser and several containers stay open without the system slowing down.\n- **Screen**: a sharp screen of middling size spares your eyes through long working days at the office or at home.\n- **Keyboard**: you type thousands of lines every week, so a comfortable keyboard with good travel makes a big difference.\n- **Battery**: a battery that lasts all day lets you work in cafés, trains and libraries without looking for a socket.');
    expect(en.some((p) => /the four things that matter most: Memory, Screen, Keyboard, Battery/u.test(p)), en.join('\n')).toBe(true);
    const es = pointsOfNote('es', 'Elegir un portátil para programar no es fácil. Después de probar muchos, estos son los cuatro aspectos que de verdad importan:\n\n- **Memoria**: con dieciséis gigas puedes tener abiertos el editor, el navegador y varios contenedores sin que el sistema se ralentice.\n- **Pantalla**: una pantalla nítida de tamaño medio evita el cansancio de la vista durante las jornadas largas de trabajo en casa.\n- **Teclado**: vas a escribir miles de líneas cada semana, así que un teclado cómodo con buen recorrido marca una gran diferencia.\n- **Batería**: una batería que dure toda la jornada te permite trabajar en cafeterías, trenes y bibliotecas sin buscar un enchufe.');
    expect(es.some((p) => /importan: Memoria, Pantalla, Teclado, Batería/u.test(p)), es.join('\n')).toBe(true);
    const de = pointsOfNote('de', 'Einen Laptop zum Programmieren zu wählen ist nicht leicht. Nach Jahren mit vielen Geräten zählen für mich vor allem diese vier Punkte:\n\n- **Arbeitsspeicher**: Mit sechzehn Gigabyte laufen Editor, Browser und mehrere Container gleichzeitig, ohne dass das System merklich langsamer wird.\n- **Bildschirm**: Ein scharfer Bildschirm mittlerer Größe schont die Augen auch an langen Arbeitstagen im Büro oder zu Hause.\n- **Tastatur**: Man schreibt jede Woche Tausende Zeilen, daher macht eine bequeme Tastatur mit gutem Hub einen großen Unterschied.\n- **Akku**: Ein Akku, der den ganzen Tag hält, erlaubt das Arbeiten im Café, im Zug und in der Bibliothek ohne Steckdose.');
    expect(de.some((p) => /vier Punkte: Arbeitsspeicher, Bildschirm, Tastatur, Akku/u.test(p)), de.join('\n')).toBe(true);
  });
});

describe('a bold label on a line of its own', () => {
  it('reads as a label before its sentence (en, zh, ja)', () => {
    const en = pointsOfNote('en', 'There are three ways to learn a language on your own:\n\n1. **Apps**\n   Duolingo and similar apps give you short daily lessons.\n2. **Books**\n   A good grammar book explains the rules in order.\n3. **Conversation**\n   Talking with native speakers builds confidence fast.');
    expect(en.join('\n')).toMatch(/^Apps: Duolingo/mu);
    expect(en.join('\n')).not.toMatch(/Apps Duolingo/u);
    const zh = pointsOfNote('zh', '自学一门语言有三种方法：\n\n1. **应用**\n   多邻国这类应用每天提供简短的课程。\n2. **书籍**\n   一本好的语法书会按顺序讲解规则。\n3. **对话**\n   和母语者交谈能很快建立信心。');
    expect(zh.join('\n')).toMatch(/^应用：多邻国/mu);
    const ja = pointsOfNote('ja', '独学で言語を学ぶ方法は三つあります。\n\n1. **アプリ**\n   Duolingoなどのアプリは毎日短いレッスンを出してくれます。\n2. **本**\n   よい文法書はルールを順番に説明してくれます。\n3. **会話**\n   ネイティブと話すとすぐに自信がつきます。');
    expect(ja.join('\n')).toMatch(/^アプリ：Duolingo/mu);
  });
});
