/**
 * An exclamation that frames news ("Good news, the new version is out!", "Finally: version 3 ships
 * today!", "好消息，我们的新版本终于发布了！") states what happened, as the same sentence with a full
 * stop would: its "!" is the writer's joy at the fact, not chat. Told from the form: a language's
 * general words that announce news ("good news", "finally", "好消息", "por fin", "endlich") open it,
 * and what follows them is a statement of its own (a verb, not a wish or thanks to the reader: "Finally,
 * good luck with your exam!" stays a cheer). Every other exclamation is a cheer ("Great question!",
 * "Happy coding!", "Enjoy hot or iced!"). Pure.
 */
import { standsAlone } from './stands-alone.js';
import { addressesReader, isExclamation, ruleFor, speaksAsI, wordCount, type Rules } from './tone.js';

/** Words announcing news, then the comma, colon or dash after them (CJK may run straight on). */
const NEWS_FRAME: Rules = [
  [/^en/, /^(?:(?:good|great|big|exciting|happy) news|finally|at (?:long )?last)\s*[,:—–]\s*/iu],
  [/^es/, /^¡?\s*(?:buenas noticias|(?:buena|gran) noticia|por fin|al fin|finalmente)\s*[,:—–]\s*/iu],
  [/^fr/, /^(?:bonnes? nouvelles?|grande nouvelle|enfin)\s*[,:—–]\s*/iu],
  [/^de/, /^(?:gute nachricht(?:en)?|endlich)\s*[,:—–]\s*/iu],
  [/^pt/, /^(?:boas? notícias?|finalmente|enfim)\s*[,:—–]\s*/iu],
  [/^ru/, /^(?:хорошая новость|хорошие новости|наконец(?:-то)?)\s*[,:—–]\s*/iu],
  [/^hi/, /^(?:अच्छी ख़?ख़बर|खुशखबरी|ख़ुशख़बरी|आख़?िरकार)\s*[,:—–]\s*/u],
  [/^ar/, /^(?:خبر سار|أخبار سارة|أخيرًا|أخيرا)\s*[،,:—–]\s*/u],
  [/^(zh|hant|yue)/, /^(?:好消息|喜讯|喜訊|终于|終於)[，,：:—\s]*/u],
  [/^ja/, /^(?:朗報|嬉しいお知らせ|うれしいお知らせ|ついに|とうとう)(?:です)?[、，,：:—\s]*/u],
  [/^ko/, /^(?:좋은 소식|기쁜 소식|드디어|마침내)(?:입니다)?\s*[,:—–]?\s*/u],
];

/** The news an exclamation frames, or undefined when it frames none. */
function framedNews(s: string, locale: string): string | undefined {
  const frame = ruleFor(NEWS_FRAME, locale)?.exec(s);
  if (!frame) return undefined;
  const news = s.slice(frame[0].length);
  if (wordCount(news) < 3 || !standsAlone(news, locale) || addressesReader(news, locale) || speaksAsI(news, locale)) return undefined;
  return news;
}

/** An exclamation that is chat, not news: the writer cheering, thanking, wishing or replying. */
export function cheers(s: string, locale: string): boolean {
  return isExclamation(s) && framedNews(s, locale) === undefined;
}
