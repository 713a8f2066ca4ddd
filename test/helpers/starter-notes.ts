/** A short note on a sourdough starter in each of the corpus's nine languages, written for the chat-framing tests: two sentences, both points. */
import { pointsOfNote } from './note-points.js';
export const STARTER: Record<string, string> = {
  en: 'Sourdough starter needs flour, water and a warm kitchen.\n\nFeed it twice a day at 24 degrees for a week.',
  de: 'Ein Sauerteig braucht Mehl, Wasser und eine warme Küche.\n\nFüttern Sie ihn eine Woche lang zweimal täglich bei 24 Grad.',
  fr: "Un levain a besoin de farine, d'eau et d'une cuisine chaude.\n\nNourrissez-le deux fois par jour à 24 degrés pendant une semaine.",
  es: 'La masa madre necesita harina, agua y una cocina cálida.\n\nAliméntala dos veces al día a 24 grados durante una semana.',
  ja: 'サワードウのスターターには小麦粉と水と暖かい台所が必要です。\n\n24度で一週間、一日二回餌を与えます。',
  zh: '酸面团酵头需要面粉、水和温暖的厨房。\n\n在24度下每天喂养两次，持续一周。',
  hant: '酸麵團酵頭需要麵粉、水和溫暖的廚房。\n\n在24度下每天餵養兩次，持續一週。',
  ar: 'تحتاج خميرة العجين المخمر إلى الدقيق والماء ومطبخ دافئ.\n\nأطعمها مرتين يوميًا عند 24 درجة لمدة أسبوع.',
  hi: 'खमीर के स्टार्टर को आटा, पानी और गर्म रसोई चाहिए।\n\nइसे एक हफ़्ते तक 24 डिग्री पर दिन में दो बार खिलाएँ।',
};

/** The points the starter note alone gets in a language: its two sentences, checked so that a test comparing with them compares with something. */
export function starterPoints(lang: string): string[] {
  const points = pointsOfNote(lang, STARTER[lang]!);
  if (points.length !== 2) throw new Error(`the ${lang} starter note gets ${points.length} points, not its two sentences`);
  return points;
}
