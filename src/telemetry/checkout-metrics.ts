import { instruments } from './instruments';

interface CheckoutOutcome {
  /** `cart`, `order` or `addon`. */
  kind: string;
  /** The purchase status the run stored: `ordered`, `failed` or `outcome_unknown` (the answer was lost). */
  outcome: string;
  durationMs: number;
  /** Run again after a restart: its duration covers only this run. */
  resumed: boolean;
}

/** One finished checkout run: the purchases counter and the checkout duration histogram. */
export function recordCheckout({ kind, outcome, durationMs, resumed }: CheckoutOutcome): void {
  const attributes = { kind, outcome, resumed };
  instruments().purchases.add(1, attributes);
  instruments().checkoutDuration.record(durationMs, attributes);
}
