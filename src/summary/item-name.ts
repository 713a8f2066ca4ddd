/**
 * The names list items give themselves, which a compacted list shows under its lead-in ("Key
 * features: Speed, Safety, Simplicity"): a bold label, the words before a colon or dash, or the
 * whole item when it is short, each as short as a reader takes in as a name (readingWidth). Pure.
 */
import type { Token, Tokens } from 'marked';
import { collapseWhitespace } from '../util/text.js';
import { readingWidth } from './chars.js';
import { withoutFinalStop } from './final-stop.js';
import { cleanText, inlineText } from './plain.js';
import { wordCount } from './tone.js';
import { isProse, MAX_NAME, type Walk } from './walk.js';

/** The short name an item gives itself: its bold label or the words before its colon or dash. */
export function itemName(raw: Tokens.ListItem, text: string): string | undefined {
  const first = raw.tokens[0];
  const inline = first && 'tokens' in first ? (first.tokens as Token[] | undefined) : undefined;
  const lead = inline?.[0];
  // A bold sentence ("**使用缓存来减少数据库的访问次数，显著提高响应速度**") is the item's lead, no label: named as plain text is.
  const bold = lead?.type === 'strong' ? collapseWhitespace(cleanText(inlineText((lead as Tokens.Strong).tokens))) : undefined;
  if (bold !== undefined && isNameShort(withoutAside(bold) || bold)) { // "**月亮代表我的心 (The Moon Represents My Heart)**": the aside may go (compactNames)
    const label = bold.replace(/[:：.。]$/u, ''); // "**Fail fast.**" names "Fail fast"
    // "**Title** - Author: what it is": who made it belongs to the name, up to the colon.
    const by = text.startsWith(label) ? /^\s[-–—]\s([^:：.。]{1,32}?)\s*[:：]/u.exec(text.slice(label.length)) : null;
    return by ? `${label} - ${by[1]!}` : label;
  }
  const m = LABEL.exec(text);
  if (m && isNameShort(m[1]!)) return m[1];
  if (isNameShort(text)) return withoutFinalStop(text);
  // "1 fresh lemon (buy a juicy one…)": the thing is named before its aside.
  const bare = withoutAside(text);
  return bare !== text && isNameShort(bare) && isProse(bare) ? withoutFinalStop(bare) : undefined;
}

/** The words before an item's first colon or spaced dash ("Speed: …", "Rust — …", "Go - Fast…"). */
const LABEL = /^(.{1,48}?)\s*(?:[:：]|\s[—–]\s|\s-\s(?=\p{Lu}))/u; // no longer than MAX_NAME characters: a reading width is never less

/**
 * Short enough to name an item in a compacted list: MAX_NAME as a reader takes it in (readingWidth),
 * not in characters, where 48 Chinese or Japanese characters are a whole sentence (issue 23, F8).
 */
function isNameShort(name: string): boolean {
  return name.length <= MAX_NAME && readingWidth(name) <= MAX_NAME; // a character weighs one at least: a longer text needs no count
}

/** Most words an answer after a situation's colon has ("Many writers or a team: PostgreSQL"). */
const MAX_ANSWER_WORDS = 3;

/** A "situation: answer" item whole, where what follows its colon or dash is a short answer, not a definition or a sentence. */
function situationAnswer(text: string): string | undefined {
  const whole = text.replace(/[.。]$/u, '');
  const label = LABEL.exec(whole);
  const answer = label ? whole.slice(label[0].length).trim() : '';
  return answer && !/[.!?;。！？；]/u.test(answer) && wordCount(answer) <= MAX_ANSWER_WORDS && isNameShort(whole) ? whole : undefined;
}

/**
 * The writer's summing-up as "situation: answer" items ("Many writers or a team: PostgreSQL"), every
 * item so: each named whole, as the answers are what the summary concludes; named by the words
 * before the colon alone they were lost, and the whole items came again as points of their own.
 */
export function answersNamed<T extends { text: string; name: string | undefined }>(w: Walk, items: T[]): T[] {
  const whole = w.inSummary && items.length >= 2 ? items.map(({ text }) => situationAnswer(text)) : [];
  return whole.length && whole.every((n) => n !== undefined) ? items.map((x, i) => ({ ...x, name: whole[i] })) : items;
}

/**
 * Text without the phrases its brackets hold ("1 fresh lemon (buy a juicy one)" → "1 fresh lemon").
 * A single word in brackets is a name the thing also goes by ("(EKF)", "(strftime)") and stays.
 */
export function withoutAside(text: string): string {
  return text.replace(/\s*[(（]([^()（）]*)[)）]/gu, (aside, inside: string) => (/\s|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{3}/u.test(inside.trim()) ? '' : aside)).trim();
}
