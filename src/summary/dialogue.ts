/**
 * Dialogues: turns that open with a speaker label ("A:", "ChatGPT:", "प्रश्न:", "**Ana:**", "问：")
 * or, as French, Spanish and Russian prose prints them, with a dash that opens each speaker's line
 * ("— Pourquoi … ?"). What a turn says is read without its label; the first speaker asks, and
 * what they ask is a point though it is a question. Decided from the note's form, never from the
 * labels' words. Pure.
 */
import type { Token, Tokens } from 'marked';
import { dialogueWalk, sectionShare, type Walk } from './walk.js';

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

/** The speaker label or dialogue dash a paragraph's text opens with, if any. */
function labelOf(text: string): string | undefined {
  return DASH_TURN.test(text) ? DASH : SPEAKER.exec(text)?.[1];
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

/** A paragraph that opens with one of a dialogue's speaker labels: a turn. */
export function isTurn(t: Token, labels: ReadonlySet<string>): boolean {
  return labels.size > 0 && t.type === 'paragraph' && labels.has(labelOf((t as Tokens.Paragraph).text) ?? '');
}

/** A long dialogue without headings is read turn by turn, each turn its own share, to its end. */
export function readTurnByTurn(w: Walk, blocks: readonly Token[], labels: ReadonlySet<string>, sections: number): void {
  const turns = sections ? 0 : blocks.filter((t) => isTurn(t, labels)).length;
  if (turns > sectionShare(0)) Object.assign(w, dialogueWalk(turns));
}

/**
 * A turn of a dialogue without its speaker label, and whether the asker says it: the first speaker,
 * or, where dashes mark the turns, every other turn from the first.
 */
export function withoutSpeaker(w: Walk, raw: string, labels: ReadonlySet<string>): { raw: string; asked: boolean } {
  if (labels.has(DASH)) {
    const dash = DASH_TURN.exec(raw);
    if (!dash) return { raw, asked: false };
    w.dashTurns = (w.dashTurns ?? 0) + 1;
    return { raw: raw.slice(dash[0].length), asked: w.dashTurns % 2 === 1 };
  }
  const m = SPEAKER.exec(raw);
  if (!m || !labels.has(m[1]!)) return { raw, asked: false };
  w.asker ??= m[1]!;
  return { raw: raw.slice(m[0].length), asked: m[1] === w.asker };
}
