/**
 * Every piece of a note that could be a key point, with what its place in the note says about it:
 * the opening, a section's lead, a list compacted under its lead-in, a table named by its rows'
 * subjects, a dialogue's question and answer, the closing lines. What a reader never wants as a
 * point is left out here: questions and exclamations of chat, the writer speaking of themself,
 * a lead-in without what it leads to, speaker labels, output dumps. Pure.
 */
import type { Token, Tokens } from 'marked';
import { collapseWhitespace } from '../util/text.js';
import { stripPrivateUse, type SpanTable } from './inline.js';
import { addList, addTable, continuedBy, continuesItem, fieldLabels } from './lists.js';
import { cleanText, collectLinks, htmlBlockText, inlineText, type Link } from './plain.js';
import { withoutSummaryLabels } from './html-label.js';
import { fieldLinesAsLists } from './field-lines.js';
import { recordKeys } from './record-point.js';
import { splitSentences } from './sentences.js';
import { isFunctionWord } from './salience.js';
import { conclusionHeading, countedPartNames, nameHeadings, topParts, verdictHeading, withPartName } from './sections.js';
import { addressesReader, isQuestion, labelledOutput, namesReadersOwn, pointsBack, pointsElsewhere, presentsWhatFollows, speaksAsI, speaksOfAsking, withoutInterjection, wordCount } from './tone.js';
import { namesWhatFollows, overviewBeforeSections, saysAsFollows } from './presenting.js';
import { printedAfterLabel } from './printed-label.js';
import { withWhatItLeadsTo } from './led-point.js';
import { withCommandAfterLastItem } from './step-command.js';
import { leaningOf } from './states-after-colon.js';
import { leansAcrossBreak } from './leaned-on.js';
import { addSectionNames, INTRODUCES, REFERENCES } from './outline.js';
import { joinTwoSided } from './two-sided.js';
import { asksForHelp, judgesTheQuestion, remarksOnTheAsking } from './question-praise.js';
import { acknowledgesReader } from './acknowledges.js';
import { invitesToCommentAfter } from './comment-invitation.js';
import { agreesWithReader, withoutAgreementLead } from './agreement.js';
import { opensAsContinuation } from './lower-start.js';
import { withoutOpeningAddress } from './setting-off.js';
import { opensOnFormalYou } from './formal-you.js';
import { asksToHearBack, reactionsSubstance, reactsToTheAsking, signsOff } from './reaction.js';
import { cheers } from './news.js';
import { givesTotal } from './total-line.js';
import { SUMS_UP } from './sums-up.js';
import { announcesOutput, announcesPrinted } from './output-lead-in.js';
import { opensWithTerm } from './glossary.js';
import { answerFollows, answeredBy, talksBeforeAnswer, answersTurn, askedByHeading, askedInTurn, holds, opensWithPolarAnswer, shownAnswer, takeQuestion } from './answers.js';
import { actsInSeries } from './predicate-series.js';
import { withSeriesNamed } from './counted-series.js';
import { readStoryWhole } from './story-walk.js';
import { isCaption, withoutFigures } from './captions.js';
import { askersSmallTalk, dialogueLabels, inClosing, inOpening, isTurn, readDialogue, turnsOf, withoutSpeaker } from './dialogue.js';
import { finishesCount, full, isLeadIn, madeFrom, sectionShare, isProse, isTooShort, looksLikeOutput, opensWithWhere, prose, push, SENTENCES_PER_PARAGRAPH, withoutMarker, type Candidate, type Walk } from './walk.js';
import { printedAfterCommand, isMathBlock } from './announced-blocks.js';
import { namesTopicFact, ownsNoteSubject } from './topic-fact.js';

export type { Candidate } from './walk.js';

export interface Collected extends Pick<Walk, 'heard'> {
  candidates: Candidate[];
  referenceLinks: Link[];
  headings: string[];
  /** The heading over the whole note (noteHeading), if it has one: what the note says it is about, as its title does. */
  topic?: string | undefined;
  /** Each section's part of the note (topParts): candidates' `section` → the top-level section holding it. */
  parts: number[];
}

/**
 * A heading the note opens with, that no other heading of its level or above follows (a list of
 * sources aside): the whole note is its section, so it names the note's subject as a title does
 * ("### Understanding the Llama 4 Trajectory and Zuckerberg's Comments").
 */
function noteHeading(blocks: readonly Token[], headingText: (h: Tokens.Heading) => string): string | undefined {
  const first = blocks[0];
  if (first?.type !== 'heading') return undefined;
  const depth = (first as Tokens.Heading).depth;
  for (const t of blocks.slice(1)) {
    if (t.type !== 'heading' || (t as Tokens.Heading).depth > depth) continue;
    const name = headingText(t as Tokens.Heading);
    if (!(REFERENCES.test(name) || pointsElsewhere(name))) return undefined;
  }
  return headingText(first as Tokens.Heading);
}

/** A sentence that stops short of its object ("The definition is", "次の通りです。") before a block. */
function announces(s: string, next: Token | undefined): boolean {
  if (!next || !(next.type === 'code' || isMathBlock(next) || next.type === 'table' || next.type === 'list')) return false;
  return !/[.!?。！？।؟"'”)）」]$/u.test(s) || saysAsFollows(s) || (next.type === 'code' && namesWhatFollows(s)) || ((next.type === 'list' || next.type === 'table') && presentsWhatFollows(s));
}

/** A lead-in a paragraph after its block can finish: some words not ending in a function word
 * ("The error you're seeing" can take "is caused by …"; "Install it with" cannot). */
function finishesWith(leadIn: string): boolean {
  const words = leadIn.split(/\s+/);
  return wordCount(leadIn) >= 3 && !isFunctionWord(words[words.length - 1]!.replace(/\P{L}+$/u, ''));
}

/** A paragraph's sentences; returns the lead-in its last sentence makes for a list or table after it. */
function addParagraph(w: Walk, raw: string, next: Token | undefined, flags: { lead: boolean; closing: boolean; asked: boolean; links: string[]; printed?: boolean; afterBlock?: boolean; turn?: boolean; term?: boolean }): string | undefined {
  const text = prose(raw, w.spans);
  if (finishesCount(w, text) || !text) return undefined; // the series a counting sentence before it announced
  // The opening paragraphs offer more of their sentences; later ones their first few.
  const sentences = withSeriesNamed(splitSentences(text, w.locale, w.out.length < 12 ? SENTENCES_PER_PARAGRAPH : 3), w.locale);
  const before = w.beforeBlock;
  w.beforeBlock = undefined;
  let context: string | undefined;
  takeQuestion(w, flags.asked, text); // what the writer asked and this paragraph answers, if anything (answers.ts)
  sentences.forEach((sentence, i) => answeredBy(w, () => {
    const last = i === sentences.length - 1;
    // An asker's turn keeps its words but not a greeting or label before them ("Quick one: why…"); a glossary entry's term before its dash is what it defines, no reply's opening (glossary.ts); a reply's yes or no is its answer; "your router, …" the note's subject, no reply (topic-fact.ts); the note's first words reacting ("Ah, it's simple: bake …") give what they announce.
    let s = flags.asked ? withoutOpeningAddress(sentence, w.locale) : (i === 0 && flags.term) || (w.question && opensWithPolarAnswer(sentence, w.locale)) || actsInSeries(sentence, w.locale) || ownsNoteSubject(sentence, w.locale, w.noteText) ? sentence : withoutAgreementLead(withoutInterjection(i === 0 ? withoutMarker(w.out.length === 0 ? (reactionsSubstance(sentence, w.locale) ?? sentence) : sentence) : sentence, w.locale, i === 0), w.locale);
    // The sentence a lead-in began before a code block, finished here ("The error you're seeing:" [block] "is caused by passing …"):
    // the lead-in without its colon, then the rest; the block was what it quoted. The lead-in's point with the block's line gives way to it.
    let finishes: Candidate | undefined, joined = false;
    if (i === 0 && before && /^\p{Ll}/u.test(s) && finishesWith(before.said)) {
      s = `${before.said} ${s}`;
      joined = true;
      if (before.made) w.out.splice(w.out.indexOf(before.made), 1);
      finishes = before.made;
    }
    // What the asker of a dialogue asks is a point, even when it ends in a colon before their text; so is an overview before the note's sections ("Three ways to learn it:" then "## Option 1: …").
    if (flags.asked && isLeadIn(s)) s = s.replace(/\s*[:：]$/, '');
    else if (last && next?.type === 'heading' && isLeadIn(s)) s = overviewBeforeSections(s, w.locale) ?? s;
    const leadsIn = isLeadIn(s) || (last && (announces(s, next) || announcesPrinted(s, next, w.locale)));
    // Output announced ("You should see:") is no point, nor its lead-in, nor the paragraph or block after it; a list's lead-in names it.
    if (leadsIn && !(last && (next?.type === 'list' || next?.type === 'table')) && announcesOutput(s, w.locale)) {
      w.announcedOutput = last;
      return;
    }
    let formula: string | undefined;
    if (leadsIn) {
      const led = withWhatItLeadsTo(w, s, next, last, flags.printed);
      if (led.point === undefined) {
        if (led.context !== undefined) context = led.context;
        return; // a lead-in without what it leads to is no point
      }
      ({ point: s, formula } = led);
    }
    if (full(w)) return; // nothing more is taken: the tests below would decide nothing
    if (!flags.asked && !last && talksBeforeAnswer(s, w)) return 'small talk'; // "Good question!" between a question and its answer
    if (!flags.asked && holds(s, w, last)) return; // a question the next sentence answers, or a brief reply to it ("No.")
    if (!(isProse(s) || w.spans.hasCode(s)) || (isTooShort(s, w.spans) && !answerFollows(w)) || looksLikeOutput(s, w.spans)) return;
    // "Output: BFS: 0 1 2 3": labels before what a program printed (printed-label.ts); a formula announced ("The formula is: x = …") is none.
    if (formula === undefined && printedAfterLabel(s, w.spans)) return;
    if (flags.asked ? asksForHelp(s, w.locale) || askersSmallTalk(s, sentences, i, flags.closing, w.locale) : (isQuestion(s, w.locale) || speaksAsI(s, w.locale) || (namesReadersOwn(s, w.locale) && !answersTurn(w) && (leadsIn || !(namesTopicFact(s, w.spans, w.locale) || ownsNoteSubject(s, w.locale, w.noteText)))) || presentsWhatFollows(s, w.locale) || labelledOutput(s) || speaksOfAsking(s, w.locale) || remarksOnTheAsking(s, w.locale) || agreesWithReader(s, w.locale) || (w.out.length === 0 && (judgesTheQuestion(s, w.locale) || acknowledgesReader(s, w.locale) || (i === 0 && reactsToTheAsking(s, w.locale) && !ownsNoteSubject(s, w.locale, w.noteText)))) || asksToHearBack(s, w.locale) || invitesToCommentAfter(s, sentences[i - 1], w.locale) || (flags.closing && signsOff(s, w.locale)))) return;
    // A paragraph that opens in lower case, or with a short sentence pointing back, goes on from what came before it (a formula, a code block, though its announcement was no point): alone it is a fragment ("or: readlink -f …", "where the sum runs…"); not when it answers a question (answers.ts).
    if (i === 0 && !joined && !w.question && (w.out.length > 0 || flags.afterBlock) && (opensAsContinuation(s) || (flags.afterBlock && opensWithWhere(s, w.locale)) || (pointsBack(s, w.locale) && wordCount(s) <= 8 && !opensOnFormalYou(s, sentences, w.locale) && !leansAcrossBreak(w, s)))) return;
    if (pointsElsewhere(s) || (flags.closing && flags.links.some((l) => s.includes(l)))) return; // "For more, see …": a pointer, not a point
    const exclaims = cheers(s, w.locale) && cheers(sentence, w.locale); // news ("Good news, v3 is out!") may have lost its frame above
    if (exclaims && wordCount(s) <= 8) return; // "Great question!", "Enjoy hot or iced!"
    const answer = shownAnswer(w, s);
    if (answer === undefined) return; // "Because…" whose question cannot be shown with it
    s = answer.text;
    const made = w.out.length;
    const leansBack = leaningOf(w, s, answer.leans, i > 0 ? sentences[i - 1] : undefined);
    if (leansBack === 'no point') return; // "Eso es…" after a sentence given no point (leaned-on.ts)
    const { text, named, partName, concludes } = inSection(w, s, leansBack !== undefined); // written out, not spread: a spread with a dozen fields after it took Node 20's slow copy a sentence (issue 23)
    push(w, {
      text, named, partName, concludes,
      kind: 'sentence',
      // A sentence leaning on one after the lede is a reaction to it, no lede itself ("Zuckerberg
      // celebrated this in a video"); one leaning on the lede goes on from what always leads.
      opening: finishes?.opening ?? (w.out.length < 3 && w.out.every((c) => c.block === w.block && c.kind === 'sentence') && !(leansBack && i > 1)),
      lead: flags.lead && i === 0,
      closing: flags.closing,
      leansBack,
      chatty: exclaims,
      toReader: !flags.asked && addressesReader(s, w.locale),
      turn: flags.turn,
      defines: i === 0 && flags.term,
      formula: formula !== undefined || undefined,
      sumsUp: givesTotal(s) || undefined, // "Total time: 10 minutes": the bottom line, as a row of totals is
    });
    madeFrom(w, w.out[made], last, s);
  }));
  return context;
}

/**
 * A sentence as its section gives it: with its part's name before it where the section is a named part's (the first
 * point's, and a later sentence's that does not lean on the one before it, shown when it is the part's first point:
 * issue 23, F7), and whether it opens the note's conclusion (the first statement there that stands alone).
 */
function inSection(w: Walk, s: string, leans: boolean): Pick<Candidate, 'text' | 'named' | 'partName' | 'concludes'> {
  const name = w.partName ?? (leans ? undefined : w.sectionName);
  const concludes = w.concluding === true && !leans;
  if (concludes) w.concluding = false;
  const text = name === undefined ? s : withPartName(name, s);
  return { text, named: w.partName !== undefined && text !== s, partName: w.partName === undefined && text !== s ? name : undefined, concludes: concludes || undefined };
}

const COMMENT_LINE = /^\s*(?:\/\/+|#+(?!!)|--|;+|%+|\/\*+|\*+(?!\/)|<!--|"""|'''|REM\b)\s?(.*?)(?:\*\/|-->|"""|''')?\s*$/;

/** The first comment or docstring of a code block, else "Code: python, 12 lines". */
function codePoint(code: Tokens.Code): string {
  const lines = code.text.split('\n');
  for (const line of lines.slice(0, 20)) {
    if (!line.trim()) continue;
    const m = COMMENT_LINE.exec(line);
    const said = m ? collapseWhitespace(cleanText(stripPrivateUse(m[1] ?? ''))) : '';
    if (isProse(said)) return said;
  }
  const word = (code.lang ?? '').split(/\s/)[0] ?? '';
  const lang = /^[\w+#.-]{1,24}$/.test(word) ? word : 'text';
  const n = lines.filter((l) => l.trim()).length;
  return n ? `Code: ${lang}, ${n} ${n === 1 ? 'line' : 'lines'}` : '';
}

/** A paragraph of links and nothing else: a list of sources, not something said. */
function onlyLinks(p: Tokens.Paragraph): boolean {
  const inline = p.tokens.filter((t) => !(t.type === 'text' && !(t as Tokens.Text).text.trim()) && t.type !== 'br');
  return inline.length > 0 && inline.every((t) => t.type === 'link' || t.type === 'image');
}

/** A paragraph that is one emphasised phrase (and perhaps a kramdown attribute list): a caption or label. */
function onlyEmphasis(p: Tokens.Paragraph, kind: 'em' | 'strong'): boolean {
  if (p.text.length > 80) return false; // most paragraphs: their tokens need not be read
  const inline = p.tokens.filter((t) => t.type !== 'image' && t.type !== 'br' && !(t.type === 'text' && /^\s*(\{:[^}]*\}\s*)*$/.test((t as Tokens.Text).text)));
  return inline.length === 1 && inline[0]!.type === kind;
}

/** The last block of prose: where a chat answer signs off ("Let me know…", "Enjoy!"). */
function lastProseBlock(blocks: readonly Token[]): number {
  for (let i = blocks.length - 1; i >= 0; i--) if (blocks[i]!.type === 'paragraph') return i;
  return -1;
}

/** A list under its lead-in or heading; "In short:" before it makes it the writer's own summary, as a heading that says so does. */
function addLedList(w: Walk, list: Tokens.List, context: string | undefined, heading: string | undefined, lead: boolean, tail: string | undefined): void {
  const sums = w.inSummary;
  if (context !== undefined && SUMS_UP.test(context)) w.inSummary = true;
  addList(w, list, context ?? heading, false, context !== undefined || lead, tail, context !== undefined);
  w.inSummary = sums;
}

/** A heading's text, made once: the walk, the outline and the note's own heading each read it. */
function headingTexts(): (h: Tokens.Heading) => string {
  const texts = new Map<Tokens.Heading, string>();
  return (h) => {
    let text = texts.get(h);
    if (text === undefined) texts.set(h, (text = prose(inlineText(h.tokens))));
    return text;
  };
}

/** A paragraph, turn by turn where it holds several, a line each ("Q: …" then "A: …"); returns the lead-in its last sentence makes for a list or table after it. */
function addTurns(w: Walk, raw: string, labels: ReadonlySet<string>, next: Token | undefined, flags: { lead: boolean; closing: boolean; links: string[]; printed: boolean; afterBlock: boolean; term: boolean }): string | undefined {
  const turns = labels.size ? turnsOf(raw, labels) : [raw];
  let context: string | undefined;
  turns.forEach((turn, k) => {
    let asked = false;
    const opening = labels.size > 0 && inOpening(w, k, turn, labels);
    if (labels.size) ({ raw: turn, asked } = withoutSpeaker(w, turn, labels, opening));
    if (opening || (labels.size > 0 && inClosing(w, k))) return; // small talk before the first question of substance, or after its answer
    const last = k === turns.length - 1;
    // Every field written out: a spread with fields added after it (`{ ...flags, asked }`) took Node 20 some 2 µs a paragraph (issue 23).
    context = addParagraph(w, turn, last ? next : undefined, { lead: flags.lead && k === 0, closing: flags.closing, links: flags.links, printed: last && flags.printed, afterBlock: flags.afterBlock, term: flags.term && k === 0, asked, turn: labels.size > 0 });
    if (asked) askedInTurn(w);
  });
  return context;
}

/** How the walk reads a long note without headings to its end: a dialogue turn by turn, a story paragraph by paragraph. */
function readToEnd(w: Walk, blocks: readonly Token[], labels: ReadonlySet<string>, sections: number): void {
  readDialogue(w, blocks, labels, sections);
  if (labels.size === 0 && sections === 0) readStoryWhole(w, blocks);
}

/** A heading's text; a paragraph of bold words alone is a heading the writer did not mark as one. */
function sectionTitle(t: Token, headingText: (h: Tokens.Heading) => string): string | undefined {
  return t.type === 'heading' ? headingText(t as Tokens.Heading) : t.type === 'paragraph' && onlyEmphasis(t as Tokens.Paragraph, 'strong') ? prose(inlineText((t as Tokens.Paragraph).tokens)) : undefined;
}

/** The walk over a note's blocks, its records' keys read first (record-point.ts recordKeys). */
function startWalk(blocks: readonly Token[], locale: string, spans: SpanTable, maxPointChars: number, sections: number): Walk {
  let text: string | undefined;
  const noteText = () => (text ??= blocks.map((t) => t.raw).join('\n').toLowerCase());
  const w: Walk = { locale, spans, maxPointChars, out: [], pos: 0, block: 0, section: 0, perSection: 0, sectionShare: sectionShare(sections), nextGroup: 0, inSummary: false, fieldLabels: fieldLabels(blocks), heard: [], noteText };
  w.recordKeys = recordKeys(blocks, w);
  return w;
}

/**
 * What the note's sections are: the parts the writer counted (their names), the headings that are names, the closing
 * verdict (it sums the note up, as a "Summary" does: no part, no name) and the conclusion (sections.ts).
 */
function sectionKinds(blocks: readonly Token[], headingText: (h: Tokens.Heading) => string): { partNames: Map<string, string>; namedSections: Set<string>; verdictAt: number; conclusionAt: number } {
  const partNames = countedPartNames(blocks.flatMap((t) => sectionTitle(t, headingText) ?? []));
  const verdictAt = verdictHeading(blocks, headingText);
  const verdict = verdictAt < 0 ? undefined : sectionTitle(blocks[verdictAt]!, headingText);
  const namedSections = nameHeadings(blocks, headingText, (name) => REFERENCES.test(name) || pointsElsewhere(name) || SUMS_UP.test(name) || INTRODUCES.test(name) || name === verdict);
  return { partNames, namedSections, verdictAt, conclusionAt: conclusionHeading(blocks, headingText, verdictAt) };
}

/** Walks the note's blocks once, in reading order. */
export function collectCandidates(tokens: readonly Token[], locale: string, spans: SpanTable, maxPointChars: number): Collected {
  const blocks = fieldLinesAsLists(tokens.filter((t) => t.type !== 'space' && t.type !== 'hr')); // records as bold-label lines are lists of fields
  const headingText = headingTexts();
  const { partNames, namedSections, verdictAt, conclusionAt } = sectionKinds(blocks, headingText);
  const labels = dialogueLabels(blocks);
  const sections = blocks.filter((t) => t.type === 'heading').length;
  const w = startWalk(blocks, locale, spans, maxPointChars, sections);
  readToEnd(w, blocks, labels, sections);
  const referenceLinks: Link[] = [];
  const headings: string[] = [];
  const closingAt = (w.closeAt = lastProseBlock(blocks) || -1); // a note's only paragraph, its opening, is no close
  let heading: string | undefined;
  let sectionHasLead = false, inReferences = false;
  let context: string | undefined; // the lead-in a following list or table belongs to
  let firstCode: Tokens.Code | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const t = blocks[i]!;
    const next = blocks[i + 1];
    w.block = i;
    const isOutput = w.announcedOutput;
    w.announcedOutput = false;
    if (isOutput && t.type === 'paragraph') continue; // what a lead-in announced as output
    const title = sectionTitle(t, headingText);
    if (title !== undefined) {
      heading = title.replace(/^\d+[.)]\s*/, '').replace(/\s*[:：]$/, '');
      w.sectionName = w.partName = partNames.get(title) ?? (namedSections.has(title) ? heading : undefined);
      headings.push(heading);
      inReferences = REFERENCES.test(heading) || pointsElsewhere(heading);
      w.inSummary = SUMS_UP.test(heading) || i === verdictAt;
      w.concluding = i === conclusionAt;
      askedByHeading(w, heading);
      sectionHasLead = false;
      w.section++;
      w.perSection = 0;
      context = undefined;
      continue;
    }
    if (inReferences) {
      referenceLinks.push(...collectLinks([t]));
      continue;
    }
    if (t.type !== 'code' && t.type !== 'paragraph') w.beforeBlock = undefined;
    if (w.maxCandidates !== undefined && (w.paragraphShare === true || isTurn(t, labels))) w.perSection = 0;
    if (full(w) && t.type !== 'code') continue; // nothing more is taken here: not read (a code-only note still says something)
    const lead = heading !== undefined && !sectionHasLead;
    const closing = i === closingAt && closingAt > 0;
    if (continuesItem(blocks[i - 1], t, next)) continue; // said with the item it finishes (addList)
    if (t.type === 'list' || t.type === 'table') w.partName = w.sectionName = undefined; // named by the heading over it
    if (t.type === 'paragraph' || (t.type === 'html' && (t as Tokens.HTML).block)) {
      const raw = t.type === 'paragraph' ? inlineText((t as Tokens.Paragraph).tokens, spans) : htmlBlockText(withoutFigures(withoutSummaryLabels((t as Tokens.HTML).text)));
      if (!raw.trim()) continue;
      if (t.type === 'paragraph' && onlyLinks(t as Tokens.Paragraph)) continue; // a source named on its own line
      if ((t.type === 'paragraph' && onlyEmphasis(t as Tokens.Paragraph, 'em')) || isCaption(t, blocks[i - 1], raw)) continue; // a caption
      sectionHasLead = true;
      const links = closing ? collectLinks([t]).map((l) => collapseWhitespace(l.text)).filter((l) => l.length >= 3) : [];
      context = addTurns(w, raw, labels, next, { lead, closing, links, printed: printedAfterCommand(next, blocks[i - 1]), afterBlock: blocks[i - 1]?.type === 'code' || isMathBlock(blocks[i - 1]), term: t.type === 'paragraph' && opensWithTerm(t.raw) });
    } else if (t.type === 'list') {
      sectionHasLead = true;
      addLedList(w, withCommandAfterLastItem(t as Tokens.List, next, w.locale), context, heading, lead, continuedBy(t, blocks[i + 1], blocks[i + 2], spans));
      context = undefined;
    } else if (t.type === 'blockquote') {
      const inner = (t as Tokens.Blockquote).tokens.filter((q) => q.type !== 'space');
      inner.forEach((q, k) => {
        if (q.type === 'paragraph') addParagraph(w, inlineText((q as Tokens.Paragraph).tokens, spans), inner[k + 1], { lead: false, closing: false, asked: false, links: [] });
        else if (q.type === 'list') addList(w, q as Tokens.List, undefined, false);
      });
    } else if (t.type === 'table') {
      addTable(w, t as Tokens.Table, context ?? heading);
      context = undefined;
    } else if (t.type === 'code') {
      firstCode ??= t as Tokens.Code;
      context = undefined;
    }
  }
  // A note that is only code still says something: its first comment, else what the code is.
  if (!w.out.length && firstCode && codePoint(firstCode)) push(w, { text: codePoint(firstCode), kind: 'code' });
  joinTwoSided(w.out, maxPointChars);
  addSectionNames(w, blocks, headingText, verdictAt);
  return { candidates: w.out, heard: w.heard, referenceLinks, headings, topic: noteHeading(blocks, headingText), parts: topParts(blocks, (t) => t.type === 'paragraph' && onlyEmphasis(t as Tokens.Paragraph, 'strong')) };
}
