/**
 * Removals wait while the notes folder itself is gone (moved away, unmounted, deleted for a re-clone): a
 * vanished folder is not every note removed, whatever their number (issue 25, tester 23-1 F4: with
 * `onDelete: delete` under `watch.removalThreshold`, every message was deleted, and every note posted again
 * once the folder was back). The folder is looked at each second until it is there again; its notes that
 * came back are then no removals (Publisher.applyRemovals takes only files still gone), and those that did
 * not are judged as ever, the threshold included.
 */
import type { Logger } from '../log.js';
import { notesFolderPresent } from '../notes/real-root.js';

export class FolderAway {
  /** Removals were due while the folder was gone, and wait for it. */
  private away = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly root: string,
    private readonly log: Logger,
    /** The folder is back: judge the removals again. */
    private readonly onBack: () => void,
  ) {}

  /** Whether removals may be judged now: the folder is there. Else they wait for it, said once. */
  present(waiting: number): boolean {
    if (notesFolderPresent(this.root)) {
      this.away = false;
      return true;
    }
    if (!this.away) this.log.warn({ root: this.root, removals: waiting }, 'the notes folder is gone: no note is taken as removed until it is back');
    this.away = true;
    this.lookAgain();
    return false;
  }

  /** Removals wait for the folder, which is still gone: `idle` does not wait for them (once it is back, it waits for their judgement). */
  waitsForFolder(): boolean {
    return this.away && !notesFolderPresent(this.root);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private lookAgain(): void {
    this.stop();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (notesFolderPresent(this.root)) this.onBack();
      else this.lookAgain();
    }, 1000);
    this.timer.unref();
  }
}
