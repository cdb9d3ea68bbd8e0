import type { Logger } from './logger.ts';

/**
 * Runs work after a webhook has been answered, so Twilio gets its TwiML at once while sending
 * goes on. Tests and shutdown wait for `drain()`.
 */
export class BackgroundTasks {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly log: Logger) {}

  run(name: string, task: () => Promise<void>): void {
    const promise = task()
      .catch((err: unknown) => {
        this.log.error({ err, task: name }, 'background task failed');
      })
      .finally(() => {
        this.running.delete(promise);
      });
    this.running.add(promise);
  }

  /** Resolves once every task, including those started while waiting, has finished. */
  async drain(): Promise<void> {
    while (this.running.size > 0) {
      await Promise.all([...this.running]);
    }
  }
}
