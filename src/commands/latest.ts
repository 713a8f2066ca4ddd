import { firstChars } from '../util/words.js';
import type { Command } from './types.js';

export const latestCommand: Command = {
  definition: {
    name: 'latest',
    description: 'The newest notes',
    descriptions: { zh: '最新的笔记', hant: '最新的筆記', ja: '最新のノート', hi: 'सबसे नए नोट्स', es: 'Las notas más recientes' },
    options: [
      { name: 'count', type: 'integer', description: 'How many (1–10)', min: 1, max: 10, typed: { keys: ['count'], bare: { pattern: /^\d+$/ } }, needs: 'a number from 1 to 10', example: 'count:3' },
      { name: 'lang', type: 'string', description: 'Only notes in this language', typed: { keys: ['lang', 'language', 'languages'], bare: { pattern: /./, once: true } }, needs: 'a language code', example: 'lang:en' },
    ],
    adminOnly: false,
    lookup: true,
  },
  async handle(input, { search }) {
    const n = Math.min(10, Math.max(1, Math.trunc(Number(input.options.count ?? 5)) || 5));
    const lang = input.options.lang ? firstChars(String(input.options.lang), 16) : undefined;
    const items = lang ? search.latest(n, lang) : search.latest(n).map((r) => ({ ...r, ...pickIn(search, r.members, input.locale) }));
    if (!items.length) return { type: 'text', text: lang ? `No notes in “${lang}” yet.` : 'No notes published yet.' };
    return { type: 'list', heading: lang ? `Latest notes (${lang})` : 'Latest notes', items };
  },
};

function pickIn(search: Parameters<Command['handle']>[1]['search'], members: string[], locale?: string) {
  const m = search.pick(members, locale);
  return m ? { id: m.id, title: m.info.title, lang: m.info.lang, url: m.info.url } : {};
}
