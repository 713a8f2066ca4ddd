/**
 * Long polling kept up. grammY's runner ends for good on a 409 Conflict (a webhook set on the bot meanwhile, or a
 * second poller: TelegramBotAPI/errors json/conflicted-terminated-by-other-long-poll.json; @grammyjs/runner rethrows
 * 401 and 409), which left chat commands unanswered until a restart: polling starts again, 1 s doubling to a minute,
 * each try logged; a refused token (401) ends it, said once.
 */
import type { RunnerHandle } from '@grammyjs/runner';
import { GrammyError } from 'grammy';
import type { Logger } from '../../log.js';
import { backoffMs } from '../../publish/backoff.js';

export class KeptPolling {
  private runner: RunnerHandle | undefined;
  private stopping = false;
  private again: NodeJS.Timeout | undefined;

  /** `begin`: starts one runner (deleting a webhook first, as a start does). */
  constructor(
    private readonly begin: () => Promise<RunnerHandle>,
    private readonly log: Logger,
  ) {}

  get running(): boolean {
    return !!this.runner?.isRunning();
  }

  async start(): Promise<void> {
    this.stopping = false;
    this.runner = await this.begin();
    this.watch(this.runner, 1);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.again);
    if (this.runner?.isRunning()) await this.runner.stop();
    this.runner = undefined;
  }

  private watch(polling: RunnerHandle, attempt: number): void {
    void polling.task()?.catch((e: unknown) => {
      if (this.stopping || polling !== this.runner) return;
      if (e instanceof GrammyError && e.error_code === 401) return void this.log.error({ err: String(e) }, 'telegram polling stopped: the bot token was refused');
      const retryInMs = backoffMs(attempt, { baseDelayMs: 1000, maxDelayMs: 60_000 });
      this.log.error({ err: String(e), retryInMs }, 'telegram polling stopped; starting it again');
      this.again = setTimeout(() => void this.restart(polling, attempt), retryInMs);
      this.again.unref();
    });
  }

  private async restart(polling: RunnerHandle, attempt: number): Promise<void> {
    if (this.stopping) return;
    try {
      this.runner = await this.begin();
      this.watch(this.runner, attempt + 1);
    } catch (e) {
      this.log.error({ err: String(e) }, 'telegram polling could not start again');
      this.watch(polling, attempt + 1); // its task has ended: tried again after the next wait
    }
  }
}
