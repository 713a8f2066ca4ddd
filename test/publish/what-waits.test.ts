/**
 * What waits (publish/what-waits.ts): a change of a note whose chat has a message to be (a post, a digest line not sent
 * yet) goes into it, in both translations modes. The real service in this process, console chats, the platform down
 * while the changes are made (PlatformFaults), `onChange: edit`, a burst of more than two new notes is one digest.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InProcessService } from '../helpers/inproc.js';
import { noteText, repostConfig, write } from '../helpers/reposts-harness.js';

/** Saves `files` while the platform is down and waits until the service applied them. */
async function saveDown(s: InProcessService, files: Record<string, string>): Promise<void> {
  s.beginStep();
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(s.notes, file), text);
  await s.batched(Object.keys(files));
}

describe('a note reposted in a burst digest while its earlier edit waits (platform down)', () => {
  // Alpha's message M1 is sent; then, the platform down: an edit of M1 waits (v2); alpha announced again (v3) with two
  // new notes is a digest waiting; alpha edited (v4). The digest is alpha's message to be: its line shows v4, as a
  // digest waiting follows its notes (issue 25, fx26a). In `group` the waiting edit of M1 took v4 and the line stayed v3.
  it.each(['group', 'separate'] as const)('(%s) what goes out for the repost shows the newest title, not the one it was announced with', { timeout: 60_000 }, async (mode) => {
    const s = InProcessService.sandbox(repostConfig('edit', mode, 2));
    const faults = s.withFaults();
    await s.start();
    try {
      await write(s, { 'alpha.md': noteText('Alpha note', 'The alpha note says one thing.') });
      expect(s.live('all').map((m) => m.text.split('\n')[0])).toEqual(['Alpha note']);
      faults.down = true;
      await saveDown(s, { 'alpha.md': noteText('Alpha note v2', 'The alpha note says a second thing.') });
      await s.waitFor(() => faults.hits > 0, 20_000, 'the edit meeting the outage');
      const again = 'notecast: {announce: again}\n';
      await saveDown(s, {
        'alpha.md': noteText('Alpha note v3', 'The alpha note says a third thing.', again),
        'bravo.md': noteText('Bravo note', 'Bravo note is about bravo alone.'),
        'charlie.md': noteText('Charlie note', 'Charlie note is about charlie alone.'),
      });
      await saveDown(s, { 'alpha.md': noteText('Alpha note v4', 'The alpha note says a fourth thing.') });
      faults.down = false;
      await s.waitFor(() => s.openDeliveries() === 0, 30_000, 'every delivery out');
      const shown = s.live('all').map((m) => m.text).join('\n---\n');
      expect(shown).toContain('Bravo note');
      expect(shown).toContain('Alpha note v4');
      expect(shown).not.toContain('Alpha note v3'); // what went out for the repost shows alpha as it is now
    } finally {
      await s.stop();
    }
  });
});
