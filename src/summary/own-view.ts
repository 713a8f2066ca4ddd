/**
 * The writer giving their own view: recommending, advising against, choosing, judging ("I'd
 * recommend X", "MongoDB würde ich meiden", "我不推荐…", "おすすめします"). In an answer this is the
 * point, not a reply's filler: a clause saying it is no aside to cut (tone.ts). Pure.
 */
import { ruleFor, type Rules } from './locale-rules.js';

/** Each language's first person with a verb of recommending, avoiding, choosing or judging, in either order. */
const OWN_VIEW: Rules = [
  [/^en/, /(?:^|[^\p{L}'’])I(?:['’]d| would| will)?(?: (?:strongly|personally|really|probably|definitely|also))? (?:recommend|suggest|advise|avoid|prefer|pick|choose|go with|skip|use|think|believe)(?!\p{L})/u],
  [/^de/, /(?:^|[^\p{L}])(?:ich (?:\p{L}+ )?(?:empfehle|rate|würde|meide|bevorzuge|nehme|denke|glaube)|(?:empfehle|rate|würde|meide|bevorzuge|nehme|denke|glaube) ich)(?!\p{L})/iu],
  [/^es/, /(?:^|[^\p{L}])(?:te |le |os )?(?:recomiendo|recomendaría|sugiero|evitaría|prefiero|elegiría|usaría|creo|pienso)(?!\p{L})/iu],
  // "je" elides before a vowel ("J'éviterais", "J'opterais") and may take "ne" and an object pronoun first.
  [/^fr/, /(?:^|[^\p{L}])(?:je |j['’])(?:ne |n['’])?(?:vous |te )?(?:recommande(?:rais)?|conseille(?:rais)?|suggère|suggérerais|évite(?:rais)?|préfère|préférerais|choisi(?:s|rais)|opte(?:rais)?|utiliserais|prendrais|pense|crois)(?!\p{L})/iu],
  [/^pt/, /(?:^|[^\p{L}])(?:recomendo|recomendaria|sugiro|evitaria|prefiro|escolheria|acho)(?!\p{L})/iu],
  // Words between 我 and the verb stack ("我个人会推荐", "我不太建议", "我個人還是會推薦"): up to three of them.
  [/^(zh|hant|yue)/, /我(?:个人|個人|还是|還是|更|也|会|會|不太|不大|不|倾向于?|傾向於?|一般|通常){0,3}(?:推荐|推薦|建议|建議|认为|認為|觉得|覺得|选|選|避免|首选|首選)/u],
  [/^ja/, /おすすめ|お勧め|勧め|推奨|避け[^。]{0,12}思います|と思います/u],
  [/^ru/, /(?:^|[^\p{L}])я (?:\p{L}+ )?(?:рекомендую|советую|думаю|считаю|выбрал бы|избегал бы)(?!\p{L})/iu],
];

export function givesOwnView(s: string, locale: string): boolean {
  return ruleFor(OWN_VIEW, locale)?.test(s) ?? false;
}
