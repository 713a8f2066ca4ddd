/** What routing, lookup and `/latest` need of a note, as the store keeps it. Pure. */
import type { NoteInfo } from '../store/types.js';
import type { Note } from './read.js';
import { controlsOf } from './frontmatter.js';

export function noteInfo(note: Note): NoteInfo {
  const controls = controlsOf(note.frontMatter);
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
    // Only when set, so the records of notes without controls stay as they were.
    ...(Object.keys(controls).length ? { controls } : {}),
    ...(note.bareHash === undefined ? {} : { bareHash: note.bareHash }),
  };
}
