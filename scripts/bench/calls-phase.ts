import type { Bench, RunningBot } from './bench-setup';
import { Pacer } from './pacer';
import { buyAsRep, repNumber, SIMPLE_PRODUCTS, type TurnSample } from './purchase-driver';
import { countBy, operationOf, purchaseCalls } from './sandbox-requests';

export interface CallsResult {
  lines: number;
  total: number;
  byOperation: [string, number][];
  /** Calls of other flows in the same window (provisioning watch of earlier orders), not counted. */
  otherFlows: number;
  largestCardBytes: number;
  slowestTurn: TurnSample;
  error?: string;
}

/**
 * Partner Center calls of one purchase with `lines` lines, counted from the sandbox's record. A purchase
 * with every product of the plan runs first so that the catalog cache is warm, as it is in a running bot.
 */
export async function countCalls(bench: Bench, bot: RunningBot, lines: number, runId: number): Promise<CallsResult> {
  // Half a second between clicks keeps a 50-line purchase under Teams' 60 operations per 30 s.
  const pacer = new Pacer(500, false);
  const warm = await buyAsRep(bot.side, repNumber(runId, 'warm'), { lines: Math.min(lines, SIMPLE_PRODUCTS.length), pacer });
  await bot.process.ask({ type: 'idle' }, 'idle');
  await bench.record.clear();
  const outcome = await buyAsRep(bot.side, repNumber(runId, 'calls'), { lines, pacer });
  await bot.process.ask({ type: 'idle' }, 'idle');
  const { purchases, others } = purchaseCalls(await bench.record.requests());
  const requests = [...purchases.values()].flat();
  const slowestTurn = outcome.turns.reduce((a, b) => (b.ms > a.ms ? b : a), { step: '', kind: 'invoke', ms: 0 } as TurnSample);
  return {
    lines,
    total: requests.length,
    byOperation: [...countBy(requests, operationOf)].sort((a, b) => b[1] - a[1]),
    otherFlows: others.length,
    largestCardBytes: outcome.largestCardBytes,
    slowestTurn,
    error: warm.error ? `warm-up purchase: ${warm.error}` : outcome.error,
  };
}
