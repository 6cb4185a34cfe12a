/** Thrown when too many turns of one conversation are already waiting. */
export class ConversationBusy extends Error {
  constructor() {
    super('Too many messages of one conversation at once');
    this.name = 'ConversationBusy';
  }
}

/**
 * Runs the turns of one conversation one after the other, so two messages sent at the same moment cannot both read
 * the same state and overwrite each other's answer (BotState saves without an eTag). Turns of different
 * conversations run side by side. At most `maxWaiting` turns of one conversation wait; more get ConversationBusy, so
 * a stuck turn cannot make a queue grow without bound. Within one process; see README "Running several instances".
 */
export class TurnLock {
  private readonly queues = new Map<string, { tail: Promise<unknown>; waiting: number }>();

  constructor(private readonly maxWaiting = 5) {}

  async run<T>(key: string, turn: () => Promise<T>): Promise<T> {
    const queue = this.queues.get(key) ?? { tail: Promise.resolve(), waiting: 0 };
    if (queue.waiting >= this.maxWaiting) throw new ConversationBusy();
    queue.waiting += 1;
    this.queues.set(key, queue);
    const result = queue.tail.then(turn, turn);
    queue.tail = result.catch(() => undefined).finally(() => {
      queue.waiting -= 1;
      if (queue.waiting === 0) this.queues.delete(key);
    });
    return result;
  }

  /** Conversations with a turn running or waiting (for tests). */
  size(): number {
    return this.queues.size;
  }
}
