interface Arrival {
  method: string;
  path: string;
}

interface Waiter {
  method?: string;
  pattern: RegExp;
  /** Resolve at this many matching arrivals since the start; undefined = the next one. */
  nth?: number;
  resolve(arrival: Arrival): void;
}

const matches = (w: Pick<Waiter, 'method' | 'pattern'>, arrival: Arrival) =>
  (w.method === undefined || w.method === arrival.method) && w.pattern.test(arrival.path);

/**
 * Lets a caller wait for the next /v1 request that matches, as it arrives (before it is answered): a
 * test in another process can act "while the checkout is at Partner Center" without polling.
 */
export class RequestArrivals {
  private waiters: Waiter[] = [];
  private readonly seen: Arrival[] = [];

  arrived(arrival: Arrival): void {
    this.seen.push(arrival);
    const due = this.waiters.filter((w) => matches(w, arrival) && (w.nth === undefined || this.countMatching(w) >= w.nth));
    this.waiters = this.waiters.filter((w) => !due.includes(w));
    for (const waiter of due) waiter.resolve(arrival);
  }

  next(method: string | undefined, pattern: RegExp, nth?: number): Promise<Arrival> {
    const waiter = { method, pattern, nth };
    if (nth !== undefined) {
      const already = this.seen.filter((arrival) => matches(waiter, arrival));
      if (already.length >= nth) return Promise.resolve(already[nth - 1]);
    }
    return new Promise((resolve) => this.waiters.push({ ...waiter, resolve }));
  }

  private countMatching(waiter: Pick<Waiter, 'method' | 'pattern'>): number {
    return this.seen.filter((arrival) => matches(waiter, arrival)).length;
  }
}
