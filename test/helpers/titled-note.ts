/**
 * Saving one titled note into an in-process service's notes folder and waiting until what it queued is delivered: the
 * step the one-name-per-chat tests (chat-names, telegram-username-*) each wrote out.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { InProcessCli } from './inproc.js';
import { note, type Sandbox } from './service.js';

/** Saves `file` titled `title` and waits until its batch is applied and what it queued is delivered (the service idle after it). */
export async function saveTitled(svc: InProcessCli, sb: Sandbox, file: string, title: string): Promise<void> {
  const from = svc.events.length;
  svc.forgetBatched([file]);
  writeFileSync(path.join(sb.notes, file), note(title, `${title} body text here.`));
  await svc.batched([file]);
  await svc.idle(from);
  await svc.settled();
}
