/** What routing, lookup and `/latest` need of a note, as the store keeps it. Pure. */
import type { NoteInfo } from '../store/types.js';
import type { Note } from './read.js';

export function noteInfo(note: Note): NoteInfo {
  return {
    file: note.file,
    title: note.title,
    lang: note.lang,
    locale: note.locale,
    tags: note.tags,
    type: note.type,
    url: note.url,
    date: note.date?.toISOString(),
    translationKey: note.translationKey,
    draft: note.draft,
    original: note.frontMatter.translated !== true,
  };
}
