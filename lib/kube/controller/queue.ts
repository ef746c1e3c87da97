// A rate-limited work queue, as client-go's workqueue: a key is queued at most once however often it is
// added; a key added while it is being processed is processed again afterwards (never twice at once); a
// failed key comes back after an exponential per-key delay with a cap; at most `concurrency` keys run at once.

export interface QueueOptions {
  concurrency: number;
  /** First retry delay; doubles with each consecutive failure of the same key. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Told of each finished attempt: how long it took and whether it failed (metrics). */
  onAttempt?: (ms: number, failed: boolean) => void;
}

export interface QueueStats {
  processed: number;
  failures: number;
  /** Total time spent in the handler, for the average work duration. */
  busyMs: number;
}

export class WorkQueue {
  private queue: string[] = [];
  private dirty = new Set<string>();
  private processing = new Set<string>();
  private failures = new Map<string, number>();
  private waiting = new Map<string, NodeJS.Timeout>();
  private stopped = false;
  private idleWaiters: (() => void)[] = [];
  readonly stats: QueueStats = { processed: 0, failures: 0, busyMs: 0 };

  constructor(
    private readonly handle: (key: string) => Promise<void>,
    private readonly opts: QueueOptions,
  ) {}

  add(key: string): void {
    if (this.stopped || this.dirty.has(key)) return;
    this.dirty.add(key);
    if (!this.processing.has(key)) this.queue.push(key);
    this.pump();
  }

  /** Whether a worker has the key now. */
  isRunning(key: string): boolean {
    return this.processing.has(key);
  }

  /** Adds the key after the delay its consecutive failures have earned. */
  addRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    const delay = Math.min((this.opts.baseDelayMs ?? 100) * 2 ** n, this.opts.maxDelayMs ?? 60_000);
    this.addAfter(key, delay);
  }

  addAfter(key: string, ms: number): void {
    if (this.stopped || this.waiting.has(key)) return;
    const timer = setTimeout(() => {
      this.waiting.delete(key);
      this.add(key);
    }, ms);
    timer.unref();
    this.waiting.set(key, timer);
  }

  /** Keys queued or running (what a dashboard calls queue depth). */
  get depth(): number {
    return this.queue.length + this.processing.size;
  }

  /** Keys waiting out a retry delay. */
  get retrying(): number {
    return this.waiting.size;
  }

  /** Resolves when nothing is queued or running (keys waiting for a retry do not count). */
  drained(): Promise<void> {
    if (this.depth === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  shutDown(): void {
    this.stopped = true;
    this.queue = [];
    this.dirty.clear();
    for (const t of this.waiting.values()) clearTimeout(t);
    this.waiting.clear();
  }

  private pump(): void {
    while (!this.stopped && this.processing.size < this.opts.concurrency && this.queue.length) {
      const key = this.queue.shift()!;
      this.dirty.delete(key);
      this.processing.add(key);
      void this.run(key);
    }
    if (this.depth === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async run(key: string): Promise<void> {
    const t0 = performance.now();
    let failed = false;
    try {
      await this.handle(key);
      this.failures.delete(key);
    } catch {
      failed = true;
      this.stats.failures++;
      if (!this.stopped) this.addRateLimited(key);
    } finally {
      const ms = performance.now() - t0;
      this.stats.processed++;
      this.stats.busyMs += ms;
      this.opts.onAttempt?.(ms, failed);
      this.processing.delete(key);
      // Re-added while it ran: its turn comes again, after whoever is already waiting.
      if (this.dirty.has(key) && !this.stopped) this.queue.push(key);
      this.pump();
    }
  }
}
