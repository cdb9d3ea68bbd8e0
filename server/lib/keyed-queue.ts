/**
 * Runs tasks one at a time per key, in arrival order, so two messages from one lead never
 * drive the bot at once.
 *
 * Limitation: the order holds within one server process only; two processes sharing a
 * database can still interleave turns of one conversation.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) {
        this.tails.delete(key);
      }
    });
    return result;
  }
}
