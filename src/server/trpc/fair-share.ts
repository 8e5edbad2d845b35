import { TRPCError } from "@trpc/server";

// Each caller (a signed-in user, else a client address) runs at most a few procedure calls at a time on this
// instance; the rest of its calls wait their turn in line. Each call can hold one pooled connection, so one
// member's burst (a batch of mutations, many tabs, a script) queues behind itself instead of taking every
// connection of the pool while other studios' requests time out.

type Waiter = { start: () => void };

export class FairShare {
  private running = new Map<string, number>();
  private queues = new Map<string, Waiter[]>();

  constructor(private readonly options: { perCaller: number; maxWaitMs: number }) {}

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    await this.acquire(key);
    try {
      return await fn();
    } finally {
      this.release(key);
    }
  }

  private acquire(key: string): Promise<void> {
    const running = this.running.get(key) ?? 0;
    if (running < this.options.perCaller) {
      this.running.set(key, running + 1);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        const queue = this.queues.get(key) ?? [];
        const at = queue.indexOf(waiter);
        if (at >= 0) queue.splice(at, 1);
        if (queue.length === 0) this.queues.delete(key);
        reject(new TRPCError({ code: "TOO_MANY_REQUESTS", message: "Too many requests at once. Please try again in a moment." }));
      }, this.options.maxWaitMs);
      const queue = this.queues.get(key) ?? [];
      queue.push(waiter);
      this.queues.set(key, queue);
    });
  }

  private release(key: string): void {
    const queue = this.queues.get(key);
    const next = queue?.shift();
    if (queue && queue.length === 0) this.queues.delete(key);
    if (next) {
      next.start(); // the slot passes straight to the next in line
      return;
    }
    const running = (this.running.get(key) ?? 1) - 1;
    if (running > 0) this.running.set(key, running);
    else this.running.delete(key);
  }
}
