/**
 * Admission of Bot Framework requests. While open, each request is counted until its turn has answered;
 * once closed (shutdown), new requests are refused and `idle()` tells when the running ones are done.
 */
export class TurnGate {
  private open = true;
  private running = 0;
  private readonly waiters: (() => void)[] = [];

  get accepting(): boolean {
    return this.open;
  }

  get inFlight(): number {
    return this.running;
  }

  close(): void {
    this.open = false;
  }

  /** Runs `turn` counted as in flight; the caller checks `accepting` first. */
  async track<T>(turn: () => Promise<T>): Promise<T> {
    this.running += 1;
    try {
      return await turn();
    } finally {
      this.running -= 1;
      if (this.running === 0) this.waiters.splice(0).forEach((wake) => wake());
    }
  }

  idle(): Promise<void> {
    return this.running === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}
