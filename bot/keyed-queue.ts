/**
 * Runs tasks one after another per key, tasks of different keys side by side. Within one process
 * this keeps updates of one record from racing each other (they would only collide and retry);
 * between processes the store's eTags still decide.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    // The next task waits for this one to settle, whether it succeeded or not.
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    try {
      return await result;
    } finally {
      // Forget idle keys, so the map does not grow with every tenant ever seen.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
