import { describeFilter } from '../notes/filter.js';
import type { Command } from './types.js';
import { digestFromOptions, filterFromOptions } from './filter-args.js';

export const subscribeCommand: Command = {
  definition: {
    name: 'subscribe',
    description: 'Announce new notes in this chat (optionally only some tags, languages or types)',
    descriptions: {
      zh: '在此聊天中通知新笔记（可按标签、语言或类型筛选）',
      hant: '在此聊天中通知新筆記（可按標籤、語言或類型篩選）',
      ja: '新しいノートをこのチャットで通知します（タグ・言語・種類で絞り込み可）',
      hi: 'इस चैट में नए नोट्स की घोषणा करें (टैग, भाषा या प्रकार से फ़िल्टर करें)',
      es: 'Anunciar notas nuevas en este chat (opcionalmente por etiquetas, idiomas o tipos)',
    },
    options: [
      { name: 'tags', type: 'string', description: 'Only notes with one of these tags (comma separated)', typed: { keys: ['tag', 'tags'], bare: 'all' }, needs: 'a tag', example: 'tag:ai' },
      { name: 'lang', type: 'string', description: 'Only notes in these languages (e.g. en, zh)', typed: { keys: ['lang', 'language', 'languages'] }, needs: 'a language code', example: 'lang:en' },
      { name: 'type', type: 'string', description: 'Only notes of this type (e.g. note)', typed: { keys: ['type'] }, needs: 'a note type', example: 'type:note' },
      { name: 'words', type: 'string', description: 'Only notes matching these words, as /note finds them (e.g. rust async)', typed: { keys: ['words', 'word'], text: true }, needs: 'the words to look for', example: 'words:"rust async"' },
      { name: 'digest', type: 'string', description: 'Post them as one digest a day at this time instead (e.g. daily 09:00)', typed: { keys: ['digest'], text: true }, needs: 'a time of day', example: 'digest:"daily 09:00"' },
      { name: 'tz', type: 'string', description: 'The time zone of the digest time (e.g. Europe/Paris; default UTC)', typed: { keys: ['tz', 'timezone'] }, needs: 'a time zone name', example: 'tz:Europe/Paris' },
    ],
    adminOnly: true,
    unchanged: 'Nothing was subscribed.',
  },
  async handle(input, { store, subscribed }) {
    const schedule = digestFromOptions(input.options);
    if ('error' in schedule) return { type: 'text', text: schedule.error };
    const asked = filterFromOptions(input.options);
    if ('error' in asked) return { type: 'text', text: asked.error };
    const filter = { ...asked.filter, ...schedule };
    const { created, id } = store.subscribe(input.target, filter, input.userId, input.chatLocale);
    // A chat that subscribes again after a permanent failure has evidently fixed it: what waited for it goes now.
    store.resume(input.target); // the store wakes the deliverer (outbox-signal.ts)
    if (created) subscribed?.(input.target);
    return {
      type: 'text',
      text: created ? `Subscribed (#${id}): ${describeFilter(filter)}. New notes will be announced here.` : `Already subscribed (#${id}): ${describeFilter(filter)}.`,
    };
  },
};
