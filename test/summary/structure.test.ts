/**
 * Key points by the structure that carries them: how a list's items are named when it becomes one
 * point under its lead-in (commands in code, works with their authors, things with asides), what a
 * sentence too long for a point keeps, and a summing-up lead-in's list. Notes written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(body: string, lang = 'en'): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-note-${lang}.md`, Buffer.from(`---\ntitle: A note\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

describe('a list compacted under its lead-in names every item', () => {
  it('by its command when the items are named in code', () => {
    const got = points(
      [
        'Vim splits and closes windows with ex commands typed in normal mode. The window commands are:',
        '',
        '- `:split` – opens the buffer again in a window above this one.',
        '- `:vsplit` – opens it again in a window beside this one.',
        '- `:close` – closes the current window, keeping its buffer loaded.',
        '- `:only` – closes every other window of the tab.',
      ].join('\n'),
    );
    expect(got.join('\n')).toContain('The window commands are: :split, :vsplit, :close, :only');
  });

  it('in Japanese too: a command in code is the item’s name', () => {
    const got = points(
      [
        'tmux のペインはプレフィックスキーの後にコマンドを入力して操作します。主なコマンドは次のとおりです：',
        '',
        '- `split-window` – 現在のペインを上下に分割します。',
        '- `select-pane` – 別のペインに移動します。',
        '- `kill-pane` – 現在のペインを閉じます。',
        '- `resize-pane` – ペインの大きさを変えます。',
      ].join('\n'),
      'ja',
    );
    expect(got.join('\n')).toMatch(/split-window、select-pane、kill-pane、resize-pane/); // Japanese lists with 、
  });

  it('a work with its author, when the bold title is followed by "- Author:"', () => {
    const got = points(
      [
        'Sea novels worth a winter of reading, oldest first:',
        '',
        '1. **Moby-Dick** - Herman Melville: A whaling voyage that turns into one captain’s obsession.',
        '2. **Typhoon** - Joseph Conrad: A steamer and its stubborn captain ride out a storm.',
        '3. **The Old Man and the Sea** - Ernest Hemingway: An old fisherman fights a marlin for three days.',
        '4. **Master and Commander** - Patrick O’Brian: Friendship and gunnery aboard a Royal Navy sloop.',
      ].join('\n'),
    );
    expect(got.join('\n')).toContain('Moby-Dick - Herman Melville, Typhoon - Joseph Conrad, The Old Man and the Sea - Ernest Hemingway');
  });

  it('a thing with an aside, by its words before the aside; asides of more than a word go when not all names fit', () => {
    const got = points(
      [
        '## Guacamole for four',
        '',
        'Mash everything in a bowl with a fork and season to taste.',
        '',
        '### You need',
        '',
        '- 3 ripe avocados (soft when pressed near the stem, but not bruised or stringy)',
        '- 1 lime (juiced just before mixing, so the avocado stays green longer)',
        '- Half a red onion (chopped very finely and rinsed under cold water)',
        '- A handful of coriander leaves (optional, for those who like it)',
        '- Sea salt (Maldon)',
        '- 1 small chilli (seeded, for a milder heat)',
      ].join('\n'),
    );
    expect(got.join('\n')).toContain('You need: 3 ripe avocados, 1 lime, Half a red onion, A handful of coriander leaves, Sea salt (Maldon), 1 small chilli');
  });
});

describe('a sentence too long for a point', () => {
  it('loses its asides of phrases before an aside that only names things, however long', () => {
    const sentence =
      'The five embedded engines we benchmarked (SQLite, DuckDB, LMDB, RocksDB and Redis) all finished the nightly import well inside its window (as of last spring), so the old batch server was retired in March by the team.';
    expect(sentence.length).toBeGreaterThan(200);
    const got = points(`${sentence}\n\nEach engine was given the same ten gigabytes of sensor readings.`);
    expect(got[0]).toContain('(SQLite, DuckDB, LMDB, RocksDB and Redis)');
    expect(got[0]).not.toContain('as of last spring');
  });

  it('in Japanese, names joined by と stay in their brackets', () => {
    const sentence =
      '今回比較した五つの組み込みデータベース（SQLiteとDuckDBとLMDBとRocksDBとRedis）は、いずれも夜間の取り込みを時間内に終えたため（昨年の春に計測した時点での結果です）、古いバッチ用サーバーは三月に退役し、その分の保守費用と電気代と設置場所がまるごと浮くことになり、運用チームの負担も目に見えて軽くなり、夜間に呼び出される当番の回数も大きく減って、チーム全員が本当にほっとしています。';
    expect(sentence.length).toBeGreaterThan(200);
    const got = points(`${sentence}\n\nどのエンジンにも同じ十ギガバイトのセンサーデータを与えました。`, 'ja');
    expect(got[0]).toContain('（SQLiteとDuckDBとLMDBとRocksDBとRedis）');
    expect(got[0]).not.toContain('昨年の春');
  });
});

describe('a list after a lead-in that sums up ("In short:")', () => {
  it('is the writer’s own summary: its items are points, all of them when they fit', () => {
    const got = points(
      [
        'Rsync copies only the parts of files that changed, which makes it the usual tool for nightly backups of large folders over slow links.',
        '',
        '## Flags worth knowing',
        '',
        'The archive flag keeps permissions, owners and timestamps, and recurses into folders. Compression helps on slow links but wastes processor time on a local disk. A trailing slash on the source copies its contents rather than the folder itself, which surprises most people once.',
        '',
        '## Deleting on the other side',
        '',
        'Files removed at the source stay at the destination unless deletion is asked for explicitly. A dry run prints what would be removed without touching anything, and is worth doing before the first real run.',
        '',
        '👉 In short:',
        '',
        '- Always pass the archive flag, or the copies lose their owners and permissions.',
        '- Mirror deletions only after a dry run has shown what would go away.',
        '- Leave compression off between two local disks, where it only costs time.',
      ].join('\n'),
    );
    for (const item of ['Always pass the archive flag', 'Mirror deletions only after a dry run', 'Leave compression off']) expect(got.some((p) => p.startsWith(item)), got.join('\n')).toBe(true);
  });
});

describe('a note of figures', () => {
  it('opens with its measured fact, though its tables name more than it does', () => {
    const got = points(
      [
        '## 云服务器',
        '',
        '在整整一个月内，两千万次调用仅需花费约48.6美元。',
        '',
        '我一天的流量如下：',
        '',
        '| 类型 | 流量 |',
        '|---|---|',
        '| 入站 | 12,400 MB |',
        '| 出站 | 30,112 MB |',
        '| 内部 | 8,001 MB |',
        '',
        '所以费用主要取决于出站流量。',
        '',
        '## 数据库',
        '',
        '| 套餐 | 每百万次读取 | 每百万次写入 |',
        '|---|---|---|',
        '| `db-small` | 0.2 | 1.1 |',
        '| `db-large` | 0.9 | 4.0 |',
      ].join('\n'),
      'zh',
    );
    expect(got[0]).toBe('在整整一个月内，两千万次调用仅需花费约48.6美元。');
  });
});

describe('a table of figures', () => {
  it.each([
    ['en', 'Total', 'Our three offices measured their heating over the winter.'],
    ['de', 'Summe', 'Unsere drei Büros haben ihre Heizung über den Winter gemessen.'],
    ['zh', '合计', '我们的三个办公室记录了整个冬天的供暖用量。'],
  ])('gives its row of totals, wherever the row is (%s)', (lang, total, opening) => {
    const got = points(
      [
        opening,
        '',
        '| Office | kWh | Cost (EUR) |',
        '|---|---|---|',
        '| Lyon | 4,210 | 802 |',
        '| Porto | 1,980 | 377 |',
        '| Graz | 5,660 | 1,079 |',
        '| Lyon annex | 640 | 122 |',
        '| Porto lab | 910 | 173 |',
        '| Graz depot | 2,300 | 438 |',
        `| ${total} | 15,700 | 2,991 |`,
      ].join('\n'),
      lang,
    );
    expect(got).toContain(`${total}${/\p{Script=Han}$/u.test(total) ? '：' : ': '}15,700 · 2,991`); // a Chinese label takes ：
    // The row of totals is the bottom line, not one of the subjects the table is named by (tester, issue 23).
    const named = got.find((p) => /Lyon(?:, |、)Porto/.test(p)); // a Chinese note lists with 、
    expect(named).toBeDefined();
    expect(named).not.toContain(total);
  });
});

describe('a list named in one point under its lead-in', () => {
  it('does not show an item that is only its name (and an aside) again as a point of its own', () => {
    const got = points(
      [
        'A two-day hike in the hills needs little gear, but each piece matters when the weather turns.',
        '',
        '### Packing list',
        '- A 30-litre rucksack (one with a hip belt carries the weight better)',
        '- Waterproof jacket (optional, for wet forecasts)',
        '- Two litres of water (more in summer)',
        '- A paper map and compass',
        '- Head torch (spare batteries)',
        '',
        '### On the trail',
        '1. **Start early**: Leave before eight. Paths are quiet and the light is soft. Walk at a pace that lets you talk.',
        '2. **Check the map at junctions**: Stop at every fork and find it on the map before you choose. Count the junctions you pass, so a missed turn shows within minutes.',
        '3. **Turn back in time**: Decide a turn-back hour before you set out and keep to it, whatever the summit looks like.',
      ].join('\n'),
    );
    const joined = got.join('\n');
    expect(joined).toContain('Packing list: A 30-litre rucksack');
    // The compact point names every item; an item alone would repeat its name for the sake of its aside.
    for (const item of ['A 30-litre rucksack (one with a hip belt carries the weight better)', 'Waterproof jacket (optional, for wet forecasts)', 'Head torch (spare batteries)', 'Two litres of water (more in summer)']) {
      expect(got).not.toContain(item);
    }
  });
});

describe('a long dialogue', () => {
  /** Sixteen exchanges about PostgreSQL, each question after a remark of the asker's (the first says what the talk is about). */
  const exchanges: Array<[string, string, string]> = [
    ['We are moving our billing system to PostgreSQL next quarter.', 'How does PostgreSQL keep readers from blocking writers?', 'PostgreSQL uses MVCC: every row version carries the transactions that created and deleted it.'],
    ['That is a neat design.', 'What cleans up the old row versions?', 'VACUUM marks dead row versions as free space, and autovacuum runs it in the background.'],
    ['I had seen autovacuum in the logs.', 'How is a crash survived?', 'The write-ahead log records every change before the data files see it, and replay restores them.'],
    ['Makes sense to me.', 'Which index is the default?', 'A B-tree index is the default and serves equality and range queries.'],
    ['I use those all the time.', 'What suits a huge append-only table?', 'A BRIN index stores one summary per block range, so it stays tiny on time-ordered data.'],
    ['That is clever.', 'How do I find slow queries?', 'The pg_stat_statements extension counts calls and time per normalised query.'],
    ['Good to know.', 'How do I read a query plan?', 'EXPLAIN ANALYZE runs the query and shows each node with its real row counts and timings.'],
    ['I will try that tomorrow.', 'Can a table be split by date?', 'Declarative partitioning routes rows to child tables by a range of the partition key.'],
    ['Sounds tidy.', 'How are connections kept cheap?', 'Each connection is a process, so a pooler such as PgBouncer keeps their number low.'],
    ['We run one already.', 'What about JSON data?', 'The jsonb type stores parsed JSON and a GIN index makes its keys searchable.'],
    ['Nice.', 'How do I search text in it?', 'Full-text search turns documents into tsvector values and queries into tsquery values.'],
    ['Handy feature.', 'How is a standby kept in step?', 'Streaming replication ships the write-ahead log to standbys that replay it continuously.'],
    ['We have one of those.', 'How do I copy only some tables to another cluster?', 'Logical replication publishes changes of chosen tables, and a subscriber applies them as rows.'],
    ['Interesting approach.', 'Can the subscriber run a newer major version?', 'Yes: logical replication works across major versions, which makes it a way to upgrade with little downtime.'],
    ['That would help us.', 'What limits should I know of?', 'Logical replication does not carry schema changes or sequences, so those are copied by hand.'],
    ['Thanks, this was useful.', 'Where do I start?', 'Start with pg_stat_statements and EXPLAIN ANALYZE, then plan the upgrade with logical replication.'],
  ];
  const body = exchanges.flatMap(([remark, question, answer]) => [`Dev: ${remark} ${question}`, `DBA: ${answer}`]).join('\n\n');

  it('is read to its end: what its last exchanges come back to is named', () => {
    const got = points(body);
    expect(got.join(' ').toLowerCase()).toContain('logical replication');
  });

  it('read to its end, still starts no point with a speaker label or the asker’s later remarks', () => {
    const got = points(body);
    for (const [remark] of exchanges.slice(1)) for (const p of got) expect(p.startsWith(remark.slice(0, 12)), p).toBe(false);
    for (const p of got) expect(p).not.toMatch(/^(Dev|DBA):/);
  });
});

describe('a long guide that ends with its own summary', () => {
  /** Sixteen sections of three bold-labelled items each: more than the walk takes before the end. */
  function guide(summary: string[]): string {
    const topics = ['Ropes', 'Knots', 'Harness', 'Belaying', 'Anchors', 'Rappelling', 'Falls', 'Gear care', 'Weather', 'Approach', 'Grades', 'Training', 'Helmets', 'Shoes', 'Chalk', 'Partners'];
    const sections = topics.flatMap((topic, i) => [
      `## ${i + 1}. ${topic}`,
      '',
      `What a climber should know about ${topic.toLowerCase()} before the first route:`,
      '',
      `- **Check ${i}**: Look over the ${topic.toLowerCase()} before every climb, twice.`,
      `- **Store ${i}**: Keep the ${topic.toLowerCase()} dry and out of the sun between trips.`,
      `- **Replace ${i}**: Retire the ${topic.toLowerCase()} after a hard fall or five years.`,
      '',
    ]);
    return ['This guide covers what a new climber needs before leading outdoors.', '', ...sections, '## Summary Checklist', '', 'Before your first lead, make sure you can:', '', ...summary].join('\n');
  }

  it('is read however many candidates the sections gave: its items can be points', () => {
    const got = points(guide(['- ☐ Tie a figure-eight follow-through', '- ☐ Give a soft catch', '- ☐ Clean a sport anchor', '- ☐ Call a clear commands sequence'])).join('\n');
    expect(got).toMatch(/figure-eight follow-through/);
  });

});

describe('a list whose items start with a box to tick or a symbol', () => {
  it('names its items without it', () => {
    const got = points(
      ['Packing for a night in a mountain hut is mostly about staying warm and fed.', '', 'Before leaving, make sure you have packed:', '', '- ☐ A sleeping-bag liner', '- ☐ Earplugs', '- ✅ A head torch', '- ☐ Cash for the hut'].join('\n'),
    ).join('\n');
    expect(got).toContain('Before leaving, make sure you have packed: A sleeping-bag liner, Earplugs, A head torch, Cash for the hut');
  });
});

describe('a lead-in or paragraph that starts with a symbol', () => {
  it('leads its list without it', () => {
    const got = points(
      ['Ferries between the islands run all year, less often in winter.', '', '✅ **Crossings worth knowing**:', '', '- **Kos** → Nisyros, an hour', '- **Rhodes** → Symi, ninety minutes', '- **Naxos** → Paros, forty minutes'].join('\n'),
    );
    expect(got.join('\n')).toContain('Crossings worth knowing: Kos, Rhodes, Naxos');
    for (const p of got) expect(p).not.toMatch(/^\p{So}/u);
  });
});

describe('a sentence that a code block interrupts', () => {
  it('is finished by the paragraph after the block: the lead-in and its rest, without the block', () => {
    const got = points(
      [
        'The warning in the build log:',
        '',
        '```',
        'DeprecationWarning: the imp module is deprecated in favour of importlib',
        '```',
        '',
        'comes from a plugin that still imports `imp`, which Python 3.12 removed. Pin the plugin to its 2.x line until it moves to `importlib`.',
      ].join('\n'),
    );
    expect(got[0]).toBe('The warning in the build log comes from a plugin that still imports imp, which Python 3.12 removed.');
    for (const p of got) expect(p).not.toMatch(/^The warning in the build log:/);
  });

  it('is not finished by a paragraph that only goes on from the block ("and then …")', () => {
    const got = points(
      ['Wheels are built before the tests run. Install the build tools with:', '', '```', 'pip install build wheel', '```', '', 'and then build the wheel from the project root.'].join('\n'),
    );
    for (const p of got) expect(p).not.toMatch(/with and then/);
  });
});

describe('a note under one heading (a list of sources aside)', () => {
  it('is about what its heading names, as it is about its title', () => {
    const got = points(
      [
        '### The Harbour Dredging and the Ferry Timetable',
        '',
        'The harbour authority began dredging the north channel in March 2025, after two groundings in one winter. Crews worked at night so the quays stayed free for cargo ships during the day. Tugs moved the barges of silt between the channel and the outer anchorage.',
        '',
        'By May the channel was two metres deeper, and larger cargo ships could berth at any tide. The authority said the work would end in June, a month later than planned, because the silt was heavier than the survey showed. Fishing boats were moved to the old basin while the barges passed.',
        '',
        'The dredging pushed the morning ferry timetable back by forty minutes until the work ended. Cargo volumes rose by a fifth over the summer, and the authority plans a second season of dredging for the south channel in 2026.',
        '',
        '### Sources',
        '- [Harbour notice](https://example.org/notice)',
      ].join('\n'),
    );
    expect(got.join('\n')).toContain('The dredging pushed the morning ferry timetable back by forty minutes');
  });
});

describe('an HTML block', () => {
  it('keeps a space between its elements (a <details> summary and its text are not glued; tester, issue 23)', () => {
    const got = points(
      [
        'A cache in front of the database halves the read latency of the search page.',
        '',
        '<details><summary>Why it matters</summary><p>Because every search reads the same hot rows again and again.</p></details>',
      ].join('\n'),
    );
    expect(got.join(' ')).not.toMatch(/mattersBecause/);
  });
});
