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
  [/^fr/, /(?:^|[^\p{L}])(?:je (?:vous |te )?(?:recommande|recommanderais|conseille|suggère|éviterais|préfère|choisirais|pense|crois))(?!\p{L})/iu],
  [/^pt/, /(?:^|[^\p{L}])(?:recomendo|recomendaria|sugiro|evitaria|prefiro|escolheria|acho)(?!\p{L})/iu],
  [/^(zh|hant|yue)/, /我(?:个人|個人|还是|還是|更|会|會|不|倾向于?|傾向於?)?(?:推荐|推薦|建议|建議|认为|認為|觉得|覺得|选|選|避免|首选|首選)/u],
  [/^ja/, /おすすめ|お勧め|勧め|推奨|避け[^。]{0,12}思います|と思います/u],
  [/^ru/, /(?:^|[^\p{L}])я (?:\p{L}+ )?(?:рекомендую|советую|думаю|считаю|выбрал бы|избегал бы)(?!\p{L})/iu],
];

export function givesOwnView(s: string, locale: string): boolean {
  return ruleFor(OWN_VIEW, locale)?.test(s) ?? false;
}
