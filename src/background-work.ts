/**
 * Slow work that continues after Teams has its answer (checkout, provisioning updates). Tracked so that
 * shutdown and tests can wait for it instead of sleeping; failures are logged, never thrown into a turn.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly onError: (error: unknown) => void) {}

  run(work: () => Promise<void>): void {
    const task = Promise.resolve()
      .then(work)
      .catch((error: unknown) => this.onError(error))
      .finally(() => this.running.delete(task));
    this.running.add(task);
  }

  /** Resolves when nothing is running, including work started by work that finished meanwhile. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  get size(): number {
    return this.running.size;
  }
}
