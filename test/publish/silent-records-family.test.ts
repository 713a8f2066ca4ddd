/**
 * Notes recorded without announcing (a first run; a start --after-restore, in model.test.ts) in a
 * family that another change of the same batch touches (a draft of the same translationKey): the
 * family was posted for them (family-outbox.ts `markSilentlyRecorded`; found by the model's restore step).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { InProcessService } from '../helpers/inproc.js';
import { modelConfig } from '../helpers/route-model.js';

it('a first run over a published note and a draft of the same translationKey announces nothing', { timeout: 60_000 }, async () => {
  const svc = InProcessService.sandbox(modelConfig('keep'));
  const files = {
    '_posts/ja/setup.md': '---\ntitle: N1\ntranslationKey: shared\n---\n\nThe note N1 says something.\n',
    'b/setup.md': '---\ntitle: N2\ndraft: true\ntranslationKey: shared\n---\n\nThe note N2 says something else.\n',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(svc.notes, file)), { recursive: true });
    writeFileSync(path.join(svc.notes, file), text);
  }
  await svc.start(); // waits for idle: the first scan is recorded and every delivery out
  try {
    expect(svc.events.filter((e) => e.event === 'post')).toEqual([]);
    expect(svc.app!.store.getNote('_posts/ja/setup')?.announced).toBe(true);
  } finally {
    await svc.stop();
  }
});
