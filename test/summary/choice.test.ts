/**
 * Which text becomes a key point, by the kind of note: notes written for these tests in words the
 * corpus does not use, so that what is tested is the rule (structure, language), not a phrase list.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary, DEFAULT_SUMMARY_OPTIONS } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';
import { proseOf, RESIDUE } from '../helpers/visible.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(body: string, lang = 'en'): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-note-${lang}.md`, Buffer.from(`---\ntitle: A note\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

/** Per language: a cheer, a sentence of substance, an offer in the first person, a question back. */
const CHAT: Record<string, { cheer: string; fact: string; offer: string; question: string }> = {
  en: { cheer: 'Wonderful idea!', fact: 'A heap keeps its smallest key at the root, so taking the minimum costs constant time.', offer: 'I can sketch a binary heap in Go next.', question: 'Which priority queue does your scheduler use?' },
  es: { cheer: '¡Qué buena idea!', fact: 'Un montículo guarda la clave mínima en la raíz, así que obtener el mínimo cuesta tiempo constante.', offer: 'Puedo mostrarte un montículo binario en Go.', question: '¿Qué cola de prioridad usa tu planificador?' },
  fr: { cheer: 'Excellente idée !', fact: 'Un tas garde la plus petite clé à la racine, donc obtenir le minimum coûte un temps constant.', offer: 'Je peux esquisser un tas binaire en Go.', question: 'Quelle file de priorité utilise votre planificateur ?' },
  de: { cheer: 'Tolle Idee!', fact: 'Ein Heap hält den kleinsten Schlüssel an der Wurzel, daher kostet das Minimum konstante Zeit.', offer: 'Ich kann einen binären Heap in Go skizzieren.', question: 'Welche Prioritätswarteschlange nutzt dein Scheduler?' },
  zh: { cheer: '好主意！', fact: '堆把最小的键放在根节点，所以取最小值只需常数时间。', offer: '我可以用 Go 写一个二叉堆。', question: '你的调度器用的是哪种优先队列？' },
  hant: { cheer: '好主意！', fact: '堆把最小的鍵放在根節點，所以取最小值只需常數時間。', offer: '我可以用 Go 寫一個二元堆積。', question: '你的排程器用的是哪種優先佇列？' },
  ja: { cheer: '素晴らしいアイデアです！', fact: 'ヒープは最小のキーを根に保つため、最小値の取得は定数時間で済みます。', offer: '私は Go で二分ヒープを書いてみましょう。', question: 'あなたのスケジューラはどの優先度キューを使っていますか？' },
  hi: { cheer: 'शानदार विचार!', fact: 'हीप सबसे छोटी कुंजी को रूट पर रखता है, इसलिए न्यूनतम निकालना स्थिर समय लेता है।', offer: 'मैं Go में एक बाइनरी हीप लिख सकता हूँ।', question: 'आपका शेड्यूलर कौन सी प्रायोरिटी क्यू इस्तेमाल करता है?' },
  ar: { cheer: 'فكرة رائعة!', fact: 'تحتفظ الكومة بأصغر مفتاح في الجذر، لذا فإن الحصول على الحد الأدنى يستغرق وقتًا ثابتًا.', offer: 'سأكتب لك كومة ثنائية بلغة Go.', question: 'ما هي قائمة الأولوية التي يستخدمها المجدول لديك؟' },
};

describe('chat filler, offers and questions back', () => {
  it.each(Object.entries(CHAT))('are never a point, nor start one, in %s', (lang, c) => {
    const got = points(`${c.cheer} ${c.fact}\n\n${c.offer} ${c.question}`, lang);
    expect(got.length).toBeGreaterThan(0);
    expect(got.join(' ')).toContain(c.fact.slice(0, 12));
    for (const p of got) {
      for (const bad of [c.cheer, c.offer, c.question]) expect(p.startsWith(bad.slice(0, 8)), `${lang}: ${p}`).toBe(false);
      expect(p, lang).not.toMatch(/[?？؟]$/u);
    }
  });

  it('an agreeing word before a comma or a dash does not start a point', () => {
    const got = points('Sure, a trie stores strings by their prefixes. Indeed — lookups cost the length of the key.');
    expect(got[0]).toBe('A trie stores strings by their prefixes.');
    expect(got.join(' ')).toContain('Lookups cost the length of the key.');
  });

  it('a property: whatever cheers, offers and questions surround the substance, none becomes a point', () => {
    // An English note, with cheers, offers and questions in English or (as translations leave them)
    // in another script; Latin-script languages other than the note's own are told by the note's tag.
    const lang = fc.constantFrom('en', 'zh', 'hant', 'ja', 'hi', 'ar');
    fc.assert(
      fc.property(lang, lang, lang, fc.boolean(), (a, b, q, questionFirst) => {
        const body = questionFirst
          ? `${CHAT[q]!.question}\n\n${CHAT[a]!.cheer} ${CHAT.en!.fact}\n\n${CHAT[b]!.offer}`
          : `${CHAT[a]!.cheer} ${CHAT.en!.fact}\n\n${CHAT[b]!.offer}\n\n${CHAT[q]!.question}`;
        const got = points(body);
        return got.length === 1 && got[0] === CHAT.en!.fact;
      }),
      { numRuns: 60, seed: 23 },
    );
  });
});

describe('small talk and praise that name nothing', () => {
  const praise: Record<string, string> = {
    en: 'Happy to dig into this with you.',
    es: 'Me alegra mucho que lo preguntes.',
    de: 'Schön, dass du danach fragst.',
    fr: 'Vous touchez là un point essentiel.',
    zh: '很高兴和你一起研究这个。',
    ja: '一緒に考えられてうれしいです。',
  };
  it.each(Object.entries(praise))('are left out when the note says things (%s)', (lang, line) => {
    const c = CHAT[lang]!;
    // An answer with things to say: the fact, then the calls it is about.
    const body = `${line} ${c.fact}\n\n${['heap.Init(h)', 'heap.Push(h, x)', 'heap.Pop(h)', 'heap.Fix(h, i)'].map((code) => `- \`${code}\``).join('\n')}\n`;
    const got = points(body, lang);
    expect(got.length).toBeGreaterThan(0);
    for (const p of got) expect(p.startsWith(line.slice(0, 6)), `${lang}: ${p}`).toBe(false);
  });

  it('an English offer left in a translated note is not a point', () => {
    const got = points(`${CHAT.de!.fact}\n\nIf you want, I can show the same heap in Rust.`, 'de');
    expect(got).toEqual([CHAT.de!.fact]);
  });
});

describe('a note’s structure drives the choice', () => {
  it('names the options its headings give', () => {
    const body = [
      'Jobs can run on a schedule in three ways.',
      '## Option 1: cron',
      'It is everywhere and needs nothing extra.',
      '## Option 2: systemd timers',
      'They log to the journal and catch up after downtime.',
      '## Option 3: a workflow scheduler',
      'It adds retries and dependencies between jobs.',
    ].join('\n\n');
    const got = points(body).join(' ');
    for (const name of ['cron', 'systemd timers', 'a workflow scheduler']) expect(got).toContain(name);
  });

  it('a long guide is named by its numbered parts, not its preface, its sub-sections or its first part alone', () => {
    // Part one alone is long enough to fill the walk; the outline still leads after the opening.
    const longPart = Array.from({ length: 30 }, (_, i) => `- Widget ${i} rotates the gearbox ${i} times a minute`).join('\n');
    const part = (n: number, name: string, subs: string[]) => [`## ${n}. ${name}`, ...subs.flatMap((sub) => [`### ${sub}`, `The ${sub.toLowerCase()} stage turns slowly.`])];
    const body = [
      'This handbook explains how a clockwork mill is built and kept running.',
      '## Workshop Certification Board',
      'The board sets the exam.',
      ...part(1, 'Gears and Escapements', ['Spur gears', 'Pinions', 'Anchors', 'Pallets']),
      longPart,
      ...part(2, 'Winding and Regulating', ['Mainsprings', 'Fusees', 'Balance wheels']),
      ...part(3, 'Lubrication Schedules', ['Oils', 'Greases', 'Intervals']),
      ...part(4, 'Fault Finding', ['Stalls', 'Slips', 'Overwinding']),
      '## Introduction to the Exam',
      'Bring a pencil.',
    ].join('\n\n');
    const got = points(body);
    const outline = got.find((p) => p.includes('Gears and Escapements'));
    expect(outline).toBe('Gears and Escapements, Winding and Regulating, Lubrication Schedules, Fault Finding');
  });

  it('a note of records is named by each record and its key field; a field alone speaks for its record', () => {
    const record = (name: string, port: string, line: string) => [`### ${name}`, `* **Port**: \`${port}\` (assigned by the harbour office)\n* **Berths**: ${line}`];
    const body = [
      'The ferry terminals of the bay differ in how they dock.',
      ...record('Northpoint', 'NP-1', 'Four deep berths, tide-independent, for the night ferries.'),
      ...record('Saltmarsh', 'SM-7', 'Two shallow berths used only at high water.'),
      ...record('Kestrel Quay', 'KQ-3', 'One floating berth that rises with the tide.'),
      ...record('Amberline', 'AL-9', 'Six berths shared with the freight barges.'),
    ].join('\n\n');
    const got = points(body);
    expect(got).toContain('Northpoint NP-1, Saltmarsh SM-7, Kestrel Quay KQ-3, Amberline AL-9');
    for (const p of got) expect(p, p).not.toMatch(/^(Port|Berths):/);
    expect(got.some((p) => /^(Northpoint|Saltmarsh|Kestrel Quay|Amberline): \S/.test(p)), got.join('\n')).toBe(true);
  });

  it('a labelled output line and a paragraph going on from a formula are no points', () => {
    const body = 'Vacuuming the journal frees space.\n\n```sh\njournalctl --vacuum-time=7d\n```\n\nOutput: Vacuuming done, freed 1.1G of archived journals.\n\n$$x^2$$\n\nwhich holds for every real x.';
    for (const p of points(body)) expect(p).not.toMatch(/^Output|^which/);
  });

  it('keeps the overview that names the parts', () => {
    const body = [
      'Graph searches come in families. We walk through BFS, DFS, Prim and Bellman-Ford below.',
      '## BFS',
      'BFS visits neighbours level by level with a queue.',
      '```text\nOutput: 0 1 2 3\n```',
      'Output: BFS: 0 1 2 3',
      '## DFS',
      'DFS goes deep first with a stack or recursion.',
      '## Prim',
      'Prim grows a minimum spanning tree from one vertex.',
      '## Bellman-Ford',
      'Bellman-Ford relaxes every edge V-1 times and detects negative cycles.',
    ].join('\n\n');
    const got = points(body);
    expect(got.join(' ')).toContain('Prim');
    expect(got.join(' ')).toContain('Bellman-Ford');
    for (const p of got) expect(p).not.toMatch(/^Output|^BFS: 0/);
  });

  it('compacts a list under its lead-in', () => {
    const got = points('Two routes lead to a place.\n\nThe second route is for everyone else:\n\n- mature applicants\n- transfer students\n- holders of foreign diplomas\n');
    expect(got.some((p) => p.startsWith('The second route is for everyone else: mature applicants, transfer students'))).toBe(true);
  });

  it('names the rows of a table-only note', () => {
    const got = points('| Rank | Crate | Downloads |\n|---|---|---|\n| 1 | serde | 500M |\n| 2 | tokio | 300M |\n| 3 | rand | 280M |\n| 4 | clap | 200M |\n');
    expect(got.join(' ')).toMatch(/serde, tokio, rand, clap/);
  });

  it('gives what a dialogue asked and answered, without speaker labels', () => {
    const body = [
      'Ann: How do I undo the last commit but keep my changes?',
      'Bot: Of course! Run git reset --soft HEAD~1 and the changes stay staged.',
      'Ann: And if I already pushed it?',
      'Bot: Then git revert creates a new commit that undoes it, which is safe for shared branches.',
    ].join('\n\n');
    const got = points(body);
    expect(got.join(' ')).toContain('undo the last commit');
    expect(got.join(' ')).toContain('git revert');
    for (const p of got) expect(p).not.toMatch(/^(Ann|Bot):|^Of course/);
  });

  it('a lead-in keeps its command, never the output after it', () => {
    const got = points('Check what runs in the background.\n\n1. List the stopped jobs:\n   ```\n   jobs\n   ```\n   The listing looks similar to `[1]+ Stopped vim`.\n2. Bring one back with `fg %1`.\n');
    expect(got).toContain('List the stopped jobs: jobs');
    expect(got.join(' ')).not.toContain('listing looks similar');
  });

  it('a sentence announcing a formula or a list is not a point without it', () => {
    const got = points('The trace is a simple invariant. Its definition is\n\n$$\\operatorname{tr}(A) = \\sum_i a_{ii}$$\n\nそれは次の通りです。\n\n- one\n- two\n');
    for (const p of got) expect(p).not.toMatch(/definition is$|次の通り/);
  });
});

describe('the text of a point', () => {
  it('keeps what a TeX accent means', () => {
    expect(points('In logic $\\overline{A} \\cdot \\overline{B}$ is true only when both are false, and $\\hat{\\beta}$ estimates the slope.').join(' ')).toContain('A̅ · B̅ is true only when both are false, and β̂ estimates');
  });

  it('reads inline math as text: no TeX, nothing cut inside it', () => {
    const got = points('There are $n!$ orderings of $n$ items, and $\\frac{a}{b}$ of them start with $\\alpha$.').join(' ');
    expect(got).toContain('n! orderings of n items, and a/b of them start with α.');
    expect(got).not.toMatch(/\\frac|\$/);
  });

  it('never ends a sentence inside a URL', () => {
    expect(points('Fetch https://ex.org/a*b?x=1&y=2 to see the rows. Then page on.')).toEqual(['Fetch https://ex.org/a*b?x=1&y=2 to see the rows.', 'Then page on.']);
  });

  it('leaves text between dollars that is not TeX as written, with no markup left in it (a shrunk counterexample)', () => {
    const { note, tokens } = parseNote('_posts/2025-01-01-note-en.md', Buffer.from('AA $` \\ !$'), opts);
    for (const p of buildSummary(note, tokens).keyPoints) expect(proseOf(p)).not.toMatch(RESIDUE);
  });

  it('keeps a hash written before code as the hash it is, not a heading (a shrunk counterexample of the properties test)', () => {
    const { note, tokens } = parseNote('_posts/2025-01-01-note-en.md', Buffer.from('#` !` Ut.'), opts);
    const [point] = buildSummary(note, tokens).keyPoints;
    expect(point).toEqual([{ text: '#' }, { text: ' !', style: 'code' }, { text: ' Ut.' }]);
    expect(proseOf(point!)).not.toMatch(RESIDUE);
  });

  // Shrunk counterexamples of the properties test: a known element goes whole, attributes and all (as
  // a browser reads it); anything else in angle brackets is text, and the tags inside it still go.
  it.each(['</div> <C <div>', '<A #include <stdio.h>', 'x <C <b>bold</b> y'])('leaves no tag in a point from %j', (text) => {
    const { note, tokens } = parseNote('_posts/2025-01-01-note-en.md', Buffer.from(text), opts);
    const points = buildSummary(note, tokens).keyPoints;
    for (const p of points) expect(proseOf(p)).not.toMatch(RESIDUE);
  });

  it('keeps text in angle brackets that holds a tag: "<C <div>" reads "<C"', () => {
    expect(points('Write <C <div> here.')).toEqual(['Write <C here.']);
  });

  it('cuts a sentence too long for a point where its last whole clause ends, when that keeps most of it', () => {
    const sentence = 'By the spring the harbour board had postponed the opening of the northern pier for the second time because the pilings failed their load tests: the engineers found that the timber had been stored wet through the winter and had split along its grain in more than forty places.';
    const [first] = points(sentence);
    expect(first).toBe('By the spring the harbour board had postponed the opening of the northern pier for the second time because the pilings failed their load tests…');
  });

  it('keeps prices written with dollars', () => {
    expect(points('The plan costs $5 a month, or $50 a year.')).toEqual(['The plan costs $5 a month, or $50 a year.']);
  });

  it('reads a kramdown definition as "term: definition"', () => {
    expect(points('Idempotence\n: doing it twice is doing it once.')).toEqual(['Idempotence: doing it twice is doing it once.']);
  });

  it('keeps an escaped # and asterisks between letters', () => {
    expect(points('Write \\# before a comment, and a*b*c*d multiplies four numbers.')).toEqual(['Write # before a comment, and a*b*c*d multiplies four numbers.']);
  });

  it('never leaves a bracket or quote open when it cuts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 190 }), fc.constantFrom(['(', ')'], ['«', '»'], ['“', '”'], ['「', '」']), (at, [open, close]) => {
        const filler = 'word '.repeat(60);
        const text = `${filler.slice(0, at)}${open}an aside that runs past the cut ${filler}${close} and ends.`;
        for (const p of points(text)) {
          const opens = [...p].filter((c) => c === open).length;
          const closes = [...p].filter((c) => c === close).length;
          if (opens !== closes) return false;
          if (p.length > DEFAULT_SUMMARY_OPTIONS.maxPointChars) return false;
        }
        return true;
      }),
      { numRuns: 80, seed: 23 },
    );
  });
});

describe('when the five places run out before the characters', () => {
  it('a point that names more wins over a shorter one that names little', () => {
    const got = points(
      [
        'A sourdough loaf needs only flour, water, salt and a lively starter.',
        'Feed the starter with Manitoba flour.',
        'Keep the jar near the Aga overnight.',
        'Shape the dough on a Dutch board.',
        'Bake it in a Staub pot.',
        'Score the top with a Lame.',
        'If the crumb comes out dense and gummy, the starter was fed too long before mixing, so Hamelman and Reinhart both advise mixing at its peak, when it has doubled and smells of yoghurt.',
      ].join('\n\n'),
    );
    expect(got).toHaveLength(DEFAULT_SUMMARY_OPTIONS.maxPoints);
    expect(got.join('\n')).toContain('Hamelman and Reinhart both advise mixing at its peak');
  });
});
