/** What the writer keeps: a counter that moves with every saved record, and the state as text. */
interface WritableState {
  revision(): number;
  serialize(): string;
  write(serialized: string): Promise<void>;
}

/**
 * Keeps the sandbox state file current without costing every request a copy of the whole state.
 * Partner Center has recorded a change when it answers, so a request is answered only once a write
 * that began after its change has finished; requests arriving while a write runs share the next one
 * (a group commit), and a request that changed nothing (the store's revision did not move, nothing was
 * marked) waits for no write at all. Before, every call, reads included, serialized the whole state
 * and wrote it synchronously: at a few hundred purchases that was most of the sandbox's CPU.
 */
export class StateWriter {
  /** The revision the newest write began from; -1 before the first and after a failed one, so the next `keep` writes. */
  private begunRevision = -1;
  private written = '';
  /** A change the revision does not count (a refresh token, a record changed in place) waits for a write. */
  private marked = false;
  private running: Promise<void> = Promise.resolve();
  /** The write that begins once `running` ends: every `keep` before it begins shares it. */
  private next?: Promise<void>;

  constructor(private readonly state: WritableState) {}

  markChanged(): void {
    this.marked = true;
  }

  /** Resolves once every change made before the call is in the file. */
  keep(): Promise<void> {
    if (this.next) return this.next;
    if (!this.marked && this.state.revision() === this.begunRevision) return this.running;
    // After the running write, whether or not it failed: its failure went to its own callers.
    const next = this.running.then(() => this.writeNow(), () => this.writeNow());
    this.next = next;
    this.running = next;
    return next;
  }

  /** Settles with the newest write (a clean stop waits for it, and learns if the state was not kept). */
  lastWrite(): Promise<void> {
    return this.running;
  }

  private async writeNow(): Promise<void> {
    // From here on, a change belongs to the next write.
    this.next = undefined;
    this.marked = false;
    this.begunRevision = this.state.revision();
    const serialized = this.state.serialize();
    if (serialized === this.written) return;
    try {
      await this.state.write(serialized);
    } catch (error) {
      this.begunRevision = -1;
      this.marked = true;
      throw error;
    }
    this.written = serialized;
  }
}
