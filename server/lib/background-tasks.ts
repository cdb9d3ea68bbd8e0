import type { Logger } from './logger.ts';

/**
 * Runs work after a webhook has been answered, so Twilio gets its TwiML at once while sending
 * goes on. Tests and shutdown wait for `drain()`.
 */
export class BackgroundTasks {
  private readonly running = new Set<Promise<void>>();
  private readonly pending = new Map<NodeJS.Timeout, { name: string; run: () => Promise<void> }>();

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

  /**
   * Runs a task after a delay. A timer does not keep the process alive, and `stop()` cancels
   * timers not yet fired, so work that must survive a restart also needs a start-up sweep.
   */
  runLater(name: string, delayMs: number, task: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      this.run(name, task);
    }, delayMs);
    timer.unref();
    this.pending.set(timer, { name, run: task });
  }

  /** Resolves once every task, including those started while waiting, has finished. */
  async drain(): Promise<void> {
    while (this.running.size > 0) {
      await Promise.all([...this.running]);
    }
  }

  /** Starts every delayed task now, as if its delay had passed; tests use this with a test clock. */
  fireTimers(): void {
    for (const [timer, task] of this.pending) {
      clearTimeout(timer);
      this.run(task.name, task.run);
    }
    this.pending.clear();
  }

  /** Cancels delayed tasks and waits for running ones. */
  async stop(): Promise<void> {
    for (const timer of this.pending.keys()) {
      clearTimeout(timer);
    }
    this.pending.clear();
    await this.drain();
  }
}
