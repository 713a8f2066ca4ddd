/**
 * A question the writer asks and answers ("Why doesn't the stack overflow? Because GHC…", a FAQ's
 * "Q: Do I need to defragment? A: No. On the contrary…"): a heading of its answer, not a question
 * back to the reader. Alone, the answer is a fragment ("Because…", "It builds…", "لكن…") and the
 * question answers nothing. In prose the answer's first statement is shown after its question
 * ("Q? A."); in a dialogue, where what was asked is a point of its own, the answer's first statement
 * is chosen with it (pairedWith). A brief reply ("No.", "不要です。") goes with the sentence that
 * explains it, and a reply's yes or no is kept. Told by form: a question followed, in its paragraph
 * or the next, by a statement; questions to the reader, of the writer's own offer, or pointing back
 * are not held. Pure.
 */
import { hasCjk } from './chars.js';
import { namesItselfAnswer, questionProper } from './answer-names.js';
import { isFunctionWord } from './salience.js';
import { ruleFor, type Rules } from './locale-rules.js';
import { opensOnPointerCause } from './pointer-cause.js';
import { agreesWithReader } from './agreement.js';
import { cheers } from './news.js';
import { judgesTheQuestion, remarksOnTheAsking } from './question-praise.js';
import { remarksToTheAsker } from './edge-talk.js';
import { opensOnPlaceholder } from './placeholder-subject.js';
import { asksIndirectly } from './indirect-question.js';
import { addressesReader, isExclamation, isQuestion, namesWhatItPointsAt, pointsBack, pointsBackWithin, speaksAsI, wordCount } from './tone.js';
import type { Asked, Candidate, Walk } from './walk.js';

/** A reply of at most this many words (two CJK characters a word) says yes or no, not why: "No.", "It was cost.", "不要です。". */
const BRIEF_REPLY = 3;

/**
 * A reply's yes or no before its comma or stop ("Yes, …", "Nein, …", "نعم، …", "不，…", "いいえ、…"):
 * what a yes/no question asked, no interjection to drop (tone.ts withoutInterjection).
 */
const POLAR_ANSWER: Rules = [
  [/^en/, /^(?:yes|no|yeah|yep|nope)\s?[,.!—–]/iu],
  [/^de/, /^(?:ja|nein|doch|jein)\s?[,.!—–]/iu],
  [/^es/, /^(?:sí|no)\s?[,.!—–]/iu],
  [/^fr/, /^(?:oui|non|si)\s?[,.!—–]/iu],
  [/^pt/, /^(?:sim|não)\s?[,.!—–]/iu],
  [/^hi/, /^(?:जी\s)?(?:हाँ|हां|नहीं)\s?[,.।!—–]/u],
  [/^ar/, /^(?:نعم|لا|كلا|بلى)\s?[،,.!—–]/u],
  [/^ru/, /^(?:да|нет)\s?[,.!—–]/iu],
  [/^(zh|hant|yue)/, /^(?:是的?|对|對|不是?|不对|不對|没有|沒有|不会|不會|会|會|可以|不可以|不用|需要|不需要)\s?[，,。！!—–]/u],
  [/^ja/, /^(?:はい|いいえ|いえ)\s?[、，,。！!—–]/u],
];

/**
 * The reader addressed anywhere in a question, in any of the blog's languages (a translation leaves
 * a question in another script): "Which queue does your scheduler use?", "你的…？", "…لديك؟" asks
 * the reader, and no sentence after it answers it.
 */
const TO_THE_READER = /(?<!\p{L})(?:you|your|yours|yourself|you['’](?:re|ve|d|ll)|du|dich|dir|dein\p{L}*|euch|euer|tu|te|toi|vous|votre|vos|ton|ta|tes|tú|tus|usted|ustedes|vosotros|você|vocês|seu|sua|teu|tua|आप\p{M}*\p{L}*|तुम\p{L}*|أنت|لديك)(?!\p{L})|[你您]|あなた|貴方/iu;

/** The word "question" in the blog's languages: a brief reply naming it speaks of the exchange ("Gute Frage.", "好问题。", "سؤال رائع."). */
const QUESTION_WORD = /(?<!\p{L})(?:question|questions|pregunta|Frage|pergunta|domanda|सवाल|प्रश्न|سؤال)(?!\p{L})|问题|問題|質問|問い/iu;

/**
 * A reply of a few words that answers ("No.", "It was cost.", "不要です。"), not a reply's small talk:
 * no exclamation ("Of course!"), word of the question ("Good question.") or agreement.
 */
function repliesBriefly(s: string, locale: string): boolean {
  return wordCount(s) <= BRIEF_REPLY && !isExclamation(s) && !QUESTION_WORD.test(s) && !cheers(s, locale) && !judgesTheQuestion(s, locale) && !agreesWithReader(s, locale);
}

/**
 * A reply opening with a causal conjunction ("Because…", "Weil…", "Porque…", "Parce que…", "因为…",
 * "なぜなら…", "لأن…", "क्योंकि…"): a subordinate clause, the answer to a "why" and no sentence alone.
 */
const CAUSE_START: Rules = [
  [/^en/, /^(?:because|'cause|cause)(?!\p{L})/iu],
  [/^de/, /^(?:weil|denn)(?!\p{L})/iu],
  [/^es/, /^porque(?!\p{L})/iu],
  [/^fr/, /^(?:parce\s+qu|car(?!\p{L}))/iu],
  [/^pt/, /^porque(?!\p{L})/iu],
  [/^hi/, /^क्योंकि/u],
  [/^ar/, /^(?:لأن|لان|لأنّ)/u],
  [/^ru/, /^(?:потому\s+что|так\s+как)(?!\p{L})/iu],
  [/^(zh|hant|yue)/, /^(?:因为|因為)/u],
  [/^ja/, /^(?:なぜなら|というのも)/u],
];

/**
 * A reply whose first sentence closes on its causal ending (ja "…からです。", "…ためです。"): Japanese
 * puts the "because" last, and the clause is the answer to a "why" as much as "Because…" is.
 */
const CAUSE_END: Rules = [[/^ja/, /(?:から|ため|せい|ので)(?:です|だ|でございます)[。．！]?$/u]];

function givesCause(s: string, locale: string): boolean {
  const first = /^[^]*?[。．！？]/u.exec(s.trim())?.[0] ?? s.trim();
  return (ruleFor(CAUSE_START, locale)?.test(s.trimStart()) ?? false) || (ruleFor(CAUSE_END, locale)?.test(first) ?? false) || opensOnPointerCause(s, locale);
}

/** Whether a reply opens with its yes or no. */
export function opensWithPolarAnswer(s: string, locale: string): boolean {
  return ruleFor(POLAR_ANSWER, locale)?.test(s.trimStart()) ?? false;
}

/**
 * Keeps the question the paragraph before left for this one to answer (from its own block or the
 * one before), if any; an asker's turn answers none (what it asks is kept: askedInTurn).
 */
export function takeQuestion(w: Walk, asks: boolean, text = ''): void {
  if (asks && answersOthersQuestion(w.question, w.block, text)) return;
  if (asks || (w.question && w.question.block < w.block - 1)) w.question = undefined;
}

/**
 * An asker's turn that asks nothing, right after the other speaker's question (a teacher's "What does it
 * need to stop?", the student's "A base case."): it answers that question, and is shown with it, never
 * alone (issue 23, tester-23-2 F15). Told by who speaks and the turns' form, never their words.
 */
function answersOthersQuestion(held: Asked | undefined, block: number, text: string): boolean {
  return held !== undefined && held.block >= block - 1 && !held.unshown && held.inTurn === undefined && held.text !== '' && !/[?？؟]/u.test(text);
}

/** German capitalises "Sie" inside a sentence only as the formal "you". */
const FORMAL_YOU_INSIDE = /^(?:Sie|Ihnen)(?!\p{L})/u;

/** Words (CJK: characters) a question may open with before its subject: "How does", "Wie funktioniert", "为什么". */
const BEFORE_SUBJECT = 3;

/**
 * A question whose subject is a word pointing back ("How do they integrate…?", "How does it work?",
 * "为什么它…？"), not a demonstrative with its noun ("なぜこの API は…？"): it needs the sentence before
 * it, and is no heading of its answer alone.
 */
function asksOfWhatCameBefore(q: string, locale: string): boolean {
  if (pointsBackWithin(q, locale)) return true;
  if (opensOnPlaceholder(q, locale)) return false; // "Is it safe to…?", "Is there…?": the "it" stands for what follows
  const cjk = hasCjk(q);
  const words = cjk ? [...q] : q.split(/\s+/);
  for (let k = 0; k <= BEFORE_SUBJECT && k < words.length; k++) {
    const rest = words.slice(k).join(cjk ? '' : ' ');
    if (k > 0 && FORMAL_YOU_INSIDE.test(rest) && /^de/i.test(locale)) continue; // "Haben Sie sich…?": the reader, not "they"
    if (pointsBack(rest, locale)) return !namesWhatItPointsAt(rest, locale); // "この API", "diese Funktion": named
  }
  return false;
}

function joined(a: string, b: string): string {
  if (!a) return b;
  return /[？。！]$/u.test(a) ? `${a}${b}` : `${a} ${b}`;
}

/**
 * Whether this sentence waits for the one after it, which it is shown with (w.question): a question
 * the writer asks in prose (not one to the reader or of the writer's own offer; one pointing back is
 * held, and its pair leans on the sentence before: shownAnswer), or a brief reply to the question held ("No.") before the sentence that explains it.
 */
export function holds(s: string, w: Walk, last: boolean): boolean {
  const question = w.question;
  // Asked indirectly with an answer after it in the paragraph ("I wanted to know why… The answer is…"): held as a question is, shown with its answer.
  const indirect = !last && !isQuestion(s, w.locale) && asksIndirectly(s, w.locale);
  if (indirect || isQuestion(s, w.locale)) {
    if (indirect && (TO_THE_READER.test(s) || addressesReader(s, w.locale))) return false; // "You'll learn how…" is no question asked; "我想知道…" is, though it says "I"
    if (!indirect && (TO_THE_READER.test(s) || addressesReader(s, w.locale) || speaksAsI(s, w.locale))) {
      w.question = { text: '', block: w.block, unshown: true, toReader: speaksAsI(s, w.locale) || last ? undefined : s }; // its answer's "Because…" or "No." is no point alone
      return false;
    }
    // One pointing back ("Why do they fail together?") is shown with its answer, and the two lean on the sentence before.
    w.question = { text: joined(question?.text ?? '', s), block: w.block, leans: asksOfWhatCameBefore(s, w.locale) || question?.leans };
    return true;
  }
  if (!question || last || !repliesBriefly(s, w.locale)) return false;
  w.question = { ...question, text: joined(question.text, s) };
  return true;
}

/**
 * The answer shown after the question and brief reply held ("Q? A."); the answer alone when there is
 * none, or the two are longer than a point. An answer that cannot stand alone ("Because…", "No. …",
 * "Weil…") is no point without its question: none when the question is not shown (it points back,
 * asks the reader) or the pair is too long.
 */
function withItsQuestion(w: Walk, answer: string): string | undefined {
  const question = w.question;
  w.question = undefined;
  if (!question) return answer;
  const inTurn = question.inTurn && afterAskedInTurn(w, question, answer);
  if (inTurn) return inTurn;
  const replied = question.text !== '' && !endsAsQuestion(question.text); // "Is it safe? No." held
  if (question.unshown) return replied || needsItsQuestion(answer, w.locale) ? causeAfterReadersQuestion(w, question, answer) : answer;
  if (!question.text || (question.heading && !replied && restatesQuestion(question.text, answer) && !needsItsQuestion(answer, w.locale))) return answer;
  const both = joined(question.text, answer);
  if (w.spans.visibleLength(both) <= w.maxPointChars) return both;
  const proper = questionProper(question.text);
  if (proper && w.spans.visibleLength(joined(proper, answer)) <= w.maxPointChars) return joined(proper, answer);
  return replied || needsItsQuestion(answer, w.locale) ? undefined : answer;
}

/**
 * "Have you ever wondered why…? This is because…": a question put to the reader that the writer
 * answers at once with a cause asks what the note explains; shown with its answer when the two fit
 * in a point, none else (issue 23, F7).
 */
function causeAfterReadersQuestion(w: Walk, question: Asked, answer: string): string | undefined {
  if (question.toReader === undefined || !givesCause(answer, w.locale)) return undefined;
  const both = joined(question.toReader, answer);
  return w.spans.visibleLength(both) <= w.maxPointChars ? both : undefined;
}

/**
 * The answer as shown (withItsQuestion), and whether it leans on the sentence before: after a question
 * pointing back ("Why do they pass alone? Because…", "¿Por qué ocurre esto? Porque…") the pair names its
 * subject only there, so it is a point only beside that one (select.ts leansBack), as a sentence opening
 * with "They" is, and none when no candidate comes before it. A question whose pronoun the language drops
 * or inverts ("为什么…？", "Pourquoi passent-ils…?") is not told: it reads alone as before (issue 23, F7).
 */
export function shownAnswer(w: Walk, answer: string): { text: string; leans: boolean } | undefined {
  const leaning = w.question?.leans === true;
  const text = withItsQuestion(w, answer);
  if (text === undefined) return undefined;
  const leans = leaning && text !== answer;
  return leans && w.out.length === 0 ? undefined : { text, leans };
}

/** Words at most in small talk between a question and its answer ("Good question!", "¡Buena pregunta!"). */
const SMALL_TALK_WORDS = 8;

/**
 * Small talk between a question held and its answer: a short cheer or judgement of the question ("Good
 * question!", "Das ist eine gute Frage."), or the writer's remark to the asker ("Ah, I see what trips you
 * up.", "嗯，我明白你的困惑。"). It is no point, and the question still waits for its answer (issue 23, F2);
 * a reply's yes or no is the answer itself.
 */
export function talksBeforeAnswer(s: string, w: Walk): boolean {
  if (!w.question || w.question.inTurn || isQuestion(s, w.locale) || opensWithPolarAnswer(s, w.locale)) return false;
  const cheer = isExclamation(s) && wordCount(s) <= SMALL_TALK_WORDS && (cheers(s, w.locale) || QUESTION_WORD.test(s));
  return cheer || judgesTheQuestion(s, w.locale) || remarksOnTheAsking(s, w.locale) || remarksToTheAsker(s, w.locale);
}

/** Whether text held ends with its question, not a brief reply after it. */
function endsAsQuestion(text: string): boolean {
  return /[?？؟]\s*$/u.test(text);
}

/** Whether the question held is one whose answer is shown after it (not one left unshown). */
export function answerFollows(w: Walk): boolean {
  return w.question !== undefined && !w.question.unshown;
}

/** A turn's sentence that asks: a question, or one asked indirectly ("I wondered whether…", "Quería saber por qué…"), which its reply answers as it would the "?" form. */
function asksInTurn(s: string, locale: string): boolean {
  return isQuestion(s, locale) || asksIndirectly(s, locale);
}

/** After an asker's turn: when it ends with a question, the next turn answers it (its yes or no kept, a brief reply joined). */
export function askedInTurn(w: Walk): void {
  const inTurn: Candidate[] = [];
  for (let k = w.out.length - 1; k >= 0 && w.out[k]!.block === w.block && asksInTurn(w.out[k]!.text, w.locale); k--) inTurn.unshift(w.out[k]!);
  w.question = inTurn.length ? { text: '', block: w.block, inTurn } : undefined;
}

/**
 * Whether the sentence read answers a question asked in a dialogue's turn: its "your" is the
 * asker's ("Why do my brakes squeal?" "Your pads pick up grit…"), what was answered, not a reply
 * to a reader's own example.
 */
export function answersTurn(w: Walk): boolean {
  return w.question?.inTurn !== undefined;
}

/**
 * A dialogue's answer shown after the questions of the turn it answers, which are then no points of
 * their own ("How long do they last? About four to six seasons."): what was asked and what was
 * answered in one point, so a summary never gives an answer without its question. Undefined when
 * the two are longer than a point, or the answer opens with what the turn's one question asked
 * ("What about memory alignment?" "Memory alignment is crucial…"): it reads alone, beside its question
 * (after two questions it answers the turn, and goes with both).
 */
function afterAskedInTurn(w: Walk, question: Asked, answer: string): string | undefined {
  const inTurn = question.inTurn ?? [];
  const asked = inTurn.reduce((text, c) => joined(text, c.text), '');
  if (!question.text && inTurn.length === 1 && opensWithWhatWasAsked(asked, answer) && !needsItsQuestion(answer, w.locale)) return undefined;
  const both = joined(asked, joined(question.text, answer));
  if (w.spans.visibleLength(both) > w.maxPointChars) return undefined;
  for (const c of inTurn) if (w.out.includes(c)) w.out.splice(w.out.indexOf(c), 1);
  return both;
}

interface Choosable {
  c: Candidate;
  taken?: boolean;
  place: number;
  cost: number;
}

/**
 * An answer that needs its question to be read: it opens with its yes or no ("No. On the contrary…",
 * "نعم، لكن…"), a brief reply ("It was cost. We ran…") or a word pointing back. One that says what it
 * speaks of ("Recursion is a function calling itself.") reads alone.
 */
function needsItsQuestion(answer: string, locale: string): boolean {
  const first = /^[^]*?[.!?。！？؟।](?=\s|$)/u.exec(answer)?.[0] ?? answer;
  return opensWithPolarAnswer(answer, locale) || namesItselfAnswer(answer) || givesCause(answer, locale) || pointsBack(answer, locale) || (first !== answer && wordCount(first) <= BRIEF_REPLY);
}

/**
 * Whether a turn's candidate asks (asksInTurn), read once a choice: the choice asks it of every
 * option for its last place, and of its neighbours, round after round (a long dialogue's 300 options).
 */
function asksOnce(c: Candidate, locale: string, asking: Map<Candidate, boolean>): boolean {
  let asks = asking.get(c);
  if (asks === undefined) asking.set(c, (asks = asksInTurn(c.text, locale)));
  return asks;
}

/**
 * What a dialogue's point goes with: an asker's question with the first statement after it (the
 * next turn's, its questions passed over: "How long does an SSD last?" without "Ten years or more…"
 * answers nothing), and that statement with the question before it when it needs it (needsItsQuestion).
 */
export function pairedWith<T extends Choosable>(o: T, byPos: readonly T[], locale: string, asking: Map<Candidate, boolean> = new Map()): T | undefined {
  if (!o.c.turn || o.c.kind !== 'sentence') return undefined;
  const at = byPos.indexOf(o);
  if (at < 0) return undefined;
  const asks = (x: T | undefined): boolean => x !== undefined && x.c.turn === true && x.c.kind === 'sentence' && asksOnce(x.c, locale, asking);
  // The turn after, or the next line of the same paragraph ("Q: …" then "A: …").
  const next = (a: T, b: T | undefined) => b !== undefined && b.c.turn === true && b.c.kind === 'sentence' && !asks(b) && b.c.block >= a.c.block && b.c.block <= a.c.block + 1;
  if (!asks(o)) {
    const question = byPos[at - 1];
    return question && asks(question) && next(question, o) && needsItsQuestion(o.c.text, locale) ? question : undefined;
  }
  let k = at;
  while (asks(byPos[k + 1])) k++;
  return next(byPos[k]!, byPos[k + 1]) ? byPos[k + 1] : undefined;
}

/** The point a chosen one goes with, when it is still to take and fits the room and places left: none, or one. */
export function pairToTake<T extends Choosable>(o: T, byPos: readonly T[], locale: string, room: number, places: number, asking?: Map<Candidate, boolean>): T[] {
  const pair = pairedWith(o, byPos, locale, asking);
  return pair && !pair.taken && pair.place > 0 && pair.cost <= room && places > 0 ? [pair] : [];
}

/**
 * Reads one sentence after the question held, if any: the answer is the first statement after its
 * question, so when that statement gives no point ("Because your apps…", a lead-in, output) the
 * question is let go, never joined to a later sentence or paragraph that does not answer it. An
 * asker's turn (no text held) waits past the reply's small talk, as a question in prose waits past the
 * small talk before its answer (talksBeforeAnswer).
 */
export function answeredBy(w: Walk, read: () => 'small talk' | undefined): void {
  const asked = w.question;
  if (read() === 'small talk') return; // passed over: the answer is still to come
  if (asked && (asked.text || asked.unshown) && w.question === asked) w.question = undefined;
}

/**
 * A heading that is a question ("## Can I renew online?", "## 租房可以提取吗？", a FAQ's) is the
 * question its section's first statement answers: held as one asked in prose, so a brief reply
 * ("Yes.", "可以。") goes with it and the answer is shown after it. Any other heading ends what was
 * asked before it.
 */
export function askedByHeading(w: Walk, heading: string): void {
  w.question = isQuestion(heading, w.locale) ? { text: heading, block: w.block, heading: true } : undefined;
}

/** Two Han or katakana characters running: a CJK word's trace ("最小項", "カード"). */
const CJK_PAIR = /(?=([\p{Script=Han}\p{Script=Katakana}]{2}))/gu;

/**
 * Whether an answer names what its question asks of (a word of four letters or more that is not a
 * function word; in CJK two Han or katakana characters): "What are Karnaugh maps?" "Karnaugh maps
 * are…" reads alone, a heading's question would only repeat it; "Three weeks, renewable…" does not.
 */
function restatesQuestion(question: string, answer: string): boolean {
  const said = answer.toLowerCase();
  const words = question.toLowerCase().match(/\p{L}{4,}/gu)?.filter((word) => !isFunctionWord(word)) ?? [];
  const pairs = [...question.matchAll(CJK_PAIR)].map((m) => m[1]!);
  return [...words, ...pairs].some((word) => said.includes(word));
}

/**
 * Whether an answer's subject, its first word of substance within its first words (CJK: a pair of
 * its first characters), is a word of what was asked: "Memory alignment is crucial…" after "What
 * about memory alignment?" reads alone; "Three tablets of 400 mg." after "How many tablets…?",
 * "Only if the medicine…", "The varroa mite…" answer what they do not name.
 */
function opensWithWhatWasAsked(question: string, answer: string): boolean {
  if (hasCjk(answer)) return [...answer.slice(0, BEFORE_SUBJECT + 2).matchAll(CJK_PAIR)].some((m) => question.includes(m[1]!));
  const said = question.toLowerCase();
  for (const word of answer.toLowerCase().split(/\s+/).slice(0, BEFORE_SUBJECT)) {
    const letters = /\p{L}{4,}/u.exec(word)?.[0];
    if (letters && !isFunctionWord(letters)) return said.includes(letters);
  }
  return false;
}
