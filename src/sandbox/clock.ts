/**
 * The sandbox's notion of "now": the injected clock plus an offset that `POST /_sandbox/clock` can
 * advance, so a standalone sandbox can expire carts and finish provisioning without waiting.
 */
export class SandboxClock {
  private offsetMs = 0;

  constructor(private readonly base: () => Date) {}

  now(): Date {
    return new Date(this.base().getTime() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  setTo(instant: Date): void {
    this.offsetMs = instant.getTime() - this.base().getTime();
  }
}
