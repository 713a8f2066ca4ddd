/**
 * How long a numbered step takes, as its lead says it ("Brew the tea: steep 3-5 minutes" →
 * "Brew the tea (3-5 minutes)"). Only the item's lead is read (its name, and the step's body
 * after a label's colon): a figure of time in the explanation that follows ("Caffeine has a half-life of 5-6
 * hours") tells why, not how long the step takes. Pure.
 */
import { hasCjk } from './chars.js';

/**
 * A figure of time ("3-5 minutes", "10-15 Sekunden", "3〜5分", "٣-٥ دقائق"): how long a step of a
 * procedure takes, in the units of the languages of the corpus and a few more.
 */
const DURATION =
  /\p{Nd}+(?:[.,]\p{Nd}+)?(?:\s?[-–~〜～]\s?\p{Nd}+(?:[.,]\p{Nd}+)?)?\s?(?:(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|sekunden?|minuten?|stunden?|tagen?|wochen?|segundos?|minutos?|horas?|días?|semanas?|secondes?|heures?|jours?|semaines?|secondi|minuti|ore|giorni|सेकंड|मिनट|घंटे|घंटा|दिन|सप्ताह|ثوانٍ|ثوان|ثانية|دقائق|دقيقة|ساعات|ساعة|أيام|يوم|أسابيع)(?![\p{L}\p{M}])|秒钟|秒鐘|秒|分钟|分鐘|分間|分|小时|小時|時間|天|日間|日|周|週間|週)/iu;

/** Where a sentence stops in any of the scripts: ". " "!" "?" and the full-width, Devanagari and Arabic stops. */
const SENTENCE_STOP = /[.!?](?=\s|$)|[。！？।؟]/u;

/**
 * What of the item says how its step is done: after a label's colon or dash ("**Brew the tea**:
 * Boil water… Steep for 3-5 minutes") the whole body, as it is the step's instructions; after a
 * name that is a sentence of its own ("Stop caffeine after noon. Caffeine has a half-life of…")
 * only the rest of that sentence (nothing), as what follows explains why.
 */
function leadAfterName(name: string, text: string): string {
  const rest = text.startsWith(name) ? text.slice(name.length) : text;
  if (/^\s*(?:[:：]|[—–-]\s)/u.test(rest)) return rest;
  const stop = SENTENCE_STOP.exec(rest);
  return stop ? rest.slice(0, stop.index) : rest;
}

/**
 * A numbered step's name with how long its lead says it takes ("Brew the tea (3-5 minutes)"): a
 * procedure's numbers are what its reader acts on. An aside, so a compact point short of room
 * drops it before a step's name (compactNames). After a Chinese or Japanese name the brackets are
 * full-width and unspaced, as those languages write them ("烧水（2-3 分钟）").
 */
export function timedStep(name: string, text: string): string {
  // One the writer put in ASCII brackets after Chinese or Japanese ("淘米 (2分钟)") is set as derived ones are.
  if (DURATION.test(name)) return name.replace(/(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])\s*\(([^()]*)\)/gu, (aside, inside: string) => (DURATION.test(inside) ? `（${inside.trim()}）` : aside));
  if (!/\p{Nd}/u.test(text)) return name; // no figure at all: the lead is not cut
  const time = DURATION.exec(leadAfterName(name, text));
  if (!time) return name;
  return hasCjk(name.slice(-1)) ? `${name}（${time[0]}）` : `${name} (${time[0]})`;
}
