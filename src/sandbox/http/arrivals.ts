export interface Arrival {
  method: string;
  path: string;
}

interface Waiter {
  method?: string;
  pattern: RegExp;
  resolve(arrival: Arrival): void;
}

/**
 * Lets a caller wait for the next /v1 request that matches, as it arrives (before it is answered): a
 * test in another process can act "while the checkout is at Partner Center" without polling.
 */
export class RequestArrivals {
  private waiters: Waiter[] = [];

  arrived(arrival: Arrival): void {
    const matched = this.waiters.filter((w) => (w.method === undefined || w.method === arrival.method) && w.pattern.test(arrival.path));
    this.waiters = this.waiters.filter((w) => !matched.includes(w));
    for (const waiter of matched) waiter.resolve(arrival);
  }

  next(method: string | undefined, pattern: RegExp): Promise<Arrival> {
    return new Promise((resolve) => this.waiters.push({ method, pattern, resolve }));
  }
}
