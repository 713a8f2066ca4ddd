/**
 * Dialogues: turns that open with a speaker label ("A:", "ChatGPT:", "प्रश्न:", "**Ana:**", "问：")
 * or, as French, Spanish and Russian prose prints them, with a dash that opens each speaker's line
 * ("— Pourquoi … ?"). What a turn says is read without its label; the first speaker asks, and
 * what they ask is a point though it is a question. Decided from the note's form, never from the
 * labels' words. Pure.
 */
import type { Token, Tokens } from 'marked';
import { dialogueWalk, sectionShare, type Walk } from './walk.js';
import { splitSentences } from './sentences.js';
import { isQuestion, wordCount } from './tone.js';
import { asksIndirectly } from './indirect-question.js';

/**
 * A speaker label opening a paragraph of a dialogue ("A:", "ChatGPT:", "Zhiwei：", "**Q:**",
 * "प्रश्न:"): a name of one or two words (letters with their marks: Devanagari's vowel signs and
 * virama are marks), perhaps in bold, no sentence before the colon.
 */
const SPEAKER =
  /^\s*(?:\*\*|__)?([\p{L}\p{N}][\p{L}\p{M}\p{N}_.-]{0,19}(?: [\p{L}\p{N}][\p{L}\p{M}\p{N}_.-]{0,19})?)(?:\*\*|__)?\s*(?:[:：](?:\*\*|__)?\s+|：(?:\*\*|__)?)/u;

/**
 * A dash of dialogue opening a paragraph (em dash, horizontal bar, en dash, then a space): each
 * one is a change of speaker, so the turns alternate (French typography, e.g.
 * https://fr.wikipedia.org/wiki/Tiret#Dialogue). Spanish sets the em dash against the turn's first
 * word or its ¿ ¡ ("—¿Cuántas…?": http://blog.lengua-e.com/2015/la-raya-en-dialogos/, "tiene que ir
 * pegada a la primera palabra"); an en dash glued to a figure is a minus. A hyphen there would be a list item.
 */
const DASH_TURN = /^\s*(?:[—―–]\s+|[—―](?=[\p{L}¿¡«"“]))/u;
/** The label dash-marked turns share. */
const DASH = '—';

/**
 * A doubled dash opening an interviewer's line ("――なぜですか？", "——为什么？"): Japanese and Chinese
 * interviews mark only the interviewer's turns so, and print the guest's answers as plain paragraphs
 * (the 2倍ダーシ "――" of 聞き手 in interview articles: https://ja.wikipedia.org/wiki/ダッシュ_(記号)).
 */
const INTERVIEWER_TURN = /^\s*(?:―{2}|—{2}|－{2})\s*/u;
/** The label of an interviewer's dash-marked turns; every other paragraph of the interview is the guest's. */
const INTERVIEWER = '――';

/** The speaker label or dialogue dash a paragraph's text opens with, if any. */
function labelOf(text: string): string | undefined {
  if (INTERVIEWER_TURN.test(text)) return INTERVIEWER;
  return DASH_TURN.test(text) ? DASH : SPEAKER.exec(text)?.[1];
}

/** An interview whose turns only the interviewer's dash marks: two dash-led paragraphs or more, a fifth of them or more, never all. */
function isInterview(dashed: number, paragraphs: number): boolean {
  return dashed >= 2 && dashed < paragraphs && dashed * 5 >= paragraphs;
}

/**
 * A note's speaker labels, when its paragraphs are a dialogue: two labels used again and again
 * ("A:", "ChatGPT:"), or a dash opening three paragraphs or more and half of them.
 */
export function dialogueLabels(blocks: readonly Token[]): Set<string> {
  const counts = new Map<string, number>();
  let paragraphs = 0;
  for (const t of blocks) {
    if (t.type !== 'paragraph') continue;
    paragraphs++;
    // Each line's label: a paragraph may hold a question and its answer, a line each.
    for (const line of (t as Tokens.Paragraph).text.split('\n')) {
      const label = labelOf(line);
      if (label) counts.set(label, (counts.get(label) ?? 0) + 1);
    }
  }
  if (isInterview(counts.get(INTERVIEWER) ?? 0, paragraphs)) return new Set([INTERVIEWER]);
  counts.delete(INTERVIEWER);
  const dashes = counts.get(DASH) ?? 0;
  if (dashes >= 3 && dashes * 2 >= paragraphs) return new Set([DASH]);
  counts.delete(DASH);
  const labels = [...counts].filter(([, n]) => n >= 2).map(([l]) => l);
  const labelled = labels.reduce((n, l) => n + counts.get(l)!, 0);
  return labels.length >= 2 && labelled >= Math.min(4, paragraphs / 3) ? new Set(labels) : new Set();
}

/** A paragraph's turns: its text split before each line that opens with one of the dialogue's labels. */
export function turnsOf(raw: string, labels: ReadonlySet<string>): string[] {
  if (!raw.includes('\n')) return [raw];
  const turns: string[] = [];
  for (const line of raw.split('\n')) {
    const label = labelOf(line);
    if (turns.length && !(label && labels.has(label))) turns[turns.length - 1] += `\n${line}`;
    else turns.push(line);
  }
  return turns;
}

/** A paragraph that opens with one of a dialogue's speaker labels: a turn; in an interview, every paragraph (the guest's are unmarked). */
export function isTurn(t: Token, labels: ReadonlySet<string>): boolean {
  return labels.size > 0 && t.type === 'paragraph' && (labels.has(INTERVIEWER) || labels.has(labelOf((t as Tokens.Paragraph).text) ?? ''));
}

/** How the walk reads a dialogue: from where its substance begins (its small talk left), turn by turn when long. */
export function readDialogue(w: Walk, blocks: readonly Token[], labels: ReadonlySet<string>, sections: number): void {
  const turns = dialogueTurns(blocks, labels);
  const asking = firstAnswered(turns, w.locale);
  w.substanceFrom = asking === undefined ? undefined : substanceStart(turns, asking);
  w.closingFrom = asking === undefined ? undefined : closingStart(turns, asking, w.locale);
  readTurnByTurn(w, blocks, labels, sections);
}

/** A long dialogue without headings is read turn by turn, each turn its own share, to its end. */
function readTurnByTurn(w: Walk, blocks: readonly Token[], labels: ReadonlySet<string>, sections: number): void {
  const turns = sections ? 0 : blocks.filter((t) => isTurn(t, labels)).length;
  if (turns > sectionShare(0)) Object.assign(w, dialogueWalk(turns));
}

/**
 * A turn of a dialogue without its speaker label, and whether the asker says it: the first speaker,
 * or, where dashes mark the turns, every other turn from the first.
 */
export function withoutSpeaker(w: Walk, raw: string, labels: ReadonlySet<string>, opening = false): { raw: string; asked: boolean } {
  if (labels.has(INTERVIEWER)) {
    const dash = INTERVIEWER_TURN.exec(raw);
    return dash ? { raw: raw.slice(dash[0].length), asked: true } : { raw, asked: false };
  }
  if (labels.has(DASH)) {
    const dash = DASH_TURN.exec(raw);
    if (!dash) return { raw, asked: false };
    w.dashTurns = (w.dashTurns ?? 0) + 1;
    // The asker is who asks the first question of substance, not who greets first ("— Good morning, how can I help?").
    if (!opening) w.dashAsker ??= w.dashTurns % 2;
    return { raw: raw.slice(dash[0].length), asked: w.dashTurns % 2 === (w.dashAsker ?? 1) };
  }
  const m = SPEAKER.exec(raw);
  if (!m || !labels.has(m[1]!)) return { raw, asked: false };
  // The asker is who asks the first question of substance, not who greets first.
  if (!opening) w.asker ??= m[1]!;
  return { raw: raw.slice(m[0].length), asked: m[1] === w.asker };
}

/** A reply of at most this many words (two CJK characters a word) answers nothing at length: "Pretty good, thanks!". */
const BRIEF_REPLY = 8;

/** A turn's text without its speaker label or dialogue dash. */
function turnText(turn: string): string {
  const dash = INTERVIEWER_TURN.exec(turn) ?? DASH_TURN.exec(turn);
  if (dash) return turn.slice(dash[0].length);
  const m = SPEAKER.exec(turn);
  return m ? turn.slice(m[0].length) : turn;
}

/**
 * A reply that answers: longer than a pleasantry without its own questions ("Hi, good morning. Do you
 * have…?" greets, then asks), and not opening with a question of its own ("Sure! What's up?").
 */
function answersAtLength(reply: string, locale: string): boolean {
  const sentences = splitSentences(reply, locale);
  if (isQuestion(sentences[0] ?? '', locale) || asksIndirectly(sentences[0] ?? '', locale)) return false;
  return wordCount(sentences.filter((s) => !isQuestion(s, locale)).join(' ')) > BRIEF_REPLY;
}

/** A turn that asks: a question, or a request leading into the text it quotes ("Could you split this sentence:"). */
function asks(turn: string, locale: string): boolean {
  return /[:：]\s*$/.test(turn) || splitSentences(turn, locale).some((s) => isQuestion(s, locale) || asksIndirectly(s, locale));
}

/** A turn of an opening is small talk: longer ones say something, and the walk keeps them (an imperative request asks without a question mark). */
const SMALL_TALK = 16;

/** A turn as substanceStart reads it: where it is, who says it, its own text and that with the blocks it goes on with. */
interface DialogueTurn {
  block: number;
  turn: number;
  who: string;
  own: string;
  text: string;
}

/** Who says a turn: its label, or where dashes mark the turns, which of the two alternating speakers. */
function speakerOf(raw: string, index: number): string {
  const label = labelOf(raw) ?? '';
  return label === DASH ? `${DASH}${index % 2}` : label;
}

/**
 * Whether the question of turn i is answered at length, though perhaps not by the next turn: the
 * asker may first add a brief detail of their own ("I use Linux."), and the other speaker may ask
 * back before answering ("Which system?"). Told by who speaks and the turns' form, never their
 * words. The search ends at the asker's next question or a turn of theirs that says more.
 */
function answeredAtLength(read: TurnReading, i: number): boolean {
  const turns = read.turns;
  const asker = turns[i]!.who;
  for (let j = i + 1; j < turns.length; j++) {
    const t = turns[j]!;
    const asking = read.asks(j);
    if (t.who !== asker && read.answersAtLength(j)) return true;
    if (t.who === asker ? asking || read.answersAtLength(j) : !asking) return false;
  }
  return false;
}

/**
 * Whether each turn asks, and whether it answers at length, read once a turn: both depend on the
 * turn's text alone, and firstAnswered asks them of a turn for itself and again for each earlier
 * question whose answer it may be (a 268-block dialogue split each turn's sentences three times and more).
 */
class TurnReading {
  private readonly asking: Array<boolean | undefined> = [];
  private readonly answering: Array<boolean | undefined> = [];

  constructor(
    readonly turns: readonly DialogueTurn[],
    private readonly locale: string,
  ) {}

  asks(j: number): boolean {
    return (this.asking[j] ??= asks(this.turns[j]!.own, this.locale));
  }

  answersAtLength(j: number): boolean {
    return (this.answering[j] ??= answersAtLength(this.turns[j]!.text, this.locale));
  }
}

/**
 * Where a dialogue's substance begins (block and turn within it): the first turn that asks and that
 * a reply answers at length (with the blocks it goes on with; answeredAtLength). The labelled turns before it,
 * when each is short, are its opening, greetings and pleasantries in any language ("Hi! Quick
 * question." / "Sure, go ahead!", "¿Qué tal?" / "Muy bien"): told by their place and size, never by
 * their words. Undefined when no such turn is found, or a turn before it says more than small talk.
 */
function substanceStart(turns: readonly DialogueTurn[], asking: number): { block: number; turn: number } | undefined {
  const smallTalk = turns.slice(0, asking).every((t) => wordCount(t.text) <= SMALL_TALK);
  return smallTalk ? { block: turns[asking]!.block, turn: turns[asking]!.turn } : undefined;
}

/** A dialogue's turns, each with the unlabelled blocks it goes on with; none where the note is no dialogue. */
function dialogueTurns(blocks: readonly Token[], labels: ReadonlySet<string>): DialogueTurn[] {
  const turns: DialogueTurn[] = [];
  if (labels.size === 0) return turns;
  blocks.forEach((t, block) => {
    if (isTurn(t, labels)) {
      turnsOf((t as Tokens.Paragraph).text, labels).forEach((raw, turn) =>
        turns.push({ block, turn, who: speakerOf(raw, turns.length), own: turnText(raw), text: turnText(raw) }),
      );
    } else if (turns.length && 'text' in t && typeof t.text === 'string') turns[turns.length - 1]!.text += `\n${t.text}`;
  });
  return turns;
}

/**
 * The index of the first turn that asks and that a reply answers at length (answeredAtLength), if any,
 * of the speaker who asks most such questions (the first of them on a tie): a shop's "Welcome, how can
 * I help?" is answered by the customer's account of the problem, but it is the customer who then asks,
 * and is answered, again and again (issue 23, F10). Told by who speaks, never by words.
 */
function firstAnswered(turns: readonly DialogueTurn[], locale: string): number | undefined {
  const answered: number[] = [];
  const read = new TurnReading(turns, locale);
  for (let i = 0; i + 1 < turns.length; i++) if (read.asks(i) && answeredAtLength(read, i)) answered.push(i);
  const asked = new Map<string, number>();
  for (const i of answered) asked.set(turns[i]!.who, (asked.get(turns[i]!.who) ?? 0) + 1);
  let best: number | undefined;
  for (const i of answered) if (best === undefined || asked.get(turns[i]!.who)! > asked.get(turns[best]!.who)!) best = i;
  return best;
}

/**
 * Where a dialogue's closing small talk begins: the asker's last turn, when it comes after their
 * question was answered, asks nothing, and it and every turn after it are brief ("Thanks a lot, that
 * fixed it." / "Glad to hear it!", "非常感谢，已经解决了。"): thanks and a word that it worked, told by
 * place and size, never by words. Undefined when the asker's last turn says more or asks again.
 */
function closingStart(turns: readonly DialogueTurn[], asking: number, locale: string): { block: number; turn: number } | undefined {
  const asker = turns[asking]!.who;
  let last = turns.length - 1;
  while (last > asking && turns[last]!.who !== asker) last--;
  if (last <= asking + 1 || asks(turns[last]!.own, locale)) return undefined;
  const brief = turns.slice(last).every((t) => wordCount(t.text) <= BRIEF_REPLY && !/[\p{N}\uE000-\uF8FF]/u.test(t.text));
  return brief ? { block: turns[last]!.block, turn: turns[last]!.turn } : undefined;
}

/** A labelled turn in the dialogue's closing small talk (closingStart): no point. */
export function inClosing(w: Walk, turn: number): boolean {
  const from = w.closingFrom;
  return from !== undefined && (w.block > from.block || (w.block === from.block && turn >= from.turn));
}

/** A labelled turn before the dialogue's substance begins (substanceStart): its opening small talk. */
export function inOpening(w: Walk, turn: number, raw: string, labels: ReadonlySet<string>): boolean {
  const from = w.substanceFrom;
  if (from === undefined || !(w.block < from.block || (w.block === from.block && turn < from.turn))) return false;
  return labels.has(INTERVIEWER) || labels.has(labelOf(raw) ?? '');
}

/** An asker's sentence of at most this many words (two CJK characters a word) asks nothing of substance: "Buenos días.", "您好。", "Great, thank you.". */
const BRIEF_TALK = 3;

/**
 * An asker's sentence of a few words that asks nothing, before their question in the same turn
 * ("Buenos días. ¿Cuánto tarda…?", "您好。寄包裹…？", "I see. And how…?") or in the dialogue's last
 * turn ("Great, thank you.", "好的，谢谢。"): a greeting or thanks, told by its place and size, never by
 * its words. A figure or code names something.
 */
export function askersSmallTalk(s: string, sentences: readonly string[], i: number, closing: boolean, locale: string): boolean {
  if (wordCount(s) > BRIEF_TALK || isQuestion(s, locale) || /[\p{N}\uE000-\uF8FF]/u.test(s)) return false;
  return closing || sentences.slice(i + 1).some((q) => isQuestion(q, locale));
}
