/**
 * Counters written as words after a part's label ("Stage one", "Schritt zwei", "Fase tres",
 * "Étape quatre", "चरण पाँच", "المرحلة الأولى"): the words one to twelve, and in Arabic, where the
 * ordinal follows its noun, the ordinals first to tenth in both genders. Pure.
 */
const WORDS = [
  'one two three four five six seven eight nine ten eleven twelve',
  'eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf',
  'uno dos tres cuatro cinco seis siete ocho nueve diez once doce',
  'un deux trois quatre cinq six sept huit neuf dix onze douze',
  'एक दो तीन चार पाँच पांच छह सात आठ नौ दस',
  'الأول الأولى الثاني الثانية الثالث الثالثة الرابع الرابعة الخامس الخامسة السادس السادسة السابع السابعة الثامن الثامنة التاسع التاسعة العاشر العاشرة',
]
  .join(' ')
  .split(' ');

/** The number words as a regex alternation, in lower case and with a capital ("Stage One"). */
export const NUMBER_WORDS = [...new Set(WORDS.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1)]))].join('|');
