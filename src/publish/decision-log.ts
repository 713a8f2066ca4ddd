/** What a batch says of each note it decided (publisher.ts), and the notes of a restore it follows (restored-notes.ts). */
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import type { NoteRow } from '../store/types.js';
import type { Action } from './decide.js';
import { restoredNotesFollower } from './restored-notes.js';

/**
 * One log line per decision: changes, schedules and deletes at info, silent records at debug; a restore's notes
 * followed. One per commit: what the restore left is read once for it, not once per note.
 */
export function decisionLogger(store: Store, log: Logger): (d: { row: NoteRow; action: Action }) => void {
  const follow = restoredNotesFollower(store, log);
  return (d) => {
    follow(d);
    const at = { note: d.row.id, family: d.row.info.translationKey };
    if (d.action.type !== 'none') log.info({ ...at, action: d.action.type, revision: d.row.revision }, 'note changed');
    else if (d.row.state === 'scheduled' && d.row.dueAt) log.info({ ...at, due: new Date(d.row.dueAt).toISOString() }, 'note scheduled: announced when its date comes');
    else if (d.row.state === 'deleted') log.info({ ...at, why: d.action.why }, 'note deleted');
    else log.debug({ ...at, why: d.action.why }, 'note recorded');
  };
}
