/**
 * Which candidates become key points: those that together name most of what the note is about
 * within the budget (greedy maximum coverage of weighted terms, per character shown), spread over
 * the note's sections, the opening and section leads preferred, sign-offs and sentences that lean
 * on an unchosen one avoided. Chosen points are shown in reading order. Pure.
 */
import { isProse, sumsNoteUp, type Candidate } from './walk.js';
import { pointText, type KeyPoint, type SpanTable } from './inline.js';
import { saidText } from './said.js';
import { scrubMarkup } from './plain.js';
import { TermIndex, termsOf, weighTerms } from './salience.js';
import { inCodeOf } from './code-terms.js';
import { wordCount } from './tone.js';
import { hasNumber } from './chars.js';
import { statesTopicFact } from './topic-fact.js';
import { givesOwnView } from './own-view.js';
import { showsRawTex } from './raw-tex.js';
import { showsValueHole } from './value-hole.js';
import { figuresWorthPlace, OWN_FIGURES_GAIN, rowFigureCounts, rowWaits } from './table-rows.js';
import { coinedNames, NOUNS_CAPITALISED } from './names.js';
import { aboutTheExchange } from './about-note.js';
import { fillsFreePlace } from './free-places.js';
import { truncatePoint } from './truncate-point.js';
import { opensOnDate } from './dated.js';
import { pairedWith, pairToTake } from './answers.js';
import { leanedOn } from './leaned-on.js';
import { headsAnExample, ILLUSTRATES, labelledExample } from './worked-example.js';
import { statedPhrases } from './emphasis.js';

export { coinedNames } from './names.js';

export interface Budget {
  /** Characters the points may use in all. */
  chars: number;
  maxPoints: number;
  maxPointChars: number;
}

/** Per point a renderer adds a bullet and a line break. */
export const POINT_OVERHEAD = 3;

/** Candidates naming something the note is about, enough that the rest may be left out. */
const MIN_SALIENT = 2;
/** Candidates naming something the note is about, past which the note is rich in them. */
const RICH = 4;

/**
 * The part of a place's share of the characters left that a point costs at least (0.5 to 0.75 found
 * the same share of the reader checks' items; both ends fewer).
 */
const SHARE_FLOOR = 0.6;

/** The smallest rest of the budget worth a cut point; below it, filling stops. */
const MIN_CUT_POINT = 90;

interface Option {
  c: Candidate;
  text: string;
  /** Its distinct terms, as ids of the note's TermIndex. */
  terms: number[];
  cost: number;
  /** What its place in the note is worth (placeWeight), and its weighed terms: ids and weights. */
  place: number;
  /** Speaks of the exchange, not the note (about-note.ts, edge-talk.ts): never a point, not even in a free place. */
  exchange?: boolean;
  ids: number[];
  ws: number[];
  taken?: boolean;
  /** A section's lead (`datetime.now()`, "A mesh system uses…"): the terms of its heading, which the outline's naming does not make redundant (OUTLINED). */
  headingIds?: number[];
  /** What it says, normalised (saidOf), once asked for. */
  said?: string;
  /** A row whose figures are worth a little when all its words are named elsewhere (table-rows.ts figuresWorthPlace). */
  ownFigures?: boolean;
}

/**
 * What a point says, as words (and code spans, by their placeholders: a list's point names its items
 * with theirs) in lower case between single spaces: to tell a point said within another.
 */
function saidOf(o: Option): string {
  return (o.said ??= saidText(o.text));
}

/** How much a candidate's place in the note is worth, before what it says. */
function placeWeight(c: Candidate, total: number): number {
  let w = 1;
  if (c.opening && !opensOnDate(c.text)) w *= 1.5; // an opening sentence on a date narrates (dated.ts)
  if (c.lead) w *= 1.25;
  if (c.sumsUp) w *= 1.6;
  if (c.kind === 'compact') w *= 1.4; // names several things at once: what a reader scans for
  if (c.kind === 'row' && total > 2) return 0; // rows are points only for a note with (almost) no prose
  if (c.kind === 'code') w *= 0.5;
  if (c.closing) w *= c.toReader || c.chatty ? 0.55 : 0.8; // sign-offs are told by their form (tone.ts); a closing statement is a conclusion
  if (c.chatty) w *= 0.45;
  if (c.toReader) w *= 0.8;
  return w;
}

/**
 * Each candidate once, as it would be shown (scrubbed, cut to a point's length), with its terms
 * weighed, the worth of its place, and none when it names nothing the note is about.
 */
function optionsOf(candidates: readonly Candidate[], spans: SpanTable, locale: string, title: string, headings: readonly string[], budget: Budget, codeBlocks: readonly string[], heard: readonly string[], emphasised: readonly string[]): { options: Option[]; index: TermIndex; weights: Float64Array } {
  const options: Option[] = [];
  const seen = new Set<string>();
  const proper = new Set<string>();
  const index = new TermIndex(locale);
  const groupUnit = new Map<number, number>(); // each item's unit, by its group
  for (const c of candidates) {
    // Sentence splitting can put leftover markup at a point's start ("# …"): scrub once more.
    const whole = scrubMarkup(c.text).trim();
    const text = truncatePoint(whole, budget.maxPointChars, spans, locale);
    // Math no table reads, or left unclosed, would show raw TeX: the sentence is not used (issue 23).
    if (!text || spans.hasUnreadable(text) || showsRawTex(text) || showsValueHole(text)) continue;
    const key = text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    // A sentence's cut end still names what the note says; a compacted list's text repeats its items, counted as units of their own.
    // One item's sentences, each shown under its label, are one unit: its label counts once, not once a sentence ("Grouping Rule: …" ×3).
    const into = c.group === undefined ? undefined : groupUnit.get(c.group);
    const terms = c.kind === 'sentence' ? index.addCut(whole, text, spans, proper, into) : index.add(text, spans, proper, into);
    if (c.group !== undefined && into === undefined) groupUnit.set(c.group, index.units);
    options.push({ c, text, terms, cost: spans.visibleLength(text) + POINT_OVERHEAD, place: 1, ids: [], ws: [], taken: false, said: undefined });
  }
  for (const text of heard) index.add(text, spans, proper); // counted as the note's units, offered as no point
  const named = termsOf(title, spans, undefined, locale);
  const headed = new Set<string>();
  for (const h of headings) for (const term of termsOf(h, spans, undefined, locale)) headed.add(term); // a loop: flatMap over a spread copy of each heading's terms was a fifth of optionsOf's own time
  const marked = new Set<string>(); // what the writer set in bold inside a statement (emphasis.ts)
  const statements = emphasised.length ? options.filter((o) => !o.c.chatty && !o.c.toReader).map((o) => o.text) : [];
  for (const e of statedPhrases(emphasised, statements)) for (const term of termsOf(e, spans, undefined, locale)) marked.add(term);
  const weights = weighTerms(index, named, headed, NOUNS_CAPITALISED.test(locale) ? coinedNames(options.map((o) => o.text)) : proper, inCodeOf(codeBlocks, spans), marked);
  const prose = options.filter((o) => o.c.kind === 'sentence' || o.c.kind === 'item').length;
  const summed = options.some((o) => sumsNoteUp(o.c));
  // A worked example's points illustrate what the other sections state; a note of examples only keeps them whole.
  const illustrates = workedExamples(options, headings);
  for (const o of options) {
    o.place = placeWeight(o.c, prose) * (illustrates(o) ? ILLUSTRATES : 1);
    o.ownFigures = figuresWorthPlace(o, prose);
    for (const id of o.terms) {
      const w = weights[id]!;
      if (w <= 0 || (o.c.kind === 'row' && !rowFigureCounts(index.terms[id]!, prose))) continue;
      o.ids.push(id);
      o.ws.push(w);
    }
    if (sectionLead(o, summed)) o.headingIds = index.known(headings[o.c.section - 1] ?? '', spans);
  }
  // A point names something the note is about (a word it comes back to, a name, code, a title
  // word): "Happy to help with this." names nothing, and is left out when anything else is there.
  // The names of numbered sections ("Option 2: PostgreSQL", "方案二：Netlify", candidates.ts, block -1) name
  // the note's parts, in any language: its words come once, and no capital tells a name in German or Chinese.
  // So does a point carrying its section's name ("谷根千：古い商店街…"): the name is the part's, said once by its heading.
  const salient = (o: Option) => o.ws.some((w) => w >= 1) || (o.c.kind === 'compact' && o.c.block < 0) || o.c.named === true;
  // In a short note the opening sentence keeps its place when it is a statement of some length, not
  // a word to the reader ("Tokio runs futures on a thread pool." names its subject once and is the
  // lede); a note with more to say than that opens with filler when its opening names nothing,
  // unless it gives a figure ("A month of use cost 23.5 CNY.") or a count ("Python has three clocks"): filler measures nothing.
  const salientCount = options.filter(salient).length;
  const lede = (o: Option) => (salientCount < RICH || hasNumber(o.text) || statesTopicFact(o.text, locale)) && o.c.opening && o.c.kind === 'sentence' && !o.c.toReader && !o.c.chatty && wordCount(pointText(spans.expand(o.text))) > 6;
  // A table's row of totals is its bottom line, though its figures come once; so is the writer's summing-up section (sums-up.ts).
  const total = (o: Option) => (o.c.kind === 'row' && o.c.sumsUp) || sumsNoteUp(o.c);
  // A statement giving a figure ("use water at 92 degrees") measures something, as filler never does, though its words come once.
  // So does the writer's own view of a thing ("MongoDB は避けたほうがいいと思います"): where no capital marks a name, it may name nothing said twice.
  // A glossary entry names its term, set off by the writer, though each term comes once; so does a formula its sentence announces ("The roots are x = -b/(2a)"): the note's result, its symbols said once.
  // In a dialogue, what was asked and answered is its substance ("How long until I can get a job?"), though its words come once.
  const saysSomething = (o: Option) => o.c.kind === 'sentence' && !o.c.chatty && (o.c.turn || o.c.defines || o.c.formula || (!o.c.toReader && (hasNumber(o.text) || givesOwnView(o.text, locale))));
  if (salientCount >= MIN_SALIENT) for (const o of options) if (!salient(o) && !lede(o) && !total(o) && !saysSomething(o)) o.place = 0;
  for (const o of leanedOn(options)) o.place = placeWeight(o.c, prose) * (illustrates(o) ? ILLUSTRATES : 1); // what a point worth showing leans on (leaned-on.ts)
  // However short the note; and never a free place's filler after (free-places.ts): small talk is no statement of the note's.
  for (const o of aboutTheExchange(options, salient, locale, (text) => index.known(text, spans).map((id) => weights[id]!))) {
    o.place = 0;
    o.exchange = true;
  }
  return { options, index, weights };
}

/**
 * Whether a point comes from a worked example: a section its heading names an example that works a
 * case out (a table, or figures: "Let A = (1, 2, 3; …)"), not a catalogue of named things ("Built-in
 * Examples: Predicate<T>, Function<T, R>"), nor the note's only kind of section.
 */
function workedExamples(options: readonly Option[], headings: readonly string[]): (o: Option) => boolean {
  const examples = headings.map(headsAnExample);
  // A list item its writer labels an example ("Example: m₀ = …") works a case out as such a section does, among the note's statements.
  const labelled = (o: Option) => (o.c.kind === 'item' || o.c.kind === 'compact') && hasNumber(o.text) && labelledExample(o.text);
  if (!examples.some((e) => !e)) return labelled;
  const works = new Set(options.filter((o) => examples[o.c.section - 1] === true && (o.c.kind === 'row' || hasNumber(o.text))).map((o) => o.c.section));
  return (o) => works.has(o.c.section) || labelled(o);
}

/**
 * A point cut to `room` characters, its terms those the cut keeps: a long sentence cut at a clause's
 * end no longer names what its lost clauses did ("… nach Llama 3…" without "Llama 4 Scout"), and is
 * worth what it shows. Undefined when the cut leaves nothing worth showing.
 */
function cutOption(o: Option, room: number, spans: SpanTable, locale: string, index: TermIndex, weights: Float64Array): Option | undefined {
  const text = truncatePoint(o.text, room, spans, locale);
  if (!(isProse(text) || spans.hasCode(text))) return undefined;
  const ids = index.known(text, spans).filter((id) => weights[id]! > 0);
  return { ...o, text, cost: room + POINT_OVERHEAD, ids, ws: ids.map((id) => weights[id]!), said: undefined };
}

/** Points chosen so far from each block of the note, and from each of its top-level parts. */
interface Used {
  blocks: Map<number, number>;
  parts: Map<number, number>;
  /** Each section's part (candidates.ts topParts). */
  partOf: readonly number[];
}

/**
 * What a point weighs for each point already chosen from its part of the note: a reader wants the
 * note's parts covered ("Installation" holds Windows, macOS, Linux; one of them says it) before a
 * second point from one of them. The opening and the outline (section 0) are no part.
 */
const SAME_PART = 0.6;

/**
 * What a point weighs for each point already chosen from its block. Points spread over the note's
 * blocks: a list's or table's further items repeat what its compacted names said. A paragraph's
 * sentences each say their own, less so (a story's turn, its outcome or admission, sits mid-paragraph
 * after the paragraph's scene-setting first sentence: 0.75 to 0.85 found the same share of the reader
 * checks' items, 0.6 three fewer). The writer's own summary is wanted all.
 */
const SAME_BLOCK = 0.6;
const SAME_PARAGRAPH = 0.8;
const SAME_SUMMARY = 0.9;

/**
 * A term only the outline has named (covered by it alone). The outline names a section ("Mesh system", "Getting Current
 * Date and Time"); the section's first sentence says what the name does not ("A mesh system uses two or three nodes…",
 * `datetime.now()` "to get the current date and time"): the heading's terms still count for it, so each section's
 * lead keeps its share beside the outline (issue 23, F5: the outline had taken "Mesh system"'s words, and its section no point).
 * So are the parts the note's conclusion names as it weighs them ("a mesh system with a wired backhaul is the best balance").
 */
const OUTLINED = 2;

/** The outline: the section names, or numbered sections' names, as one point (candidates.ts, block -1). */
function isOutline(c: Candidate): boolean {
  return c.kind === 'compact' && c.block < 0;
}

/**
 * A section's first sentence, not one carrying the heading's name as its label: that one says the name, and the
 * outline naming it made it say nothing new (a summing-up section's item kept its place over "Option 1: …"'s lead).
 */
function sectionLead(o: Option, summed: boolean): boolean {
  return o.c.kind === 'sentence' && o.c.section > 0 && ((o.c.lead === true && !o.c.named) || (!summed && (o.c.named === true || o.c.partName !== undefined)));
}

function sameBlock(c: Candidate): number {
  if (c.sumsUp) return SAME_SUMMARY;
  // A dialogue's turn is no story: its further sentence (a second question) waits as an item does, for the answer.
  return c.kind === 'sentence' && !c.turn ? SAME_PARAGRAPH : SAME_BLOCK;
}

/** What a point adds per character shown: the weight of the terms it names that no chosen point does, by its place. */
function worth(o: Option, covered: Uint8Array, left: number, share: number, used: Used, alone: boolean | undefined): number {
  let gain = 0;
  for (let k = 0; k < o.ids.length; k++) {
    const by = covered[o.ids[k]!];
    if (!by || (by === OUTLINED && o.headingIds?.includes(o.ids[k]!))) gain += o.ws[k]!;
  }
  if (gain <= 0 && o.ownFigures) gain = OWN_FIGURES_GAIN;
  if (gain <= 0) return 0;
  let score = (gain * o.place) / Math.pow(Math.min(o.c.sumsUp ? o.cost : Math.max(o.cost, share), left), 0.7);
  score *= Math.pow(sameBlock(o.c), used.blocks.get(o.c.block) ?? 0);
  const part = used.partOf[o.c.section] ?? 0;
  if (part > 0 && !o.c.sumsUp) score *= Math.pow(SAME_PART, used.parts.get(part) ?? 0);
  if (alone) score *= 0.6;
  return score;
}

/**
 * The note's conclusion, its judgement of the parts (walk.ts Candidate.concludes), when it fits: it is taken after the
 * first sentence, as that one is, since its words come in the parts before it and weigh nothing new (issue 23, F5).
 */
function conclusionOf(options: readonly Option[], left: number): Option | undefined {
  return options.find((o) => o.c.concludes && o.place > 0 && !o.taken && o.cost <= left);
}

/**
 * Whether a sentence may lead before anything is chosen: not one leaning wholly on the sentence
 * before it, which nothing chosen yet shows ("This is something every beginner meets." after small
 * talk given no place, issue 23 F8); the later choice takes it only beside that one.
 */
function standsFirst(c: Candidate): boolean {
  return c.leansBack !== 'wholly';
}

/**
 * `codeBlocks`: the text of the note's code blocks, where the identifiers it keeps using are found; `parts`: each section's part
 * (topParts); `heard`: text of the note offered as no candidate, whose terms count as the note's all the same (Walk.heard).
 */
export function choosePoints(candidates: readonly Candidate[], spans: SpanTable, locale: string, title: string, headings: readonly string[], budget: Budget, codeBlocks: readonly string[] = [], parts: readonly number[] = [], heard: readonly string[] = [], emphasised: readonly string[] = []): KeyPoint[] {
  const { options, index, weights } = optionsOf(candidates, spans, locale, title, headings, budget, codeBlocks, heard, emphasised);
  const covered = new Uint8Array(index.terms.length);
  const chosen: Option[] = [];
  const used: Used = { blocks: new Map(), parts: new Map(), partOf: parts };
  const chosenPos = new Set<number>(), usedGroups = new Set<number>();
  let left = budget.chars;
  // The note's first sentence of substance says what it is about: it always leads. Praise of the
  // question or small talk ("You're asking exactly the right thing", "Happy to help") names nothing
  // the note comes back to, and does not; nor does a sentence that cannot stand alone (standsFirst).
  const first = options.find((o) => o.c.opening && o.c.kind === 'sentence' && !o.c.chatty && o.place > 0 && standsFirst(o.c));
  const dropSaidWithin = (o: Option) => {
    const says = saidOf(o);
    for (let k = chosen.length - 1; k >= 0; k--) {
      const shown = chosen[k]!;
      if (shown.c.block !== o.c.block || !says.includes(saidOf(shown))) continue;
      chosen.splice(k, 1);
      chosenPos.delete(shown.c.pos);
      left += shown.cost;
    }
    for (const other of options) if (!other.taken && other !== o && other.c.block === o.c.block && other.text.length < o.text.length && says.includes(saidOf(other))) other.taken = true;
  };
  const take = (o: Option) => {
    // A point said whole within another ("X" beside "Before the exam: X, Y, Z") is shown once: the
    // one that says more takes its place, and it is no longer offered. Such a point names a list's
    // items, so only a compacted list is compared with what comes from its block.
    if (o.c.kind === 'compact') dropSaidWithin(o);
    chosen.push(o);
    o.taken = true;
    chosenPos.add(o.c.pos);
    if (o.c.group !== undefined) usedGroups.add(o.c.group);
    for (const id of o.ids) covered[id] = isOutline(o.c) || o.c.concludes ? covered[id] || OUTLINED : 1;
    used.blocks.set(o.c.block, (used.blocks.get(o.c.block) ?? 0) + 1);
    const part = parts[o.c.section] ?? 0;
    used.parts.set(part, (used.parts.get(part) ?? 0) + 1);
    left -= o.cost;
  };
  const byPos = [...options].sort((a, b) => a.c.pos - b.c.pos);
  const asking = new Map<Candidate, boolean>(); // a dialogue's question and the statement answering it are chosen together; which turns ask is read once (answers.ts)
  const withPair = (o: Option | undefined) => (o === undefined ? [] : [o, ...pairToTake(o, byPos, locale, left - o.cost, budget.maxPoints - chosen.length - 1, asking)]);
  if (first && first.cost <= left) for (const o of withPair(first)) take(o);
  for (const o of withPair(chosen.length < budget.maxPoints ? conclusionOf(options, left) : undefined)) take(o);
  while (chosen.length < budget.maxPoints && left > POINT_OVERHEAD) {
    let best: Option | undefined;
    let bestScore = 0;
    // A point takes one of the few places as well as characters: a short one costs at least part of
    // a place's share of what is left, so when places run out before characters, a point that says more wins
    // (the writer's own summary excepted: its short items are wanted all).
    const share = (left / (budget.maxPoints - chosen.length)) * SHARE_FLOOR;
    for (const o of options) {
      // A sentence that leans on the one before it ("They …") comes only with it.
      const alone = o.c.leansBack && !chosenPos.has(o.c.leansOn ?? o.c.pos - 1);
      if (o.taken || (alone && o.c.leansBack === 'wholly')) continue;
      if (o.c.group !== undefined && usedGroups.has(o.c.group)) continue;
      const fits = o.cost <= left || left - POINT_OVERHEAD >= MIN_CUT_POINT;
      if (!fits) continue;
      if (o.place === 0 || rowWaits(o, options)) continue;
      if (chosen.length + 1 === budget.maxPoints && pairedWith(o, byPos, locale, asking)?.taken === false) continue; // no place for its pair
      let score = worth(o, covered, left, share, used, alone);
      if (score <= bestScore) continue;
      let shown = o;
      if (o.cost > left) {
        // Judged by what the cut shows; the cut's own worth is at most the whole point's.
        const cut = cutOption(o, left - POINT_OVERHEAD, spans, locale, index, weights);
        if (!cut) continue;
        score = worth(cut, covered, left, share, used, alone) * 0.5; // it would be cut: its end is lost
        shown = cut;
      }
      if (score > bestScore) {
        bestScore = score;
        best = shown;
      }
    }
    if (!best) break;
    for (const o of withPair(best)) take(o);
  }
  // Places still free take the statements left out only because their words come once, in reading order (free-places.ts).
  for (const o of byPos) if (chosen.length < budget.maxPoints && !o.taken && o.place === 0 && !o.exchange && o.cost <= left && fillsFreePlace(o, spans, locale, chosenPos, usedGroups)) take(o);
  return withoutNameSaid(chosen.sort((a, b) => a.c.pos - b.c.pos)).map((text) => trimRuns(spans.expand(text)));
}

/**
 * The points' text, in reading order: a later sentence of a named part's section ("Netlify: The free plan…",
 * Candidate.partName) loses the name when a point of its section is shown before it, which named the part.
 */
function withoutNameSaid(chosen: readonly Option[]): string[] {
  return chosen.map((o, k) => {
    const name = o.c.partName;
    if (name === undefined || !chosen.slice(0, k).some((p) => p.c.section === o.c.section)) return o.text;
    for (const prefix of [`${name}: `, `${name}：`]) if (o.text.startsWith(prefix)) return o.text.slice(prefix.length);
    return o.text;
  });
}

function trimRuns(p: KeyPoint): KeyPoint {
  const out = p.map((r) => ({ ...r }));
  if (out[0] && !out[0].style) out[0].text = out[0].text.trimStart();
  const last = out[out.length - 1];
  if (last && !last.style) last.text = last.text.trimEnd();
  return out.filter((r) => r.text);
}
