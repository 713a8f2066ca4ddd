/**
 * rv-a review (issue 25, s31-f2): failing cases found in review. Reposts (`publish.onChange: repost`, front matter `notecast: {announce: again}`), tester 35's F2, F3, F5, F6: a repost
 * is a new message in a chat whose shown content changed; every earlier message of that note in that chat then follows
 * `onDelete` and `onChange` as its newest does. The real service in this process, console chats: `en` (English only),
 * `ja` (Japanese only), `all` (no language asked: the family's original).
 */
import { describe, expect, it } from 'vitest';
import { InProcessService } from '../helpers/inproc.js';
import { EN, JA, family, noteText, remove, repostConfig, showing, write } from '../helpers/reposts-harness.js';


/** alpha: in digest D1 (alpha, bravo, charlie); reposted alone (P1); reposted in digest D2 (alpha, delta, echo); reposted alone (P2); deleted. */
async function aroundTwoDigests(): Promise<InProcessService> {
  // The burst window widened (200 ms in reposts.test.ts) so the three writes of D2 land in one digest on a loaded machine.
  const config = repostConfig('repost', 'group', 2) as { publish: { digest: { windowMs: number } } };
  config.publish.digest.windowMs = 1500;
  const s = InProcessService.sandbox(config);
  await s.start();
  const t = (title: string, file: string, v = '') => noteText(title, `${title} is about ${file} alone${v}.`);
  await write(s, { 'alpha.md': t('Alpha note', 'alpha.md'), 'bravo.md': t('Bravo note', 'bravo.md'), 'charlie.md': t('Charlie note', 'charlie.md') });
  expect(s.live('all')).toHaveLength(1);
  await write(s, { 'alpha.md': t('Alpha note', 'alpha.md', ', second') });
  expect(s.live('all')).toHaveLength(2);
  await write(s, { 'alpha.md': t('Alpha note', 'alpha.md', ', third'), 'delta.md': t('Delta note', 'delta.md'), 'echo.md': t('Echo note', 'echo.md') });
  expect(s.live('all').find((m) => m.text.includes('Delta note'))?.text).toContain('Alpha note');
  await write(s, { 'alpha.md': t('Alpha note', 'alpha.md', ', fourth') });
  await remove(s, 'alpha.md');
  await s.waitFor(() => s.openDeliveries() === 0, 20_000, 'every delivery out');
  return s;
}

describe('rv-a: a note reposted around two digests, then deleted (onDelete: delete)', () => {
  it('R1: every digest that listed it drops its line (D2 goes on listing it)', { timeout: 90_000 }, async () => {
    const s = await aroundTwoDigests();
    try {
      for (const chat of ['all', 'en']) expect(s.live(chat).filter((m) => m.text.startsWith('📚') && m.text.includes('Alpha')).map((m) => m.text)).toEqual([]);
    } finally {
      await s.stop();
    }
  });

  it('R2: its repost sent before a digest listed it again is deleted too (P1 stays)', { timeout: 90_000 }, async () => {
    const s = await aroundTwoDigests();
    try {
      for (const chat of ['all', 'en']) expect(s.live(chat).filter((m) => m.text.startsWith('Alpha note')).map((m) => m.text.split('\n')[3])).toEqual([]);
    } finally {
      await s.stop();
    }
  });
});

describe('rv-a: a family member removed, the chat shown another member again (onDelete: delete)', () => {
  // `all` shows JA (marked translated, alone), JA is reposted (M1 older, M2), EN joins and M2 is edited to show EN,
  // EN is deleted: M2 goes back to JA. M1 is JA's own earlier message and JA lives on.
  it('R3: a live member\'s older message is not deleted with the member that went', { timeout: 90_000 }, async () => {
    const s = InProcessService.sandbox(repostConfig('repost'));
    await s.start();
    try {
      await write(s, { [JA]: noteText('ガイド', '日本語のガイドは始め方を説明します。', 'translated: true\n') });
      expect(showing(s, 'all')).toEqual(['ガイド']);
      await write(s, { [JA]: noteText('ガイド 2', '日本語のガイドは新しい始め方を説明します。', 'translated: true\n') });
      expect(showing(s, 'all')).toEqual(['ガイド', 'ガイド 2']);
      await write(s, { [EN]: noteText('Guide', 'The English guide tells you how to start.') });
      expect(showing(s, 'all')).toEqual(['ガイド', 'Guide']);
      await remove(s, EN);
      await s.waitFor(() => s.openDeliveries() === 0, 20_000, 'every delivery out');
      expect(showing(s, 'all')).toEqual(['ガイド', 'ガイド 2']);
    } finally {
      await s.stop();
    }
  });
});
