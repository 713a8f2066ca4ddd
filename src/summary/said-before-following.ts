/**
 * A Chinese or Japanese lead-in that says something before its "the following" ("申请签证需要准备以下材料",
 * "お支払いには次のカードが使えます") is a lead-in naming its list, as "You need the following documents"
 * is in English; only one with nothing before it ("以下のとおりです", "次のコマンドを実行します", "运行以下命令")
 * is a bare announcement (issue 23, tester round 16, F9). Pure.
 */
import { wordCount } from './tone.js';

/** The CJK words pointing at what follows, first one only: what the sentence says before them is its own. */
const FOLLOWING = /以下|次の|下面|下列|如下/u;

/** Particles and punctuation that tie the words before "the following" to it ("…には", "…是", "…，"). */
const TIE = /(?:には|では|は|が|に|で|を|是|为|為|有|的|[\s\p{P}])+$/u;

/**
 * Words of substance before "the following": three words or more (five CJK characters), past a
 * bare verb ("运行", "请注意", "参考"), which only tells the reader to look at what comes.
 */
const MIN_WORDS_BEFORE = 3;

/**
 * A subject made a noun by Chinese 的 or Japanese の ("最常用的是以下几个", the most used ones are the
 * following; "よく使われるのは次のとおりです"): it says what the list is, however short.
 */
const NOMINALISED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}](?:的(?:是|有|為|为)|の(?:は|が))[\s\p{P}]*$/u;

/** Whether a CJK lead-in says enough before its "the following" to name what its list is. */
export function saysBeforeFollowing(leadIn: string): boolean {
  const m = FOLLOWING.exec(leadIn);
  if (!m) return false;
  const before = leadIn.slice(0, m.index);
  return NOMINALISED.test(before) || wordCount(before.replace(TIE, '')) >= MIN_WORDS_BEFORE;
}
