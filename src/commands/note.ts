import { firstChars } from '../util/words.js';
import type { Command } from './types.js';

export const noteCommand: Command = {
  definition: {
    name: 'note',
    description: 'Look a note up and show its summary',
    descriptions: { zh: '查找笔记并显示摘要', hant: '搜尋筆記並顯示摘要', ja: 'ノートを検索して要約を表示', hi: 'नोट खोजें और उसका सारांश दिखाएँ', es: 'Buscar una nota y mostrar su resumen' },
    options: [{ name: 'query', type: 'string', description: 'Words from the title or text', required: true, autocomplete: true, typed: { bare: 'rest' } }],
    adminOnly: false,
    lookup: true,
  },
  async handle(input, { store, search }) {
    const query = firstChars(String(input.options.query ?? '').trim(), 200);
    if (!query) return { type: 'text', text: 'What should I look for? Try /note followed by a few words.' };
    // Autocomplete hands over a note id; typed text is searched.
    const direct = query.startsWith('id:') ? query.slice(3) : undefined;
    const results = direct ? [] : search.search(query, { lang: input.locale, limit: 6, deep: true });
    const id = direct ?? results[0]?.id;
    const row = id ? store.getNote(id) : undefined;
    // A summary a first run did not make is made now (store/deferred-summaries.ts).
    if (row) await store.summaries.prepare([row]);
    const summary = row?.state === 'published' ? store.summaries.of(row) : null;
    if (!row || !summary) return { type: 'text', text: `No note matches “${query}”.` };
    const shown = direct ? search.memberFor(id!, input.locale) : undefined;
    const member = shown && shown.id !== id ? store.getNote(shown.id) : undefined;
    if (member) await store.summaries.prepare([member]);
    const memberSummary = member && store.summaries.of(member);
    return memberSummary ? { type: 'note', noteId: member.id, summary: memberSummary, more: results.slice(1, 6) } : { type: 'note', noteId: row.id, summary, more: results.slice(1, 6) };
  },
};
