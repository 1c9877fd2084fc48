import { performance } from 'node:perf_hooks';
import type { Bench, RunningBot } from './bench-setup';
import { Pacer } from './pacer';
import { buyAsRep, repNumber } from './purchase-driver';
import { checkoutsPerCart, purchaseCalls } from './sandbox-requests';
import { summarize, type Summary } from './stats';

export interface ThroughputResult {
  reps: number;
  wallMs: number;
  completed: number;
  purchasesPerSecond: number;
  turns: Summary;
  errors: string[];
  cartsCreated: number;
  cartsCheckedOut: number;
  /** Checkouts per checked-out cart: [min, max]. Both must be 1. */
  checkoutsPerCart: [number, number];
  /** Calls of these purchases (by MS-CorrelationId), per completed purchase. */
  callsPerPurchase: number;
}

/**
 * `reps` reps start a one-line purchase at the same moment, each thinking `thinkMs` between clicks; a
 * purchase is complete when "Order placed" reaches its rep.
 */
export async function measureThroughput(bench: Bench, bot: RunningBot, reps: number, thinkMs: number): Promise<ThroughputResult> {
  await bench.record.clear();
  const team = Array.from({ length: reps }, (_, n) => repNumber(n, `load${reps}`));
  const pacer = new Pacer(thinkMs, false);
  const started = performance.now();
  const outcomes = await Promise.all(team.map((rep) => buyAsRep(bot.side, rep, { lines: 1, pacer })));
  const wallMs = performance.now() - started;
  await bot.process.ask({ type: 'idle' }, 'idle');
  const requests = await bench.record.requests();
  const perCart = [...checkoutsPerCart(requests).values()];
  const completed = outcomes.filter((o) => o.ordered).length;
  team.forEach((rep) => bench.connector.forget(rep.conversation.id));
  return {
    reps,
    wallMs,
    completed,
    purchasesPerSecond: completed / (wallMs / 1000),
    turns: summarize(outcomes.flatMap((o) => o.turns.map((t) => t.ms))),
    errors: outcomes.flatMap((o) => (o.error ? [o.error] : [])),
    cartsCreated: requests.filter((r) => r.method === 'POST' && r.path.endsWith('/carts')).length,
    cartsCheckedOut: perCart.length,
    checkoutsPerCart: perCart.length > 0 ? [Math.min(...perCart), Math.max(...perCart)] : [0, 0],
    callsPerPurchase: [...purchaseCalls(requests).purchases.values()].flat().length / Math.max(1, completed),
  };
}
