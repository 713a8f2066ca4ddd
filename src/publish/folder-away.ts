/**
 * Removals wait while the notes folder itself is gone (moved away, unmounted, deleted for a re-clone): a
 * vanished folder is not every note removed, whatever their number (issue 25, tester 23-1 F4: with
 * `onDelete: delete` under `watch.removalThreshold`, every message was deleted, and every note posted again
 * once the folder was back). The folder is looked at each second until it is there again; its notes that
 * came back are then no removals (Publisher.applyRemovals takes only files still gone), and those that did
 * not are judged as ever, the threshold included. "There again" is the folder at its path *and* the
 * watcher watching it anew, the folder's notes handed over (issue 25, tester 24-1 F1/F5: judged by this look
 * alone, a note renamed while the folder was away was retracted (or, under keep, posted again beside its
 * message) before the watcher's batch of the returned folder brought its new name).
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
    /** The watcher watches the folder, and has handed over what it found there since it came back. */
    private readonly watcherCaughtUp: () => boolean,
    /** The folder is back: judge the removals again. */
    private readonly onBack: () => void,
  ) {}

  /** Whether removals may be judged now: the folder is there. Else they wait for it, said once. */
  present(waiting: number): boolean {
    if (this.back()) {
      this.away = false;
      return true;
    }
    if (!this.away && notesFolderPresent(this.root)) this.log.info({ root: this.root, removals: waiting }, 'the notes folder is being watched again: no note is taken as removed until its notes are read');
    else if (!this.away) this.log.warn({ root: this.root, removals: waiting }, 'the notes folder is gone: no note is taken as removed until it is back');
    this.away = true;
    this.lookAgain();
    return false;
  }

  /** A batch ran: the folder, back and read again, ends the absence (a next one is said again, even within this look's second). */
  batchRan(): void {
    if (this.away && this.back()) this.away = false;
  }

  /** Removals wait for the folder, which is still gone: `idle` does not wait for them (once it is back, it waits for their judgement). */
  waitsForFolder(): boolean {
    return this.away && !notesFolderPresent(this.root);
  }

  private back(): boolean {
    return notesFolderPresent(this.root) && this.watcherCaughtUp();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private lookAgain(): void {
    this.stop();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.back()) return this.lookAgain();
      this.away = false; // a later absence is said again, whether or not removals still wait to be judged
      this.onBack();
    }, 1000);
    this.timer.unref();
  }
}
