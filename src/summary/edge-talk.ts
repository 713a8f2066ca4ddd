/**
 * Talk at an answer's edges: the sentences before its substance starts, or after it ends, that speak
 * of the exchange itself (the writer, the reader, "we" setting off, a particle or polite form of
 * speech) and name nothing the note is about ("Ah, I see what trips you up here.", "嗯嗯，我懂你的困惑。",
 * "うーん、それは悩ましいですよね。", "Ping me if anything is still fuzzy."). Told by where the sentence
 * stands and what it names, with each language's grammar of person, never by its words (issue 23). Pure.
 */
import { hasNumber } from './chars.js';
import { ruleFor, type Rules } from './locale-rules.js';
import { asksIndirectly } from './indirect-question.js';
import { givesOwnView } from './own-view.js';
import { TELLS_READER, wordCount } from './tone.js';
import { statesTopicFact } from './topic-fact.js';
import type { Candidate } from './walk.js';

/** "We", the writer and reader together: the answer going on ("Na klar, legen wir los.", "接下來我們逐步說明。"). */
const WE: Rules = [
  [/^en/, /(?:^|[^\p{L}'’])(?:we|we['’](?:re|ll|ve)|us|our|let['’]s)(?![\p{L}'’])/iu],
  [/^de/, /(?:^|[^\p{L}])(?:wir|uns|unser\p{L}*)(?!\p{L})/iu],
  [/^fr/, /(?:^|[^\p{L}])(?:nous|notre|nos)(?!\p{L})/iu],
  [/^es/, /(?:^|[^\p{L}])(?:nosotr[oa]s|nuestr[oa]s?|vamos|veamos)(?!\p{L})/iu],
  [/^pt/, /(?:^|[^\p{L}])(?:nós|nosso|nossa|vamos)(?!\p{L})/iu],
  [/^(zh|hant|yue)/, /我们|我們|咱们|咱們/u],
  [/^ja/, /私たち|僕たち|我々|一緒に/u],
  [/^hi/, /(?:^|\s)(?:हम|हमें|हमारा|हमारी|आइए)(?=[\s,.।!?]|$)/u],
  [/^ar/, /(?:^|\s)(?:نحن|دعنا|لنا)(?=[\s,.،!?؟]|$)/u],
];

/**
 * The writer in person, as subject or object ("Ping me", "N’hésite pas à me relancer", "找我聊聊"): a last
 * sentence with the reader alone in it is as often an instruction ("Zur Persistenz wählen Sie …").
 */
const WRITER: Rules = [
  [/^en/, /(?:^|[^\p{L}'’])(?:i|i['’](?:m|ll|ve|d)|me|my)(?![\p{L}'’])/iu],
  [/^fr/, /(?:^|[^\p{L}])(?:je|me|moi|mon|ma|mes|j['’]|m['’])(?!\p{L})/iu],
  [/^es/, /(?:^|[^\p{L}])(?:yo|me|mí|mi|mis|conmigo)(?!\p{L})/iu],
  [/^pt/, /(?:^|[^\p{L}])(?:eu|me|mim|meu|minha)(?!\p{L})/iu],
  [/^de/, /(?:^|[^\p{L}])(?:ich|mir|mich|mein\p{L}*)(?!\p{L})/iu],
  [/^(zh|hant|yue)/, /我/u],
  [/^ja/, /私|僕|わたし/u],
  [/^hi/, /(?:^|\s)(?:मैं|मुझे|मुझसे|मेरा|मेरी|मेरे)(?=[\s,.।!?]|$)/u],
  [/^ar/, /(?:^|\s)(?:أنا|لي|معي)(?=[\s,.،!?؟]|$)/u],
];

/**
 * The reader as the one spoken to rather than the one acting: their own things or feelings ("your confusion",
 * "tu frustración", "你的困惑"), what they are ("you're not alone", "du bist nicht allein"), or the honorifics of
 * their speech ("ご質問"). The reader as an action's subject does the note's work ("You pick the region yourself").
 */
const READER_SPOKEN_TO: Rules = [
  [/^en/, /(?:^|[^\p{L}'’])(?:your|yours|you['’]re|you are|you were)(?![\p{L}'’])/iu],
  [/^fr/, /(?:^|[^\p{L}])(?:votre|vos|ton|ta|tes|tu es|vous êtes|te|t['’])(?!\p{L})/iu],
  [/^es/, /(?:^|[^\p{L}])(?:tu|tus|eres|estás|te)(?!\p{L})/iu],
  [/^pt/, /(?:^|[^\p{L}])(?:seu|sua|teu|tua|você está|te)(?!\p{L})/iu],
  [/^de/, /(?:^|[^\p{L}])(?:[Dd]ein\p{L}*|Ihr\p{L}*|du bist|Sie sind|dir|dich|Ihnen)(?!\p{L})/u],
  [/^(zh|hant|yue)/, /[你您](?:们|們)?的/u],
  [/^ja/, /あなたの|おっしゃ|ご指摘|ご質問/u],
  [/^hi/, /(?:^|\s)(?:आपका|आपकी|आपके|आपको|तुम्हारा|तुम्हारी|तुम्हें)(?=[\s,.।!?]|$)/u],
];

/** The reader in any person or form, as spoken to or of ("trips you up", "was Sie stutzig macht", "你的困惑"). */
const READER_ANYWHERE: Rules = [
  [/^en/, /(?:^|[^\p{L}'’])(?:you|your|yours|you['’](?:re|ve|d|ll))(?![\p{L}'’])/iu],
  [/^de/, /(?:^|[^\p{L}])(?:[Dd](?:u|ich|ir|ein\p{L}*)|Sie|Ihnen|Ihr\p{L}*)(?!\p{L})/u],
  [/^fr/, /(?:^|[^\p{L}])(?:tu|te|toi|vous|votre|vos|ton|ta|tes|t['’])(?!\p{L})/iu],
  [/^es/, /(?:^|[^\p{L}])(?:tú|tu|tus|te|ti|usted|ustedes)(?!\p{L})/iu],
  [/^pt/, /(?:^|[^\p{L}])(?:você|vocês|seu|sua|teu|tua|te)(?!\p{L})/iu],
  [/^(zh|hant|yue)/, /[你您]/u],
  [/^ja/, /あなた|おっしゃ|ご指摘|ご質問|お気持ち/u],
  [/^hi/, /(?:^|\s)(?:आप\p{M}*\p{L}*|तुम\p{L}*)(?=[\s,.।!?]|$)/u],
  [/^ar/, /(?:^|\s)(?:أنت|أنتِ|لديك|سؤالك)(?=[\s,.،!?؟]|$)/u],
];

/** Words at most in the writer's remark to the asker ("Ah, I see what trips you up."). */
const REMARK_WORDS = 8;

/**
 * The writer speaking of the asker in a few words, or in the particles of speech alone ("Ah, I see what
 * trips you up.", "Ich verstehe, was Sie stutzig macht.", "嗯，我明白你的困惑。"): a remark on the exchange,
 * told by grammar of person; not the writer's view nor an instruction ("I'd use X", "You can run…").
 */
export function remarksToTheAsker(s: string, locale: string): boolean {
  const has = (rules: Rules) => ruleFor(rules, locale)?.test(s) ?? false;
  if (wordCount(s) > REMARK_WORDS || hasNumber(s) || has(TELLS_READER) || has(READER_ACTS) || givesOwnView(s, locale)) return false;
  return (has(WRITER) && has(READER_ANYWHERE)) || has(SPOKEN);
}

/** "We" setting off, short enough to hold no object ("Na klar, legen wir los."); longer, it does the note's work ("Lass uns den Teig über Nacht gehen lassen."). */
const WE_WORDS = 5;

/**
 * The grammar of speaking to someone where no pronoun shows it: Chinese modal particles closing a
 * clause ("这个嘛，", "…吧。"), Japanese sentence-final particles asking the reader's assent ("…ですよね。")
 * and the humble お/ご + verb + します of the writer's own act ("お手伝いします").
 */
const SPOKEN: Rules = [
  [/^(zh|hant|yue)/, /[嘛吧呢啊呀喔哦啦呗唄](?=[，,。！!？?～~]|$)/u],
  // …and a topic set off by a comma before the speaker's own verb of understanding, the person left unsaid as a speaker
  // leaves their own ("そのお気持ち、よくわかります。": I understand it well).
  [/^ja/, /(?:よね|ね|よ|かな)[。！!？?～~]*$|[おご]\p{Script=Han}[\p{Script=Han}\p{Script=Hiragana}]{0,4}?(?:します|いたします|しましょう)|^[^はが。、]{1,16}、(?:よく|とても|本当に|すごく){0,2}(?:わかり|分かり|理解でき|共感でき|共感し)ます[。！!]*$/u],
];

/** The reader doing the note's work where the verb comes before them ("Zur Persistenz wählen Sie …"). */
const READER_ACTS: Rules = [[/^de/, /\p{Ll}+en\s+Sie(?!\p{L})/u]];

/**
 * Whether a sentence speaks of the exchange: the writer, "we" setting off, a particle of speech to someone,
 * or (opening an answer) the reader spoken to; not where it tells the reader what to do in the note's
 * subject ("Zur Persistenz wählen Sie RDB…"), nor the writer's own view ("I'd recommend Flutter").
 */
function speaksOfExchange(s: string, locale: string, edge: 'opening' | 'closing'): boolean {
  const has = (rules: Rules) => ruleFor(rules, locale)?.test(s) ?? false;
  // …nor a question the writer asks ("I wanted to know why my bread collapses"), the note's subject.
  if (has(TELLS_READER) || has(READER_ACTS) || givesOwnView(s, locale) || asksIndirectly(s, locale)) return false;
  if (has(WRITER) || has(SPOKEN) || (has(WE) && wordCount(s) <= WE_WORDS)) return true;
  return edge === 'opening' && has(READER_SPOKEN_TO);
}

/**
 * The options to leave out: from the note's opening, the sentences before the first one that names
 * something (`names`: a term the note comes back to, a name, code) or gives a figure, a count or a path, while each speaks of
 * the exchange; from its closing paragraph, likewise back from the last. A dialogue's turns are its
 * substance, and a note with nothing else keeps them all.
 */
export function talkAtEdges<T extends { c: Candidate; text: string }>(options: readonly T[], names: (o: T) => boolean, locale: string): T[] {
  const sentences = options.filter((o) => o.c.kind === 'sentence' && !o.c.turn);
  // Decided by what the sentence says, not by its pronouns: a figure, a count, a path is the subject's ("…skews your timings").
  const talk = (o: T, edge: 'opening' | 'closing') => !names(o) && !hasNumber(o.text) && !statesTopicFact(o.text, locale) && speaksOfExchange(o.text, locale, edge);
  const out: T[] = [];
  for (const o of sentences) {
    if (!o.c.opening || !talk(o, 'opening')) break;
    out.push(o);
  }
  for (let k = sentences.length - 1; k >= 0; k--) {
    const o = sentences[k]!;
    if (!o.c.closing || out.includes(o) || !talk(o, 'closing')) break;
    out.push(o);
  }
  return out.length < options.length ? out : [];
}
