import { performance } from 'node:perf_hooks';
import type { Bench, RunningBot } from './bench-setup';
import { Pacer } from './pacer';
import { buyAsRep, repNumber } from './purchase-driver';
import { checkoutsPerCart, purchaseCalls } from './sandbox-requests';
import { summarize, type Summary } from './stats';

export interface ThroughputResult {
  reps: number;
  /** Bot processes the reps were spread over (two share one Azurite container). */
  processes: number;
  wallMs: number;
  completed: number;
  purchasesPerSecond: number;
  turns: Summary;
  /** Action.Execute turns only: what Teams waits on before it shows the rep an error. */
  invokes: Summary;
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
 * purchase is complete when "Order placed" reaches its rep. With several bots, rep n talks to bot n mod count.
 */
export async function measureThroughput(bench: Bench, bots: RunningBot[], reps: number, thinkMs: number): Promise<ThroughputResult> {
  await bench.record.clear();
  const label = `load${reps}x${bots.length}`;
  const team = Array.from({ length: reps }, (_, n) => repNumber(n, label));
  const pacer = new Pacer(thinkMs, false);
  const started = performance.now();
  const outcomes = await Promise.all(team.map((rep, n) => buyAsRep(bots[n % bots.length]!.side, rep, { lines: 1, pacer })));
  const wallMs = performance.now() - started;
  await Promise.all(bots.map((bot) => bot.process.ask({ type: 'idle' }, 'idle')));
  const requests = await bench.record.requests();
  const perCart = [...checkoutsPerCart(requests).values()];
  const completed = outcomes.filter((o) => o.ordered).length;
  team.forEach((rep) => bench.connector.forget(rep.conversation.id));
  return {
    reps,
    processes: bots.length,
    wallMs,
    completed,
    purchasesPerSecond: completed / (wallMs / 1000),
    turns: summarize(outcomes.flatMap((o) => o.turns.map((t) => t.ms))),
    invokes: summarize(outcomes.flatMap((o) => o.turns.filter((t) => t.kind === 'invoke').map((t) => t.ms))),
    errors: outcomes.flatMap((o) => (o.error ? [o.error] : [])),
    cartsCreated: requests.filter((r) => r.method === 'POST' && r.path.endsWith('/carts')).length,
    cartsCheckedOut: perCart.length,
    checkoutsPerCart: perCart.length > 0 ? [Math.min(...perCart), Math.max(...perCart)] : [0, 0],
    callsPerPurchase: [...purchaseCalls(requests).purchases.values()].flat().length / Math.max(1, completed),
  };
}
