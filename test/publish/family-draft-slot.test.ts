/**
 * Issue 25 (H): a draft is not announced, so it is no family's member: it must not hold its
 * language's place under a translation key, or a published note of that language is announced
 * apart from its own translations.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessService } from '../helpers/inproc.js';
import { modelConfig } from '../helpers/route-model.js';

let svc: InProcessService | undefined;
afterEach(async () => {
  await svc?.stop();
  svc = undefined;
});

const note = (title: string, draft = false) => `---\ntitle: ${title}\n${draft ? 'draft: true\n' : ''}---\n\nThe note ${title}.\n`;

describe('a draft and a family', () => {
  it('a draft of a language does not keep a published note of that language out of its family', { timeout: 60_000 }, async () => {
    svc = InProcessService.sandbox(modelConfig('keep'));
    await svc.start();
    mkdirSync(path.join(svc.notes, 'a'));
    writeFileSync(path.join(svc.notes, 'setup.md'), note('Draft', true));
    await svc.settle(['setup.md']);
    writeFileSync(path.join(svc.notes, 'a/setup.md'), note('Published'));
    writeFileSync(path.join(svc.notes, 'setup-ja.md'), note('Japanese'));
    await svc.settle(['a/setup.md', 'setup-ja.md']);
    const store = svc.app!.store;
    expect(store.getNote('a/setup')?.info.translationKey).toBe('setup');
    expect(store.getNote('setup-ja')?.info.translationKey).toBe('setup');
    expect(svc.live('all')).toHaveLength(1); // one family, one message
    expect(svc.live('all')[0]!.text).toContain('日本語');
  });
});
