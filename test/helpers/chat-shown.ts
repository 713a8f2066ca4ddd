/** What a console chat shows, for the copies-kept-back tests (test/publish/kept-copies*.test.ts). */
import type { InProcessService } from './inproc.js';

/** The chat `all`'s live messages as `note: first line` (in the order posted, or `sorted`), and how many posts it was sent. */
export const shown = (s: InProcessService, sorted = false) => {
  const live = s.live('all').map((m) => `${m.noteId}: ${m.text.split('\n')[0]}`);
  return { posts: s.sent('all', 'post').length, live: sorted ? live.sort() : live };
};

/** Makes a change, then waits for an idle signal after it with no removal waiting (its window over). */
export const idleAfter = async (s: InProcessService, change: () => void) => {
  const at = s.idleCount;
  change();
  await s.waitFor(() => s.idleCount > at && s.app!.publisher.pendingRemovals === 0, 20_000, 'idle with no removal waiting');
};
